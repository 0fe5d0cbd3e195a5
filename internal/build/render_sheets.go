package build

import (
	"fmt"
	"os"
	"sync"
)

// sheetSpool keeps the minified plaque sheets of a build in a temporary
// file, for the pages that gather them: at 100,000 brands they are half a
// gigabyte, which need not stay in memory. It implements render.SheetStore.
type sheetSpool struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	refs []sheetRef
}

// sheetRef is where a sheet sits in the spool.
type sheetRef struct {
	off, n int64
	ok     bool
}

// newSheetSpool makes a spool for n sheets in the build's scratch folder,
// or in the system's temporary folder when scratch is empty.
func newSheetSpool(scratch string, n int) (*sheetSpool, error) {
	f, err := os.CreateTemp(scratch, "sheets-*")
	if err != nil {
		return nil, fmt.Errorf("plaque spool: %w", err)
	}
	return &sheetSpool{f: f, refs: make([]sheetRef, n)}, nil
}

// PutSheet appends sheet i to the spool.
func (s *sheetSpool) PutSheet(i int, sheet []byte) error {
	s.mu.Lock()
	off := s.end
	s.end += int64(len(sheet))
	s.refs[i] = sheetRef{off: off, n: int64(len(sheet)), ok: true}
	s.mu.Unlock()
	if _, err := s.f.WriteAt(sheet, off); err != nil {
		return fmt.Errorf("plaque spool: %w", err)
	}
	return nil
}

// bytes returns sheet i.
func (s *sheetSpool) bytes(i int) ([]byte, error) { return s.read(i, nil) }

// read reads sheet i into buf, growing it as needed.
func (s *sheetSpool) read(i int, buf []byte) ([]byte, error) {
	s.mu.Lock()
	r := s.refs[i]
	s.mu.Unlock()
	if !r.ok {
		return buf, fmt.Errorf("plaque sheet %d was never rendered", i)
	}
	if int64(cap(buf)) < r.n {
		buf = make([]byte, r.n)
	}
	buf = buf[:r.n]
	if _, err := s.f.ReadAt(buf, r.off); err != nil {
		return buf, fmt.Errorf("plaque spool: %w", err)
	}
	return buf, nil
}

// Close removes the spool.
func (s *sheetSpool) Close() {
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}
