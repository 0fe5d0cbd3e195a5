package schema_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/schema"
)

// decisionPath is the file the decision fuzz test checks.
const decisionPath = "decisions/2020-12-20-first-naming.md"

// decisionConfig has the status flags and review results decisions use.
const decisionConfig = testConfig + `    - {id: delisted, name: 已摘牌, listed: false}
  reviews:
    - {id: pass, name: 合格}
`

// checkDecision parses one decision file and decodes it, as the loader does.
func checkDecision(cfg *config.Config, data []byte) (schema.Decision, diag.List) {
	doc := &content.Document{Path: decisionPath}
	var diags diag.List
	content.Parse(doc, data, &diags)
	d := schema.DecodeDecision(doc, cfg, &diags)
	diags.Sort()
	return d, diags
}

// FuzzDecodeDecision feeds arbitrary bytes through front-matter parsing and
// the decision schema: no panic, the same result twice, every finding on
// the file at a position inside it, and every decoded entry's brand at a
// line of the file.
func FuzzDecodeDecision(f *testing.F) {
	for _, pattern := range []string{"../../decisions/*.md", "../../examples/*/decisions/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{"", "---\n---\n", "---\nchanges: [{brand: a/b, status: nope}]\n---\n",
		"---\ntitle: 甲\ndate: 2020-01-01\nreviews: [{brand: a/b, year: 99999, result: pass}]\n---\n",
		"---\npairs: [{brand: a, organization: }]\n---\n", "+++\ntitle = 1\n[[changes]]\nbrand = 2\n+++\n"} {
		f.Add([]byte(s))
	}
	cfg, cfgDiags := config.Parse([]byte(decisionConfig))
	if cfgDiags.HasErrors() {
		f.Fatalf("test configuration: %v", cfgDiags.Err())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, diags := checkDecision(cfg, data)
		_, again := checkDecision(cfg, data)
		if !slices.Equal(findings(diags), findings(again)) {
			t.Fatalf("two checks of the same input differ:\n%q\n%q", findings(diags), findings(again))
		}
		lines := fileLines(data)
		for _, dg := range diags {
			if dg.Pos.File != decisionPath {
				t.Errorf("finding on %q, not the checked file: %v", dg.Pos.File, dg)
			}
			dg.Pos.File = brandPath // checkFinding checks the brand's path
			checkFinding(t, dg, lines)
		}
		var refs []schema.Ref
		for _, c := range d.Changes {
			refs = append(refs, c.Brand)
		}
		for _, r := range d.Reviews {
			refs = append(refs, r.Brand)
		}
		for _, p := range d.Pairs {
			refs = append(refs, p.Brand)
		}
		for _, r := range refs {
			if r.Pos.File != decisionPath || r.Pos.Line < 1 || r.Pos.Line > len(lines) {
				t.Errorf("brand %q at %v, not a line of the file", r.ID, r.Pos)
			}
		}
	})
}
