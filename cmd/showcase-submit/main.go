//go:build js && wasm

// Command showcase-submit is the engine of the /submit/ page, compiled to
// WebAssembly: it checks the brand the form describes with the rules of
// showcase check, writes its index.md, renders its page for the preview
// with the site's own templates, and makes and opens the ZIP bundle that
// showcase import reads. The page loads it from js/submit-engine.js;
// internal/submit/engine carries it into the showcase program.
package main

import (
	"syscall/js"

	"showcase/internal/submit/wasm"
)

func main() {
	wasm.Register(js.Global())
	select {}
}
