package chart

import (
	"html/template"
	"time"
)

// Span is one row of a timeline: a stretch of time, such as a campaign
// stage.
type Span struct {
	Label      string
	Start, End time.Time
	// Class colours the part of the span that has gone by; Text is
	// written after the span.
	Class string
	Text  string
}

// Timeline draws spans on a common time axis, each as a track from its
// start to its end, filled up to now, with a line at now labelled
// nowLabel. Each span's text is written in a column at the right.
func Timeline(id, title string, spans []Span, now time.Time, nowLabel string) template.HTML {
	if len(spans) == 0 {
		var s svg
		s.open(id, "chart-timeline", title, barsWidth, gap)
		return s.close()
	}
	first, last := spans[0].Start, spans[0].End
	var labelW, textW float64
	for _, sp := range spans {
		if sp.Start.Before(first) {
			first = sp.Start
		}
		if sp.End.After(last) {
			last = sp.End
		}
		labelW = max(labelW, textWidth(sp.Label))
		textW = max(textW, textWidth(sp.Text))
	}
	if now.After(last) {
		last = now
	}
	labelW = min(labelW, 200)
	x0 := labelW + gap
	area := barsWidth - x0 - gap - textW
	total := last.Sub(first).Hours()
	at := func(t time.Time) float64 {
		if total <= 0 {
			return x0
		}
		return x0 + area*t.Sub(first).Hours()/total
	}
	top := float64(FontSize + gap)
	h := top + float64(len(spans)*rowHeight+gap)
	var s svg
	s.open(id, "chart-timeline", title, barsWidth, h)
	for i, sp := range spans {
		y := top + float64(gap+i*rowHeight)
		mid := y + barHeight/2 + FontSize*0.35
		s.text("chart-label", "end", labelW, mid, sp.Label)
		s.rect("chart-track", at(sp.Start), y, at(sp.End)-at(sp.Start), barHeight)
		if now.After(sp.Start) {
			end := sp.End
			if now.Before(end) {
				end = now
			}
			s.rect(classes("chart-bar", sp.Class), at(sp.Start), y, at(end)-at(sp.Start), barHeight)
		}
		s.text("chart-value", "start", x0+area+gap, mid, sp.Text)
	}
	nx := at(now)
	s.line("chart-now", nx, top, nx, h)
	anchor := "middle"
	switch {
	case nx-textWidth(nowLabel)/2 < 0:
		anchor = "start"
	case nx+textWidth(nowLabel)/2 > barsWidth:
		anchor = "end"
	}
	s.text("chart-axis", anchor, nx, FontSize, nowLabel)
	return s.close()
}
