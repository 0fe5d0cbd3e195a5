package wasm

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"showcase/internal/config"
	"showcase/internal/submit"
)

const testLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`

func testEngine(t *testing.T) *Engine {
	t.Helper()
	cfg, _ := config.Parse([]byte("title: 测试\nbaseURL: https://example.org/\ncampaign:\n  name: 活动\n  stages: [{id: declare, name: 申报}]\n  statuses: [{id: new, name: 培育中}]\n"))
	c := submit.Context{Config: submit.ConfigText(cfg), Units: []submit.ContextUnit{{ID: "finance", Name: "示例市财政局"}}}
	data, _ := json.Marshal(c)
	e, err := New(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func form() *submit.Form {
	return &submit.Form{Unit: "finance", Brand: "guoku", Name: "国库先", Organization: "中共示例支部", Secretary: "李某某",
		Stage: "declare", Status: "new", Declared: "2021-03-01", Logo: "logo.svg", Concept: "守好国库",
		Carriers: []submit.Carrier{{Name: "讲堂", Description: "每月"}}, Body: "## 品牌内涵\n\n正文\n"}
}

// TestCheckFields checks that a finding names the control it belongs
// beside and the file's line, and that fixing the value clears it.
func TestCheckFields(t *testing.T) {
	e := testEngine(t)
	files := map[string][]byte{"logo.svg": []byte(testLogo)}
	out, err := e.Check(form(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Findings) != 1 || out.Findings[0].Rule != "schema/name-length" || out.Findings[0].Field != "name" || out.Findings[0].Line != 2 || out.Errors != 1 {
		t.Fatalf("findings %+v", out.Findings)
	}
	f := form()
	f.Name = "国库先锋"
	if out, _ = e.Check(f, files); len(out.Findings) != 0 || out.Bundle != "finance-guoku.zip" {
		t.Fatalf("a good form: %+v", out)
	}
	f.Carriers[0].Description = "\u200b"
	if out, _ = e.Check(f, files); len(out.Findings) == 0 || out.Findings[0].Field != "carriers.0.description" {
		t.Fatalf("a finding in a carrier: %+v", out.Findings)
	}
}

// TestZipOpen checks that a downloaded bundle opens into the same form
// and files.
func TestZipOpen(t *testing.T) {
	e := testEngine(t)
	f := form()
	f.Tags = "便民，志愿"
	f.Goals = []submit.Goal{{Year: "2021", Items: "一\n二"}}
	f.Timeline = []submit.Event{{Date: "2021-03-01", Event: "申报"}}
	f.Partners = []string{"tax/lanqiao"}
	f.Photos = []string{"photos/1.jpg"}
	files := map[string][]byte{"logo.svg": []byte(testLogo), "photos/1.jpg": []byte("\xff\xd8\xff")}
	data, err := e.Zip(f, files)
	if err != nil {
		t.Fatal(err)
	}
	o := e.Open(data)
	if o.Error != "" {
		t.Fatal(o.Error)
	}
	a, _ := json.Marshal(f)
	b, _ := json.Marshal(o.Form)
	if !bytes.Equal(a, b) {
		t.Errorf("opened\n%s\nwant\n%s", b, a)
	}
	if !bytes.Equal(o.Files["photos/1.jpg"], files["photos/1.jpg"]) || len(o.Files) != 2 {
		t.Errorf("files %v", o.Files)
	}
	if o := e.Open([]byte("not a zip")); o.Error == "" {
		t.Error("a file that is not a ZIP opened")
	}
}

func TestSuggest(t *testing.T) {
	for name, want := range map[string]string{"国库先锋": "guokuxianfeng", "红色账本": "hongsezhangben", "E路先锋": "eluxianfeng", "": ""} {
		if got := Suggest(name); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestPreview renders the brand's page with the built-in theme.
func TestPreview(t *testing.T) {
	e := testEngine(t)
	f := form()
	f.Name = "国库先锋"
	html, err := e.Preview(f, map[string][]byte{"logo.svg": []byte(testLogo)})
	if err != nil || !bytes.Contains([]byte(html), []byte("国库先锋")) || !bytes.Contains([]byte(html), []byte("守好国库")) {
		t.Fatalf("preview: %v\n%.300s", err, html)
	}
}

// TestPreviewSiteLayouts renders the preview with the layouts the site's
// own theme folder overrides, as the site's build does.
func TestPreviewSiteLayouts(t *testing.T) {
	e := testEngine(t)
	e.ctx.Layouts = map[string]string{
		"layouts/pages/brand.html": `{{define "main"}}<h1 class="site-own">{{.Brand.Name}}</h1>{{end}}`,
	}
	f := form()
	f.Name = "国库先锋"
	html, err := e.Preview(f, map[string][]byte{"logo.svg": []byte(testLogo)})
	if err != nil || !strings.Contains(html, `<h1 class="site-own">国库先锋</h1>`) {
		t.Fatalf("the preview does not use the site's brand layout: %v\n%.300s", err, html)
	}
}
