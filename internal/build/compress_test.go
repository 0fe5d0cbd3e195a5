package build_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/publish"
	"showcase/internal/render"
)

var gzipAndBrotli = publish.Compression{Gzip: true, Brotli: true}

// TestCompressDeterministic builds the sample twice with compressed
// copies, for both targets, and expects the same bytes, copies included,
// each copy holding its file.
func TestCompressDeterministic(t *testing.T) {
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		t.Run(string(target), func(t *testing.T) {
			var trees [2]map[string][]byte
			for i := range trees {
				dest := filepath.Join(t.TempDir(), "public")
				_, err := build.Run(context.Background(), build.Options{Source: repoRoot, Dest: dest, Target: target, Compress: gzipAndBrotli})
				if err != nil {
					t.Fatal(err)
				}
				trees[i] = readTree(t, dest)
			}
			compareTrees(t, "second build", trees[1], trees[0])
			copies := 0
			for name, data := range trees[0] {
				base, ok := strings.CutSuffix(name, ".gz")
				if !ok {
					continue
				}
				copies++
				zr, err := gzip.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				plain, err := io.ReadAll(zr)
				if err != nil || !bytes.Equal(plain, trees[0][base]) {
					t.Errorf("%s does not hold %s: %v", name, base, err)
				}
			}
			if copies < 20 || trees[0]["index.html.gz"] == nil || trees[0]["index.html.br"] == nil {
				t.Errorf("%d gzip copies; index.html.gz and .br present: %t %t", copies, trees[0]["index.html.gz"] != nil, trees[0]["index.html.br"] != nil)
			}
		})
	}
}

// TestIncrementalKeepsCopies checks that a rebuild that keeps pages keeps
// their compressed copies, and that one with other compression matches a
// build from nothing with it.
func TestIncrementalKeepsCopies(t *testing.T) {
	with := func(c publish.Compression, fresh bool) func(src, dest string) build.Options {
		return func(src, dest string) build.Options {
			opts := webBuild(fresh)(src, dest)
			opts.Compress = c
			return opts
		}
	}
	s, dest := newIncrementalSite(t, 30, 11, with(gzipAndBrotli, false))
	steps := []struct {
		name     string
		compress publish.Compression
		edit     func()
	}{
		{"body edited", gzipAndBrotli, func() {
			b := s.brands()[4]
			s.write(b+"/index.md", s.read(b+"/index.md")+"\n补充一段新的工作成效说明。\n")
		}},
		{"nothing changed", gzipAndBrotli, func() {}},
		{"compression dropped", publish.Compression{}, func() {}},
		{"gzip again", publish.Compression{Gzip: true}, func() {}},
		{"brand renamed", publish.Compression{Gzip: true}, func() {
			b := s.brands()[7]
			s.replace(b+"/index.md", `^name: .*$`, "name: 改名后的品牌")
		}},
	}
	for _, step := range steps {
		step.edit()
		res, err := build.Run(context.Background(), with(step.compress, false)(s.src, dest))
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		want, err := build.Run(context.Background(), with(step.compress, true)(s.src, fresh))
		if err != nil {
			t.Fatalf("%s: fresh build: %v", step.name, err)
		}
		if res.Files != want.Files {
			t.Errorf("%s: counted %d files, a fresh build %d", step.name, res.Files, want.Files)
		}
		got, wantTree := readTree(t, dest), readTree(t, fresh)
		compareTrees(t, step.name, got, wantTree)
		if step.compress.Gzip && wantTree["index.html.gz"] == nil {
			t.Errorf("%s: no index.html.gz", step.name)
		}
		t.Logf("%s: kept %d of %d units", step.name, res.KeptUnits, res.Units)
	}
}
