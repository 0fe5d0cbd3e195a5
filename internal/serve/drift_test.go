package serve_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"
)

// The tests here each pin a way the preview once differed from the
// build, before both ran one session.

// TestServeThemeChangeAfterFailedLoad starts the server on a site with an
// error, so that no load has succeeded, and changes only a theme file: the
// server must read the content again (and report the error), not render
// from a site it never had.
func TestServeThemeChangeAfterFailedLoad(t *testing.T) {
	src := copySample(t)
	brand := filepath.Join(src, "content/finance/ledger/index.md")
	good, err := os.ReadFile(brand)
	if err != nil {
		t.Fatal(err)
	}
	write(t, brand, func(s string) string { return strings.Replace(s, "stage: consolidate", "stage: nowhere", 1) })
	srv := start(t, src)
	css, err := os.ReadFile("../../themes/default/static/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "themes/default/static/css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "themes/default/static/css/site.css"), append(css, "\n/* changed */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if srv.wait(t) {
		t.Fatal("a theme change made the broken site build")
	}
	if err := os.WriteFile(brand, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if !srv.wait(t) {
		t.Fatal("the fix did not build")
	}
	if code, page := get(t, srv.url+"brands/finance/ledger/"); code != 200 || !strings.Contains(page, "红色账本") {
		t.Errorf("after the fix: %d", code)
	}
}

// ownLayout writes a theme layout of the site's own into src and points
// showcase.yaml at it.
func ownLayout(t *testing.T, src, file, from, to string) {
	t.Helper()
	dir := filepath.Join(src, "themes/custom/layouts")
	builtin, err := os.ReadFile(filepath.Join("../../themes/default/layouts", file))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(builtin), from) {
		t.Fatalf("%s has no %q", file, from)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, file)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(strings.Replace(string(builtin), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "showcase.yaml"), func(s string) string {
		return regexp.MustCompile(`(?m)^theme: .*$`).ReplaceAllString(s, "theme: custom")
	})
}

// TestServeOwnLayoutReachesEveryPage deletes a brand of one unit under a
// theme whose every page counts the site's brands: every other unit's
// page must count one fewer, as a build shows it.
func TestServeOwnLayoutReachesEveryPage(t *testing.T) {
	src := copySample(t)
	ownLayout(t, src, "base.html", `<main id="main">`, `<main id="main"><p class="count">共{{len .Site.Brands}}个品牌</p>`)
	srv := start(t, src)
	_, page := get(t, srv.url+"units/hospital/")
	count := regexp.MustCompile(`共(\d+)个品牌`)
	before := count.FindStringSubmatch(page)
	if before == nil {
		t.Fatal("the layout's count is not on the page")
	}
	// A brand no decision names: deleting one a decision names is an
	// error until the decision goes too.
	if err := os.RemoveAll(filepath.Join(src, "content/tax/qingshui")); err != nil {
		t.Fatal(err)
	}
	if !srv.settle(t) {
		t.Fatal("rebuild failed")
	}
	_, home := get(t, srv.url)
	_, page = get(t, srv.url+"units/hospital/")
	if got, want := count.FindStringSubmatch(page), count.FindStringSubmatch(home); got == nil || want == nil || got[1] != want[1] || got[1] == before[1] {
		t.Errorf("unit page counts %v, home %v, before %v", got, want, before)
	}
}

// TestServeBodiesOnEveryPage renders every brand's body on a unit's page:
// the server and the build must show the same bodies.
func TestServeBodiesOnEveryPage(t *testing.T) {
	src := copySample(t)
	ownLayout(t, src, "pages/unit.html", `{{define "main"}}`, `{{define "main"}}{{range .Site.Brands}}<div class="all-bodies">{{.Body.HTML}}</div>{{end}}`)
	srv := start(t, src)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest, Target: render.Web, Stateless: true}); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dest, "units/hospital/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, got := get(t, srv.url+"units/hospital/")
	if got = strings.Replace(got, liveTag, "", 1); got != string(want) {
		t.Error("the server's unit page differs from the build's")
	}
	if strings.Count(got, `class=all-bodies`)+strings.Count(got, `class="all-bodies"`) < 10 || !strings.Contains(got, "<p>") {
		t.Error("the bodies are not on the page")
	}
}
