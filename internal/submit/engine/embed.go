//go:build !(js && wasm)

package engine

import _ "embed"

// wasmGzip is cmd/showcase-submit built for js/wasm and gzipped; see gen.
//
//go:embed engine.wasm.gz
var wasmGzip []byte

// wasmExec is $(go env GOROOT)/lib/wasm/wasm_exec.js of the Go that built
// the engine.
//
//go:embed wasm_exec.js
var wasmExec []byte
