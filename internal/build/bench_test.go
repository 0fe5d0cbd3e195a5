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
// commit) of a generated corpus. The corpus is written once, outside the
// timer, and built once before timing so that the image cache is warm, as
// it is on a machine that rebuilds on every merge.
func benchmarkBuild(b *testing.B, brands int) {
	dir := benchDir(b)
	src := filepath.Join(dir, "site")
	if err := corpus.Write(src, corpus.Options{Brands: brands, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: src, Dest: filepath.Join(dir, "public"), Target: render.Web}
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
