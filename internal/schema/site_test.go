package schema_test

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// testConfig is a small campaign for the rule tests.
const testConfig = `title: 测试
baseURL: https://example.org/
campaign:
  name: 测试活动
  stages:
    - {id: declare, name: 品牌申报阶段}
    - {id: improve, name: 品牌提升阶段}
  statuses:
    - {id: cultivating, name: 培育中}
    - {id: named, name: 已命名}
`

// baseBrand is a valid brand; cases edit it line by line, so the line
// numbers in the cases refer to these lines.
var baseBrand = []string{
	/* 1 */ "---",
	/* 2 */ "name: 红色账本",
	/* 3 */ "organization: 中共示例市财政局机关第一支部委员会",
	/* 4 */ "secretary: 王某某",
	/* 5 */ "stage: improve",
	/* 6 */ "status: named",
	/* 7 */ "declared: 2020-05-20",
	/* 8 */ "named: 2020-12-18",
	/* 9 */ "logo: logo.svg",
	/* 10 */ "slogan: 一本账本算清为民心",
	/* 11 */ "concept: 以账本为镜",
	/* 12 */ "carriers:",
	/* 13 */ "  - name: 账本夜校",
	/* 14 */ "    description: 每月开课",
	/* 15 */ "partners: [tax/lanqiao]",
	/* 16 */ "photos: [photos/1.jpg]",
	/* 17 */ "---",
	/* 18 */ "正文",
}

const (
	brandPath = "content/finance/ledger/index.md"
	svgData   = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`
	jpegData  = "\xff\xd8\xff\xdb\x00\x43\x00"
	pngData   = "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"
)

// edit returns baseBrand with lines replaced (1-based); a replacement may
// hold several lines, or none ("\x00" deletes the line).
func edit(lines map[int]string) string {
	var out []string
	for i, l := range baseBrand {
		r, ok := lines[i+1]
		switch {
		case !ok:
			out = append(out, l)
		case r != "\x00":
			out = append(out, r)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// baseSite is a valid site with two units and two brands.
func baseSite() fstest.MapFS {
	return fstest.MapFS{
		"showcase.yaml":                       {Data: []byte(testConfig)},
		"content/finance/_unit.md":            {Data: []byte("---\nname: 示例市财政局\n---\n")},
		brandPath:                             {Data: []byte(edit(nil))},
		"content/finance/ledger/logo.svg":     {Data: []byte(svgData)},
		"content/finance/ledger/photos/1.jpg": {Data: []byte(jpegData)},
		"content/tax/_unit.md":                {Data: []byte("---\nname: 示例市税务局\n---\n")},
		"content/tax/lanqiao/index.md":        {Data: []byte(strings.Replace(strings.Replace(edit(map[int]string{16: "\x00"}), "tax/lanqiao", "finance/ledger", 1), "红色账本", "蓝色连心桥", 1))},
		"content/tax/lanqiao/logo.svg":        {Data: []byte(svgData)},
	}
}

// check runs the configuration, content, schema and cross-file checks on a
// site, the way "showcase check" runs them, leaving out the image decoding
// and Markdown checks that other packages own and test.
func check(t testing.TB, fsys fs.FS) diag.List {
	t.Helper()
	cfg, diags, err := config.Load(fsys)
	if err != nil || cfg == nil {
		t.Fatalf("load configuration: %v %v", err, diags)
	}
	docs, more, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("load content: %v", err)
	}
	diags = append(diags, more...)
	in := site.Input{Config: cfg, Drafts: true}
	for _, doc := range docs.Units {
		in.Units = append(in.Units, site.UnitInput{ID: doc.UnitID, Source: doc.Path, Meta: schema.DecodeUnit(doc, &diags)})
	}
	for _, doc := range docs.Brands {
		meta := schema.DecodeBrand(doc, cfg, &diags)
		in.Brands = append(in.Brands, site.BrandInput{UnitID: doc.UnitID, Slug: doc.BrandID, Source: doc.Path, Meta: meta})
	}
	_, more = site.Assemble(in)
	diags = append(diags, more...)
	diags.Sort()
	return diags
}

// findings formats findings as "path:line:col rule", with " warning" after
// warnings, for comparison.
func findings(l diag.List) []string {
	out := []string{}
	for _, d := range l {
		s := fmt.Sprintf("%s:%d:%d %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Rule)
		if d.Severity == diag.Warning {
			s += " warning"
		}
		out = append(out, s)
	}
	return out
}

func TestBaseSiteIsClean(t *testing.T) {
	if got := findings(check(t, baseSite())); len(got) != 0 {
		t.Fatalf("the base site has findings: %q", got)
	}
}

// at is the expected finding in the brand file.
func at(line, col int, rule string) string {
	return fmt.Sprintf("%s:%d:%d %s", brandPath, line, col, rule)
}

// ruleCase is one bad input and every finding it must produce, in order.
type ruleCase struct {
	name  string
	files map[string]string // file contents to set; "" removes the file
	mode  map[string]fs.FileMode
	want  []string
}

func brandCase(name string, lines map[int]string, want ...string) ruleCase {
	return ruleCase{name: name, files: map[string]string{brandPath: edit(lines)}, want: want}
}

func ruleCases() []ruleCase {
	return []ruleCase{
		brandCase("unknown key with a near spelling", map[int]string{10: "slogen: 一本账本算清为民心"}, at(10, 1, "schema/unknown-key")),
		brandCase("unknown key written as a Chinese label", map[int]string{10: "品牌口号: 一本账本算清为民心"}, at(10, 1, "schema/unknown-key")),
		brandCase("duplicate key", map[int]string{4: "name: 红色账簿"}, at(2, 1, "schema/secretary")+" warning", at(4, 1, "schema/duplicate-key")),
		brandCase("name too short", map[int]string{2: "name: 账本"}, at(2, 7, "schema/name-length")),
		brandCase("name too long", map[int]string{2: "name: 红色账本红色账本红"}, at(2, 7, "schema/name-length")),
		brandCase("name of nine decomposed characters", map[int]string{2: "name: cafe\u0301cafe\u0301z"}, at(2, 7, "schema/name-length")),
		brandCase("required key missing", map[int]string{3: "\x00"}, at(2, 1, "schema/required")),
		brandCase("required key left empty", map[int]string{3: "organization:"}, at(3, 14, "schema/empty")),
		brandCase("required key empty quotes", map[int]string{3: `organization: ""`}, at(3, 15, "schema/empty")),
		brandCase("required list left empty", map[int]string{12: "carriers:", 13: "\x00", 14: "\x00"}, at(12, 10, "schema/empty")),
		brandCase("unknown stage near an id", map[int]string{5: "stage: improv"}, at(5, 8, "schema/stage")),
		brandCase("stage written as its Chinese name", map[int]string{5: "stage: 品牌提升阶段"}, at(5, 8, "schema/stage")),
		brandCase("unknown status", map[int]string{6: "status: 示范"}, at(6, 9, "schema/status")),
		brandCase("day that does not exist", map[int]string{7: "declared: 2020-02-30"}, at(7, 11, "schema/date")),
		brandCase("date written with slashes", map[int]string{7: "declared: 2020/05/20"}, at(7, 11, "schema/date")),
		brandCase("date with a one-digit month", map[int]string{7: "declared: 2020-5-20"}, at(7, 11, "schema/date")),
		brandCase("named before declared", map[int]string{8: "named: 2020-01-01"}, at(8, 8, "schema/named-before-declared")),
		brandCase("logo missing", map[int]string{9: "logo: logo.png"}, at(9, 7, "schema/missing-file")),
		brandCase("logo of a kind not allowed", map[int]string{9: "logo: logo.gif"}, at(9, 7, "schema/file-kind")),
		brandCase("logo outside the bundle", map[int]string{9: "logo: ../logo.svg"}, at(9, 7, "schema/file-path")),
		brandCase("photo missing", map[int]string{16: "photos: [photos/2.jpg]"}, at(16, 10, "schema/missing-file")),
		brandCase("photos not a list", map[int]string{16: "photos: photos/1.jpg"}, at(16, 9, "schema/type")),
		brandCase("partner that does not exist", map[int]string{15: "partners: [tax/nosuch]"}, at(15, 12, "schema/partner-missing")),
		brandCase("partner without its unit", map[int]string{15: "partners: [lanqiao]"}, at(15, 12, "schema/partner-id")),
		brandCase("partner is itself", map[int]string{15: "partners: [tax/lanqiao, finance/ledger]"}, at(15, 25, "schema/partner-self")),
		brandCase("no carriers", map[int]string{12: "carriers: []", 13: "\x00", 14: "\x00"}, at(12, 11, "schema/carriers")),
		brandCase("carriers not a list", map[int]string{12: "carriers: 账本夜校", 13: "\x00", 14: "\x00"}, at(12, 11, "schema/type")),
		brandCase("carrier key misspelt", map[int]string{14: "    descripton: 每月开课"}, at(14, 5, "schema/unknown-key")),
		brandCase("carrier without a name", map[int]string{13: "  - description: 每月开课", 14: "\x00"}, at(13, 5, "schema/required")),
		brandCase("members not a number", map[int]string{16: "members: 二十三"}, at(16, 10, "schema/type")),
		brandCase("members negative", map[int]string{16: "members: -3"}, at(16, 10, "schema/members")),
		brandCase("draft not a boolean", map[int]string{16: "draft: 是"}, at(16, 8, "schema/type")),
		brandCase("idea key misspelt", map[int]string{16: "ideas: {learning: 学, servise: 服}"}, at(16, 22, "schema/unknown-key")),
		brandCase("goal year out of range", map[int]string{16: "goals: [{year: 21, items: [开课]}]"}, at(16, 16, "schema/year")),
		brandCase("timeline date that does not exist", map[int]string{16: "timeline:\n  - {date: 2021-04-31, event: 开讲}"}, at(17, 12, "schema/date")),
		brandCase("timeline entry without an event", map[int]string{16: "timeline:\n  - {date: 2021-04-30}"}, at(17, 5, "schema/required")),
		brandCase("template placeholder left in a value", map[int]string{11: "concept: 【待填写：一句话的品牌理念】"}, at(11, 10, "schema/placeholder")),
		brandCase("template placeholder left in the body", map[int]string{18: "正文\n\n前言 【待填写：做法】"}, at(20, 4, "schema/placeholder")),
		brandCase("colon inside an unquoted value", map[int]string{10: "slogan: 口号: 一本账本"}, at(10, 11, "content/yaml-syntax")),
		brandCase("tab used for indentation", map[int]string{14: "\tdescription: 每月开课"}, at(14, 1, "content/yaml-syntax")),
		brandCase("quote never closed", map[int]string{10: `slogan: "一本账本算清为民心`}, at(10, 9, "content/yaml-syntax")),
		brandCase("bracket never closed", map[int]string{15: "partners: [tax/lanqiao"}, at(15, 11, "content/yaml-syntax")),
		brandCase("list item out of line", map[int]string{14: "   description: 每月开课"}, at(14, 4, "content/yaml-syntax")),
		brandCase("front matter is a list", map[int]string{2: "- 红色账本", 3: "\x00", 4: "\x00", 5: "\x00", 6: "\x00", 7: "\x00", 8: "\x00", 9: "\x00", 10: "\x00", 11: "\x00", 12: "\x00", 13: "\x00", 14: "\x00", 15: "\x00", 16: "\x00"}, at(2, 1, "content/not-mapping")),
		brandCase("front matter never closed", map[int]string{17: "\x00"}, at(1, 1, "content/unclosed-front-matter")),
		brandCase("no front matter", map[int]string{1: "\x00"}, at(1, 1, "content/no-front-matter")),
		{name: "empty file", files: map[string]string{brandPath: " \n\n"}, want: []string{at(1, 1, "content/empty")}},
		{name: "invalid UTF-8", files: map[string]string{brandPath: "---\nname: \xba\xec\xc9\xab\n---\n"}, want: []string{at(2, 7, "content/encoding")}},
		{
			name:  "BOM and CRLF keep lines and columns",
			files: map[string]string{brandPath: "\ufeff" + strings.ReplaceAll(edit(map[int]string{10: "slogen: 口号"}), "\n", "\r\n")},
			want:  []string{at(10, 1, "schema/unknown-key")},
		},
		{
			name:  "TOML front matter with a misspelt key",
			files: map[string]string{brandPath: tomlBrand(`slogen = "口号"`)},
			want:  []string{at(10, 1, "schema/unknown-key")},
		},
		{
			name:  "TOML front matter with unquoted text",
			files: map[string]string{brandPath: tomlBrand(`slogan = 口号`)},
			want:  []string{at(10, 10, "content/toml-syntax")},
		},
		{
			name:  "logo whose content is another kind",
			files: map[string]string{brandPath: edit(map[int]string{9: "logo: logo.png"}), "content/finance/ledger/logo.png": jpegData},
			want:  []string{at(9, 7, "schema/file-content")},
		},
		{
			name:  "photo that is not an image",
			files: map[string]string{"content/finance/ledger/photos/1.jpg": "<html>not a photo</html>"},
			want:  []string{at(16, 10, "schema/file-content")},
		},
		{
			name:  "svg logo that is not SVG",
			files: map[string]string{"content/finance/ledger/logo.svg": pngData},
			want:  []string{at(9, 7, "schema/file-content")},
		},
		{
			name:  "index.md is a symbolic link",
			files: map[string]string{brandPath: "../../tax/lanqiao/index.md"},
			mode:  map[string]fs.FileMode{brandPath: fs.ModeSymlink},
			want:  []string{"content/finance/ledger:0:0 content/missing-index", brandPath + ":0:0 content/symlink", "content/tax/lanqiao/index.md:15:12 schema/partner-missing"},
		},
		{
			name:  "brand file over the size limit",
			files: map[string]string{brandPath: edit(nil) + strings.Repeat("很长的正文。", 60000)},
			want:  []string{brandPath + ":0:0 content/too-large"},
		},
		{
			name:  "brand folder name not an id",
			files: map[string]string{brandPath: "", "content/finance/Ledger2/index.md": edit(map[int]string{15: "\x00", 16: "\x00"}), "content/finance/Ledger2/logo.svg": svgData},
			want:  []string{"content/finance/Ledger2:0:0 content/bad-id", "content/finance/ledger:0:0 content/missing-index", "content/tax/lanqiao/index.md:15:12 schema/partner-missing"},
		},
		{
			name:  "brand file beside the unit file",
			files: map[string]string{"content/finance/ledger.md": edit(nil)},
			want:  []string{"content/finance/ledger.md:0:0 content/stray-file"},
		},
		{
			name:  "unit without its file",
			files: map[string]string{"content/tax/_unit.md": ""},
			want:  []string{"content/finance/ledger/index.md:15:12 schema/partner-missing", "content/tax:0:0 content/missing-unit"},
		},
		{
			name:  "unit without a name",
			files: map[string]string{"content/tax/_unit.md": "---\nparent: 市直属机关工委\n---\n"},
			want:  []string{"content/tax/_unit.md:2:1 schema/required"},
		},
		{
			name:  "site configuration key misspelt",
			files: map[string]string{"showcase.yaml": strings.Replace(testConfig, "title:", "titel:", 1)},
			want:  []string{"showcase.yaml:1:1 schema/required", "showcase.yaml:1:1 schema/unknown-key"},
		},
		{
			name:  "stage id not an id",
			files: map[string]string{"showcase.yaml": strings.Replace(testConfig, "id: improve", "id: Improve", 1)},
			want:  []string{brandPath + ":5:8 schema/stage", "content/tax/lanqiao/index.md:5:8 schema/stage", "showcase.yaml:7:12 config/bad-id"},
		},
	}
}

// tomlBrand is the base brand in TOML, with line 10 replaced.
func tomlBrand(line10 string) string {
	return strings.Join([]string{
		"+++",
		`name = "红色账本"`,
		`organization = "中共示例市财政局机关第一支部委员会"`,
		`secretary = "王某某"`,
		`stage = "improve"`,
		`status = "named"`,
		`declared = 2020-05-20`,
		`named = 2020-12-18`,
		`logo = "logo.svg"`,
		line10,
		`concept = "以账本为镜"`,
		`partners = ["tax/lanqiao"]`,
		`photos = ["photos/1.jpg"]`,
		`[[carriers]]`,
		`name = "账本夜校"`,
		"+++",
		"正文",
	}, "\n") + "\n"
}

func (c ruleCase) site() fstest.MapFS {
	fsys := baseSite()
	for name, data := range c.files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: c.mode[name]}
	}
	return fsys
}

// TestRules checks that each bad input gives exactly the expected findings,
// at the exact path, line and column, under the expected rule.
func TestRules(t *testing.T) {
	cases := ruleCases()
	if len(cases) < 30 {
		t.Fatalf("only %d cases; the rules need at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := check(t, c.site())
			got := findings(diags)
			if !slices.Equal(got, c.want) {
				t.Errorf("findings:\n  got  %q\n  want %q", got, c.want)
			}
			for _, d := range diags {
				if d.Message.ZH == "" || d.Message.EN == "" || strings.Contains(d.Message.EN+d.Message.ZH+d.Hint.EN+d.Hint.ZH, "%!") {
					t.Errorf("%s: badly formatted message %q / %q", d.Rule, d.Message.ZH, d.Message.EN)
				}
			}
		})
	}
}
