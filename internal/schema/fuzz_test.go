package schema_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/cputime"
	"showcase/internal/diag"
	"showcase/internal/fields"
	"showcase/internal/schema"
)

// checkFile parses one brand file and checks it against the schema, as the
// content walk and DecodeBrand do for each brand.
func checkFile(cfg *config.Config, data []byte) diag.List {
	doc := &content.Document{
		Path: brandPath, Kind: content.BrandKind, UnitID: "finance", BrandID: "ledger",
		Bundle: map[string]content.BundleFile{
			"logo.svg":     {Size: 100, Kind: content.KindSVG},
			"photos/1.jpg": {Size: 3 << 20, Kind: content.KindJPEG},
			"photos/2.png": {Size: 100, Kind: content.KindJPEG},
		},
	}
	var diags diag.List
	content.Parse(doc, data, &diags)
	schema.DecodeBrand(doc, cfg, &diags)
	diags.Sort()
	return diags
}

// FuzzCheck feeds arbitrary bytes through front-matter splitting, YAML and
// TOML parsing and the brand schema. Whatever the input, checking must not
// panic, must take at most a second of CPU per 100 KB, must be
// deterministic, and every finding must name the file, a rule, a message
// in both languages, and a position inside the file.
func FuzzCheck(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	cfg, cfgDiags := config.Parse([]byte(testConfig))
	if cfgDiags.HasErrors() {
		f.Fatalf("test configuration: %v", cfgDiags.Err())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := cputime.Used()
		diags := checkFile(cfg, data)
		// A second of CPU per 100 KB, and at least a second.
		if took, budget := cputime.Used()-start, max(time.Second, time.Duration(len(data))*time.Second/(100<<10)); took > budget && !raceEnabled {
			t.Fatalf("%d bytes took %v of CPU, over the budget of %v", len(data), took, budget)
		}
		if again := checkFile(cfg, data); !slices.Equal(findings(diags), findings(again)) {
			t.Fatalf("two checks of the same input differ:\n%q\n%q", findings(diags), findings(again))
		}
		lines := fileLines(data)
		for _, d := range diags {
			checkFinding(t, d, lines)
		}
	})
}

// fileLines splits data into lines the way an editor shows them.
func fileLines(data []byte) []string {
	data = fields.NormalizeBreaks(bytes.TrimPrefix(data, []byte("\ufeff")))
	return strings.Split(string(data), "\n")
}

func checkFinding(t *testing.T, d diag.Diagnostic, lines []string) {
	t.Helper()
	if d.Pos.File != brandPath {
		t.Errorf("finding on %q, not the checked file: %v", d.Pos.File, d)
	}
	if d.Rule == "" || !isASCII(d.Rule) {
		t.Errorf("finding without an ASCII rule id: %v", d)
	}
	for _, s := range []string{d.Message.ZH, d.Message.EN} {
		if s == "" || strings.Contains(s, "%!") {
			t.Errorf("finding %s with a bad message %q", d.Rule, s)
		}
	}
	if d.Pos.Line < 0 || d.Pos.Line > len(lines) || d.Pos.Col < 0 {
		t.Fatalf("finding %s at %d:%d, outside the file's %d lines", d.Rule, d.Pos.Line, d.Pos.Col, len(lines))
	}
	if d.Pos.Line > 0 && d.Pos.Col > utf8.RuneCountInString(lines[d.Pos.Line-1])+1 {
		t.Fatalf("finding %s at %d:%d, beyond the end of line %q", d.Rule, d.Pos.Line, d.Pos.Col, lines[d.Pos.Line-1])
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fuzzSeeds are the sample site's brand files, every brand file of the
// rule table, and a few inputs that once went wrong.
func fuzzSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"../../content/*/*/index.md", "../../examples/*/content/*/*/index.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, data)
		}
	}
	for _, c := range ruleCases() {
		if data, ok := c.files[brandPath]; ok && len(data) < 1<<16 {
			seeds = append(seeds, []byte(data))
		}
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "+++\n+++\n", "\ufeff---\r\n---\r\n",
		"---\na: &x [*x]\n---\n", "---\n? [a]\n: b\n---\n", "---\nname: a\n...\nname: b\n---\n",
		"+++\n[ideas]\nlearning = 1\n[[carriers]]\n+++\n", "+++\na.b.c = 1\n+++\n",
		"---\nname: \"红\\u200b色\\e账\\n本\\\"\"\nslogan: '一''二\u202e三'\n---\n", "---\nname: |\n  红\u200b\n  色\n---\n",
		"---\nname: 红色\ufe0f\ufe0f账\u3000\ncarriers: [{name: \"\\x1b\\u2028\"}]\n---\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}
