package printpdf_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/printpdf"
	"showcase/internal/render"
)

// printBrand is a brand of a generated site for forms and boards.
type printBrand struct {
	id, name, status string
	// body is the Markdown body; photos are the sizes of its photos.
	body   string
	photos [][2]int
	// carriers is the number of carriers.
	carriers int
}

// writePrintSite writes a site with one unit holding brands, a board of
// board, and returns its folder.
func writePrintSite(t *testing.T, board string, brands ...printBrand) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"showcase.yaml": []byte(`title: 测试展示
baseURL: https://www.example.org/showcase/
campaign:
  name: 党建品牌创建三年规划(2020—2022)
  stages:
    - {id: declare, name: 品牌申报阶段, ends: 2020-12-31}
  statuses:
    - {id: cultivating, name: 培育中}
    - {id: named, name: 已命名, plaque: true}
plaque: {title: 市直机关党建品牌, issuer: 中共示例市直属机关工作委员会}
print:
  form: {title: 市直机关党建品牌申报表}
  board: ` + board + "\n"),
		"content/unit/_unit.md": []byte("---\nname: 示例市机关事务服务中心\n---\n"),
	}
	for _, b := range brands {
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\nname: %s\norganization: 中共示例市机关事务服务中心%s支部委员会\nsecretary: 王某某\nmembers: 23\nstage: declare\nstatus: %s\ndeclared: 2020-06-30\nlogo: logo.svg\nslogan: 服务为先\nconcept: 以服务为本，把每一件小事办好。\n", b.name, b.id, b.status)
		if b.status == "named" {
			fm.WriteString("named: 2020-12-20\n")
		}
		fm.WriteString("ideas:\n  learning: 学思践悟\n  service: 真心实意\ncarriers:\n")
		for i := range max(b.carriers, 1) {
			fmt.Fprintf(&fm, "  - {name: 载体%d, description: %s}\n", i+1, repeatTo("把服务送到群众身边，", 60))
		}
		fm.WriteString("goals:\n  - year: 2021\n    items: [开展服务十次, 培养骨干五名]\n")
		if len(b.photos) > 0 {
			fm.WriteString("photos:\n")
			for i, size := range b.photos {
				name := fmt.Sprintf("photos/%d.jpg", i+1)
				fmt.Fprintf(&fm, "  - %s\n", name)
				files["content/unit/"+b.id+"/"+name] = testJPEG(t, size[0], size[1])
			}
		}
		fm.WriteString("---\n" + b.body)
		files["content/unit/"+b.id+"/index.md"] = []byte(fm.String())
		files["content/unit/"+b.id+"/logo.svg"] = []byte(testLogo)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// testJPEG is a w×h photo: a gradient, so it is not all one colour.
func testJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		row := m.Pix[y*m.Stride:]
		for x := range w {
			copy(row[4*x:], []uint8{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// body is a brand body with the sections the form and the board show.
func body(connotation, results int) string {
	return "## 品牌内涵\n\n" + repeatTo("支部把为民服务作为初心的见证，一件一件办好群众身边的事。", connotation) +
		"\n\n## 主要做法\n\n开办夜校。\n\n## 工作成效\n\n" + repeatTo("服务群众的覆盖面逐年扩大，群众满意度明显提高。", results) + "\n"
}

// opinions are the boxes every form ends with, for the three who sign.
var opinions = []string{"党组织意见", "机关党委（党总支）意见", "工委审核意见"}

// TestForms prints the application forms of a site, four brands a batch
// so the batches are joined: one form per brand whose status is listed,
// in order, on A4 portrait, each starting on a page of its own headed by
// the configured title, holding its brand's name and the three opinion
// boxes with their signature, seal and date blanks; a long form goes on
// to a second page, and no opinion box is split between pages.
func TestForms(t *testing.T) {
	brands := []printBrand{
		{id: "long", name: "长篇品牌", status: "named", body: body(2400, 600), carriers: 6},
		{id: "short", name: "短篇品牌", status: "cultivating", body: body(40, 30)},
		{id: "plain", name: "无正文品牌", status: "cultivating"},
	}
	// Bodies of growing length move the page's end through the form, so
	// some of it falls where an opinion box is.
	for i := range 8 {
		brands = append(brands, printBrand{id: fmt.Sprintf("sweep%d", i), name: "递增品牌" + string(rune('甲'+i)), status: "named", body: body(100, 80+i*90)})
	}
	dir := writePrintSite(t, "{width: 80cm, height: 200cm}", brands...)
	// The forms come in the site's order.
	byID := map[string]printBrand{}
	for _, b := range brands {
		byID["unit/"+b.id] = b
	}
	brands = brands[:0]
	for _, b := range loadSite(t, dir).Brands {
		brands = append(brands, byID[b.ID])
	}
	file, res := printSite(t, printpdf.Options{Source: dir, Kind: render.PrintForms, Batch: 4})
	if res.Sheets != len(brands) {
		t.Errorf("printed %d forms, want %d", res.Sheets, len(brands))
	}
	info := pdfInfo(t, file)
	checkPaper(t, info, "A4", "portrait")
	if res.Pages != info.pages {
		t.Errorf("result says %d pages, the pdf has %d", res.Pages, info.pages)
	}
	const title = "市直机关党建品牌申报表"
	var forms [][]string // the pages of each form, squashed
	for page := 1; page <= info.pages; page++ {
		text := squash(pdfText(t, file, page))
		if strings.Contains(text, title) {
			forms = append(forms, nil)
		}
		if len(forms) == 0 {
			t.Fatalf("page 1 does not start with the title %q:\n%s", title, text)
		}
		forms[len(forms)-1] = append(forms[len(forms)-1], text)
		// A box is whole on a page: its heading, signature and seal.
		heads := 0
		for _, o := range opinions {
			heads += strings.Count(text, o)
		}
		if signs, seals := strings.Count(text, "负责人签字"), strings.Count(text, "（盖章）")-strings.Count(text, "填报单位（盖章）"); signs != heads || seals != heads {
			t.Errorf("page %d has %d opinion headings, %d signature and %d seal blanks: a box is split\n%s", page, heads, signs, seals, text)
		}
	}
	if len(forms) != len(brands) {
		t.Fatalf("%d forms, want one per brand: %d", len(forms), len(brands))
	}
	for i, b := range brands {
		all := strings.Join(forms[i], "")
		for _, want := range append([]string{b.name, "负责人签字", "（盖章）", "品牌载体", "年度目标"}, opinions...) {
			if !strings.Contains(all, want) {
				t.Errorf("form %d (%s) lacks %q", i+1, b.name, want)
			}
		}
		if n := strings.Count(all, "负责人签字"); n != 3 {
			t.Errorf("form %d (%s) has %d signature blanks, want 3", i+1, b.name, n)
		}
	}
	for i, b := range brands {
		if b.id == "long" && len(forms[i]) < 2 {
			t.Errorf("the long form takes %d page, want a second", len(forms[i]))
		}
		if b.id == "plain" && len(forms[i]) != 1 {
			t.Errorf("the form without a body takes %d pages, want 1", len(forms[i]))
		}
	}
}

// TestFormsNotPublished builds the site and finds no form in it: forms
// are for the office only.
func TestFormsNotPublished(t *testing.T) {
	dir := writePrintSite(t, "{width: 80cm, height: 200cm}", printBrand{id: "one", name: "一个品牌", status: "named", body: body(100, 100)})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: dir, Dest: dest, Target: render.Web, Stateless: true}); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// The form's title and its opinion boxes, not the word 申报表
		// alone: the submission page may name the form in its examples.
		for _, word := range []string{"市直机关党建品牌申报表", "工委审核意见", "class=\"form\"", "class=form"} {
			if strings.HasSuffix(p, ".html") && bytes.Contains(data, []byte(word)) {
				t.Errorf("%s holds %q", p, word)
			}
		}
		if strings.HasPrefix(filepath.ToSlash(p), filepath.ToSlash(dest)+"/print/") {
			t.Errorf("%s is published", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
