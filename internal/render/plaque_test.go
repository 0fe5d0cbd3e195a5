package render

import (
	"strings"
	"testing"
)

// TestLines sets text in a measure the way the browser breaks Chinese.
func TestLines(t *testing.T) {
	cases := []struct {
		text string
		em   float64
		want int
	}{
		{"", 10, 0},
		{"   ", 10, 0},
		{"一二三四五六七八九十", 10, 1},
		{"一二三四五六七八九十一", 10, 2},
		// A full stop may not start a line: "十" moves down with it.
		{"一二三四五六七八九十。", 10, 2},
		{"一二三四五六七八九。十一二三四五六七八九", 10, 2},
		{"一二三四五六七八九十。一二三四五六七八九", 10, 3},
		// Latin is narrower than Chinese: 0.6 em a letter.
		{strings.Repeat("a", 16), 10, 1},
		{strings.Repeat("a", 17), 10, 2},
		// Runs of white space collapse, as in HTML.
		{"一二三四五  \n  六七八九", 10, 1},
	}
	for _, c := range cases {
		if got := lines(c.text, c.em); got != c.want {
			t.Errorf("lines(%q, %v) = %d, want %d", c.text, c.em, got, c.want)
		}
	}
}

// TestFitSteps keeps the type scale in order: each step smaller than the
// one before, and compact from some step on.
func TestFitSteps(t *testing.T) {
	for i := 1; i < len(fitSteps); i++ {
		a, b := fitSteps[i-1], fitSteps[i]
		if b.concept >= a.concept || b.idea >= a.idea {
			t.Errorf("step %d (%v) is not smaller than step %d (%v)", i+1, b, i, a)
		}
		if a.compact && !b.compact {
			t.Errorf("step %d is compact but step %d is not", i, i+1)
		}
	}
}

func sixIdeas(n int) []string {
	idea := []rune(strings.Repeat("把学习成果转化为推动工作的强大动力", 4))[:n]
	return []string{string(idea), string(idea), string(idea), string(idea), string(idea), string(idea)}
}

// TestFitPlaque chooses large type for little text and smaller type for
// more, and fits the most a plaque must hold without running out of steps.
func TestFitPlaque(t *testing.T) {
	for _, portrait := range []bool{false, true} {
		if f := fitPlaque(portrait, "服务为先。", nil); f.step != 0 {
			t.Errorf("portrait %v: a short concept gets step %d, want the largest", portrait, f.step+1)
		}
		dense := fitPlaque(portrait, strings.Repeat("坚持党建引领业务发展，", 30), sixIdeas(27))
		if dense.step == 0 || dense.step == len(fitSteps)-1 {
			t.Errorf("portrait %v: 300 characters and six ideas get step %d, want one between the largest and the smallest", portrait, dense.step+1)
		}
		// More text never gets larger type.
		prev := 0
		for n := 10; n <= 600; n += 10 {
			f := fitPlaque(portrait, strings.Repeat("为", n), sixIdeas(20))
			if f.step < prev {
				t.Errorf("portrait %v: %d characters get step %d, after step %d for fewer", portrait, n, f.step+1, prev+1)
			}
			prev = f.step
		}
	}
}

// TestFitClasses names the orientation, the step, compactness, the number
// of ideas and whether the concept is a paragraph.
func TestFitClasses(t *testing.T) {
	cases := []struct {
		f    plaqueFit
		want string
	}{
		{plaqueFit{step: 0, conceptLines: 1}, "sheet-landscape fit-1 ideas-0"},
		{plaqueFit{portrait: true, step: 5, conceptLines: 9, ideas: 6}, "sheet-portrait fit-6 sheet-compact ideas-6 concept-prose"},
	}
	for _, c := range cases {
		if got := c.f.classes(); got != c.want {
			t.Errorf("classes %+v = %q, want %q", c.f, got, c.want)
		}
	}
}
