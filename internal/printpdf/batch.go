package printpdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"showcase/internal/build"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/theme"

	"github.com/chromedp/chromedp"
)

// Batch sizes: how many brands one browser tab lays out at once. A batch
// is small enough that a tab's memory stays flat however large the site,
// and large enough to spread what each print costs whatever its length:
// Chromium subsets the CJK fonts into every PDF it makes, which takes
// seconds.
const (
	plaqueBatch = 50
	formBatch   = 50
	boardBatch  = 10
)

// batchSize is the number of brands printed in one tab.
func (j *job) batchSize() int {
	switch {
	case j.opts.Batch > 0:
		return j.opts.Batch
	case j.opts.Kind == render.PrintForms:
		return formBatch
	case j.opts.Kind == render.PrintBoards:
		return boardBatch
	}
	return plaqueBatch
}

// print prints the brands batch by batch, each into a PDF of its own in
// dir, and returns their files in order. Each batch's page and photos are
// removed once printed, so the temporary site does not grow with the run.
func (j *job) print(browser context.Context, base, dir string, start time.Time, res *Result) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("make a folder for the batches: %w", err)
	}
	// Start the browser, so that each batch's tab opens in it.
	if err := chromedp.Run(browser); err != nil {
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	size := j.batchSize()
	batches := (len(j.brands) + size - 1) / size
	var parts []string
	for n := 0; n < batches; n++ {
		brands := j.brands[n*size : min((n+1)*size, len(j.brands))]
		opts := render.PrintOptions{Kind: j.opts.Kind, Assets: j.assets}
		var cleanup []string
		if j.photos != nil {
			var warnings []Warning
			var err error
			opts.Boards, cleanup, warnings, err = j.photos.layout(brands)
			if err != nil {
				return nil, err
			}
			res.Warnings = append(res.Warnings, warnings...)
		}
		page, err := render.PrintPage(j.site, j.theme, opts, brands)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("%s%s-%04d.html", render.PrintPath, j.opts.Kind, n+1)
		file := filepath.Join(j.dest, filepath.FromSlash(name))
		if err := writeFile(file, page); err != nil {
			return nil, err
		}
		pdf, sheets, err := printTab(browser, base+name)
		if err != nil {
			return nil, err
		}
		if sheets != len(brands) {
			return nil, fmt.Errorf("print %s: %d sheets on the page, want %d", name, sheets, len(brands))
		}
		part := filepath.Join(dir, fmt.Sprintf("%04d.pdf", n+1))
		if err := os.WriteFile(part, pdf, 0o644); err != nil {
			return nil, fmt.Errorf("write batch %d: %w", n+1, err)
		}
		parts = append(parts, part)
		for _, f := range append(cleanup, file) {
			_ = os.Remove(f)
		}
		res.Sheets += len(brands)
		if j.opts.Progress != nil {
			j.opts.Progress(Progress{Kind: j.opts.Kind, Done: res.Sheets, Total: len(j.brands), Batch: n + 1, Batches: batches, Elapsed: time.Since(start)})
		}
	}
	return parts, nil
}

// printTab prints url in a new tab of the browser, closed afterwards, so
// no batch's pages stay in memory.
func printTab(browser context.Context, url string) ([]byte, int, error) {
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	return Print(tab, url)
}

func writeFile(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(file), err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(file), err)
	}
	return nil
}

// assetNames returns the published names of the theme's static files, as
// the build named them: the print page links the same style sheets.
func assetNames(th *theme.Theme) (map[string]string, error) {
	return build.WriteStatic(th, publish.NewMinifier(), discard{})
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }
