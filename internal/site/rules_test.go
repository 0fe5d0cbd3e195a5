package site_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/diag"
)

// decidedConfig has the SPEC's status flags and review results.
const decidedConfig = `title: 测试
baseURL: https://example.org/
campaign:
  name: 测试活动
  stages: [{id: declare, name: 品牌申报阶段}]
  statuses:
    - {id: cultivating, name: 培育中}
    - {id: named, name: 已命名, plaque: true}
    - {id: exemplary, name: 示范品牌, plaque: true, featured: true}
    - {id: delisted, name: 已摘牌, listed: false}
  reviews:
    - {id: pass, name: 合格}
    - {id: fail, name: 不合格}
`

// ruleBrand is a valid brand of a site with decisions; cases replace
// lines by number (1-based), "\x00" deleting one.
var ruleBrand = []string{
	/* 1 */ "---",
	/* 2 */ "name: 红色账本",
	/* 3 */ "organization: 中共示例市财政局机关第一支部委员会",
	/* 4 */ "secretary: 王某某",
	/* 5 */ "stage: declare",
	/* 6 */ "declared: 2020-05-20",
	/* 7 */ "logo: logo.svg",
	/* 8 */ "concept: 以账本为镜",
	/* 9 */ "carriers: [{name: 账本夜校}]",
	/* 10 */ "photos: [photos/1.jpg]",
	/* 11 */ "partners: [tax/lanqiao]",
	/* 12 */ "---",
}

// ruleDecision is a valid decision, edited the same way.
var ruleDecision = []string{
	/* 1 */ "---",
	/* 2 */ "title: 关于命名的决定",
	/* 3 */ "number: 工委发〔2020〕1号",
	/* 4 */ "date: 2020-12-20",
	/* 5 */ "changes:",
	/* 6 */ "  - {brand: finance/ledger, status: named}",
	/* 7 */ "reviews:",
	/* 8 */ "  - {brand: finance/ledger, year: 2021, result: pass}",
	/* 9 */ "pairs:",
	/* 10 */ "  - {brand: finance/ledger, organization: 中共某局第二支部委员会, unit: 示例市某局}",
	/* 11 */ "---",
	/* 12 */ "正文",
}

func lines(base []string, edits map[int]string) string {
	var out []string
	for i, l := range base {
		r, ok := edits[i+1]
		switch {
		case !ok:
			out = append(out, l)
		case r != "\x00":
			out = append(out, r)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

const (
	ledger   = "content/finance/ledger/index.md"
	decision = "decisions/2020-12-20-naming.md"
	svg      = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`
	jpeg     = "\xff\xd8\xff\xdb\x00\x43\x00"
)

// decidedSite is a valid site with decisions: two units, two brands, one
// decision.
func decidedSite() fstest.MapFS {
	lanqiao := lines(ruleBrand, map[int]string{2: "name: 蓝色连心桥", 3: "organization: 中共示例市税务局第一支部委员会", 10: "\x00", 11: "\x00"})
	return fstest.MapFS{
		"showcase.yaml":                       {Data: []byte(decidedConfig)},
		"content/finance/_unit.md":            {Data: []byte("---\nname: 示例市财政局\n---\n")},
		ledger:                                {Data: []byte(lines(ruleBrand, nil))},
		"content/finance/ledger/logo.svg":     {Data: []byte(svg)},
		"content/finance/ledger/photos/1.jpg": {Data: []byte(jpeg)},
		"content/tax/_unit.md":                {Data: []byte("---\nname: 示例市税务局\n---\n")},
		"content/tax/lanqiao/index.md":        {Data: []byte(lanqiao)},
		"content/tax/lanqiao/logo.svg":        {Data: []byte(svg)},
		decision:                              {Data: []byte(lines(ruleDecision, nil))},
	}
}

type decidedCase struct {
	name  string
	files map[string]string // "" deletes a file
	want  []string
}

func decidedCases() []decidedCase {
	d := func(e map[int]string) string { return lines(ruleDecision, e) }
	cultivating := lines(ruleBrand, map[int]string{2: "name: 蓝色连心桥", 3: "organization: 中共示例市税务局第一支部委员会", 5: "stage: declare\nstatus: cultivating", 10: "\x00", 11: "\x00"})
	b := func(e map[int]string) string { return lines(ruleBrand, e) }
	return []decidedCase{
		{"valid site", nil, nil},
		{"unknown brand, with a near id", map[string]string{decision: d(map[int]string{6: "  - {brand: finance/ledgr, status: named}"})},
			[]string{decision + ":6:13 decision/unknown-brand"}},
		{"unknown status", map[string]string{decision: d(map[int]string{6: "  - {brand: finance/ledger, status: namd}"})},
			[]string{decision + ":6:37 schema/status"}},
		{"unknown review result", map[string]string{decision: d(map[int]string{8: "  - {brand: finance/ledger, year: 2021, result: good}"})},
			[]string{decision + ":8:49 schema/result"}},
		{"unknown key, with did-you-mean", map[string]string{decision: d(map[int]string{3: "nubmer: 工委发〔2020〕1号"})},
			[]string{decision + ":3:1 schema/unknown-key"}},
		{"missing title", map[string]string{decision: d(map[int]string{2: "\x00"})},
			[]string{decision + ":2:1 schema/required"}},
		{"brand not written unit/brand", map[string]string{decision: d(map[int]string{6: "  - {brand: ledger, status: named}"})},
			[]string{decision + ":6:13 schema/decision-brand"}},
		{"decision before the brand's declaration", map[string]string{decision: d(map[int]string{4: "date: 2020-01-02"})},
			[]string{decision + ":6:13 decision/before-declared", decision + ":8:13 decision/before-declared", decision + ":10:13 decision/before-declared"}},
		{"the same brand changed twice on one date", map[string]string{"decisions/2020-12-20-second.md": "---\ntitle: 另一份决定\ndate: 2020-12-20\nchanges:\n  - {brand: finance/ledger, status: exemplary}\n---\n"},
			[]string{"decisions/2020-12-20-second.md:5:13 decision/changed-twice"}},
		{"a decision years after every other and today", map[string]string{"decisions/2999-typo.md": "---\ntitle: 年份写错的决定\ndate: 2099-12-20\nchanges:\n  - {brand: tax/lanqiao, status: named}\n---\n"},
			[]string{"decisions/2999-typo.md:3:7 decision/far-future"}},
		{"a delisting without a reason", map[string]string{decision: d(map[int]string{6: "  - {brand: finance/ledger, status: delisted}"})},
			[]string{decision + ":6:5 schema/decision-reason warning"}},
		{"a file name that is no id", map[string]string{"decisions/First_Naming.md": lines(ruleDecision, nil)},
			[]string{"decisions/First_Naming.md:0:0 decision/bad-id"}},
		{"a stray file in decisions/", map[string]string{"decisions/notes.txt": "笔记"},
			[]string{"decisions/notes.txt:0:0 decision/stray warning"}},
		{"the brand's own status differs from the decisions", map[string]string{ledger: b(map[int]string{5: "stage: declare\nstatus: exemplary"})},
			[]string{ledger + ":6:9 schema/status-decided"}},
		{"the brand's own status agrees with the decisions", map[string]string{ledger: b(map[int]string{5: "stage: declare\nstatus: named\nnamed: 2020-12-20"})}, nil},
		{"the brand's own naming date differs", map[string]string{ledger: b(map[int]string{5: "stage: declare\nnamed: 2020-12-18"})},
			[]string{ledger + ":6:8 schema/named-decided"}},
		{"a brand name used twice", map[string]string{"content/tax/lanqiao/index.md": lines(ruleBrand, map[int]string{3: "organization: 中共示例市税务局第一支部委员会", 10: "\x00", 11: "\x00"})},
			[]string{"content/tax/lanqiao/index.md:2:7 schema/name-taken"}},
		{"one organization with two brands", map[string]string{"content/finance/other/index.md": lines(ruleBrand, map[int]string{2: "name: 暖心账本", 10: "\x00", 11: "\x00"}), "content/finance/other/logo.svg": svg},
			[]string{"content/finance/other/index.md:3:15 schema/organization-twice warning"}},
		{"two brands allowed per organization", map[string]string{"showcase.yaml": decidedConfig + "  brandsPerOrganization: 2\n", "content/finance/other/index.md": lines(ruleBrand, map[int]string{2: "name: 暖心账本", 10: "\x00", 11: "\x00"}), "content/finance/other/logo.svg": svg},
			nil},
		{"an organization the unit does not list", map[string]string{"content/finance/_unit.md": "---\nname: 示例市财政局\norganizations:\n  - {name: 中共示例市财政局机关第二支部委员会}\n---\n"},
			[]string{ledger + ":3:15 schema/organization-unknown"}},
		{"an organization listed twice in the unit", map[string]string{"content/finance/_unit.md": "---\nname: 示例市财政局\norganizations:\n  - {name: 中共示例市财政局机关第一支部委员会}\n  - {name: 中共示例市财政局机关第一支部委员会}\n---\n"},
			[]string{"content/finance/_unit.md:5:12 schema/listed-twice"}},
		{"a photo listed twice", map[string]string{ledger: b(map[int]string{10: "photos: [photos/1.jpg, photos/1.jpg]"})},
			[]string{ledger + ":10:24 schema/listed-twice"}},
		{"a partner listed twice", map[string]string{ledger: b(map[int]string{11: "partners: [tax/lanqiao, tax/lanqiao]"})},
			[]string{ledger + ":11:25 schema/listed-twice"}},
		{"a declaration after today", map[string]string{ledger: b(map[int]string{6: "declared: 2099-01-01"}), decision: d(map[int]string{6: "\x00", 8: "\x00", 10: "\x00", 5: "changes: []", 7: "reviews: []", 9: "pairs: []"})},
			[]string{ledger + ":6:11 schema/declared-future"}},
		{"a partner that is a draft", map[string]string{"content/tax/lanqiao/index.md": lines(ruleBrand, map[int]string{2: "name: 蓝色连心桥", 3: "organization: 中共示例市税务局第一支部委员会", 10: "draft: true", 11: "\x00"})},
			[]string{ledger + ":11:12 schema/partner-draft warning"}},
		// Without decisions/, the brand's own status is required and
		// checked against its naming date.
		{"no decisions: status required", map[string]string{decision: ""},
			[]string{ledger + ":2:1 schema/required", "content/tax/lanqiao/index.md:2:1 schema/required"}},
		{"no decisions: a named status without a naming date", map[string]string{decision: "", ledger: b(map[int]string{5: "stage: declare\nstatus: named"}), "content/tax/lanqiao/index.md": cultivating},
			[]string{ledger + ":6:9 schema/named-date"}},
		{"no decisions: a naming date on a brand still cultivating", map[string]string{decision: "", ledger: b(map[int]string{5: "stage: declare\nstatus: cultivating\nnamed: 2020-12-18"}), "content/tax/lanqiao/index.md": cultivating},
			[]string{ledger + ":7:8 schema/named-status"}},
	}
}

// TestDecidedRules checks that each broken rule of decisions and of the
// checks across brands gives exactly the expected findings, at the exact
// file, line and column, through the loader every command uses.
func TestDecidedRules(t *testing.T) {
	for _, c := range decidedCases() {
		t.Run(c.name, func(t *testing.T) {
			fsys := decidedSite()
			for name, data := range c.files {
				if data == "" {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, diags, err := build.Load(context.Background(), fsys, build.LoadOptions{Drafts: true}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				if d.Rule == "schema/secretary" || strings.HasPrefix(d.Rule, "photo/") || d.Rule == "decision/far-future" && c.name != "a decision years after every other and today" {
					continue
				}
				s := fmt.Sprintf("%s:%d:%d %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Rule)
				if d.Severity == diag.Warning {
					s += " warning"
				}
				got = append(got, s)
				if d.Message.ZH == "" || d.Message.EN == "" || strings.Contains(d.Message.EN+d.Message.ZH+d.Hint.EN+d.Hint.ZH, "%!") {
					t.Errorf("%s: badly formatted message %q / %q", d.Rule, d.Message.ZH, d.Message.EN)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("findings:\n  got  %q\n  want %q", got, c.want)
			}
		})
	}
}
