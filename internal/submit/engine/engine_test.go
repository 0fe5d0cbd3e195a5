package engine

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"

	"showcase/internal/submit/engine/stamp"
)

// TestEngineCurrent checks that the committed engine was built from the
// sources as they are: go generate writes a sum of them beside it.
func TestEngineCurrent(t *testing.T) {
	want, err := os.ReadFile("sources.sha256")
	if err != nil {
		t.Fatal(err)
	}
	got, err := stamp.Sources()
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Fatalf("the engine is older than its sources (sum %s, built from %s): run go generate ./internal/submit/engine and commit what it writes", got, strings.TrimSpace(string(want)))
	}
	wasm, err := Wasm()
	if err != nil || !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Fatalf("engine.wasm.gz holds no WebAssembly: %v", err)
	}
}

// Budget is the most the submission page's engine may take to download,
// compressed as a server sends it: the issue allows 4 MB for the engine
// and the page together, and the page takes well under 100 KB.
const Budget = 4<<20 - 100<<10

// TestEngineSize checks the engine's scripts against the budget.
func TestEngineSize(t *testing.T) {
	var total int
	for _, f := range Files() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, 6)
		zw.Write(f.Data)
		zw.Close()
		t.Logf("%s: %d bytes, %d gzipped", f.Name, len(f.Data), b.Len())
		total += b.Len()
	}
	if total == 0 || total > Budget {
		t.Errorf("the engine takes %d bytes gzipped; the budget is %d", total, Budget)
	}
}
