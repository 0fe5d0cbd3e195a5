package chart

import "html/template"

// Series is one series of a column chart: a value for each label.
type Series struct {
	Name   string
	Class  string
	Values []int
}

// Columns layout, in viewBox units.
const (
	columnsWidth  = 720
	columnsHeight = 260
	plotTop       = 36
	plotBottom    = 220
)

// Columns draws grouped columns, one group per label (a month, say), with
// a legend of the series above and a scale of whole numbers on the left.
// Labels are written under every group, or under every few when they
// would not fit.
func Columns(id, title string, labels []string, series []Series) template.HTML {
	top := 1
	for _, se := range series {
		for _, v := range se.Values {
			top = max(top, v)
		}
	}
	step := tickStep(top)
	top = (top + step - 1) / step * step
	x0 := textWidth("0000") + gap
	plotW := columnsWidth - x0 - gap
	var s svg
	s.open(id, "chart-columns", title, columnsWidth, columnsHeight)
	lx := x0
	for _, se := range series {
		s.rect(classes("chart-bar", se.Class), lx, 8, 14, 14)
		s.text("chart-legend", "start", lx+20, 8+7+FontSize*0.35, se.Name)
		lx += 20 + textWidth(se.Name) + 2*gap
	}
	plotH := float64(plotBottom - plotTop)
	for v := 0; v <= top; v += step {
		y := plotBottom - plotH*float64(v)/float64(top)
		s.line("chart-grid", x0, y, columnsWidth-gap, y)
		s.text("chart-axis", "end", x0-gap/2, y+FontSize*0.35, itoa(v))
	}
	if len(labels) == 0 {
		return s.close()
	}
	groupW := plotW / float64(len(labels))
	colW := groupW * 0.8 / float64(max(len(series), 1))
	every := labelEvery(labels, groupW)
	for i, l := range labels {
		gx := x0 + groupW*float64(i) + groupW*0.1
		for k, se := range series {
			if i >= len(se.Values) {
				continue
			}
			h := plotH * float64(se.Values[i]) / float64(top)
			s.rect(classes("chart-bar", se.Class), gx+colW*float64(k), plotBottom-h, colW, h)
		}
		if i%every == 0 {
			s.text("chart-axis", "middle", x0+groupW*(float64(i)+0.5), plotBottom+FontSize+6, l)
		}
	}
	return s.close()
}

// tickStep is a step for the scale that gives at most five lines.
func tickStep(top int) int {
	for _, step := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000} {
		if top/step <= 5 {
			return step
		}
	}
	return (top/5 + 9999) / 10000 * 10000
}

// labelEvery is how many groups apart labels are written so they do not
// touch: 1, 2, 3, 4, 6 or 12 (months).
func labelEvery(labels []string, groupW float64) int {
	widest := 0.0
	for _, l := range labels {
		widest = max(widest, textWidth(l))
	}
	for _, n := range []int{1, 2, 3, 4, 6, 12} {
		if groupW*float64(n) >= widest+gap {
			return n
		}
	}
	return 12
}

func itoa(v int) string { return num(float64(v)) }
