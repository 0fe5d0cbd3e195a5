package diag_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"showcase/internal/diag"
)

func sample() diag.List {
	var l diag.List
	l.Warnf(diag.Position{File: "content/b/x/index.md", Line: 3, Col: 9}, "schema/concept-length",
		diag.T("理念太长", "concept too long"), diag.Text{})
	l.Errorf(diag.Position{File: "content/a/_unit.md", Line: 2, Col: 1}, "schema/unknown-key",
		diag.T("未知字段 %q", "unknown key %q", "titel"), diag.T("是不是想写 %q？", "did you mean %q?", "title"))
	l.Errorf(diag.Position{File: "content/a,b:c/x%y.md"}, "content/symlink",
		diag.T("百分之%d\r\n第二行", "100%d\r\nsecond line", 100), diag.T("提示", "hint"))
	l.Sort()
	return l
}

func TestWriteText(t *testing.T) {
	for lang, want := range map[string]string{
		"zh": "content/a,b:c/x%y.md: error: 百分之100\\r\\n第二行 [content/symlink]\n    提示: 提示\n" +
			"content/a/_unit.md:2:1: error: 未知字段 \"titel\" [schema/unknown-key]\n    提示: 是不是想写 \"title\"？\n" +
			"content/b/x/index.md:3:9: warning: 理念太长 [schema/concept-length]\n",
		"en": "content/a,b:c/x%y.md: error: 100100\\r\\nsecond line [content/symlink]\n    hint: hint\n" +
			"content/a/_unit.md:2:1: error: unknown key \"titel\" [schema/unknown-key]\n    hint: did you mean \"title\"?\n" +
			"content/b/x/index.md:3:9: warning: concept too long [schema/concept-length]\n",
	} {
		var b bytes.Buffer
		if err := diag.WriteText(&b, sample(), lang); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s:\ngot  %q\nwant %q", lang, b.String(), want)
		}
	}
}

// TestWriteGitHub checks the workflow-command escaping the Actions runner
// requires: %, CR and LF in messages; also : and , in properties.
func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := diag.WriteGitHub(&b, sample(), "en"); err != nil {
		t.Fatal(err)
	}
	want := "::error file=content/a%2Cb%3Ac/x%25y.md,title=content/symlink::100100\\r\\nsecond line%0Ahint\n" +
		"::error file=content/a/_unit.md,line=2,col=1,title=schema/unknown-key::unknown key \"titel\"%0Adid you mean \"title\"?\n" +
		"::warning file=content/b/x/index.md,line=3,col=9,title=schema/concept-length::concept too long\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := diag.WriteJSON(&b, sample()[1:2], "zh"); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "file": "content/a/_unit.md",
    "line": 2,
    "column": 1,
    "severity": "error",
    "rule": "schema/unknown-key",
    "message": "未知字段 \"titel\"",
    "hint": "是不是想写 \"title\"？"
  }
]
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := diag.WriteJSON(&b, nil, "zh"); err != nil || b.String() != "[]\n" {
		t.Errorf("no findings: got %q, %v; want []", b.String(), err)
	}
	b.Reset()
	_ = diag.WriteJSON(&b, sample(), "en")
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || len(out) != 3 {
		t.Fatalf("not a JSON array of 3 findings: %v", err)
	}
	for _, f := range out {
		if len(f) != 7 {
			t.Errorf("finding has %d fields, want the same 7 always: %v", len(f), f)
		}
	}
}

func TestSortAndCount(t *testing.T) {
	l := sample()
	if l[0].Pos.File != "content/a,b:c/x%y.md" || l[2].Severity != diag.Warning {
		t.Errorf("not sorted by path: %v", l)
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count = %d, %d; want 2, 1", e, w)
	}
	if !l.HasErrors() || l[2:].HasErrors() || l[2:].Err() != nil {
		t.Error("HasErrors/Err disagree with the severities")
	}
}
