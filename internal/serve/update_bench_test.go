package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/render"
)

// BenchmarkUpdate times one content edit inside the server, without the
// watcher or HTTP: reload the brand's unit, swap in the new state and
// render the edited brand's page. SHOWCASE_BENCH_SITE reuses a generated
// corpus folder (written there if empty).
func BenchmarkUpdate(b *testing.B) {
	src, err := corpus.BenchSite(b.TempDir(), corpus.Options{Brands: corpus.BenchBrands(10000), Seed: 1, Photos: -1})
	if err != nil {
		b.Fatal(err)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	s := &server{
		opts: Options{Stdout: io.Discard, Stderr: io.Discard}, fsys: root.FS(), hub: newHub(), mn: publish.NewMinifier(),
		session: build.NewSession(root.FS(), render.Web, build.LoadOptions{}),
		images:  photo.NewProcessor(b.TempDir()),
	}
	ctx := context.Background()
	if err := s.update(ctx, nil); err != nil {
		b.Fatal(err)
	}
	s.stopWarming()
	// Pretend every page was rendered, as on a warm server.
	st := s.current()
	for f := range st.plan() {
		e := &entry{data: []byte("x")}
		e.once.Do(func() {})
		if isEntityPage(f) {
			st.pages[f] = e
		} else {
			st.wide[f] = e
		}
	}
	brands, _ := filepath.Glob(filepath.Join(src, "content", "*", "*", "index.md"))
	sort.Strings(brands)
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		file := brands[(i*7919)%len(brands)]
		rel, _ := filepath.Rel(src, file)
		rel = filepath.ToSlash(rel)
		page := "brands/" + strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), "/index.md") + "/index.html"
		data, _ := os.ReadFile(file)
		marker := "编辑标记" + strconv.Itoa(i)
		b.StopTimer()
		os.WriteFile(file, []byte(strings.Replace(string(data), "concept: ", "concept: "+marker, 1)), 0o644)
		b.StartTimer()
		start := time.Now()
		if err := s.update(ctx, []string{rel}); err != nil {
			b.Fatal(err)
		}
		out, err := s.current().lookup(page)
		if err != nil || !strings.Contains(string(out), marker) {
			b.Fatalf("%s: %v, marker %v", page, err, strings.Contains(string(out), marker))
		}
		total += time.Since(start)
		b.StopTimer()
		s.stopWarming()
		os.WriteFile(file, data, 0o644)
		if err := s.update(ctx, []string{rel}); err != nil {
			b.Fatal(err)
		}
		s.stopWarming()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/edit")
}
