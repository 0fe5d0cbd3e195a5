package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"showcase/internal/render"
	"showcase/internal/submit"
	"showcase/internal/theme"
	"showcase/themes"
)

// TestSubmitPage checks where the submission page is published: on the
// web target, not on the kiosk, and not when showcase.yaml turns it off;
// and that only it may compile WebAssembly.
func TestSubmitPage(t *testing.T) {
	s, th := loadTestSite(t)
	files := func(target render.Target) map[string]render.Job {
		m := map[string]render.Job{}
		for _, j := range render.Plan(s, th, render.Options{Target: target}) {
			m[j.File] = j
		}
		return m
	}
	web := files(render.Web)
	page, ok := web["submit/index.html"]
	if !ok {
		t.Fatal("the web target has no submit/index.html")
	}
	html, err := page.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`script-src 'self' 'wasm-unsafe-eval'`, `name="organization"`, `id="source"`, `id="findings"`, `id="download"`, `type="file" accept=".svg`, `name="logo"`, `data-context='{`, `src="../js/submit-engine.`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the submission page lacks %s", want)
		}
	}
	home, _ := web["index.html"].Render()
	if strings.Contains(string(home), "wasm-unsafe-eval") || !strings.Contains(string(home), `submit/">在线提交</a>`) {
		t.Error("the home page must link the submission page and must not allow WebAssembly")
	}
	for name := range web {
		if strings.HasPrefix(name, "js/submit-engine.") {
			ok = true
		}
	}
	if !ok {
		t.Error("the engine's script is not published")
	}
	for name := range files(render.Kiosk) {
		if strings.Contains(name, "submit") {
			t.Errorf("the kiosk has %s", name)
		}
	}
	s.Config.Submit.Enabled = false
	for name := range files(render.Web) {
		if strings.Contains(name, "submit") {
			t.Errorf("with submit.enabled false the site has %s", name)
		}
	}
}

// TestSubmitContextCarriesSiteLayouts gives the page's preview the
// layouts the site's theme folder overrides, and none for a site without.
func TestSubmitContextCarriesSiteLayouts(t *testing.T) {
	s, th := loadTestSite(t)
	page := func(th *theme.Theme) string {
		for _, j := range render.Plan(s, th, render.Options{Target: render.Web}) {
			if j.File == "submit/index.html" {
				html, err := j.Render()
				if err != nil {
					t.Fatal(err)
				}
				return string(html)
			}
		}
		t.Fatal("no submission page")
		return ""
	}
	if strings.Contains(page(th), "layouts/pages/brand.html") {
		t.Error("a site without its own layouts sends layouts to the preview")
	}
	own, err := theme.Load(themes.Default(), fstest.MapFS{
		"layouts/pages/brand.html": {Data: []byte(`{{define "main"}}<p>site-own-brand</p>{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if html := page(own); !strings.Contains(html, "layouts/pages/brand.html") || !strings.Contains(html, "site-own-brand") {
		t.Error("the submission page does not carry the site's own brand layout for the preview")
	}
}

// TestSubmitContextAttribute reads the page's data-context back as a
// browser does: the value, single-quoted so that the JSON's double quotes
// need no entities, must be the context whatever a unit's name holds.
func TestSubmitContextAttribute(t *testing.T) {
	s, th := loadTestSite(t)
	const hostile = `示例'单位" onload='x' &amp; <b>&#39;`
	s.Units[0].Name = hostile
	var page []byte
	for _, j := range render.Plan(s, th, render.Options{Target: render.Web}) {
		if j.File == "submit/index.html" {
			var err error
			if page, err = j.Render(); err != nil {
				t.Fatal(err)
			}
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for n := range doc.Descendants() {
		for _, a := range n.Attr {
			if a.Key == "data-context" {
				found = append(found, a.Val)
			}
			if a.Key == "onload" || a.Key == "x" {
				t.Errorf("a unit's name made an attribute %s", a.Key)
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d data-context attributes, want 1", len(found))
	}
	var c submit.Context
	if err := json.Unmarshal([]byte(found[0]), &c); err != nil {
		t.Fatalf("data-context is not JSON: %v", err)
	}
	names := map[string]bool{}
	for _, u := range c.Units {
		names[u.Name] = true
	}
	if !names[hostile] {
		t.Errorf("the context lost the unit's name %q", hostile)
	}
}
