package content_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"showcase/internal/content"
	"showcase/internal/diag"

	"github.com/rogpeppe/go-internal/txtar"
)

// slipRunes are the characters a slip may replace; fixes write only ASCII.
const slipRunes = "：\u3000\u00a0\ufeff－—–‐‑―−０１２３４５６７８９，［］｛｝ "

// FuzzFix checks the promises of check --fix on any input: it never
// changes a byte outside the slips it reports, replaces only slip
// characters with ASCII ones, keeps every line, never makes a file that
// parsed fail to parse, leaves a file without errors as it was, and has
// nothing left to fix in what it wrote.
func FuzzFix(f *testing.F) {
	files, _ := filepath.Glob("testdata/slips/*.txtar")
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(section(a, "index.md")))
	}
	samples, _ := filepath.Glob("../../content/*/*/index.md")
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, slips, err := content.Fix(data)
		if err != nil || len(slips) == 0 {
			if !bytes.Equal(out, data) {
				t.Fatalf("Fix changed the file without reporting a slip (err %v)", err)
			}
			return
		}
		lead := 0
		if bytes.HasPrefix(data, []byte("\ufeff")) {
			lead = 3
		}
		at, oat := 0, 0
		for _, s := range slips {
			next := lead + s.Off
			if next < at || s.End <= s.Off {
				t.Fatalf("slip %+v overlaps the one before", s)
			}
			n := next - at
			if !bytes.Equal(data[at:next], out[oat:oat+n]) {
				t.Fatalf("bytes outside the slips changed before %d:%d", s.Line, s.Col)
			}
			if string(data[next:lead+s.End]) != s.From || string(out[oat+n:oat+n+len(s.To)]) != s.To {
				t.Fatalf("slip %+v does not describe the change", s)
			}
			if strings.Trim(s.From, slipRunes) != "" || !isASCII(s.To) {
				t.Fatalf("slip %+v replaces more than slip characters", s)
			}
			at, oat = lead+s.End, oat+n+len(s.To)
		}
		if !bytes.Equal(data[at:], out[oat:]) {
			t.Fatal("bytes after the last slip changed")
		}
		if bytes.Count(data, []byte("\n")) != bytes.Count(out, []byte("\n")) || bytes.Count(data, []byte("\r")) != bytes.Count(out, []byte("\r")) {
			t.Fatal("the fix changed the lines")
		}
		before, beforeDiags := parseDoc(data)
		after, _ := parseDoc(out)
		if before.Meta != nil && after.Meta == nil {
			t.Fatal("the fix made front matter that parsed fail to parse")
		}
		if !beforeDiags.HasErrors() {
			t.Fatal("a file without errors was changed")
		}
		if again, more, _ := content.Fix(out); len(more) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("a second fix still finds %d slips", len(more))
		}
	})
}

func parseDoc(data []byte) (*content.Document, diag.List) {
	var l diag.List
	doc := &content.Document{Path: "f.md"}
	content.Parse(doc, data, &l)
	return doc, l
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
