package content_test

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/content"
	"showcase/internal/diag"
)

func TestSniff(t *testing.T) {
	for head, want := range map[string]string{
		"\x89PNG\r\n\x1a\n\x00\x00":                 content.KindPNG,
		"\xff\xd8\xff\xe0\x00\x10JFIF":              content.KindJPEG,
		"RIFF\x24\x00\x00\x00WEBPVP8 ":              content.KindWebP,
		"GIF89a\x01\x00":                            content.KindGIF,
		`<svg xmlns="http://www.w3.org/2000/svg"/>`: content.KindSVG,
		"\ufeff<?xml version=\"1.0\"?>\n<!-- Generator: editor -->\n<svg viewBox=\"0 0 1 1\">": content.KindSVG,
		"  \n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">":                          content.KindSVG,
		"<html><body>not an image</body></html>":                                               "",
		"%PDF-1.7":                                                                             "",
		"just text mentioning <svg":                                                            "",
		"RIFF\x24\x00\x00\x00WAVEfmt ":                                                         "",
		"":                                                                                     "",
	} {
		if got := content.Sniff([]byte(head)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", head, got, want)
		}
	}
}

// parse parses data as a brand file and returns the findings as
// "line:col rule" and the document.
func parse(data string) ([]string, *content.Document) {
	var l diag.List
	doc := &content.Document{Path: "f.md"}
	content.Parse(doc, []byte(data), &l)
	var got []string
	for _, d := range l {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Rule))
	}
	return got, doc
}

func TestParseFindings(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       []string
	}{
		{"empty", "", []string{"1:1 content/empty"}},
		{"only a byte order mark", "\ufeff", []string{"1:1 content/empty"}},
		{"blank lines", "\n \r\n\t\n", []string{"1:1 content/empty"}},
		{"no front matter", "# 标题\n正文\n", []string{"1:1 content/no-front-matter"}},
		{"front matter after blank lines is still missing its close", "\n\n---\nname: a\n", []string{"3:1 content/unclosed-front-matter"}},
		{"opening delimiter alone", "---", []string{"1:1 content/unclosed-front-matter"}},
		{"closing delimiter missing its line break is still a close", "---\nname: a\n---", nil},
		{"delimiter with trailing spaces", "--- \nname: a\n---  \n", nil},
		{"delimiter followed by text", "--- 品牌\nname: a\n---\n", []string{"1:1 content/no-front-matter"}},
		{"invalid UTF-8 after the BOM", "\ufeff---\nname: 红\xff\n---\n", []string{"2:8 content/encoding"}},
		{"UTF-16", "\xff\xfe-\x00-\x00-\x00", []string{"1:1 content/encoding"}},
		{"GBK", "---\nname: \xba\xec\xc9\xab\xd5\xcb\xb1\xbe\n---\n", []string{"2:7 content/encoding"}},
		{"YAML error counts the delimiter line", "---\nname: a\n  x: 1\n---\n", []string{"3:4 content/yaml-syntax"}},
		{"YAML error after blank lines", "\n\n---\nname: a\n  x: 1\n---\n", []string{"5:4 content/yaml-syntax"}},
		{"TOML error", "+++\nname = \"a\"\nslogan = 口号\n+++\n", []string{"3:10 content/toml-syntax"}},
		{"TOML closed by YAML delimiter", "+++\nname = \"a\"\n---\n", []string{"1:1 content/unclosed-front-matter"}},
		{"NUL byte", "---\nname: a\x00\n---\n", []string{"2:8 content/yaml-syntax"}},
	} {
		if got, _ := parse(c.data); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseKeepsFileLines(t *testing.T) {
	for _, data := range []string{
		"---\nname: 红色账本\nslogan: x\n---\n正文\n",
		"\ufeff---\r\nname: 红色账本\r\nslogan: x\r\n---\r\n正文\r\n",
		"+++\nname = \"红色账本\"\nslogan = \"x\"\n+++\n正文\n",
	} {
		got, doc := parse(data)
		if len(got) != 0 || doc.Meta == nil {
			t.Fatalf("%q: %q", data, got)
		}
		slogan := doc.Meta.Content[2]
		value := doc.Meta.Content[3]
		if slogan.Line != 3 || slogan.Column != 1 || value.Line != 3 || value.Column < 9 {
			t.Errorf("%q: slogan at %d:%d, value at %d:%d", data, slogan.Line, slogan.Column, value.Line, value.Column)
		}
		if doc.BodyLine != 5 || !strings.HasPrefix(string(doc.Body), "正文") {
			t.Errorf("%q: body %q starts on line %d, want 5", data, doc.Body, doc.BodyLine)
		}
	}
}

func TestParseTOMLTables(t *testing.T) {
	got, doc := parse("+++\nname = \"a\"\n[ideas]\nlearning = \"学\"\n[[carriers]]\nname = \"夜校\"\n[[carriers]]\nname = \"讲堂\"\n+++\n")
	if len(got) != 0 {
		t.Fatal(got)
	}
	m := doc.Meta
	if len(m.Content) != 6 || m.Content[2].Value != "ideas" || m.Content[4].Value != "carriers" {
		t.Fatalf("keys: %+v", m.Content)
	}
	carriers := m.Content[5]
	if len(carriers.Content) != 2 {
		t.Fatalf("want 2 carriers, got %d", len(carriers.Content))
	}
	second := carriers.Content[1].Content[0]
	if second.Line != 8 || second.Column != 1 {
		t.Errorf("second carrier's name at %d:%d, want 8:1", second.Line, second.Column)
	}
}

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func load(t *testing.T, fsys fs.FS) (*content.Site, []string) {
	t.Helper()
	s, l, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range l {
		f := fmt.Sprintf("%s %s", d.Pos, d.Rule)
		if d.Severity == diag.Warning {
			f += " warning"
		}
		got = append(got, f)
	}
	return s, got
}

func TestLoadBundle(t *testing.T) {
	fsys := site(map[string]string{
		"content/a/_unit.md":         "---\nname: 单位\n---\n",
		"content/a/b/index.md":       "---\nname: 品牌名称\n---\n",
		"content/a/b/logo.svg":       "<svg/>",
		"content/a/b/photos/1.jpg":   "\xff\xd8\xff\xdb",
		"content/a/b/notes.txt":      "x",
		"content/a/b/.git/config":    "hidden",
		"content/a/b/.DS_Store":      "x",
		"content/a/.hidden/index.md": "x",
	})
	fsys["content/a/b/link.png"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	s, got := load(t, fsys)
	if want := []string{"content/a/b/link.png content/symlink"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(s.Units) != 1 || len(s.Brands) != 1 {
		t.Fatalf("%d units, %d brands", len(s.Units), len(s.Brands))
	}
	b := s.Brands[0]
	want := map[string]content.BundleFile{
		"logo.svg": {Size: 6, Kind: content.KindSVG}, "photos/1.jpg": {Size: 4, Kind: content.KindJPEG},
		"notes.txt": {Size: 1}, ".DS_Store": {Size: 1},
	}
	if fmt.Sprint(b.Bundle) != fmt.Sprint(want) {
		t.Errorf("bundle %v, want %v", b.Bundle, want)
	}
	if b.UnitID != "a" || b.BrandID != "b" || b.Path != "content/a/b/index.md" {
		t.Errorf("brand %+v", b)
	}
}

func TestLoadFolders(t *testing.T) {
	fsys := site(map[string]string{
		"content/a/_unit.md":         "---\nname: 单位\n---\n",
		"content/a/index.md":         "---\nname: x\n---\n",
		"content/a/_Unit.md":         "---\nname: x\n---\n",
		"content/a/empty/x.txt":      "",
		"content/B/_unit.md":         "---\nname: x\n---\n",
		"content/c/d/index.md":       "---\nname: 品牌名称\n---\n",
		"content/README.md":          "about",
		"content/a/b_c/index.md":     "---\nname: 品牌名称\n---\n",
		"content/a/b_c/README.md":    "bundle files may be anything",
		"content/a/b_c/sub/index.md": "---\nname: 嵌套品牌\n---\n",
		"content/a/b_c/x/y/_unit.md": "---\nname: x\n---\n",
		"content/a/b_c/photos/1.jpg": "\xff\xd8\xff\xdb",
		"content/a/photo.jpg":        "\xff\xd8\xff\xdb",
		"content/a/.DS_Store":        "",
		"content/notes.txt":          "",
		"content/.gitkeep":           "",
	})
	fsys["content/e"] = &fstest.MapFile{Data: []byte("a"), Mode: fs.ModeSymlink}
	_, got := load(t, fsys)
	want := []string{
		"content/B content/bad-id",
		"content/README.md content/stray-file",
		"content/a/_Unit.md content/stray-file",
		"content/a/b_c content/bad-id",
		"content/a/b_c/sub/index.md content/nested-bundle",
		"content/a/b_c/x/y/_unit.md content/nested-bundle",
		"content/a/empty content/missing-index",
		"content/a/index.md content/stray-file",
		"content/a/photo.jpg content/stray-file warning",
		"content/c content/missing-unit",
		"content/e content/symlink",
		"content/notes.txt content/stray-file warning",
	}
	l := slices.Clone(got)
	slices.Sort(l)
	if !slices.Equal(l, want) {
		t.Errorf("findings:\n  got  %q\n  want %q", l, want)
	}
}

func TestLoadWithoutContent(t *testing.T) {
	_, got := load(t, fstest.MapFS{"showcase.yaml": {}})
	if want := []string{"content content/missing"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := "---\nname: 品牌名称\n---\n" + strings.Repeat("字", content.MaxFileSize/3+1)
	_, got := load(t, site(map[string]string{"content/a/_unit.md": big}))
	if want := []string{"content/a/_unit.md content/too-large"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
