package serve_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/render"
	"showcase/internal/serve"
)

// BenchmarkServeEdit measures, on a generated corpus, the time from
// writing one brand's file to its page being served with the change over
// HTTP, the debounce included, and the time a theme change takes to
// re-render every page beside a full "showcase build" of the same site.
//
//	go test ./internal/serve -run '^$' -bench ServeEdit -benchtime 20x
func BenchmarkServeEdit(b *testing.B) {
	n := corpus.BenchBrands(10000)
	src := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(src, corpus.Options{Brands: n, Seed: 1, Photos: -1}); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready, rebuilt, warmed := make(chan string, 1), make(chan bool, 64), make(chan struct{}, 64)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{
			Source: src, Addr: "127.0.0.1:0", CacheDir: b.TempDir(), Stdout: io.Discard, Stderr: io.Discard,
			Listening: func(url string) { ready <- url },
			Rebuilt: func(changed []string, ok bool) {
				if changed != nil {
					rebuilt <- ok
				}
			},
			Warmed: func() { warmed <- struct{}{} },
		})
	}()
	url := <-ready
	<-warmed // the first full render, so edits meet a warm server
	brands, _ := filepath.Glob(filepath.Join(src, "content", "*", "*", "index.md"))
	sort.Strings(brands)

	var latencies []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		file := brands[(i*7919)%len(brands)]
		rel, _ := filepath.Rel(filepath.Join(src, "content"), filepath.Dir(file))
		page := url + "brands/" + filepath.ToSlash(rel) + "/"
		marker := fmt.Sprintf("编辑标记%d", i)
		data, _ := os.ReadFile(file)
		edited := strings.Replace(string(data), "concept: ", "concept: "+marker, 1)
		start := time.Now()
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			if _, body := get(b, page); strings.Contains(body, marker) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		latencies = append(latencies, time.Since(start))
		<-rebuilt
		os.WriteFile(file, data, 0o644)
		<-rebuilt
	}
	b.StopTimer()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "ms-median-edit")
	b.ReportMetric(float64(latencies[len(latencies)-1].Microseconds())/1000, "ms-max-edit")

	// A theme change: time until every page is rendered again.
	for len(warmed) > 0 {
		<-warmed
	}
	theme := filepath.Join(src, "themes/default/static/css")
	os.MkdirAll(theme, 0o755)
	css, _ := os.ReadFile("../../themes/default/static/css/site.css")
	start := time.Now()
	os.WriteFile(filepath.Join(theme, "site.css"), append(css, []byte("\n/* changed */\n")...), 0o644)
	<-warmed
	b.ReportMetric(time.Since(start).Seconds(), "s-theme-rerender")
	cancel()
	<-done

	start = time.Now()
	if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: filepath.Join(b.TempDir(), "public"), Target: render.Web}); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "s-full-build")
}
