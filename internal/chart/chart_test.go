package chart_test

import (
	"encoding/xml"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"showcase/internal/chart"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// charts are the cases of the golden test, by file name.
func charts() map[string]template.HTML {
	return map[string]template.HTML{
		"bars.svg": chart.Bars("c1", "各阶段品牌数", []chart.Bar{
			{Label: "品牌申报阶段", Value: 4, Class: "series-0", Text: "4"},
			{Label: "品牌提升阶段", Value: 5, Class: "series-1", Text: "5"},
			{Label: "品牌巩固阶段", Value: 0, Class: "series-2", Text: "0"},
		}),
		"shares.svg": chart.Shares("c2", "各单位品牌覆盖率", []chart.Bar{
			{Label: "示例市财政局", Value: 3, Of: 4, Text: "3/4 · 75%"},
			{Label: "示例市税务局", Value: 0, Of: 0, Text: "未登记党组织"},
			{Label: "<b>&", Value: 5, Of: 4, Text: "5/4"},
		}),
		"columns.svg": chart.Columns("c3", "每月申报和命名", []string{"2020-04", "2020-05", "2020-06", "2020-07"}, []chart.Series{
			{Name: "申报", Class: "series-0", Values: []int{2, 4, 4, 0}},
			{Name: "命名", Class: "series-1", Values: []int{0, 0, 7, 1}},
		}),
		"timeline.svg": chart.Timeline("c4", "各阶段时限", []chart.Span{
			{Label: "品牌申报阶段", Start: day("2020-04-23"), End: day("2020-12-31"), Class: "series-0", Text: "已结束"},
			{Label: "品牌提升阶段", Start: day("2020-12-31"), End: day("2021-12-31"), Class: "series-0", Text: "剩 100 天"},
		}, day("2021-09-22"), "数据截至 2021年9月22日"),
	}
}

// TestGolden compares each chart with its file in testdata; run with
// -update after an intended change and look at the files.
func TestGolden(t *testing.T) {
	for name, got := range charts() {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/chart -update)", err)
		}
		if string(want) != string(got) {
			t.Errorf("%s differs:\nwant %s\ngot  %s", name, want, got)
		}
	}
}

// TestWellFormed checks that every chart is well-formed XML, names itself
// by its title, carries no colour, style or script of its own, and is the
// same bytes twice.
func TestWellFormed(t *testing.T) {
	again := charts()
	for name, c := range charts() {
		if c != again[name] {
			t.Errorf("%s: two drawings differ", name)
		}
		dec := xml.NewDecoder(strings.NewReader(string(c)))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: not well-formed: %v", name, err)
				break
			}
		}
		for _, bad := range []string{"fill=", "style", "<script", "font-family", "stroke="} {
			if strings.Contains(string(c), bad) {
				t.Errorf("%s: has %q: colours and fonts belong to the theme", name, bad)
			}
		}
		if !strings.Contains(string(c), `role="img"`) || !strings.Contains(string(c), "<title id=") {
			t.Errorf("%s: not named for assistive technology", name)
		}
	}
}

// TestBarLengths checks that bar lengths follow the values: the longest
// value's bar is the longest, a zero draws none, and a share is measured
// against its own whole.
func TestBarLengths(t *testing.T) {
	widths := func(c template.HTML) []string {
		var out []string
		for _, part := range strings.Split(string(c), `<rect class="chart-bar`)[1:] {
			w := part[strings.Index(part, `width="`)+7:]
			out = append(out, w[:strings.IndexByte(w, '"')])
		}
		return out
	}
	got := widths(chart.Bars("x", "t", []chart.Bar{{Label: "甲", Value: 2}, {Label: "乙", Value: 4}, {Label: "丙", Value: 0}}))
	var two, four float64
	if len(got) == 2 {
		fmt.Sscan(got[0], &two)
		fmt.Sscan(got[1], &four)
	}
	if len(got) != 2 || four < 2*two-0.2 || four > 2*two+0.2 {
		t.Errorf("bars of 2, 4 and 0: widths %v", got)
	}
	half := widths(chart.Shares("x", "t", []chart.Bar{{Label: "甲", Value: 1, Of: 2}, {Label: "乙", Value: 2, Of: 2}}))
	if len(half) != 2 {
		t.Fatalf("shares: %v", half)
	}
	var a, b float64
	if _, err := fmt.Sscan(half[0], &a); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Sscan(half[1], &b); err != nil {
		t.Fatal(err)
	}
	if a*2 < b-0.2 || a*2 > b+0.2 {
		t.Errorf("1 of 2 is %v long, 2 of 2 is %v", a, b)
	}
}

// TestWidth checks that Chinese characters count two cells.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"财政局": 6, "2020-04": 7, "示范品牌 10": 11, "": 0} {
		if got := chart.Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
