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
// holding them all would take most of a gigabyte.
type bodySpool struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	refs map[string]sheetRef // by the brand's source path
	err  error
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

// html reads back the body of brand b.
func (s *bodySpool) html(b *site.Brand) (template.HTML, error) {
	s.mu.Lock()
	r, err := s.refs[b.Source], s.err
	s.mu.Unlock()
	if err != nil {
		return "", err
	}
	if !r.ok {
		return "", fmt.Errorf("body of %s was never stored", b.Source)
	}
	buf := make([]byte, r.n)
	if _, err := s.f.ReadAt(buf, r.off); err != nil {
		return "", fmt.Errorf("body spool: %w", err)
	}
	return template.HTML(buf), nil
}

// Close removes the spool.
func (s *bodySpool) Close() {
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}
