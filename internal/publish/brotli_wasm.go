//go:build js && wasm

package publish

import "io"

// newBrotli is never called in the /submit/ page's engine, which writes
// no output; see minify_wasm.go.
func newBrotli(w io.Writer) io.WriteCloser { return newGzip(w) }
