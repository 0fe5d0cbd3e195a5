package submit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWriteLines checks that each control's value is written on the
// lines the page maps back to that control.
func TestWriteLines(t *testing.T) {
	f := &Form{Name: "国库先锋", Organization: "中共示例", Stage: "declare", Declared: "2021-03-01", Logo: "logo.svg",
		Concept: "第一行\n第二行", Carriers: []Carrier{{Name: "甲", Description: "乙"}, {Name: "丙", Description: "丁"}},
		Members: "23", Tags: "便民服务，志愿服务", Body: "## 品牌内涵\n\n正文\n"}
	src := Write(f)
	lines := strings.Split(src.Text, "\n")
	want := map[string]string{"name": "name: 国库先锋", "carriers.1.name": "  - name: 丙", "members": "members: 23", "tags.1": "  - 志愿服务", "declared": "declared: 2021-03-01"}
	for field, text := range want {
		found := false
		for n, f := range src.Fields {
			if f == field && lines[n-1] == text {
				found = true
			}
		}
		if !found {
			t.Errorf("no line %q for %s in\n%s", text, field, src.Text)
		}
	}
	if lines[src.BodyLine-1] != "## 品牌内涵" || lines[src.BodyLine-2] != "---" {
		t.Errorf("the body starts on line %d of\n%s", src.BodyLine, src.Text)
	}
}

// FuzzWriteRoundTrip checks that whatever a secretary types is written
// so that YAML reads back exactly that text, in its own field: no value
// can add a key, end the front matter or change another value.
func FuzzWriteRoundTrip(f *testing.F) {
	for _, s := range []string{"红色账本", "a: b", "x\nstatus: exemplary", "---", "- item", "'quoted'", `"dq"`, "#hash", " lead", "trail ", "yes", "2020-01-01", "12", "~", "@x", "`x", "a\n\n b", "\u2028x", "\x85", "|", ">-", "{a: 1}", "[1]", "&a", "*a", "!tag x", "%x", "\t", "a\r\nb", "\ufeffx"} {
		f.Add(s, "理念", "说明")
	}
	f.Fuzz(func(t *testing.T, name, concept, desc string) {
		if !utf8.ValidString(name) || !utf8.ValidString(concept) || !utf8.ValidString(desc) {
			return
		}
		in := &Form{Name: name, Organization: "组织", Stage: "declare", Declared: "2021-03-01", Logo: "logo.svg", Concept: concept,
			Carriers: []Carrier{{Name: "载体", Description: desc}}, Body: "正文\n"}
		text := Write(in).Text
		out := ParseForm(text)
		norm := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
		if out.Name != norm(name) || out.Concept != norm(concept) || len(out.Carriers) != 1 || out.Carriers[0].Description != norm(desc) {
			t.Fatalf("wrote %q %q %q as\n%s\nread back %q %q %+v", name, concept, desc, text, out.Name, out.Concept, out.Carriers)
		}
		if out.Organization != "组织" || out.Stage != "declare" || len(out.Extra) != 0 || out.Body != "正文\n" {
			t.Fatalf("a value changed another field:\n%s\n%+v", text, out)
		}
	})
}
