// Package engine carries the /submit/ page's WebAssembly engine
// (cmd/showcase-submit) into the showcase program, so a build publishes
// the page on a machine without a Go toolchain. The engine is built by
// go generate and committed; TestEngineCurrent guards that it was built
// from the sources as they are.
package engine

//go:generate go run ./gen

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"sync"
)

// File is one script of the engine.
type File struct {
	// Name is the logical name under the site's js/ folder.
	Name string
	Data []byte
}

// Files returns the scripts that load the engine: Go's wasm_exec.js, and
// the gzipped WebAssembly as base64 in a script, since a page opened from
// file:// cannot fetch a .wasm file but can load a <script src>. It
// returns nil where the engine is not compiled in (inside the engine
// itself).
func Files() []File {
	once.Do(func() { files = build() })
	return files
}

var (
	once  sync.Once
	files []File
)

func build() []File {
	if len(wasmGzip) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("self.showcaseEngineWasm=\"")
	b.WriteString(base64.StdEncoding.EncodeToString(wasmGzip))
	b.WriteString("\";\n")
	return []File{
		{Name: "submit-wasm-exec.js", Data: wasmExec},
		{Name: "submit-engine.js", Data: b.Bytes()},
	}
}

// Wasm returns the engine's WebAssembly, unzipped, for tests.
func Wasm() ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(wasmGzip))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
