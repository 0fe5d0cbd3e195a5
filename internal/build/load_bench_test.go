package build

import (
	"context"
	"os"
	"testing"

	"showcase/internal/content"
	"showcase/internal/corpus"
)

// BenchmarkLoad times the load phase alone, as a build from nothing runs
// it: every brand read, parsed, decoded and its body rendered, with the
// bodies kept in memory and logos read as a build reads them.
// SHOWCASE_BENCH_SITE reuses a generated corpus folder (written if
// empty); SHOWCASE_BENCH_BRANDS sizes it (default 1000). Run with
// -benchmem: allocations weigh as much as CPU, since the build's garbage
// collector pays for them.
func BenchmarkLoad(b *testing.B) {
	src, err := corpus.BenchSite(b.TempDir(), corpus.Options{Brands: corpus.BenchBrands(1000), Seed: 1, Photos: -1})
	if err != nil {
		b.Fatal(err)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	fsys, done := content.FastReads(root.FS())
	defer done()
	for b.Loop() {
		s, _, err := Load(context.Background(), fsys, LoadOptions{}, nil)
		if err != nil || s == nil {
			b.Fatal(err)
		}
	}
}
