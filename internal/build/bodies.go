package build

import (
	"fmt"
	"html/template"
	"os"
	"sync"

	"showcase/internal/site"
)

// bodySpool keeps the HTML and the plain text of brand bodies in a
// temporary file from the moment each is decoded until its brand page and
// the search index are made. A body is the largest part of a brand, and
// only its page and the search index read it; at 100,000 brands holding
// them all would take more than a gigabyte. The bodies of units an
// incremental build kept stay where the build state has them.
type bodySpool struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	refs map[string][2]sheetRef // by the brand's source path: HTML, text
	kept map[string]keptBody    // likewise, for kept units
	err  error
}

// The two parts of a body the spool keeps.
const (
	bodyHTML = iota
	bodyText
)

// keptBody is where a kept brand's body sits in its unit's state file.
type keptBody struct {
	unit  *keptUnit
	parts [2]span
}

// newBodySpool makes a spool in dir.
func newBodySpool(dir string) (*bodySpool, error) {
	f, err := os.CreateTemp(dir, ".showcase-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("body spool: %w", err)
	}
	return &bodySpool{f: f, refs: map[string][2]sheetRef{}}, nil
}

// put stores the body of the brand read from source. A failure is kept
// for Err to report, since the decoder that calls put has no error path.
func (s *bodySpool) put(source string, html template.HTML, text string) {
	s.mu.Lock()
	off := s.end
	s.end += int64(len(html) + len(text))
	s.refs[source] = [2]sheetRef{
		{off: off, n: int64(len(html)), ok: true},
		{off: off + int64(len(html)), n: int64(len(text)), ok: true},
	}
	s.mu.Unlock()
	if _, err := s.f.WriteAt([]byte(string(html)+text), off); err != nil {
		s.fail(fmt.Errorf("body spool: %w", err))
	}
}

// keep records that the body of the brand read from source is at html
// and text of a kept unit's state file.
func (s *bodySpool) keep(source string, k *keptUnit, html, text span) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kept == nil {
		s.kept = map[string]keptBody{}
	}
	s.kept[source] = keptBody{unit: k, parts: [2]span{html, text}}
}

// html reads back the HTML of brand b's body.
func (s *bodySpool) html(b *site.Brand) (template.HTML, error) {
	data, err := s.bytes(b.Source, bodyHTML)
	return template.HTML(data), err
}

// text reads back the plain text of brand b's body, for the search index,
// which has no error path: a failure is kept for Err.
func (s *bodySpool) text(b *site.Brand) string {
	data, err := s.bytes(b.Source, bodyText)
	if err != nil {
		s.fail(err)
	}
	return string(data)
}

// fail keeps the first failure.
func (s *bodySpool) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// Err returns the first failure to store or read a body.
func (s *bodySpool) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// bytes reads back a part of the body of the brand read from source.
func (s *bodySpool) bytes(source string, part int) ([]byte, error) {
	s.mu.Lock()
	r, k, err := s.refs[source][part], s.kept[source], s.err
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
		return k.unit.readSpan(f, k.parts[part])
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
