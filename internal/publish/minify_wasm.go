//go:build js && wasm

package publish

// Minifier passes output through unchanged in the /submit/ page's
// WebAssembly engine, which checks and previews but never publishes:
// the minifier and the HTTP code its libraries bring would double the
// engine's size.
type Minifier struct{}

// NewMinifier returns a Minifier.
func NewMinifier() *Minifier { return &Minifier{} }

// Minify returns data as it is.
func (mn *Minifier) Minify(file string, data []byte) ([]byte, error) { return data, nil }

// MinifyOwned returns data as it is.
func (mn *Minifier) MinifyOwned(file string, data []byte) ([]byte, error) { return data, nil }

// MinifyPooled returns data as it is, never pooled.
func (mn *Minifier) MinifyPooled(file string, data []byte) ([]byte, bool, error) {
	return data, false, nil
}
