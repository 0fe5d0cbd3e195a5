package a11y

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/render"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeFile is axe-core as npm installs it beside this package.
const axeFile = "node_modules/axe-core/axe.min.js"

// requireAxe returns axe-core's source or ends the test: skipped
// normally, failed under CI=true.
func requireAxe(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axeFile)
	if err != nil {
		msg := fmt.Sprintf("axe-core is not installed (%v): run npm ci --prefix internal/a11y", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(src)
}

// violation is one rule axe found broken on a page.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe runs every axe rule but the experimental ones on the open page
// and returns the violations.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").slice(0, 2).join(" "))
})))`

// pageSet is one built site to check: its pages by kind, as paths under
// its base URL.
type pageSet struct {
	name  string
	base  string
	pages map[string]string
}

// webPages are the kinds of page of the web target, with the sample's
// paths; kiosk pages name their files.
func samplePages(kiosk bool) map[string]string {
	pages := map[string]string{
		"home": "", "units": "units/", "unit": "units/finance/", "brand": "brands/finance/ledger/",
		"brand-delisted": "brands/power/qiangxiu/",
		"groups":         "stages/", "group": "stages/improve/", "statuses": "statuses/",
		"status": "statuses/delisted/", "plaques": "plaques/", "plaque": "plaques/finance/ledger/",
		"search": "search/?q=账本", "404": "no-such-page/",
		"decisions": "decisions/", "decision": "decisions/2021-12-28-annual-review/",
		"progress": "progress/",
	}
	if !kiosk {
		pages["submit"] = "submit/"
	}
	if kiosk {
		for k, p := range pages {
			pages[k] = kioskPath(p)
		}
		pages["404"] = "404.html"
	}
	return pages
}

// kioskPath is the file a kiosk link names for a web path.
func kioskPath(p string) string {
	path, query, _ := strings.Cut(p, "?")
	if path == "" || strings.HasSuffix(path, "/") {
		path += "index.html"
	}
	if query != "" {
		return path + "?" + query
	}
	return path
}

// serveSite serves a built output as nginx would: clean URLs, and the
// site's 404.html with status 404 for a missing file.
func serveSite(t *testing.T, dir string) string {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/")))
		if _, err := os.Stat(name); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// buildBoth builds a site for both targets and returns their page sets.
func buildBoth(t *testing.T, name, src string, pages func(kiosk bool) map[string]string) []pageSet {
	t.Helper()
	var sets []pageSet
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		dest := filepath.Join(t.TempDir(), "public")
		_, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest, Target: target, Stateless: true,
			CacheDir: filepath.Join(t.TempDir(), "cache")})
		if err != nil {
			t.Fatalf("build %s %s: %v", name, target, err)
		}
		sets = append(sets, pageSet{name: name + "/" + string(target), base: serveSite(t, dest), pages: pages(target == render.Kiosk)})
	}
	return sets
}

// generatedPages picks a page of each kind from a generated site.
func generatedPages(src string) func(kiosk bool) map[string]string {
	return func(kiosk bool) map[string]string {
		units, _ := filepath.Glob(filepath.Join(src, "content", "*", "_unit.md"))
		brands, _ := filepath.Glob(filepath.Join(src, "content", "*", "*", "index.md"))
		sort.Strings(units)
		sort.Strings(brands)
		unit := filepath.Base(filepath.Dir(units[0]))
		brand := filepath.ToSlash(strings.TrimPrefix(filepath.Dir(brands[len(brands)/2]), filepath.Join(src, "content")+string(filepath.Separator)))
		pages := map[string]string{
			"home": "", "units": "units/", "unit": "units/" + unit + "/", "brand": "brands/" + brand + "/",
			"groups": "statuses/", "group": "stages/declare/", "plaques": "plaques/" + unit + "/",
			"plaque": "plaques/" + brand + "/", "search": "search/?q=品牌", "404": "no-such-page/",
			"progress": "progress/",
		}
		if kiosk {
			for k, p := range pages {
				pages[k] = kioskPath(p)
			}
			pages["404"] = "404.html"
		}
		return pages
	}
}

// TestAxe runs axe-core over every kind of page of both targets, of the
// sample site and of a generated one, and fails on any serious or
// critical violation; lesser ones are logged.
func TestAxe(t *testing.T) {
	axe := requireAxe(t)
	ctx := browsertest.New(t)
	gen := t.TempDir()
	if err := corpus.Write(gen, corpus.Options{Brands: 40, Seed: 21}); err != nil {
		t.Fatal(err)
	}
	sets := append(buildBoth(t, "sample", "../..", samplePages), buildBoth(t, "generated", gen, generatedPages(gen))...)
	if err := chromedp.Run(ctx, page.SetBypassCSP(true)); err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		kinds := make([]string, 0, len(set.pages))
		for k := range set.pages {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, kind := range kinds {
			t.Run(set.name+"/"+kind, func(t *testing.T) {
				vs := axePage(t, ctx, axe, set.base+set.pages[kind])
				for _, v := range vs {
					msg := fmt.Sprintf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
					if v.Impact == "serious" || v.Impact == "critical" {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
			})
		}
	}
}

// axePage opens url, waits for its scripts to settle, and runs axe.
func axePage(t *testing.T, ctx context.Context, axe, url string) []violation {
	t.Helper()
	var raw json.RawMessage
	await := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
		// Let deferred scripts, such as the search, draw their content.
		chromedp.Evaluate(`new Promise(r => setTimeout(r, 300))`, nil, await),
		chromedp.Evaluate(axe, nil),
		chromedp.Evaluate(runAxe, &raw, await),
	)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	var vs []violation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("%s: axe results: %v", url, err)
	}
	return vs
}
