//go:build js && wasm

package engine

// The engine does not carry itself.
var wasmGzip, wasmExec []byte
