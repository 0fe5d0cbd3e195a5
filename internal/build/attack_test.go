package build_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

// writeTxtar writes an archive's files under dir.
func writeTxtar(t *testing.T, file, dir string) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ownScript is the only script a page may load: the theme's fingerprinted
// files under js/ and the generated search data (the search page's
// meta.js with the index's version), by root-relative (web) or relative
// (kiosk) path.
var ownScript = regexp.MustCompile(`^(/|(\.\./)*)(js/[a-z-]+\.[0-9a-f]{10}\.js|search/[a-z0-9/._-]+\.js(\?v=[0-9a-f]+)?|kiosk/attract\.js)$`)

// scanHTML reports anything in a page that could run script or load from
// elsewhere.
func scanHTML(name string, data []byte) []string {
	var bad []string
	z := html.NewTokenizer(bytes.NewReader(data))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return bad
		case html.TextToken:
			if inScript && len(bytes.TrimSpace(z.Text())) > 0 {
				bad = append(bad, name+": inline script")
			}
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script":
				inScript = tt == html.StartTagToken
				src := attr(tok, "src")
				if !ownScript.MatchString(src) {
					bad = append(bad, name+": script src="+src)
				}
			case "iframe", "object", "embed", "frame", "style", "base", "math":
				bad = append(bad, name+": element "+tok.Data)
			case "meta":
				if strings.EqualFold(attr(tok, "http-equiv"), "refresh") {
					bad = append(bad, name+": meta refresh")
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"), key == "style", key == "srcdoc", key == "formaction":
					bad = append(bad, name+": attribute "+a.Key)
				case key == "href" || key == "src" || key == "action" || key == "xlink:href" || key == "poster":
					if dangerousURL(a.Val) || strings.Contains(a.Val, "evil.example") {
						bad = append(bad, name+": "+key+"="+a.Val)
					}
				}
			}
		}
	}
}

// dangerousURL is the scanner's own judgement of a URL attribute, kept apart
// from the renderer's allowlist so that a weakened allowlist is caught. The
// tokenizer has already decoded entities.
func dangerousURL(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:", "blob:"} {
		if strings.HasPrefix(v, scheme) {
			return true
		}
	}
	return false
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// scanAttract reports anything in the kiosk's attract data other than one
// JSON value assigned to window.showcaseAttract, and any "<" left in it
// unescaped.
func scanAttract(data []byte) []string {
	js, ok := bytes.CutPrefix(bytes.TrimSpace(data), []byte("window.showcaseAttract="))
	js, ok2 := bytes.CutSuffix(js, []byte(";"))
	if !ok || !ok2 || !json.Valid(js) || bytes.ContainsAny(js, "<>") {
		return []string{render.AttractPath + ": not a single escaped JSON value"}
	}
	return nil
}

// scanSVG reports script-capable or external parts of a published SVG.
func scanSVG(name string, data []byte) []string {
	var bad []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return bad
		}
		if err != nil {
			return append(bad, name+": "+err.Error())
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "script", "foreignobject", "style", "image", "a", "iframe":
				bad = append(bad, name+": <"+se.Name.Local+">")
			}
			for _, a := range se.Attr {
				v := strings.ToLower(a.Value)
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || strings.Contains(v, "javascript") || strings.Contains(v, "evil.example") {
					bad = append(bad, name+": "+a.Name.Local+"="+a.Value)
				}
			}
		}
	}
}

// TestAttackCorpusBuildsHarmless builds a site full of attack payloads, for
// both targets, and scans every published file: nothing may be live.
func TestAttackCorpusBuildsHarmless(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, "testdata/attacks.txtar", src)
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		t.Run(string(target), func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Run(t.Context(), build.Options{Source: src, Dest: dest, Target: target})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diagnostics)
			}
			rules := map[string]int{}
			for _, d := range res.Diagnostics {
				rules[d.Rule]++
			}
			// Each dropped link, piece of HTML and SVG part is reported.
			if rules["markdown/unsafe-url"] < 9 || rules["markdown/raw-html"] < 10 || rules["asset/svg-sanitized"] != 1 {
				t.Errorf("findings by rule = %v", rules)
			}
			var bad []string
			files := readTree(t, dest)
			for name, data := range files {
				switch {
				case strings.HasSuffix(name, ".html"):
					bad = append(bad, scanHTML(name, data)...)
				case strings.HasSuffix(name, ".svg"):
					bad = append(bad, scanSVG(name, data)...)
				}
				if name == render.AttractPath {
					// Brand text, as one JSON value: data, never code.
					bad = append(bad, scanAttract(data)...)
					continue
				}
				if bytes.Contains(data, []byte("alert(")) && !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") && !strings.HasPrefix(name, "search/") {
					bad = append(bad, name+": holds alert(")
				}
			}
			for _, b := range bad {
				t.Error(b)
			}
			page := string(files["brands/evil/body/index.html"])
			// Template-like text is shown as text, never executed.
			if !strings.Contains(page, "{{ .Site.Config.Title }}") {
				t.Error("template-like text in an idea was not shown literally")
			}
			if !strings.Contains(page, "&lt;img src=x onerror=alert('concept')") {
				t.Error("HTML in the concept was not escaped as text")
			}
		})
	}
}

// TestAttackFilesRefused checks that a brand cannot make the build read or
// publish a file outside its own bundle: each attempt is an error at its
// line, and nothing is published.
func TestAttackFilesRefused(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.jpg")
	if err := os.WriteFile(secret, []byte("root:x:0:0:secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, bundle string)
		line  string // replaces the logo line of the brand
		rule  string
	}{
		{"parent path", nil, "logo: ../../../../../etc/passwd.svg", "schema/file-path"},
		{"sibling bundle", nil, "logo: ../other/logo.svg", "schema/file-path"},
		{"absolute path", nil, "logo: /etc/passwd.svg", "schema/file-path"},
		{"backslash path", nil, `logo: '..\..\secret.svg'`, "schema/file-path"},
		{"photo outside", nil, "logo: logo.svg\nphotos: [../../../secret.jpg]", "schema/file-path"},
		{"symlinked photo", func(t *testing.T, bundle string) {
			os.MkdirAll(filepath.Join(bundle, "photos"), 0o755)
			if err := os.Symlink(secret, filepath.Join(bundle, "photos/leak.jpg")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
		}, "logo: logo.svg\nphotos: [photos/leak.jpg]", "content/symlink"},
		{"symlinked logo", func(t *testing.T, bundle string) {
			os.Remove(filepath.Join(bundle, "logo.svg"))
			if err := os.Symlink(secret, filepath.Join(bundle, "logo.svg")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
		}, "logo: logo.svg", "content/symlink"},
		{"symlinked bundle", func(t *testing.T, bundle string) {
			if err := os.Symlink(filepath.Dir(secret), filepath.Join(filepath.Dir(bundle), "linked")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
		}, "logo: logo.svg", "content/symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			writeTxtar(t, "testdata/attacks.txtar", src)
			bundle := filepath.Join(src, "content/evil/body")
			index := filepath.Join(bundle, "index.md")
			data, _ := os.ReadFile(index)
			os.WriteFile(index, bytes.Replace(data, []byte("logo: logo.svg"), []byte(tt.line), 1), 0o644)
			if tt.setup != nil {
				tt.setup(t, bundle)
			}
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Run(t.Context(), build.Options{Source: src, Dest: dest, Target: render.Web})
			if err == nil || !build.IsContentError(err) {
				t.Fatalf("build error = %v, want a content error", err)
			}
			found := false
			for _, d := range res.Diagnostics {
				found = found || d.Rule == tt.rule
			}
			if !found {
				t.Errorf("no %s finding in %v", tt.rule, res.Diagnostics)
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("output was published: %v", err)
			}
		})
	}
}
