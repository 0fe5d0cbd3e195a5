package render_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadTxtar turns a txtar archive into a site file system.
func loadTxtar(t *testing.T, file string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// loadTestSite loads testdata/site.txtar and the default theme.
func loadTestSite(t *testing.T) (*site.Site, *theme.Theme) {
	t.Helper()
	return loadSiteFile(t, "testdata/site.txtar")
}

// loadSiteFile loads the site in a txtar file, which must have no
// findings, with the default theme.
func loadSiteFile(t *testing.T, file string) (*site.Site, *theme.Theme) {
	t.Helper()
	fsys := loadTxtar(t, file)
	s, diags, err := build.Load(context.Background(), fsys, build.LoadOptions{}, nil)
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	th, err := build.LoadTheme(fsys, "default")
	if err != nil {
		t.Fatal(err)
	}
	return s, th
}

// TestGoldenPages renders representative pages of testdata/site.txtar, for
// both targets, and compares them with testdata/golden. Run with -update
// after an intended change and review the diff.
func TestGoldenPages(t *testing.T) {
	s, th := loadTestSite(t)
	cases := []struct {
		target render.Target
		file   string
		golden string
	}{
		{render.Web, "index.html", "home.html"},
		{render.Web, "units/water/index.html", "unit.html"},
		{render.Web, "brands/water/spring/index.html", "brand.html"},
		{render.Web, "brands/road/bridge/index.html", "brand-minimal.html"},
		{render.Web, "stages/index.html", "stages.html"},
		{render.Web, "stages/improve/index.html", "stage.html"},
		{render.Web, "statuses/exemplary/index.html", "status.html"},
		{render.Web, "plaques/water/spring/index.html", "plaque.html"},
		{render.Web, "plaques/index.html", "plaques.html"},
		{render.Web, "404.html", "404.html"},
		{render.Web, "feed.xml", "feed.xml"},
		{render.Web, "sitemap.xml", "sitemap.xml"},
		{render.Kiosk, "brands/water/spring/index.html", "kiosk-brand.html"},
	}
	assets := map[string]string{"css/site.css": "css/site.0123456789.css", "js/site.js": "js/site.0123456789.js"}
	plans := map[render.Target][]render.Job{}
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		plans[target] = render.Plan(s, th, render.Options{Target: target, Assets: assets})
	}
	for _, c := range cases {
		t.Run(string(c.target)+"/"+c.file, func(t *testing.T) {
			var got []byte
			for _, j := range plans[c.target] {
				if j.File == c.file {
					var err error
					if got, err = j.Render(); err != nil {
						t.Fatal(err)
					}
				}
			}
			if got == nil {
				t.Fatalf("no job writes %s", c.file)
			}
			compareGolden(t, filepath.Join("testdata/golden", c.golden), got)
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered page; run go test ./internal/render -update and review the diff\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line, to make a failure readable.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, wl, gl)
		}
	}
	return ""
}

// TestPlanWritesEachFileOnce checks no two jobs write the same file: two
// jobs racing on one path would make the output depend on scheduling.
func TestPlanWritesEachFileOnce(t *testing.T) {
	s, th := loadTestSite(t)
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		seen := map[string]bool{}
		for _, j := range render.Plan(s, th, render.Options{Target: target}) {
			if seen[j.File] {
				t.Errorf("%s: %s is written by two jobs", target, j.File)
			}
			seen[j.File] = true
		}
	}
}
