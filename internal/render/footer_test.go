package render_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/render"
)

const footerConfig = `footer:
  sponsor: 中共测试市直属机关工作委员会
  icp: 测ICP备12345678号
  police: 测公网安备11010502030143号
  siteCode: "1100000001"
  contact: 010-12345678
`

// TestGoldenFooter renders the government footer on a page of each
// target: on the web the filing numbers link to the filing sites, on the
// kiosk they are plain text.
func TestGoldenFooter(t *testing.T) {
	fsys := loadTxtar(t, "testdata/site.txtar")
	cfg := fsys["showcase.yaml"]
	fsys["showcase.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(cfg.Data), footerConfig...), Mode: 0o644}
	s, diags, err := build.Load(context.Background(), fsys, build.LoadOptions{}, nil)
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	th, err := build.LoadTheme(fsys, "default")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		target render.Target
		file   string
	}{
		{render.Web, "brands/water/spring/index.html"},
		{render.Kiosk, "brands/water/spring/index.html"},
		{render.Web, "404.html"},
	} {
		var page []byte
		for _, j := range render.Plan(s, th, render.Options{Target: c.target}) {
			if j.File == c.file {
				if page, err = j.Render(); err != nil {
					t.Fatal(err)
				}
			}
		}
		start, end := bytes.Index(page, []byte("<footer")), bytes.Index(page, []byte("</footer>"))
		if start < 0 || end < start {
			t.Fatalf("%s %s: no footer", c.target, c.file)
		}
		golden := "footer-" + string(c.target) + ".html"
		if c.file == "404.html" {
			golden = "footer-404.html"
		}
		compareGolden(t, filepath.Join("testdata/golden", golden), page[start:end+len("</footer>")])
	}
}
