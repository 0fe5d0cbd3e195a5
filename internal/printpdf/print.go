package printpdf

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// sheetsReady waits for the fonts, then counts the plaques on the page.
// Navigate has already waited for the load event, so the logos are in.
const sheetsReady = `document.fonts.ready.then(() => document.querySelectorAll(".sheet").length)`

// Print loads url in the browser tab ctx and prints it to PDF at the paper
// size the page's CSS @page rules ask for, with backgrounds. It returns
// the PDF and the number of plaques on the page.
func Print(ctx context.Context, url string) ([]byte, int, error) {
	var (
		sheets int
		pdf    []byte
	)
	err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.Evaluate(sheetsReady, &sheets, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().
				WithPreferCSSPageSize(true).
				WithPrintBackground(true).
				Do(ctx)
			return err
		}),
	)
	if err != nil {
		return nil, 0, fmt.Errorf("print %s: %w", url, err)
	}
	if sheets == 0 {
		return nil, 0, fmt.Errorf("print %s: no plaques on the page", url)
	}
	return pdf, sheets, nil
}
