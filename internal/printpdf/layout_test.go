package printpdf_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// loneEnds lists the paragraphs of every plaque whose last line holds one
// lone character (punctuation beside it not counted), as laid out for
// print: the line breaks are read from where each character lands.
const loneEnds = `document.fonts.ready.then(() => {
  const punct = /[\s，。、；：！？）》」』】〉”’…,.;:!?)]/;
  const bad = [];
  for (const el of document.querySelectorAll(".sheet-concept p, .sheet-ideas li")) {
    const lines = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.tagName === "B") continue; // an idea's label is a line of its own
      for (let i = 0; i < n.data.length; i++) {
        const r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + 1);
        const rect = r.getClientRects()[0];
        if (!rect) continue;
        const last = lines[lines.length - 1];
        if (!last || rect.top > last.top + rect.height / 2) lines.push({top: rect.top, text: ""});
        lines[lines.length - 1].text += n.data[i];
      }
    }
    if (lines.length < 2) continue;
    const end = [...lines[lines.length - 1].text].filter(c => !punct.test(c));
    if (end.length === 1) bad.push(el.textContent + " ends in a line of " + JSON.stringify(lines[lines.length - 1].text));
  }
  return bad;
})`

// bands measures, on every plaque, the room between the heading and the
// head, the head and the text, and the text and the foot, in CSS pixels.
const bands = `[...document.querySelectorAll(".sheet")].map(sheet => {
  const box = s => sheet.querySelector(s).getBoundingClientRect();
  const body = sheet.querySelector(".sheet-body");
  const first = body.firstElementChild.getBoundingClientRect(), last = body.lastElementChild.getBoundingClientRect();
  return {name: sheet.querySelector(".sheet-name").textContent,
    gaps: [box(".sheet-head").top - box(".sheet-campaign").bottom, first.top - box(".sheet-head").bottom, box(".sheet-foot").top - last.bottom]};
})`

// printLayout opens url as printed and evaluates script on it.
func printLayout(t *testing.T, ctx context.Context, url, script string, out any) {
	t.Helper()
	err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			return emulation.SetEmulatedMedia().WithMedia("print").Do(ctx)
		}),
		chromedp.Navigate(url),
		chromedp.Evaluate(script, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
}

// TestPlaqueLines prints the sample's plaques and a varied set on A4
// portrait and finds no paragraph ending in one lone character: the
// browser's even wrapping (text-wrap: pretty) moves a second one down.
// The sample's 学习理念 of 红色账本 once ended "…记进日常账 / 页".
func TestPlaqueLines(t *testing.T) {
	for _, dir := range []string{repoRoot, writeSite(t, "A4", "portrait", variedBrands()...)} {
		ctx, base := serveBuild(t, dir)
		var bad []string
		printLayout(t, ctx, base+"plaques/", loneEnds, &bad)
		for _, b := range bad {
			t.Errorf("%s: %s", dir, b)
		}
	}
}

// TestPlaqueClosesUp lays out a plaque without ideas and a short concept
// beside fuller ones: the room the text leaves is shared out evenly
// above the head, between the head and the text and below the text, so
// no empty band opens in the middle of a sparse plaque.
func TestPlaqueClosesUp(t *testing.T) {
	for _, paper := range [][2]string{{"A3", "landscape"}, {"A4", "portrait"}} {
		dir := writeSite(t, paper[0], paper[1], sparseBrand(), variedBrands()[2], denseBrand())
		ctx, base := serveBuild(t, dir)
		var sheets []struct {
			Name string
			Gaps []float64
		}
		printLayout(t, ctx, base+"plaques/", bands, &sheets)
		if len(sheets) != 3 {
			t.Fatalf("%d sheets, want 3", len(sheets))
		}
		for _, s := range sheets {
			lo, hi := min(s.Gaps[0], s.Gaps[1], s.Gaps[2]), max(s.Gaps[0], s.Gaps[1], s.Gaps[2])
			if hi-lo > 2 {
				t.Errorf("%s %s: bands of %.0f, %.0f and %.0f px: the room is not shared evenly", paper, s.Name, s.Gaps[0], s.Gaps[1], s.Gaps[2])
			}
		}
	}
}
