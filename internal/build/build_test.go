package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"
)

// repoRoot is the sample site: the repository itself.
const repoRoot = "../.."

func buildSite(t *testing.T, source, dest string, target render.Target) (build.Result, error) {
	t.Helper()
	return build.Run(context.Background(), build.Options{Source: source, Dest: dest, Target: target})
}

// readTree maps every file under dir to its content.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic builds the sample twice, for both targets, and expects
// byte-identical output.
func TestDeterministic(t *testing.T) {
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		t.Run(string(target), func(t *testing.T) {
			a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
			if _, err := buildSite(t, repoRoot, a, target); err != nil {
				t.Fatal(err)
			}
			if _, err := buildSite(t, repoRoot, b, target); err != nil {
				t.Fatal(err)
			}
			ta, tb := readTree(t, a), readTree(t, b)
			if len(ta) != len(tb) || len(ta) < 50 {
				t.Fatalf("builds wrote %d and %d files", len(ta), len(tb))
			}
			for name, data := range ta {
				if !bytes.Equal(data, tb[name]) {
					t.Errorf("%s differs between two builds", name)
				}
			}
		})
	}
}

// copySite copies the sample site's configuration, content and decisions into a
// temporary folder the test may change.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"showcase.yaml", "content", "decisions"} {
		src := filepath.Join(repoRoot, name)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFailedBuildLeavesOutput checks that a build that fails, whether on a
// content error or while rendering, leaves the previous output as it was
// and leaves no temporary folder behind.
func TestFailedBuildLeavesOutput(t *testing.T) {
	src := copySite(t)
	destParent := t.TempDir()
	dest := filepath.Join(destParent, "public")
	if _, err := buildSite(t, src, dest, render.Web); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)

	breakages := map[string]func(){
		"content error": func() {
			p := filepath.Join(src, "content/finance/ledger/index.md")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(data, []byte("stage: consolidate"), []byte("stage: nowhere"), 1), 0o644)
		},
		"template error": func() {
			os.MkdirAll(filepath.Join(src, "themes/default/layouts/pages"), 0o755)
			os.WriteFile(filepath.Join(src, "themes/default/layouts/pages/brand.html"), []byte(`{{define "main"}}{{.NoSuchField}}{{end}}`), 0o644)
		},
	}
	for name, breakIt := range breakages {
		t.Run(name, func(t *testing.T) {
			breakIt()
			if _, err := buildSite(t, src, dest, render.Web); err == nil {
				t.Fatal("build succeeded; want an error")
			}
			after := readTree(t, dest)
			if len(after) != len(before) {
				t.Fatalf("output has %d files, had %d", len(after), len(before))
			}
			for f, data := range before {
				if !bytes.Equal(after[f], data) {
					t.Errorf("%s changed", f)
				}
			}
			// Beside the output stays only the last build's state.
			entries, _ := os.ReadDir(destParent)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if want := []string{".public.showcase-state", "public"}; !slices.Equal(names, want) {
				t.Errorf("output parent holds %q, want %q", names, want)
			}
		})
	}
}

// TestThemeOverride checks a site's theme folder replaces built-in files
// one by one and leaves the others.
func TestThemeOverride(t *testing.T) {
	src := copySite(t)
	pages := filepath.Join(src, "themes/default/layouts/pages")
	if err := os.MkdirAll(pages, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pages, "404.html"), []byte(`{{define "main"}}<p class="custom">自定义页面</p>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dest, render.Web); err != nil {
		t.Fatal(err)
	}
	out := readTree(t, dest)
	if !strings.Contains(string(out["404.html"]), "自定义页面") {
		t.Error("404.html does not use the site's template")
	}
	if !strings.Contains(string(out["index.html"]), "创建进程") {
		t.Error("index.html no longer uses the built-in template")
	}
}

// TestOutputIsMinifiedAndFingerprinted checks the published files.
func TestOutputIsMinifiedAndFingerprinted(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, repoRoot, dest, render.Web); err != nil {
		t.Fatal(err)
	}
	out := readTree(t, dest)
	var css, js string
	for name := range out {
		switch {
		case strings.HasPrefix(name, "css/site.") && strings.HasSuffix(name, ".css"):
			css = name
		case strings.HasPrefix(name, "js/site.") && strings.HasSuffix(name, ".js"):
			js = name
		}
	}
	if css == "" || css == "css/site.css" || js == "" || js == "js/site.js" {
		t.Fatalf("assets not fingerprinted: css %q, js %q", css, js)
	}
	home := string(out["index.html"])
	if !strings.Contains(home, `href="/`+css+`"`) || !strings.Contains(home, `src="/`+js+`"`) {
		t.Error("home page does not link the fingerprinted assets")
	}
	// Whitespace between inline elements is kept as one newline, so the
	// signs of minification are the lower-cased doctype and no indentation
	// or blank lines.
	if !strings.HasPrefix(home, "<!doctype html>") || strings.Contains(home, "\n\n") || strings.Contains(home, "\n ") {
		t.Error("home page is not minified")
	}
	for name, data := range out {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("//cdn")) {
			t.Errorf("%s loads from another host", name)
		}
	}
}
