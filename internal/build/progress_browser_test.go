package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/render"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestProgressInChromium opens the sample's progress page (进度看板) in
// headless Chromium at a phone's and a wide screen's width and prints it
// to PDF on A4. On screen nothing may be wider than the window, every
// chart must be drawn (a title, bars with a size) and have its table
// beside it; the PDF must be A4 portrait and a few pages at most. Set
// SHOWCASE_SCREENSHOTS to a folder to keep the screenshots and the PDF.
func TestProgressInChromium(t *testing.T) {
	ctx := browsertest.New(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, repoRoot, dest, render.Web); err != nil {
		t.Fatal(err)
	}
	url := browsertest.Serve(t, dest) + render.ProgressPath
	shots := os.Getenv("SHOWCASE_SCREENSHOTS")
	for _, w := range []int64{1920, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			var scrollWidth, innerWidth, charts, drawn, tables int64
			var png []byte
			err := chromedp.Run(ctx,
				chromedp.EmulateViewport(w, 900),
				chromedp.Navigate(url),
				chromedp.WaitReady("main"),
				chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
				chromedp.Evaluate(`window.innerWidth`, &innerWidth),
				chromedp.Evaluate(`document.querySelectorAll("svg.chart").length`, &charts),
				chromedp.Evaluate(`[...document.querySelectorAll("svg.chart")].filter(s =>
					s.querySelector("title").textContent.trim() !== "" &&
					s.getBoundingClientRect().width > 200 &&
					[...s.querySelectorAll("rect")].some(r => r.getBoundingClientRect().width > 1)).length`, &drawn),
				chromedp.Evaluate(`[...document.querySelectorAll("figure.chart-figure")].filter(f => f.nextElementSibling && f.nextElementSibling.matches("table.data-table")).length`, &tables),
				chromedp.FullScreenshot(&png, 100),
			)
			if err != nil {
				t.Fatal(err)
			}
			if scrollWidth > innerWidth {
				t.Errorf("page is %d px wide on a %d px screen", scrollWidth, innerWidth)
			}
			if charts < 6 || drawn != charts || tables != charts {
				t.Errorf("%d charts, %d drawn, %d with a table beside them", charts, drawn, tables)
			}
			if shots != "" {
				os.WriteFile(filepath.Join(shots, fmt.Sprintf("progress-%d.png", w)), png, 0o644)
			}
		})
	}
	var pdf []byte
	err := chromedp.Run(ctx, chromedp.Navigate(url), chromedp.WaitReady("main"), chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).WithPrintBackground(true).Do(ctx)
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if shots != "" {
		os.WriteFile(filepath.Join(shots, "progress-a4.pdf"), pdf, 0o644)
	}
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 || len(boxes) > 9 {
		t.Fatalf("the printed page has %d pages, want 1 to 4", len(boxes))
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if w < 594 || w > 597 || h < 841 || h > 843 {
			t.Errorf("a page is %.1f × %.1f pt, want A4 portrait (595.3 × 841.9)", w, h)
		}
	}
}
