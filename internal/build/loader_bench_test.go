package build

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"showcase/internal/corpus"
)

// BenchmarkLoaderUpdate times the two halves of a Loader update after one
// brand's file changed: reading its unit again and assembling the site.
// SHOWCASE_BENCH_SITE reuses a generated corpus folder (written if empty);
// SHOWCASE_BENCH_BRANDS sizes it (default 10000).
func BenchmarkLoaderUpdate(b *testing.B) {
	root := openBenchSite(b, 10000)
	l := NewLoader(root.FS(), LoadOptions{})
	if _, _, err := l.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	var ids []string
	for id := range l.units {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var reload, assemble time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := ids[(i*7919)%len(ids)]
		start := time.Now()
		if err := l.reloadUnit(id); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, _, err := l.assemble(); err != nil {
			b.Fatal(err)
		}
		reload += mid.Sub(start)
		assemble += time.Since(mid)
	}
	b.ReportMetric(float64(reload.Microseconds())/1000/float64(b.N), "ms-reload")
	b.ReportMetric(float64(assemble.Microseconds())/1000/float64(b.N), "ms-assemble")
}

// openBenchSite opens the generated corpus a load benchmark reads:
// SHOWCASE_BENCH_SITE names a folder to reuse (written if empty) and
// SHOWCASE_BENCH_BRANDS its size, brands by default. It is closed when
// the benchmark ends.
func openBenchSite(b *testing.B, brands int) *os.Root {
	src, err := corpus.BenchSite(b.TempDir(), corpus.Options{Brands: corpus.BenchBrands(brands), Seed: 1, Photos: -1})
	if err != nil {
		b.Fatal(err)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root
}
