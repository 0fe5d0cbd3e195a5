package printpdf

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// sheetsReady waits for the fonts, then counts the sheets on the page:
// plaques, forms or boards. Navigate has already waited for the load
// event, so the logos and photos are in.
const sheetsReady = `document.fonts.ready.then(() => document.querySelectorAll(".sheet, .form, .board").length)`

// Print loads url in the browser tab ctx and prints it to PDF at the paper
// size the page's CSS @page rules ask for, with backgrounds. It returns
// the PDF and the number of sheets on the page.
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
		return nil, 0, fmt.Errorf("print %s: nothing to print on the page", url)
	}
	return pdf, sheets, nil
}
