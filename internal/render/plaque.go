package render

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"showcase/internal/site"
)

// A plaque must fit its one sheet whatever the brand wrote, and the page
// may run no script (a strict Content-Security-Policy), so the browser
// cannot measure and shrink the text. Instead the type size is chosen here:
// the plaque's text is set line by line at each step of a type scale, the
// way the browser will set it, and the largest step whose text fits the
// sheet wins. The numbers mirror the "Plaques" section of the default
// theme's site.css; lengths are in the sheet's unit u (1 mm on A4, 1.414 mm
// on A3, so both sizes share one layout per orientation).

// fitStep is one step of the plaque's type scale.
type fitStep struct {
	concept, idea float64 // font sizes, in u
	// compact shrinks the head, the foot and the gaps to give the text
	// room; only the smaller steps need it.
	compact bool
}

// fitSteps run from the largest type to the smallest. The smallest is 3 mm
// (8.5 pt) on A4, still legible on a wall.
var fitSteps = []fitStep{
	{concept: 9, idea: 5}, {concept: 7.5, idea: 4.6}, {concept: 6.3, idea: 4.2}, {concept: 5.4, idea: 3.9},
	{concept: 4.7, idea: 3.6, compact: true}, {concept: 4.1, idea: 3.3, compact: true}, {concept: 3.6, idea: 3, compact: true},
}

// The sheet's fixed parts, in u, as site.css sets them.
const (
	sheetLong, sheetShort = 297.0, 210.0
	framePadX             = 4 + 14 // border and padding, each side
	framePadY             = 4 + 10
	campaignHeight        = 7
	conceptChrome         = 2*0.6 + 2*2.5 + 3.6*1.4 + 1 // rules, padding, heading, margin
	conceptLeading        = 1.5
	ideaLeading           = 1.45
	bodyGap               = 4   // between the concept and the ideas
	ideaColumnGap         = 5   // between columns of ideas
	ideaRowGap            = 2.5 // between rows of ideas
	// fitSafety is the share of the body the text may fill: the rest
	// absorbs what this model of line breaking and font metrics misses.
	fitSafety = 0.96
)

// sheetParts are the heights of the fixed parts of a sheet, in u.
type sheetParts struct{ head, foot, gap float64 }

// parts returns the fixed heights for an orientation, normal or compact.
func parts(portrait, compact bool) sheetParts {
	switch {
	case portrait && compact:
		return sheetParts{head: 64, foot: 30, gap: 3.5}
	case portrait:
		return sheetParts{head: 82, foot: 38, gap: 5}
	case compact:
		return sheetParts{head: 36, foot: 30, gap: 3.5}
	}
	return sheetParts{head: 48, foot: 38, gap: 5}
}

// plaqueFit is the layout chosen for one plaque.
type plaqueFit struct {
	portrait     bool
	step         int // index into fitSteps
	conceptLines int
	ideas        int
}

// PlaqueFit returns the classes that size brand b's plaque to its sheet:
// the orientation, the step of the type scale ("fit-1" is the largest),
// "sheet-compact" when the head and foot shrink, the number of ideas, and
// "concept-prose" when the concept is a paragraph rather than a line.
func (p *Page) PlaqueFit(b *site.Brand) string {
	var ideas []string
	for _, idea := range b.Ideas() {
		ideas = append(ideas, idea.Text)
	}
	return fitPlaque(p.Site.Config.Plaque.Orientation == "portrait", b.Concept, ideas).classes()
}

// PlaquePaper names the configured paper for people: "A3 横向".
func (p *Page) PlaquePaper() string {
	pl := p.Site.Config.Plaque
	if pl.Orientation == "portrait" {
		return pl.Size + " 纵向"
	}
	return pl.Size + " 横向"
}

func (f plaqueFit) classes() string {
	c := []string{"sheet-landscape"}
	if f.portrait {
		c[0] = "sheet-portrait"
	}
	c = append(c, fmt.Sprintf("fit-%d", f.step+1))
	if fitSteps[f.step].compact {
		c = append(c, "sheet-compact")
	}
	c = append(c, fmt.Sprintf("ideas-%d", f.ideas))
	if f.conceptLines > 2 {
		c = append(c, "concept-prose")
	}
	return strings.Join(c, " ")
}

// fitPlaque picks the largest step of the type scale at which the concept
// and the ideas fit the sheet's body; text that fits no step gets the
// smallest, and the sheet clips what is left rather than spill over.
func fitPlaque(portrait bool, concept string, ideas []string) plaqueFit {
	w, h := sheetLong-2*framePadX, sheetShort-2*framePadY
	if portrait {
		w, h = sheetShort-2*framePadX, sheetLong-2*framePadY
	}
	f := plaqueFit{portrait: portrait, ideas: len(ideas)}
	for i, s := range fitSteps {
		pt := parts(portrait, s.compact)
		body := h - campaignHeight - pt.head - pt.foot - 3*pt.gap
		f.step = i
		f.conceptLines = lines(concept, w/s.concept)
		need := conceptChrome + float64(f.conceptLines)*s.concept*conceptLeading
		if len(ideas) > 0 {
			need += bodyGap + ideasHeight(ideas, ideaColumns(portrait, len(ideas)), w, s.idea)
		}
		if need <= body*fitSafety {
			break
		}
	}
	return f
}

// ideaColumns is how many columns the ideas take, as site.css sets it:
// two or four ideas in pairs on a landscape sheet, otherwise in threes;
// pairs on a portrait sheet; one idea alone.
func ideaColumns(portrait bool, n int) int {
	switch {
	case n <= 1:
		return 1
	case portrait || n == 2 || n == 4:
		return 2
	}
	return 3
}

// ideasHeight is the height of the grid of ideas: each idea is its label
// on one line and its text below, and a row is as tall as its tallest.
func ideasHeight(ideas []string, cols int, w, font float64) float64 {
	colWidth := (w - float64(cols-1)*ideaColumnGap) / float64(cols)
	var total float64
	for row := 0; row < len(ideas); row += cols {
		tallest := 0
		for _, text := range ideas[row:min(row+cols, len(ideas))] {
			tallest = max(tallest, 1+lines(text, colWidth/font))
		}
		if row > 0 {
			total += ideaRowGap
		}
		total += float64(tallest) * font * ideaLeading
	}
	return total
}

// lines counts the lines text takes in a measure of em ems, breaking as
// Chinese text breaks: between any two characters, except that closing
// punctuation never starts a line (CSS line-break: strict), so the
// character before it moves down with it.
func lines(text string, em float64) int {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return 0
	}
	n, used := 1, 0.0
	var prev float64
	for _, r := range text {
		adv := advance(r)
		if used+adv > em+1e-9 {
			n++
			used = 0
			if isClosing(r) {
				used = prev
			}
		}
		used += adv
		prev = adv
	}
	return n
}

// advance is a character's width in ems: Chinese characters and full-width
// punctuation are square; Latin letters and digits in the CJK fonts'
// proportional faces are narrower, and 0.6 em errs on the wide side.
func advance(r rune) float64 {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 1
	}
	if unicode.IsSpace(r) {
		return 0.3
	}
	return 0.6
}

// isClosing reports whether r may not begin a line.
func isClosing(r rune) bool {
	return strings.ContainsRune("，。、；：！？）》」』】〉”’…,.;:!?)", r)
}
