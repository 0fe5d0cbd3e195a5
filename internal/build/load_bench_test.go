package build

import (
	"context"
	"testing"

	"showcase/internal/content"
)

// BenchmarkLoad times the load phase alone, as a build from nothing runs
// it: every brand read, parsed, decoded and its body rendered, with the
// bodies kept in memory and logos read as a build reads them.
// SHOWCASE_BENCH_SITE reuses a generated corpus folder (written if
// empty); SHOWCASE_BENCH_BRANDS sizes it (default 1000). Run with
// -benchmem: allocations weigh as much as CPU, since the build's garbage
// collector pays for them.
func BenchmarkLoad(b *testing.B) {
	fsys, done := content.FastReads(openBenchSite(b, 1000).FS())
	defer done()
	for b.Loop() {
		s, _, err := Load(context.Background(), fsys, LoadOptions{}, nil)
		if err != nil || s == nil {
			b.Fatal(err)
		}
	}
}
