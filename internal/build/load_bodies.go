package build

import (
	"fmt"
	"html/template"
	"os"
	"sync"

	"showcase/internal/markdown"
)

// bodySpool keeps the HTML and the plain text of brand bodies in a
// temporary file from the moment each is decoded: a body is the largest
// part of a brand, only its page and the search index read it, and at
// 100,000 brands holding them all would take more than a gigabyte. The
// bodies of units a rebuild kept stay where the build state has them.
//
// The site reads a body through the function put or keep returned, which
// reads the file and writes nothing: bodies flow one way, from the loader
// to the pages, and any number of pages may read them at once.
type bodySpool struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	refs map[string]bodyRef // by the brand's source path
	err  error
}

// bodyRef is where a body sits: its HTML then its text, in the spool, or
// in a kept unit's state file when unit is set.
type bodyRef struct {
	unit      *keptUnit
	off       int64
	html, txt int64
}

// newBodySpool makes a spool in the build's scratch folder.
func newBodySpool(scratch string) (*bodySpool, error) {
	f, err := os.CreateTemp(scratch, "bodies-*")
	if err != nil {
		return nil, fmt.Errorf("body spool: %w", err)
	}
	return &bodySpool{f: f, refs: map[string]bodyRef{}}, nil
}

// put stores the body of the brand read from source. A failure is kept
// for Err to report, since the decoder that calls put has no error path.
func (s *bodySpool) put(source string, doc markdown.Document) (func() markdown.Document, func() string) {
	data := make([]byte, 0, len(doc.HTML)+len(doc.Text))
	data = append(append(data, doc.HTML...), doc.Text...)
	s.mu.Lock()
	ref := bodyRef{off: s.end, html: int64(len(doc.HTML)), txt: int64(len(doc.Text))}
	s.end += int64(len(data))
	s.refs[source] = ref
	s.mu.Unlock()
	if _, err := s.f.WriteAt(data, ref.off); err != nil {
		s.fail(fmt.Errorf("body spool: %w", err))
	}
	return s.reader(ref), s.textReader(ref)
}

// keep records that the body of the brand read from source is at html
// and text of a kept unit's state file, which the state writes one after
// the other.
func (s *bodySpool) keep(source string, k *keptUnit, html, text span) (func() markdown.Document, func() string) {
	ref := bodyRef{unit: k, off: html.Off, html: html.N, txt: text.N}
	s.mu.Lock()
	s.refs[source] = ref
	s.mu.Unlock()
	return s.reader(ref), s.textReader(ref)
}

// reader returns the function that reads a body back; a failure to read
// is kept for Err.
func (s *bodySpool) reader(ref bodyRef) func() markdown.Document {
	return func() markdown.Document {
		both := s.readString(ref)
		if len(both) < int(ref.html) { // the read failed
			return markdown.Document{}
		}
		return markdown.Document{HTML: template.HTML(both[:ref.html]), Text: both[ref.html:]}
	}
}

// textReader returns the function that reads the text of a body alone,
// for the search index, which reads every brand's twice and never its
// HTML.
func (s *bodySpool) textReader(ref bodyRef) func() string {
	text := bodyRef{unit: ref.unit, off: ref.off + ref.html, txt: ref.txt}
	return func() string { return s.readString(text) }
}

// readString reads what ref spans as one string; a failure is kept for
// Err and reads as "". The bytes are needed only until they are a string,
// which copies them, so the buffer goes back for the next body: read anew
// for each page, the bodies were a tenth of what a build allocated.
func (s *bodySpool) readString(ref bodyRef) string {
	buf := spoolBuffers.Get().(*[]byte)
	defer spoolBuffers.Put(buf)
	data, err := s.readInto(ref, *buf)
	if err != nil {
		s.fail(err)
		return ""
	}
	*buf = data
	return string(data)
}

// spoolBuffers are the buffers bodies are read into before they become
// strings.
var spoolBuffers = sync.Pool{New: func() any { return new([]byte) }}

// read reads the HTML and text of a body, which sit one after the other.
func (s *bodySpool) read(ref bodyRef) ([]byte, error) {
	return s.readInto(ref, nil)
}

// readInto reads the HTML and text of a body into buf, grown as needed,
// and returns the bytes read.
func (s *bodySpool) readInto(ref bodyRef, buf []byte) ([]byte, error) {
	n := int(ref.html + ref.txt)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if ref.unit == nil {
		if _, err := s.f.ReadAt(buf, ref.off); err != nil {
			return nil, fmt.Errorf("body spool: %w", err)
		}
		return buf, nil
	}
	f, err := os.Open(ref.unit.path)
	if err != nil {
		return nil, fmt.Errorf("read build state: %w", err)
	}
	defer f.Close()
	return ref.unit.readSpanInto(f, span{Off: ref.off, N: int64(n)}, buf)
}

// parts returns the HTML and the text of the body of the brand read from
// source, for the build state.
func (s *bodySpool) parts(source string) (html, text []byte, err error) {
	s.mu.Lock()
	ref, ok := s.refs[source]
	s.mu.Unlock()
	if !ok {
		return nil, nil, fmt.Errorf("body of %s was never stored", source)
	}
	data, err := s.read(ref)
	if err != nil {
		return nil, nil, err
	}
	return data[:ref.html], data[ref.html:], nil
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

// Close removes the spool.
func (s *bodySpool) Close() {
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}
