package content

import (
	"strings"
	"testing"

	"showcase/internal/diag"
)

// TestPartLimits checks an oversized front matter or body is a finding at
// the line where it starts, and the file is not parsed further.
func TestPartLimits(t *testing.T) {
	bigFM := "---\nname: x\nconcept: " + strings.Repeat("长", MaxFrontMatter/3+1) + "\n---\nbody\n"
	bigBody := "---\nname: x\n---\n\n" + strings.Repeat("正文", MaxBody/6+1)
	tests := []struct {
		name, data, want string
	}{
		{"front matter", bigFM, "x.md:1:1 content/front-matter-too-large"},
		{"body", bigBody, "x.md:4:1 content/body-too-large"},
	}
	for _, tt := range tests {
		var l diag.List
		doc := &Document{Path: "x.md"}
		Parse(doc, []byte(tt.data), &l)
		if len(l) != 1 || l[0].Pos.String()+" "+l[0].Rule != tt.want {
			t.Errorf("%s: findings %v, want %s", tt.name, l, tt.want)
		}
		if doc.Meta != nil {
			t.Errorf("%s: front matter was parsed", tt.name)
		}
	}
}
