package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"showcase/internal/cputime"
)

// now is the process's CPU time where it is measured, and otherwise the
// wall clock.
func now() time.Duration {
	if used := cputime.Used(); used > 0 {
		return used
	}
	return time.Duration(time.Now().UnixNano())
}

// bodyLimit is the content loader's limit on a body, the size an attacker
// can hand to the renderer.
const bodyLimit = 512 << 10

// fill repeats unit until the result is about size bytes.
func fill(unit string, size int) string {
	return strings.Repeat(unit, max(size/len(unit), 1))
}

// paragraphs repeats para, separated by blank lines, up to size bytes.
func paragraphs(para string, size int) string {
	return fill(para+"\n\n", size)
}

// pathological are 512 KB bodies in the shapes that make goldmark slow:
// storms that the shape check refuses, and the worst bodies just inside
// its limits, which goldmark parses.
func pathological() []struct{ name, src string } {
	staircase := func() string {
		var b strings.Builder
		for i := 0; 2*i+2 <= maxPrefix; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}()
	row := "|" + strings.Repeat("x|", 50) + "\n"
	return []struct{ name, src string }{
		{"emphasis storm", fill("*a_", bodyLimit)},
		{"emphasis at limit", paragraphs(fill("*a_", maxRunDelimiters*3/2), bodyLimit)},
		{"cjk emphasis at limit", paragraphs(fill("*中_", maxRunDelimiters*5/2), bodyLimit)},
		{"strike at limit", paragraphs(fill("~a*", maxRunDelimiters*3/2), bodyLimit)},
		{"link storm", fill("[a](", bodyLimit)},
		{"links at limit", paragraphs(fill("[a](", maxRunBrackets*4), bodyLimit)},
		{"links before a long line", fill("[a](", maxRunBrackets*4) + fill("一", bodyLimit-maxRunBrackets*4)},
		{"images at limit", paragraphs(fill("![a", maxRunBrackets*3), bodyLimit)},
		{"bracket storm", fill("[", bodyLimit)},
		{"brackets around emphasis at limit", paragraphs(strings.Repeat("[", maxRunBrackets)+fill("*a_", maxRunDelimiters*3/2)+strings.Repeat("]", maxRunBrackets), bodyLimit)},
		{"images around emphasis at limit", paragraphs(strings.Repeat("![", maxRunBrackets/2)+fill("*a_", maxRunDelimiters*3/2)+strings.Repeat("](b)", maxRunBrackets/2), bodyLimit)},
		{"quote nesting", fill(strings.Repeat(">", maxPrefix)+"a\n", bodyLimit)},
		{"quote storm", strings.Repeat(">", bodyLimit-1) + "a"},
		{"list nesting", fill(strings.Repeat("- ", maxPrefix/2)+"a\n", bodyLimit)},
		{"list storm", fill("- ", bodyLimit) + "a"},
		{"list staircase then lazy lines", staircase + fill("a\n", bodyLimit-len(staircase))},
		{"long table", "|a|b|\n|-|-|\n" + fill("|x|y|\n", bodyLimit)},
		{"wide table", strings.Repeat("|a", 50) + "|\n" + strings.Repeat("|-", 50) + "|\n" + fill(row, bodyLimit)},
		{"code span runs", func() string {
			var b strings.Builder
			for i := 1; b.Len() < bodyLimit; i++ {
				b.WriteString(strings.Repeat("`", i%2000+1) + "a")
			}
			return b.String()
		}()},
		{"entities", fill("&amp;&#1;&#x", bodyLimit)},
		{"autolinks", fill("www.a.b ", bodyLimit)},
		{"raw html", fill("<a ", bodyLimit)},
		{"reference links", fill("[a]: /b\n", bodyLimit/2) + fill("[a][a]", bodyLimit/2)},
	}
}

// BenchmarkPathological renders each 512 KB pathological body; every one
// must take well under the 2 s budget. It reports CPU time beside wall
// time, which the shared machine's load inflates.
func BenchmarkPathological(b *testing.B) {
	r := New()
	for _, c := range pathological() {
		b.Run(strings.ReplaceAll(c.name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(c.src)))
			start := cputime.Used()
			for b.Loop() {
				if _, err := r.Render([]byte(c.src)); err != nil {
					b.Fatal(err)
				}
			}
			cputime.Report(b, b.N, start)
		})
	}
}

// TestPathologicalTime holds every pathological body to the budget of
// 2 s for the largest body, in CPU time, which a busy machine does not
// inflate.
func TestPathologicalTime(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 20 bodies of 512 KB")
	}
	if raceSlowdown > 1 {
		t.Skip("the race detector's slowdown says nothing about the parser; run without -race")
	}
	budget := 2 * time.Second
	r := New()
	for _, c := range pathological() {
		if len(c.src) > bodyLimit+4096 {
			t.Fatalf("%s: generator made %d bytes", c.name, len(c.src))
		}
		start := now()
		if _, err := r.Render([]byte(c.src)); err != nil {
			t.Fatal(err)
		}
		if took := now() - start; took > budget {
			t.Errorf("%s: %d bytes took %v, budget %v", c.name, len(c.src), took, budget)
		}
	}
}

func TestShapeFindings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // "line:col kind", "" for none
	}{
		{"emphasis under limit", fill("*a_", maxRunDelimiters*3/2), ""},
		{"emphasis over limit", "标题\n\n" + fill("*a_", maxRunDelimiters*3/2+3), fmt.Sprintf("3:%d delimiters", maxRunDelimiters*3/2+1)},
		{"emphasis split by blank lines", fill("*a_", maxRunDelimiters*3/2) + "\n \n" + fill("*a_", maxRunDelimiters*3/2), ""},
		{"emphasis over lines", fill("**a**\n", maxRunDelimiters*3+6), fmt.Sprintf("%d:1 delimiters", maxRunDelimiters/2+1)},
		{"brackets over limit", "x\n" + fill("[a](", maxRunBrackets*4+4), fmt.Sprintf("2:%d brackets", maxRunBrackets*4+1)},
		{"brackets under limit", fill("[a](", maxRunBrackets*4), ""},
		{"deep quote", "a\n\n" + strings.Repeat(">", maxPrefix+1) + "b", "3:1 nesting"},
		{"quote at limit", strings.Repeat("> ", maxPrefix/2) + "b", ""},
		{"deep list", strings.Repeat("- ", maxPrefix/2+1) + "b", "1:1 nesting"},
		{"deep ordered list", strings.Repeat("1. ", maxPrefix/3+1) + "b", "1:1 nesting"},
		{"deep indent", strings.Repeat("\t", maxPrefix/4+1) + "b", "1:1 nesting"},
		{"hyphens are not markers", strings.Repeat("-", 200), ""},
		{"nul", "第一行\n正文\x00结束", "2:3 control"},
		{"escape", "a\x1b[31m", "1:2 control"},
		{"tab and cr", "a\tb\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range checkShape([]byte(tt.src)) {
				got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Kind))
			}
			if strings.Join(got, ";") != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			doc, err := New().Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && len(doc.Findings) == 0 {
				t.Errorf("Render reported nothing")
			}
		})
	}
}

// TestRefusedBodyIsEscaped checks that a body too slow to parse still
// comes back safe: as text, never as markup.
func TestRefusedBodyIsEscaped(t *testing.T) {
	src := fill("*a_", maxRunDelimiters*3/2+3) + "\n\n<script>alert(1)</script>\n"
	doc, err := New().Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(doc.HTML), "<script") || !strings.Contains(string(doc.HTML), "&lt;script&gt;") {
		t.Errorf("refused body not escaped: %.200s", doc.HTML[len(doc.HTML)-100:])
	}
}

// TestShapeFindingsCapped checks that a body bad on every line gets a few
// findings of each kind, not one per line.
func TestShapeFindingsCapped(t *testing.T) {
	src := fill("a\x00\x00"+strings.Repeat(">", maxPrefix+1)+"\n", 64<<10)
	kinds := map[string]int{}
	for _, f := range checkShape([]byte(src)) {
		kinds[f.Kind]++
	}
	if kinds[kindControl] != maxShapeFindings || kinds[kindNesting] != 0 {
		t.Errorf("findings by kind %v, want %d control findings", kinds, maxShapeFindings)
	}
	src = fill(strings.Repeat(">", maxPrefix+1)+"a\n\n", 64<<10)
	if n := len(checkShape([]byte(src))); n != maxShapeFindings {
		t.Errorf("%d nesting findings, want %d", n, maxShapeFindings)
	}
}
