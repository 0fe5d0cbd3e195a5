package render

import (
	"fmt"
	"html/template"
	"sync"
	"time"

	"showcase/internal/chart"
	"showcase/internal/progress"
	"showcase/internal/site"
)

// ProgressPath is the site path of the progress page (进度看板).
const ProgressPath = "progress/"

// onceProgress works out the progress of s the first time a page asks,
// once for every page of a plan, so the home page and the progress page
// show the same numbers.
func onceProgress(s *site.Site) func() *progress.Progress {
	return sync.OnceValue(func() *progress.Progress { return progress.Of(s) })
}

// Progress returns the campaign's progress with its charts, for the
// progress page and the home page's summary of it.
func (p *Page) Progress() *ProgressView {
	var pr *progress.Progress
	if p.ctx.progress != nil {
		pr = p.ctx.progress()
	} else {
		pr = progress.Of(p.Site)
	}
	return &ProgressView{Progress: pr}
}

// ProgressView is the progress as the templates show it: the numbers,
// the charts drawn from them and the words that describe a target or a
// deadline, said the same way in a chart and in its table.
type ProgressView struct {
	*progress.Progress
}

// series is the class of the i-th colour of the theme's chart palette.
func series(i int) string { return fmt.Sprintf("series-%d", i%5) }

// Summary reports whether there is anything for the home page's summary
// to show: units that list their organizations, or targets.
func (v *ProgressView) Summary() bool { return v.Total.Organizations > 0 || len(v.Targets) > 0 }

// CoverageText describes a unit's coverage: "3/4 · 75%", or its brand
// count when it lists no organizations.
func (v *ProgressView) CoverageText(c progress.Coverage) string {
	if !c.Listed() {
		return fmt.Sprintf("%d 个品牌 · 未登记党组织", c.Brands)
	}
	return fmt.Sprintf("%d/%d · %d%%", c.Covered, c.Organizations, c.Percent())
}

// CoverageChart draws each unit's share of organizations with a brand.
func (v *ProgressView) CoverageChart() template.HTML {
	bars := make([]chart.Bar, 0, len(v.Units))
	for _, c := range v.Units {
		bars = append(bars, chart.Bar{Label: c.Unit.Name, Value: c.Covered, Of: c.Organizations, Class: series(0), Text: v.CoverageText(c)})
	}
	return chart.Shares("chart-coverage", "各单位品牌覆盖率（有品牌的党组织 / 登记的党组织）", bars)
}

// StageChart draws the listed brands of each stage.
func (v *ProgressView) StageChart() template.HTML {
	bars := make([]chart.Bar, 0, len(v.Stages))
	for i, c := range v.Stages {
		bars = append(bars, chart.Bar{Label: c.Group.Name, Value: c.Count, Class: series(i), Text: fmt.Sprintf("%d 个", c.Count)})
	}
	return chart.Bars("chart-stages", "各创建阶段的品牌数", bars)
}

// StatusChart draws the brands of each status, those that leave lists
// (摘牌) in a muted colour.
func (v *ProgressView) StatusChart() template.HTML {
	bars := make([]chart.Bar, 0, len(v.Statuses))
	for i, c := range v.Statuses {
		class := series(i)
		if !c.Listed {
			class = "series-muted"
		}
		bars = append(bars, chart.Bar{Label: c.Group.Name, Value: c.Count, Class: class, Text: fmt.Sprintf("%d 个", c.Count)})
	}
	return chart.Bars("chart-statuses", "各品牌状态的品牌数", bars)
}

// MonthChart draws the declarations and namings of each month.
func (v *ProgressView) MonthChart() template.HTML {
	labels := make([]string, len(v.Months))
	declared := make([]int, len(v.Months))
	named := make([]int, len(v.Months))
	for i, m := range v.Months {
		labels[i] = m.Start.Format("2006-01")
		declared[i], named[i] = m.Declared, m.Named
	}
	return chart.Columns("chart-months", "每月申报和命名的品牌数", labels, []chart.Series{
		{Name: "申报", Class: series(0), Values: declared},
		{Name: "命名", Class: series(1), Values: named},
	})
}

// TargetName names a target: "示范品牌 10 个".
func (v *ProgressView) TargetName(t progress.Target) string {
	return fmt.Sprintf("%s %d 个", t.Status.Name, t.Target.Count)
}

// TargetState says where a target stands as of the site's newest date.
func (v *ProgressView) TargetState(t progress.Target) string {
	switch {
	case t.Met() && t.Overdue():
		return "已于" + formatDay(t.MetOn) + "达成（晚于期限）"
	case t.Met() && !t.MetOn.IsZero():
		return "已于" + formatDay(t.MetOn) + "达成"
	case t.Met():
		return "已达成"
	case t.Overdue():
		return fmt.Sprintf("未按期达成，还差 %d 个", t.Target.Count-t.Reached)
	case t.By.IsZero():
		return fmt.Sprintf("还差 %d 个", t.Target.Count-t.Reached)
	}
	return fmt.Sprintf("还差 %d 个，距期限 %d 天", t.Target.Count-t.Reached, t.DaysLeft)
}

// TargetChart draws each target's count against it.
func (v *ProgressView) TargetChart() template.HTML {
	bars := make([]chart.Bar, 0, len(v.Targets))
	for _, t := range v.Targets {
		class := series(0)
		if t.Overdue() {
			class = "series-late"
		}
		bars = append(bars, chart.Bar{Label: v.TargetName(t), Value: t.Reached, Of: t.Target.Count, Class: class, Text: fmt.Sprintf("%d/%d", t.Reached, t.Target.Count)})
	}
	return chart.Shares("chart-targets", "目标完成情况（当前数量 / 目标数量）", bars)
}

// DeadlineState says where a stage's deadline stands.
func (v *ProgressView) DeadlineState(d progress.Deadline) string {
	if d.Passed() {
		return fmt.Sprintf("已结束 %d 天", -d.DaysLeft)
	}
	return fmt.Sprintf("剩 %d 天", d.DaysLeft)
}

// DeadlineChart draws the stages on a time line, with the site's newest
// date marked.
func (v *ProgressView) DeadlineChart() template.HTML {
	spans := make([]chart.Span, 0, len(v.Deadlines))
	for _, d := range v.Deadlines {
		spans = append(spans, chart.Span{Label: d.Stage.Name, Start: d.Start, End: d.Ends, Class: series(0), Text: v.DeadlineState(d)})
	}
	return chart.Timeline("chart-deadlines", "各阶段时限", spans, v.AsOf, "数据截至"+formatDay(v.AsOf))
}

// formatDay writes a date the Chinese way, as templates' date does.
func formatDay(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
