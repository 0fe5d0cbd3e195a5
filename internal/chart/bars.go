package chart

import "html/template"

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value int
	// Of, in a chart of shares, is the whole the value is a part of, drawn
	// as the bar's track; a bar of a share chart with Of zero has no bar,
	// only its text.
	Of int
	// Class colours the bar; Text is written after it.
	Class string
	Text  string
}

// Bars layout, in viewBox units.
const (
	barsWidth = 480
	rowHeight = 30
	barHeight = 16
	gap       = 8
)

// Bars draws a horizontal bar chart of counts, one row per bar, scaled to
// the largest value.
func Bars(id, title string, bars []Bar) template.HTML {
	top := 1
	for _, b := range bars {
		top = max(top, b.Value)
	}
	return drawBars(id, "chart-bars", title, bars, func(b Bar) (float64, float64) {
		return float64(b.Value) / float64(top), 0
	})
}

// Shares draws a horizontal bar chart of shares: each bar is its value
// out of its own whole (Bar.Of), over a track as long as that whole.
func Shares(id, title string, bars []Bar) template.HTML {
	return drawBars(id, "chart-shares", title, bars, func(b Bar) (float64, float64) {
		if b.Of <= 0 {
			return 0, 0
		}
		return min(float64(b.Value)/float64(b.Of), 1), 1
	})
}

// drawBars draws the rows; scale gives a bar's length and its track's as
// fractions of the bar area.
func drawBars(id, class, title string, bars []Bar, scale func(Bar) (bar, track float64)) template.HTML {
	var labelW, textW float64
	for _, b := range bars {
		labelW = max(labelW, textWidth(b.Label))
		textW = max(textW, textWidth(b.Text))
	}
	labelW = min(labelW, 200)
	x0 := labelW + gap
	area := barsWidth - x0 - gap - textW
	h := float64(len(bars)*rowHeight + gap)
	var s svg
	s.open(id, class, title, barsWidth, h)
	for i, b := range bars {
		y := float64(gap + i*rowHeight)
		mid := y + barHeight/2 + FontSize*0.35
		s.text("chart-label", "end", labelW, mid, b.Label)
		bar, track := scale(b)
		s.rect("chart-track", x0, y, area*track, barHeight)
		s.rect(classes("chart-bar", b.Class), x0, y, area*bar, barHeight)
		tx := x0 + area*max(bar, track) + gap
		if track == 0 && bar == 0 {
			tx = x0
		}
		s.text("chart-value", "start", tx, mid, b.Text)
	}
	return s.close()
}
