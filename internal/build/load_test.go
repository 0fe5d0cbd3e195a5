package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/site"
)

const testConfig = `title: 测试
baseURL: https://example.org/
campaign:
  name: 测试规划
  stages:
    - {id: declare, name: 品牌申报阶段}
    - {id: improve, name: 品牌提升阶段}
  statuses:
    - {id: cultivating, name: 培育中}
    - {id: exemplary, name: 示范品牌}
`

// brandFile returns a valid brand file with name, declared on date, of an
// organization of its own; extra lines go into the front matter.
func brandFile(name, status, date string, extra ...string) string {
	return "---\nname: " + name + "\norganization: 中共测试" + name + "支部委员会\nsecretary: 李某某\nstage: declare\nstatus: " + status +
		"\ndeclared: " + date + "\nlogo: logo.svg\nconcept: 理念。\ncarriers:\n  - {name: 载体}\n" +
		strings.Join(extra, "\n") + "\n---\n正文\n"
}

func unitFile(name, weight string) string {
	s := "---\nname: " + name + "\n"
	if weight != "" {
		s += "weight: " + weight + "\n"
	}
	return s + "---\n"
}

func testSite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"showcase.yaml": {Data: []byte(testConfig)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		if strings.HasSuffix(name, "/index.md") {
			fsys[strings.TrimSuffix(name, "index.md")+"logo.svg"] = &fstest.MapFile{Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")}
		}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS, opts build.LoadOptions) *site.Site {
	t.Helper()
	s, diags, err := build.Load(context.Background(), fsys, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("unexpected findings: %v", diags)
	}
	return s
}

func brandIDs(bs []*site.Brand) string {
	var ids []string
	for _, b := range bs {
		ids = append(ids, b.ID)
	}
	return strings.Join(ids, " ")
}

// TestLoadFormats loads the same brand written every way SPEC allows.
func TestLoadFormats(t *testing.T) {
	yaml := brandFile("红色账本", "cultivating", "2020-06-30")
	toml := "+++\nname = \"红色账本\"\norganization = \"中共测试支部委员会\"\nsecretary = \"李某某\"\nstage = \"declare\"\nstatus = \"cultivating\"\n" +
		"declared = 2020-06-30\nlogo = \"logo.svg\"\nconcept = \"理念。\"\n[[carriers]]\nname = \"载体\"\n+++\n正文\n"
	cases := []struct{ name, data string }{
		{"yaml", yaml},
		{"yaml with BOM", "\ufeff" + yaml},
		{"yaml with CRLF", strings.ReplaceAll(yaml, "\n", "\r\n")},
		{"yaml with BOM and CRLF", "\ufeff" + strings.ReplaceAll(yaml, "\n", "\r\n")},
		{"yaml after blank lines", "\n\n" + yaml},
		{"toml", toml},
		{"toml with CRLF", strings.ReplaceAll(toml, "\n", "\r\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := load(t, testSite(map[string]string{
				"content/fin/_unit.md":        unitFile("财政局", ""),
				"content/fin/ledger/index.md": c.data,
			}), build.LoadOptions{})
			b := s.BrandByID("fin/ledger")
			if b == nil {
				t.Fatal("brand fin/ledger not loaded")
			}
			if b.Name != "红色账本" || b.Declared.Format("2006-01-02") != "2020-06-30" || len(b.Carriers) != 1 || b.Unit.Name != "财政局" {
				t.Errorf("loaded %+v", b.Brand)
			}
			if got := strings.TrimSpace(b.Body().Text); got != "正文" {
				t.Errorf("body text = %q, want 正文", got)
			}
		})
	}
}

// TestOrdering checks lists are ordered by weight, then the pinyin of the
// name, then id; zero weight means unset and sorts last.
func TestOrdering(t *testing.T) {
	s := load(t, testSite(map[string]string{
		"content/zz/_unit.md":       unitFile("阿里单位", ""),   // a: pinyin first, but no weight
		"content/yy/_unit.md":       unitFile("中心单位", "10"), // weight wins
		"content/xx/_unit.md":       unitFile("北京单位", "20"),
		"content/ww/_unit.md":       unitFile("北京单位", "20"), // same weight and name: id decides
		"content/yy/hong/index.md":  brandFile("红色账本", "cultivating", "2020-01-01"),
		"content/yy/an/index.md":    brandFile("安全卫士", "exemplary", "2020-03-01"),
		"content/yy/lan/index.md":   brandFile("蓝色连心桥", "exemplary", "2020-02-01"),
		"content/yy/bei/index.md":   brandFile("北斗星光", "cultivating", "2020-02-01"),
		"content/xx/bei/index.md":   brandFile("北斗之光", "cultivating", "2021-05-05"),
		"content/ww/zhong/index.md": brandFile("中流砥柱", "cultivating", "2020-01-01"),
		"content/zz/draft/index.md": brandFile("草稿品牌", "cultivating", "2020-01-01", "draft: true"),
	}), build.LoadOptions{})
	var units []string
	for _, u := range s.Units {
		units = append(units, u.ID)
	}
	if got, want := strings.Join(units, " "), "yy ww xx zz"; got != want {
		t.Errorf("units = %q, want %q", got, want)
	}
	tests := []struct {
		name string
		got  []*site.Brand
		want string
	}{
		{"all brands", s.Brands, "yy/an yy/bei yy/hong yy/lan ww/zhong xx/bei"},
		{"unit brands", s.UnitByID("yy").Brands, "yy/an yy/bei yy/hong yy/lan"},
		{"featured", s.Featured, "yy/an yy/lan"},
		{"stage declare by unit", s.Stages[0].Brands, "yy/an yy/bei yy/hong yy/lan ww/zhong xx/bei"},
		{"latest, newest first", s.Latest, "xx/bei yy/an yy/bei yy/lan yy/hong ww/zhong"},
	}
	for _, tt := range tests {
		if got := brandIDs(tt.got); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
	if n := len(s.Stages[1].Brands); n != 0 {
		t.Errorf("stage improve has %d brands, want 0", n)
	}
}

// TestDrafts checks drafts are left out unless asked for.
func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/u/_unit.md":   unitFile("单位", ""),
		"content/u/a/index.md": brandFile("甲乙丙丁", "cultivating", "2020-01-01"),
		"content/u/d/index.md": brandFile("草稿品牌", "cultivating", "2020-01-01", "draft: true"),
	}
	if got := brandIDs(load(t, testSite(files), build.LoadOptions{}).Brands); got != "u/a" {
		t.Errorf("without drafts: %q", got)
	}
	if got := brandIDs(load(t, testSite(files), build.LoadOptions{Drafts: true}).Brands); got != "u/d u/a" {
		t.Errorf("with drafts: %q", got)
	}
}

// TestPartnersBothWays checks a pairing named on one side links both.
func TestPartnersBothWays(t *testing.T) {
	s := load(t, testSite(map[string]string{
		"content/u/_unit.md":   unitFile("单位", ""),
		"content/u/a/index.md": brandFile("甲乙丙丁", "cultivating", "2020-01-01", "partners: [u/b, u/c]"),
		"content/u/b/index.md": brandFile("乙丙丁戊", "cultivating", "2020-01-01", "partners: [u/a]"),
		"content/u/c/index.md": brandFile("丙丁戊己", "cultivating", "2020-01-01"),
	}), build.LoadOptions{})
	for id, want := range map[string]string{"u/a": "u/c u/b", "u/b": "u/a", "u/c": "u/a"} {
		if got := brandIDs(s.BrandByID(id).Paired); got != want {
			t.Errorf("%s paired with %q, want %q", id, got, want)
		}
	}
}
