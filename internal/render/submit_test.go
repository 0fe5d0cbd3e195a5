package render_test

import (
	"strings"
	"testing"

	"showcase/internal/render"
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
	for _, want := range []string{`script-src 'self' 'wasm-unsafe-eval'`, `name="organization"`, `id="source"`, `id="findings"`, `id="download"`, `type="file" accept=".svg`, `name="logo"`, `data-context="{`, `src="../js/submit-engine.`} {
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
