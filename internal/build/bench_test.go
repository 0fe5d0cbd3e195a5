package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/render"
)

// benchDir returns a fresh folder for a benchmark's corpus and output: on
// tmpfs when the machine has one, so the disk does not decide the result.
func benchDir(b *testing.B) string {
	b.Helper()
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		dir, err := os.MkdirTemp("/dev/shm", "showcase-bench-")
		if err == nil {
			b.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return b.TempDir()
}

// benchmarkBuild times a full build (check, render, minify, write and
// commit) of a generated corpus, from nothing but the image cache. The corpus is written once, outside the
// timer, and built once before timing so that the image cache is warm, as
// it is on a machine that rebuilds on every merge.
func benchmarkBuild(b *testing.B, brands int) {
	dir := benchDir(b)
	src := filepath.Join(dir, "site")
	if err := corpus.Write(src, corpus.Options{Brands: brands, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	// Fresh: every timed build reads and renders the whole site, as the
	// first build of an output does; BenchmarkRebuild times the others.
	opts := build.Options{Source: src, Dest: filepath.Join(dir, "public"), Target: render.Web, Fresh: true}
	if _, err := build.Run(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	var res build.Result
	for b.Loop() {
		var err error
		if res, err = build.Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Files), "files")
	b.ReportMetric(float64(brands)*float64(b.N)/b.Elapsed().Seconds(), "brands/s")
	for _, p := range res.Timings.Phases {
		b.ReportMetric(p.Duration.Seconds(), p.Name+"-s")
	}
}

// BenchmarkBuild builds corpora of 1,000 and 10,000 brands. Run it with
//
//	go test -run '^$' -bench Build/ -benchtime 3x ./internal/build
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("brands=%d", n), func(b *testing.B) { benchmarkBuild(b, n) })
	}
}

// benchmarkRebuild times what the office runs on every merged pull
// request: one brand's file changes and the site is built again into the
// same output, which keeps what the change does not reach. The corpus is
// built once untimed, and once more so that no unit is left out for having
// been written moments before.
func benchmarkRebuild(b *testing.B, brands int) {
	dir := benchDir(b)
	src := filepath.Join(dir, "site")
	if err := corpus.Write(src, corpus.Options{Brands: brands, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: src, Dest: filepath.Join(dir, "public"), Target: render.Web}
	for range 2 {
		if _, err := build.Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	edited, err := filepath.Glob(filepath.Join(src, "content", "*", "*", "index.md"))
	if err != nil || len(edited) == 0 {
		b.Fatal("no brand to edit", err)
	}
	file := edited[len(edited)/2]
	var res build.Result
	round := 0
	for b.Loop() {
		b.StopTimer()
		round++
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\n第 %d 轮修改：补充一段工作成效的说明。\n", round)
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if res, err = build.Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	if res.KeptUnits == 0 {
		b.Fatal("the rebuild kept nothing")
	}
	b.ReportMetric(float64(res.KeptUnits)/float64(res.Units), "units-kept")
	for _, p := range res.Timings.Phases {
		b.ReportMetric(p.Duration.Seconds(), p.Name+"-s")
	}
}

// BenchmarkRebuild rebuilds corpora of 1,000 and 10,000 brands after a
// one-brand edit. Run it with
//
//	go test -run '^$' -bench Rebuild/ -benchtime 3x ./internal/build
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("brands=%d", n), func(b *testing.B) { benchmarkRebuild(b, n) })
	}
}
