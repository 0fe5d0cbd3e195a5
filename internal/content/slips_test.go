package content_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/content"
	"showcase/internal/diag"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/slips/*.txtar")

// TestSlipGolden reads each case of testdata/slips: an index.md with one
// kind of slip, the findings check reports for it in both languages, and
// what --fix makes of it. Each case must report a slip at the line and
// column its "want" section names.
func TestSlipGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/slips/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			input := section(a, "index.md")
			got := map[string]string{
				"findings": findingsText(input, "zh") + findingsText(input, "en"),
				"fixed":    fixedText(input),
			}
			for _, want := range strings.Fields(section(a, "want")) {
				pos, kind, _ := strings.Cut(want, "/")
				re := regexp.MustCompile(`(?m)^f\.md:` + regexp.QuoteMeta(pos) + `: .*\[content/slip-` + kind + `\]$`)
				if !re.MatchString(got["findings"]) {
					t.Errorf("no %s slip at %s in\n%s", kind, pos, got["findings"])
				}
			}
			if *update {
				setSection(a, "findings", got["findings"])
				setSection(a, "fixed", got["fixed"])
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"findings", "fixed"} {
				if want := section(a, name); got[name] != want {
					t.Errorf("%s:\ngot:\n%s\nwant:\n%s", name, got[name], want)
				}
			}
		})
	}
}

// findingsText parses input as a content file and prints its findings.
func findingsText(input, lang string) string {
	var l diag.List
	content.Parse(&content.Document{Path: "f.md"}, []byte(input), &l)
	var b bytes.Buffer
	_ = diag.WriteText(&b, l, lang)
	return b.String()
}

// fixedText corrects input and prints what was corrected and the result,
// or why nothing was.
func fixedText(input string) string {
	out, slips, err := content.Fix([]byte(input))
	var b strings.Builder
	switch {
	case errors.Is(err, content.ErrFixUnsafe):
		b.WriteString("refused: " + err.Error() + "\n")
	case err != nil:
		b.WriteString("error: " + err.Error() + "\n")
	case len(slips) == 0:
		b.WriteString("nothing to fix\n")
	}
	for i, s := range slips {
		if !s.Part {
			fmt.Fprintf(&b, "%d:%d %s\n", s.Line, s.Col, content.Describe(slips, i).In("en"))
		}
	}
	if len(slips) > 0 {
		b.WriteString("--\n")
		b.Write(out)
	}
	return b.String()
}

func section(a *txtar.Archive, name string) string {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setSection(a *txtar.Archive, name, data string) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = []byte(data)
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
}

// TestSlipColumns checks that a file read as if its slips were corrected
// keeps the positions of the file as written: every key and value is at
// the line and column an editor shows for it.
func TestSlipColumns(t *testing.T) {
	for _, c := range []struct {
		name, data, key  string
		keyPos, valuePos string
	}{
		{"colon before text", "---\nname：审计先锋岗\nstage: x\n---\n", "name", "2:1", "2:6"},
		{"colon then the next key", "---\nname：审计先锋岗\nstage: x\n---\n", "stage", "3:1", "3:8"},
		{"byte order mark before a key", "---\nname: a\n\ufeffstage: declare\n---\n", "stage", "3:2", "3:9"},
		{"byte order mark inside a value", "---\nstage: de\ufeffclare\nname: a\n---\n", "name", "3:1", "3:7"},
		{"ideographic indentation", "---\nideas:\n\u3000\u3000learning: 学\n---\n", "ideas.learning", "3:3", "3:13"},
		{"colon in a flow mapping", "---\nx: {date：2020-06-30, event: a}\n---\n", "x.event", "2:22", "2:29"},
		{"two slips on a line", "---\nx: {date：2020－06－30, event：a}\n---\n", "x.event", "2:22", "2:28"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := parseDoc([]byte(c.data))
			if doc.Meta == nil {
				t.Fatal("the front matter was not read")
			}
			n := doc.Meta
			var key, value = n, n
			for _, k := range strings.Split(c.key, ".") {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						key, value = n.Content[i], n.Content[i+1]
					}
				}
				n = value
			}
			if got := fmt.Sprintf("%d:%d", key.Line, key.Column); got != c.keyPos {
				t.Errorf("key at %s, want %s", got, c.keyPos)
			}
			if got := fmt.Sprintf("%d:%d", value.Line, value.Column); got != c.valuePos {
				t.Errorf("value at %s, want %s", got, c.valuePos)
			}
		})
	}
}
