package serve_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"showcase/internal/build"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/render"
)

// liveTag is what the server adds to every HTML page (http.go).
const liveTag = `<link rel="stylesheet" href="/__showcase/live.css"><script src="/__showcase/live.js" defer></script>`

// files collects the files a build writes.
type files struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (f *files) Write(name string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.m[name] = data
	return nil
}

// fresh renders the given pages of the site in src from a fresh load, as
// a build renders them.
func fresh(t *testing.T, src string, pages []string) map[string]string {
	t.Helper()
	ctx := context.Background()
	fsys := os.DirFS(src)
	s, diags, err := build.Load(ctx, fsys, build.LoadOptions{}, nil)
	if err != nil || diags.Err() != nil {
		t.Fatalf("fresh load: %v %v", err, diags)
	}
	th, err := build.LoadTheme(fsys, s.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	mn := publish.NewMinifier()
	out := &files{m: map[string][]byte{}}
	assets, err := build.WriteStatic(th, mn, out)
	if err != nil {
		t.Fatal(err)
	}
	photos, _, err := build.PublishBundles(ctx, fsys, s.Brands, photo.NewProcessor(t.TempDir()), mn, out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, job := range render.Plan(s, th, render.Options{Target: render.Web, Assets: assets, Images: photos}) {
		for _, p := range pages {
			if job.File == render.OutputFile(p) {
				data, err := build.RenderFile(job, mn)
				if err != nil {
					t.Fatal(err)
				}
				want[p] = string(data)
			}
		}
	}
	return want
}

// TestServeEditMatchesFreshLoad edits a brand's name, stage and concept
// and checks that the pages the edit touched, and pages it did not that
// were rendered before it, are served as a fresh load renders them.
func TestServeEditMatchesFreshLoad(t *testing.T) {
	src := copySample(t)
	srv := start(t, src)
	pages := []string{
		"brands/finance/ledger/", "plaques/finance/ledger/", "units/finance/", "plaques/finance/",
		"brands/tax/lanqiao/", // the partner
		"brands/finance/huiqi/", "brands/hospital/baiyi/", "units/hospital/",
		"", "units/", "stages/", "stages/consolidate/", "stages/improve/", "statuses/exemplary/", "plaques/",
		"search/", "feed.xml", "sitemap.xml",
	}
	for _, p := range pages { // rendered before the edit, so kept or dropped
		if code, _ := get(t, srv.url+p); code != 200 {
			t.Fatalf("%s: %d before the edit", p, code)
		}
	}
	write(t, filepath.Join(src, "content/finance/ledger/index.md"), func(s string) string {
		s = strings.Replace(s, "name: 红色账本", "name: 阿拉账本", 1)
		s = strings.Replace(s, "stage: consolidate", "stage: improve", 1)
		return strings.Replace(s, "concept: ", "concept: 新理念", 1)
	})
	if !srv.wait(t) {
		t.Fatal("edit: rebuild failed")
	}
	want := fresh(t, src, pages)
	for _, p := range pages {
		code, got := get(t, srv.url+p)
		if code != 200 {
			t.Errorf("%s: %d", p, code)
			continue
		}
		if got = strings.Replace(got, liveTag, "", 1); got != want[p] {
			t.Errorf("%s: served page differs from a fresh load's (%d bytes, want %d)", p, len(got), len(want[p]))
		}
	}
	if _, page := get(t, srv.url+"brands/finance/ledger/"); !strings.Contains(page, "阿拉账本") || !strings.Contains(page, "新理念") {
		t.Error("the edit is not shown")
	}
}
