package schema_test

import (
	"slices"
	"strings"
	"testing"
)

// TestInvisibleCharacters checks that names and other display text are
// counted as readers see them, and that each invisible character is an
// error at its own column, naming the code point.
func TestInvisibleCharacters(t *testing.T) {
	tests := []struct {
		name  string
		lines map[int]string
		want  []string
		msg   string // in the first finding's Chinese message
	}{
		{"zero-width space makes 3 look like 4", map[int]string{2: "name: 红色账\u200b"},
			[]string{at(2, 7, "schema/name-length"), at(2, 10, "schema/invisible-char")}, "名称中有看不见的字符 U+200B"},
		{"two variation selectors without a base", map[int]string{2: "name: 红色\ufe0f\ufe0f"},
			[]string{at(2, 7, "schema/name-length"), at(2, 9, "schema/invisible-char"), at(2, 10, "schema/invisible-char")}, "U+FE0F"},
		{"ideographic space padding", map[int]string{2: "name: 红色\u3000账"}, []string{at(2, 7, "schema/name-length")}, ""},
		{"ideographic space padding at the end", map[int]string{2: "name: \"红色账\u3000\""}, []string{at(2, 7, "schema/name-length")}, ""},
		{"one emoji family", map[int]string{2: "name: 👨\u200d👩\u200d👧\u200d👦"}, []string{at(2, 7, "schema/name-length")}, ""},
		{"emoji family counts one among four", map[int]string{2: "name: 红色账👨\u200d👩\u200d👧"}, nil, ""},
		{"emoji with its presentation selector", map[int]string{2: "name: 红色账❤\ufe0f"}, nil, ""},
		{"bidi override", map[int]string{2: "name: 红色\u202e本账"},
			[]string{at(2, 9, "schema/invisible-char")}, "U+202E"},
		{"line break", map[int]string{2: `name: "红色账本\n::error file=x::FAKE"`},
			[]string{at(2, 7, "schema/name-length"), at(2, 12, "schema/invisible-char")}, "U+000A"},
		{"escape character", map[int]string{2: `name: "红色\e[31m账本"`},
			[]string{at(2, 10, "schema/invisible-char")}, "U+001B"},
		{"single-quoted with an escaped quote", map[int]string{2: "name: '红''色\u200b账本'"},
			[]string{at(2, 12, "schema/invisible-char")}, "U+200B"},
		{"word joiner in the slogan", map[int]string{10: "slogan: 一本账本\u2060算清为民心"},
			[]string{at(10, 13, "schema/invisible-char")}, "口号中有看不见的字符 U+2060"},
		// Typed as it is, a stray BOM is an input-method slip that
		// check --fix removes (internal/content); written as an escape,
		// it reaches the value and is found here.
		{"byte order mark in the organization", map[int]string{3: `organization: "\ufeff中共示例市财政局"`},
			[]string{at(3, 16, "schema/invisible-char")}, "U+FEFF"},
		{"stray byte order mark, unquoted", map[int]string{3: "organization: \ufeff中共示例市财政局"},
			[]string{at(3, 15, "content/slip-bom")}, ""},
		{"carrier name with a left-to-right mark", map[int]string{13: "  - name: 账本\u200e夜校"},
			[]string{at(13, 13, "schema/invisible-char")}, "U+200E"},
		{"line breaks allowed in the concept", map[int]string{11: "concept: |\n  以账本为镜\n  算清民心账"}, nil, ""},
		{"zero-width space in the concept", map[int]string{11: "concept: 以账本\u200b为镜"},
			[]string{at(11, 13, "schema/invisible-char")}, "品牌理念"},
		{"name as a block scalar", map[int]string{2: "name: >\n  红色账本"}, nil, ""},
		{"tag with a zero-width space", map[int]string{16: "tags: [便民, \"服\u200b务\"]"},
			[]string{at(16, 14, "schema/invisible-char")}, "标签中有看不见的字符 U+200B"},
		{"goal item with a bidi mark", map[int]string{16: "goals: [{year: 2021, items: [开课\u200f]}]"},
			[]string{at(16, 32, "schema/invisible-char")}, "U+200F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			fsys[brandPath].Data = []byte(edit(tt.lines))
			diags := check(t, fsys)
			got := findings(diags)
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("findings:\n  got  %q\n  want %q", got, tt.want)
			}
			if tt.msg == "" {
				return
			}
			for _, d := range diags {
				if d.Rule == "schema/invisible-char" {
					if !strings.Contains(d.Message.ZH, tt.msg) {
						t.Errorf("message %q does not say %q", d.Message.ZH, tt.msg)
					}
					return
				}
			}
			t.Errorf("no schema/invisible-char finding")
		})
	}
}

func TestUnitNameInvisible(t *testing.T) {
	fsys := baseSite()
	fsys["content/finance/_unit.md"].Data = []byte("---\nname: 示例市\u200b财政局\n---\n")
	got := findings(check(t, fsys))
	want := []string{"content/finance/_unit.md:2:10 schema/invisible-char"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
