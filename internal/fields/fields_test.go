package fields_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

func TestSuggest(t *testing.T) {
	known := []string{"name", "slogan", "concept", "carriers", "partners", "tags"}
	for in, want := range map[string]string{
		"slogen": "slogan", "nmae": "name", "Name": "name", "carrier": "carriers",
		"concepts": "concept", "tag": "tags", "xyz": "", "description": "", "": "",
		"partner_s": "partners",
	} {
		if got := fields.Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"finance": true, "tax-2": true, "a": true, "": false, "Finance": false,
		"财政": false, "a_b": false, "a/b": false, "a b": false, "..": false,
	} {
		if got := fields.ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v", id, got)
		}
	}
}

// parse parses front matter that starts after a delimiter on line 1.
func parse(raw string) (*yaml.Node, []string) {
	var l diag.List
	n := fields.ParseYAML("f.md", []byte(raw), 1, "content/yaml-syntax", &l)
	var got []string
	for _, d := range l {
		got = append(got, fmt.Sprintf("%s %s", d.Pos, d.Rule))
	}
	return n, got
}

// billionLaughs is the YAML alias bomb: each anchor names ten of the one
// before, so expanding the last would make 10^10 items.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	return b.String()
}

func TestParseYAMLPositions(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want []string
	}{
		{"name: a\nslogan: 口号: 一本\n", []string{"f.md:3:11 content/yaml-syntax"}},
		{"name: a\ntags: [a, b\nx: 1\n", []string{"f.md:3:7 content/yaml-syntax"}},
		{"name: \"abc\n", []string{"f.md:2:7 content/yaml-syntax"}},
		{"name: a\n\tx: 1\n", []string{"f.md:3:1 content/yaml-syntax"}},
		{"- a\n- b\n", []string{"f.md:2:1 content/not-mapping"}},
		{"name: a\n...\nname: b\n", []string{"f.md:4:1 content/yaml-syntax"}},
		{"a: *nothing\n", []string{"f.md:2:4 content/yaml-syntax"}},
		{"a: &x 红色\nk: [*x]\n", []string{"f.md:2:4 content/yaml-alias"}},
		{billionLaughs(), []string{"f.md:2:5 content/yaml-alias"}},
		{"k: " + strings.Repeat("[", fields.MaxDepth) + strings.Repeat("]", fields.MaxDepth) + "\n", []string{fmt.Sprintf("f.md:2:%d content/yaml-depth", fields.MaxDepth+3)}},
		{"k: [" + strings.Repeat("1,", fields.MaxNodes) + "1]\n", []string{fmt.Sprintf("f.md:2:%d content/yaml-size", 2*fields.MaxNodes-1)}},
		{"", nil},
		{"# only a comment\n", nil},
		{"name: a\n", nil},
	} {
		if _, got := parse(c.raw); !slices.Equal(got, c.want) {
			t.Errorf("%.60q: got %q, want %q", c.raw, got, c.want)
		}
	}
}

func TestParseYAMLEmptyIsMapping(t *testing.T) {
	n, diags := parse("\n# nothing yet\n")
	if len(diags) != 0 || n == nil || n.Kind != yaml.MappingNode || n.Line != 2 {
		t.Fatalf("empty front matter: node %+v, findings %q", n, diags)
	}
}

func TestParseYAMLLinesAreFileLines(t *testing.T) {
	n, _ := parse("name: a\ncarriers:\n  - name: 夜校\n")
	carrier := n.Content[3].Content[0]
	if key := carrier.Content[0]; key.Line != 4 || key.Column != 5 {
		t.Errorf("nested key at %d:%d, want 4:5", key.Line, key.Column)
	}
}

func TestExplainedInChinese(t *testing.T) {
	var l diag.List
	fields.ParseYAML("f.md", []byte("slogan: a: b\n"), 0, "r", &l)
	if len(l) != 1 || l[0].Message.ZH != "YAML 格式有误：这一行多了一个冒号——值里含有“: ”时，请把整个值用引号括起来" ||
		l[0].Message.EN != "malformed YAML: mapping values are not allowed in this context" {
		t.Errorf("got %q / %q", l[0].Message.ZH, l[0].Message.EN)
	}
}

// decode runs fn on the value of the last key of the YAML doc.
func decode(doc string, fn func(d *fields.Decoder, n *yaml.Node)) []string {
	var l diag.List
	root := fields.ParseYAML("f.md", []byte(doc), 0, "r", &l)
	d := &fields.Decoder{File: "f.md", Diags: &l}
	fn(d, root.Content[len(root.Content)-1])
	var got []string
	for _, x := range l {
		got = append(got, fmt.Sprintf("%s %s", x.Pos, x.Rule))
	}
	return got
}

func TestValues(t *testing.T) {
	date := func(d *fields.Decoder, n *yaml.Node) { d.Date(n, "k") }
	integer := func(d *fields.Decoder, n *yaml.Node) { d.Int(n, "k") }
	text := func(d *fields.Decoder, n *yaml.Node) { d.String(n, "k") }
	list := func(d *fields.Decoder, n *yaml.Node) { d.Strings(n, "k") }
	for _, c := range []struct {
		doc  string
		fn   func(*fields.Decoder, *yaml.Node)
		want []string
	}{
		{"k: 2020-06-30", date, nil},
		{"k: '2020-06-30'", date, nil},
		{"k: 2021-02-29", date, []string{"f.md:1:4 schema/date"}},
		{"k: 2020-13-01", date, []string{"f.md:1:4 schema/date"}},
		{"k: 1900-01-01", date, []string{"f.md:1:4 schema/date"}},
		{"k: 2020-06-30T08:00:00Z", date, []string{"f.md:1:4 schema/date"}},
		{"k: [2020-06-30]", date, []string{"f.md:1:4 schema/type"}},
		{"k: 23", integer, nil},
		{"k: 2.5", integer, []string{"f.md:1:4 schema/type"}},
		{"k: '23'", integer, []string{"f.md:1:4 schema/type"}},
		{"k: 99999999999999999999", integer, []string{"f.md:1:4 schema/type"}},
		{"k: 2021", text, nil},
		{"k: {a: b}", text, []string{"f.md:1:4 schema/type"}},
		{"k: 【待填写：名称】", text, []string{"f.md:1:4 schema/placeholder"}},
		{"k: [a, [b], c]", list, []string{"f.md:1:8 schema/type"}},
	} {
		if got := decode(c.doc, c.fn); !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.doc, got, c.want)
		}
	}
}

func TestMappingAndRequire(t *testing.T) {
	keys := fields.Keys{Known: []string{"name", "slogan"}, Labels: map[string]string{"口号": "slogan"}}
	var l diag.List
	root := fields.ParseYAML("f.md", []byte("name:\nslogen: a\n口号: b\nname: c\n"), 0, "r", &l)
	d := &fields.Decoder{File: "f.md", Diags: &l}
	m, ok := d.Mapping(root, diag.T("品牌", "the brand"), keys)
	d.Require(m, diag.T("品牌", "the brand"), "name", "slogan")
	if !ok || m.Has("name") || m.Value("name") != nil {
		t.Errorf("an empty value must count as not given")
	}
	var got []string
	for _, x := range l {
		got = append(got, fmt.Sprintf("%s %s %s", x.Pos, x.Rule, x.Hint.EN))
	}
	want := []string{
		`f.md:2:1 schema/unknown-key did you mean "slogan"?`,
		`f.md:3:1 schema/unknown-key write the key "slogan" for 口号`,
		`f.md:4:1 schema/duplicate-key remove one of them`,
		`f.md:1:6 schema/empty write the value after "name: "`,
		`f.md:1:1 schema/required add a line "slogan: …"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
