//go:build !(js && wasm)

package publish

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"showcase/internal/bufpool"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies output by file extension. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier for HTML, CSS, JS, SVG and XML.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return &Minifier{m: m}
}

// Minify returns data minified for the file's type; other types pass
// through unchanged. It never writes to data.
func (mn *Minifier) Minify(file string, data []byte) ([]byte, error) {
	// The parser takes the bytes of a reader with a Bytes method and
	// reads any other through io.ReadAll, whose growing copies left about
	// twice the page in garbage. Capped at its length, data is copied
	// once, into a slice with room for the parser's closing NUL.
	return mn.minify(file, bytes.NewBuffer(data[:len(data):len(data)]))
}

// MinifyOwned is Minify for bytes the caller owns, which nothing else
// reads or writes until it returns: a page just rendered. When data has
// room past its end, the parser borrows that byte for its closing NUL and
// puts it back, instead of copying the page.
func (mn *Minifier) MinifyOwned(file string, data []byte) ([]byte, error) {
	return mn.minify(file, bytes.NewBuffer(data))
}

// MinifyPooled is MinifyOwned with the result in a slice from bufpool,
// which the caller may put back once it is written; pooled reports
// whether it is one. A type the minifier leaves alone comes back as data.
func (mn *Minifier) MinifyPooled(file string, data []byte) (out []byte, pooled bool, err error) {
	if _, ok := mediaTypes[strings.ToLower(path.Ext(file))]; !ok {
		return data, false, nil
	}
	out, err = mn.minifyInto(file, bytes.NewBuffer(data), bufpool.Get(len(data)))
	return out, err == nil, err
}

func (mn *Minifier) minify(file string, in *bytes.Buffer) ([]byte, error) {
	return mn.minifyInto(file, in, make([]byte, 0, in.Len()))
}

// minifyInto minifies in, appending to dst, which has room for all of it.
func (mn *Minifier) minifyInto(file string, in *bytes.Buffer, dst []byte) ([]byte, error) {
	mt, ok := mediaTypes[strings.ToLower(path.Ext(file))]
	if !ok {
		return in.Bytes(), nil
	}
	out := bytes.NewBuffer(dst)
	if err := mn.m.Minify(mt, out, in); err != nil {
		return nil, fmt.Errorf("minify %s: %w", file, err)
	}
	return out.Bytes(), nil
}
