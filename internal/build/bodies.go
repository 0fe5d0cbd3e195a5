package build

import (
	"fmt"
	"html/template"
	"os"
	"sync"

	"showcase/internal/site"
)

// bodySpool keeps the HTML of brand bodies in a temporary file from the
// moment each is decoded until its brand page is rendered. A body is the
// largest part of a brand, and only its page shows it; at 100,000 brands
// holding them all would take most of a gigabyte. The bodies of units an
// incremental build kept stay where the build state has them.
type bodySpool struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	refs map[string]sheetRef // by the brand's source path
	kept map[string]keptBody // likewise, for kept units
	err  error
}

// keptBody is where a kept brand's body sits in its unit's state file.
type keptBody struct {
	unit *keptUnit
	sp   span
}

// newBodySpool makes a spool in dir.
func newBodySpool(dir string) (*bodySpool, error) {
	f, err := os.CreateTemp(dir, ".showcase-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("body spool: %w", err)
	}
	return &bodySpool{f: f, refs: map[string]sheetRef{}}, nil
}

// put stores the body of the brand read from source. A failure is kept
// for html to report, since the decoder that calls put has no error path.
func (s *bodySpool) put(source string, html template.HTML) {
	s.mu.Lock()
	off := s.end
	s.end += int64(len(html))
	s.refs[source] = sheetRef{off: off, n: int64(len(html)), ok: true}
	s.mu.Unlock()
	if _, err := s.f.WriteAt([]byte(html), off); err != nil {
		s.mu.Lock()
		s.err = fmt.Errorf("body spool: %w", err)
		s.mu.Unlock()
	}
}

// keep records that the body of the brand read from source is at sp of
// a kept unit's state file.
func (s *bodySpool) keep(source string, k *keptUnit, sp span) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kept == nil {
		s.kept = map[string]keptBody{}
	}
	s.kept[source] = keptBody{unit: k, sp: sp}
}

// html reads back the body of brand b.
func (s *bodySpool) html(b *site.Brand) (template.HTML, error) {
	data, err := s.bytes(b.Source)
	return template.HTML(data), err
}

// bytes reads back the body of the brand read from source.
func (s *bodySpool) bytes(source string) ([]byte, error) {
	s.mu.Lock()
	r, k, err := s.refs[source], s.kept[source], s.err
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if !r.ok && k.unit != nil {
		f, err := os.Open(k.unit.path)
		if err != nil {
			return nil, fmt.Errorf("read build state: %w", err)
		}
		defer f.Close()
		return k.unit.readSpan(f, k.sp)
	}
	if !r.ok {
		return nil, fmt.Errorf("body of %s was never stored", source)
	}
	buf := make([]byte, r.n)
	if _, err := s.f.ReadAt(buf, r.off); err != nil {
		return nil, fmt.Errorf("body spool: %w", err)
	}
	return buf, nil
}

// Close removes the spool.
func (s *bodySpool) Close() {
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}
