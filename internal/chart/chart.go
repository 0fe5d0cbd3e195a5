// Package chart draws the small charts of the progress page as inline SVG
// at build time: horizontal bars, grouped columns over time and a
// timeline. A chart is plain markup: no script, no font of its own (its
// text takes the page's), and no colour: every shape carries a class the
// theme's stylesheet colours, so a chart prints and follows the theme.
// The same input always gives the same bytes.
package chart

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
)

// FontSize is the size of a chart's text, in the units of its viewBox.
const FontSize = 14

// svg is a chart being written.
type svg struct {
	b strings.Builder
}

// open starts the chart: an SVG image of the given size, named by its
// title for assistive technology, with the title as its first child.
func (s *svg) open(id, class, title string, w, h float64) {
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart %s" viewBox="0 0 %s %s" role="img" aria-labelledby="%s">`,
		class, num(w), num(h), esc(id))
	fmt.Fprintf(&s.b, `<title id="%s">%s</title>`, esc(id), esc(title))
}

// close ends the chart and returns it.
func (s *svg) close() template.HTML {
	s.b.WriteString(`</svg>`)
	return template.HTML(s.b.String())
}

func (s *svg) rect(class string, x, y, w, h float64) {
	if w <= 0 || h <= 0 {
		return
	}
	fmt.Fprintf(&s.b, `<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, esc(class), num(x), num(y), num(w), num(h))
}

func (s *svg) line(class string, x1, y1, x2, y2 float64) {
	fmt.Fprintf(&s.b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/>`, esc(class), num(x1), num(y1), num(x2), num(y2))
}

// text writes a line of text; anchor is start, middle or end.
func (s *svg) text(class, anchor string, x, y float64, text string) {
	fmt.Fprintf(&s.b, `<text class="%s" x="%s" y="%s"`, esc(class), num(x), num(y))
	if anchor != "start" {
		fmt.Fprintf(&s.b, ` text-anchor="%s"`, anchor)
	}
	fmt.Fprintf(&s.b, `>%s</text>`, esc(text))
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64)
}

func esc(s string) string { return html.EscapeString(s) }

// Width is the display width of s in character cells: a Chinese
// character takes two, a Latin letter or digit one.
func Width(s string) int { return uniseg.StringWidth(s) }

// textWidth is the width of s in viewBox units at FontSize.
func textWidth(s string) float64 { return float64(Width(s)) * FontSize * 0.55 }

// classes joins class names, leaving out empty ones.
func classes(names ...string) string {
	var out []string
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}
