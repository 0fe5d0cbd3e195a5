//go:build !(js && wasm)

package publish

import (
	"io"

	"github.com/andybalholm/brotli"
)

func newBrotli(w io.Writer) io.WriteCloser {
	return brotli.NewWriterLevel(w, brotliLevel)
}
