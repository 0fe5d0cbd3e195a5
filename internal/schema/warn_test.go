package schema_test

import (
	"slices"
	"strings"
	"testing"

	"showcase/internal/diag"
)

// TestWarningsNeverFail checks that the advisory rules are warnings: a big
// photo, a long concept and a missing secretary are reported, and the site
// still has no error.
func TestWarningsNeverFail(t *testing.T) {
	fsys := baseSite()
	fsys[brandPath].Data = []byte(edit(map[int]string{
		4:  "\x00",
		11: "concept: " + strings.Repeat("以账本为镜", 21),
	}))
	fsys["content/finance/ledger/photos/1.jpg"].Data = []byte(jpegData + strings.Repeat("\x00", 2<<20))
	diags := check(t, fsys)
	want := []string{
		at(2, 1, "schema/secretary") + " warning",
		at(10, 10, "schema/concept-length") + " warning",
		at(15, 10, "schema/photo-size") + " warning",
	}
	if got := findings(diags); !slices.Equal(got, want) {
		t.Fatalf("findings:\n  got  %q\n  want %q", got, want)
	}
	if diags.HasErrors() || diags.Err() != nil {
		t.Fatal("warnings alone must not fail a check")
	}
}

// TestAcceptedForms checks inputs that look unusual but are valid.
func TestAcceptedForms(t *testing.T) {
	for name, lines := range map[string]map[int]string{
		"name of eight characters once composed": {2: "name: cafe\u0301cafe\u0301"},
		"quoted date":                            {7: `declared: "2020-05-20"`},
		"named on the day of declaring":          {8: "named: 2020-05-20"},
		"optional key left empty":                {10: "slogan:"},
		"tags with a number":                     {10: "tags: [便民服务, 2021]"},
		"comments and blank lines":               {10: "# 口号以后再定\n\nslogan: 口号  # 暂定"},
		"body with front matter delimiters":      {18: "正文\n\n---\n\n更多正文"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := baseSite()
			fsys[brandPath].Data = []byte(edit(lines))
			if got := findings(check(t, fsys)); len(got) != 0 {
				t.Fatalf("findings for valid input: %q", got)
			}
		})
	}
}

// TestHints checks that the hints name the fix.
func TestHints(t *testing.T) {
	for _, c := range []struct {
		lines    map[int]string
		rule     string
		hintZH   string
		hintEN   string
		partOfEN string
	}{
		{map[int]string{10: "slogen: 口号"}, "schema/unknown-key", "是不是想写 \"slogan\"？", "did you mean \"slogan\"?", `unknown key "slogen"`},
		{map[int]string{10: "品牌口号: 口号"}, "schema/unknown-key", "“品牌口号”请写成字段名 \"slogan\"", "write the key \"slogan\" for 品牌口号", "unknown key"},
		{map[int]string{5: "stage: 品牌提升阶段"}, "schema/stage", "“品牌提升阶段”请写成它的 id：improve", "write the id \"improve\" for 品牌提升阶段", `unknown stage "品牌提升阶段"`},
		{map[int]string{5: "stage: Improve"}, "schema/stage", "是不是想写 \"improve\"？", "did you mean \"improve\"?", "unknown stage"},
		{map[int]string{6: "status: x"}, "schema/status", "可选：cultivating（培育中）、named（已命名）", "choose one of: cultivating（培育中）、named（已命名）", "unknown status"},
		{map[int]string{9: "logo: Logo.svg"}, "schema/missing-file", "是不是想写 \"logo.svg\"？", "did you mean \"logo.svg\"?", `file "Logo.svg" does not exist`},
	} {
		fsys := baseSite()
		fsys[brandPath].Data = []byte(edit(c.lines))
		d := only(t, check(t, fsys))
		if d.Rule != c.rule || d.Hint.ZH != c.hintZH || d.Hint.EN != c.hintEN || !strings.Contains(d.Message.EN, c.partOfEN) {
			t.Errorf("%v: got %s %q / hint %q / %q", c.lines, d.Rule, d.Message.EN, d.Hint.ZH, d.Hint.EN)
		}
	}
}

func only(t *testing.T, l diag.List) diag.Diagnostic {
	t.Helper()
	if len(l) != 1 {
		t.Fatalf("want one finding, got %q", findings(l))
	}
	return l[0]
}
