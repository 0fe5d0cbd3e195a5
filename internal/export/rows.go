// Package export writes the office's summary spreadsheet (汇总表): one row
// per brand with every field, as an Excel workbook with a sheet of
// coverage per unit and one of the decisions, or as a CSV of the brands
// that Excel on Windows opens as UTF-8. Names are written as the site
// shows them, ids in columns of their own. The same site always gives the
// same bytes.
package export

import (
	"strconv"
	"strings"

	"showcase/internal/progress"
	"showcase/internal/site"
)

// Table is one sheet: a header row and rows of cells. A cell is a string,
// an int, or a time.Time that is a date; a zero date or a nil is empty.
type Table struct {
	Name   string
	Header []string
	Rows   [][]any
	// Frozen is how many columns stay in view when scrolling sideways.
	Frozen int
}

// ideaLabels name the six ideas of a brand's culture, in order.
var ideaLabels = []string{"学习理念", "行为理念", "工作理念", "作风理念", "创新理念", "服务理念"}

// Tables are the workbook's sheets: brands, coverage per unit and
// decisions.
func Tables(s *site.Site, p *progress.Progress) []Table {
	return []Table{Brands(s), Coverage(p), Decisions(s)}
}

// Brands is the sheet of brands: every brand with a page, listed or not
// (a delisted brand shows its status), in the site's order.
func Brands(s *site.Site) Table {
	t := Table{Name: "品牌", Frozen: 1, Header: []string{
		"品牌名称", "品牌id", "单位", "单位id", "党组织", "第一责任人", "创建阶段", "阶段id", "品牌状态", "状态id",
		"申报日期", "命名日期", "党员人数", "结对品牌", "结对品牌id", "结对组织", "标签", "品牌口号", "品牌理念"}}
	t.Header = append(t.Header, ideaLabels...)
	t.Header = append(t.Header, "品牌载体", "年度计划", "最新复查年度", "最新复查结果", "复查结果id", "摘牌原因", "最新决定", "品牌页面", "品牌文件")
	for _, b := range s.Brands {
		t.Rows = append(t.Rows, brandRow(s, b))
	}
	return t
}

func brandRow(s *site.Site, b *site.Brand) []any {
	var stage, stageID, status, statusID string
	if b.Stage != nil {
		stage, stageID = b.Stage.Name, b.Stage.ID
	}
	if b.Status != nil {
		status, statusID = b.Status.Name, b.Status.ID
	}
	var partners, partnerIDs, orgs []string
	for _, p := range b.Paired {
		partners = append(partners, p.Name)
		partnerIDs = append(partnerIDs, p.ID)
	}
	for _, e := range b.OrgPairs {
		o := e.Organization
		if e.UnitName != "" {
			o += "（" + e.UnitName + "）"
		}
		orgs = append(orgs, o)
	}
	row := []any{b.Name, b.ID, b.Unit.Name, b.Unit.ID, b.Organization, b.Secretary, stage, stageID, status, statusID,
		b.Declared, b.Named, members(b.Members), join(partners), join(partnerIDs), join(orgs), join(b.Tags), b.Slogan, b.Concept}
	i := b.Brand.Ideas
	row = append(row, i.Learning, i.Conduct, i.Work, i.Style, i.Innovation, i.Service)
	var carriers, goals []string
	for _, c := range b.Carriers {
		carriers = append(carriers, c.Name)
	}
	for _, g := range b.Goals {
		goals = append(goals, itoa(g.Year)+"年："+strings.Join(g.Items, "，"))
	}
	var year any
	var result, resultID, reason, latest string
	for _, e := range b.Decided() {
		if e.Kind == "review" && e.Review != nil {
			year, result, resultID = e.Year, e.Review.Name, e.Review.ID
		}
		latest = decisionName(e.Decision)
	}
	if b.Delisting != nil {
		reason = b.Delisting.Reason
	}
	return append(row, join(carriers), strings.Join(goals, "\n"), year, result, resultID, reason, latest,
		s.Config.BaseURL+b.Path(), b.Source)
}

// Coverage is the sheet of coverage per unit, with the total last.
func Coverage(p *progress.Progress) Table {
	t := Table{Name: "覆盖情况", Frozen: 1, Header: []string{"单位", "单位id", "登记党组织", "有品牌的党组织", "覆盖率（%）", "品牌数"}}
	row := func(name, id string, c progress.Coverage) []any {
		if !c.Listed() {
			return []any{name, id, nil, nil, nil, c.Brands}
		}
		return []any{name, id, c.Organizations, c.Covered, c.Percent(), c.Brands}
	}
	for _, c := range p.Units {
		t.Rows = append(t.Rows, row(c.Unit.Name, c.Unit.ID, c))
	}
	t.Rows = append(t.Rows, row("合计", "", p.Total))
	return t
}

// Decisions is the sheet of what the decisions did, one row per brand
// named in a document, newest document first.
func Decisions(s *site.Site) Table {
	t := Table{Name: "命名文件", Frozen: 1, Header: []string{"文件标题", "文号", "日期", "决定id", "品牌名称", "品牌id", "单位", "事项", "内容", "内容id", "原因"}}
	for _, d := range s.Decisions {
		for _, e := range d.Entries {
			var what, content, id string
			switch e.Kind {
			case "status":
				what, content, id = "状态变更", e.Status.Name, e.Status.ID
				if e.Status.Unlisted {
					what = "摘牌"
				}
			case "review":
				what = itoa(e.Year) + " 年度复查验收"
				if e.Review != nil {
					content, id = e.Review.Name, e.Review.ID
				}
			default:
				what, content = "结对共建", e.Organization
				if e.UnitName != "" {
					content += "（" + e.UnitName + "）"
				}
			}
			t.Rows = append(t.Rows, []any{d.Title, d.Number, d.Date, d.ID, e.Brand.Name, e.Brand.ID, e.Brand.Unit.Name, what, content, id, e.Reason})
		}
	}
	return t
}

func decisionName(d *site.Decision) string {
	if d.Number != "" {
		return d.Title + "（" + d.Number + "）"
	}
	return d.Title
}

// members is a brand's member count, empty when not given.
func members(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func join(items []string) string { return strings.Join(items, "；") }

func itoa(n int) string { return strconv.Itoa(n) }
