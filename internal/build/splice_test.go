package build_test

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// TestSpliceMatchesMinifier renders every page of the sample site and of a
// small generated corpus with and without splicing, for both targets, and
// expects the same bytes once each is minified (and, when spliced,
// expanded): splicing may only save time.
func TestSpliceMatchesMinifier(t *testing.T) {
	gen := t.TempDir()
	if err := corpus.Write(gen, corpus.Options{Brands: 30, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	mn := publish.NewMinifier()
	for _, source := range []string{repoRoot, gen} {
		s, loadTheme := loadSource(t, source)
		th := loadTheme()
		for _, target := range []render.Target{render.Web, render.Kiosk} {
			// Splicing clones the theme, which it cannot do once the
			// theme has rendered a page: load one for each plan.
			th2 := loadTheme()
			sheets := memSheets{}
			plain := render.Plan(s, th, render.Options{Target: target})
			spliced := render.Plan(s, th2, render.Options{Target: target, Splice: true, Sheets: sheets, Minify: mn.Minify})
			if len(plain) != len(spliced) {
				t.Fatalf("%d jobs plain, %d spliced", len(plain), len(spliced))
			}
			late := 0
			for _, late1 := range []bool{false, true} {
				for i := range plain {
					if spliced[i].Late != late1 {
						continue
					}
					if late1 {
						late++
					}
					want := output(t, mn, plain[i], nil)
					if got := output(t, mn, spliced[i], sheets); !bytes.Equal(got, want) {
						t.Errorf("%s %s: spliced output differs", target, plain[i].File)
					}
				}
			}
			if target == render.Web && late == 0 {
				t.Errorf("no page gathered plaque sheets")
			}
		}
	}
}

// memSheets keeps plaque sheets in memory, as a test's SheetStore.
type memSheets map[int][]byte

func (m memSheets) PutSheet(i int, sheet []byte) error {
	m[i] = append([]byte(nil), sheet...)
	return nil
}

// output runs a job the way the build does.
func output(t *testing.T, mn *publish.Minifier, job render.Job, sheets memSheets) []byte {
	t.Helper()
	data, err := job.Render()
	if err != nil {
		t.Fatal(err)
	}
	if !job.Minified {
		if data, err = mn.Minify(job.File, data); err != nil {
			t.Fatal(err)
		}
	}
	switch {
	case job.Compose != nil:
		segs, err := job.Compose(data)
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		for _, seg := range segs {
			if !seg.IsSheet {
				out = append(out, seg.Data...)
				continue
			}
			sheet, ok := sheets[seg.Sheet]
			if !ok {
				t.Fatalf("%s: sheet %d was never stored", job.File, seg.Sheet)
			}
			out = append(out, seg.Rebase(sheet)...)
		}
		return out
	case job.Expand != nil:
		if data, err = job.Expand(data); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// loadSource loads the site in dir, and returns it with a function that
// loads its theme: a plan that splices needs a theme of its own.
func loadSource(t *testing.T, dir string) (*site.Site, func() *theme.Theme) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	s, _, err := build.Load(context.Background(), root.FS(), build.LoadOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, func() *theme.Theme {
		th, err := build.LoadTheme(root.FS(), s.Config.Theme)
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
}

// TestBuildMatchesPlainRender builds a generated corpus as the command does
// (spliced QR codes, sheets spooled and written in segments) and checks
// every page against rendering it whole and minifying it.
func TestBuildMatchesPlainRender(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Options{Brands: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	s, loadTheme := loadSource(t, src)
	th := loadTheme()
	mn := publish.NewMinifier()
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		t.Run(string(target), func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest, Target: target}); err != nil {
				t.Fatal(err)
			}
			built := readTree(t, dest)
			jobs := render.Plan(s, th, render.Options{Target: target, Assets: assetNames(built)})
			compared, sheets := 0, 0
			for _, job := range jobs {
				if strings.HasPrefix(job.File, "brands/") && strings.HasSuffix(job.File, "/index.html") {
					// Brand pages link photos by their published sizes, which
					// only the build knows, so they are compared in
					// TestSpliceMatchesMinifier; here they must have the body
					// that waited in the body spool.
					if !bytes.Contains(built[job.File], []byte(`<section class="prose brand-body"><h2`)) {
						t.Errorf("%s lost its body", job.File)
					}
					continue
				}
				if job.File == render.AttractPath {
					continue // it too names photos by their published sizes
				}
				want := output(t, mn, job, nil)
				if got := built[job.File]; !bytes.Equal(got, want) {
					t.Errorf("%s differs from rendering it whole", job.File)
				}
				compared++
				sheets += bytes.Count(want, []byte(`<article class="sheet `))
			}
			if compared < len(s.Brands)+len(s.Units) {
				t.Errorf("compared only %d files", compared)
			}
			// Each plaque's sheet is on its own page, its unit's and the
			// page of all plaques.
			plaques := 0
			for _, b := range s.Brands {
				if b.HasPlaque() {
					plaques++
				}
			}
			if sheets < 3*plaques || plaques == 0 {
				t.Errorf("the pages compared hold %d sheets, want %d", sheets, 3*plaques)
			}
		})
	}
}

// assetNames recovers the fingerprinted names of the theme's CSS and
// JavaScript from a built tree.
func assetNames(files map[string][]byte) map[string]string {
	assets := map[string]string{}
	for name := range files {
		dir, base := path.Split(name)
		parts := strings.Split(base, ".")
		if (dir == "css/" || strings.HasPrefix(dir, "js/")) && len(parts) == 3 {
			assets[dir+parts[0]+"."+parts[2]] = name
		}
	}
	return assets
}

// TestCorpusBuildsIdentical builds a generated corpus with one worker and
// with several, and expects byte-identical trees: the parallel pipeline,
// with its spools and late pages, must not let scheduling into the output.
func TestCorpusBuildsIdentical(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Options{Brands: 40, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	var trees []map[string][]byte
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		dest := filepath.Join(t.TempDir(), "public")
		_, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest, Target: render.Web})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, dest))
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
	for name, data := range trees[0] {
		if !bytes.Equal(data, trees[1][name]) {
			t.Errorf("%s differs between the builds", name)
		}
	}
}
