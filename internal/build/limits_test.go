package build

import (
	"strings"
	"testing"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// TestSiteSizeLimit uses bundle sizes alone, so no gigabytes are written.
func TestSiteSizeLimit(t *testing.T) {
	doc := func(path string, size int64) *content.Document {
		return &content.Document{Path: path, Bundle: map[string]content.BundleFile{
			"logo.svg": {Size: 1 << 10}, "photos/1.jpg": {Size: size},
		}}
	}
	brand := site.BrandInput{Meta: schema.Brand{Logo: "logo.svg", Photos: []string{"photos/1.jpg"}}}
	tests := []struct {
		sizes []int64
		want  string
	}{
		{[]int64{1 << 30, 2 << 30}, ""},
		{[]int64{1 << 30, 3 << 30, 1 << 20}, "content/b/index.md"},
	}
	for _, tt := range tests {
		var docs []*content.Document
		var brands []site.BrandInput
		for i, s := range tt.sizes {
			docs = append(docs, doc("content/"+string(rune('a'+i))+"/index.md", s))
			brands = append(brands, brand)
		}
		var diags diag.List
		checkSiteSize(docs, brands, &diags)
		switch {
		case tt.want == "" && len(diags) > 0:
			t.Errorf("%v: unexpected %v", tt.sizes, diags)
		case tt.want != "" && (len(diags) != 1 || diags[0].Rule != "content/site-too-large"):
			t.Errorf("%v: findings %v", tt.sizes, diags)
		case tt.want != "" && !strings.Contains(diags[0].Hint.EN, tt.want):
			t.Errorf("hint %q does not name %s", diags[0].Hint.EN, tt.want)
		}
	}
}
