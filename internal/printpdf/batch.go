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
	"showcase/internal/site"
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

// batch is what one tab prints: brands' sheets, or a unit's board.
type batch struct {
	brands []*site.Brand
	unit   *site.Unit
}

// sheets is the number of sheets the batch prints.
func (b batch) sheets() int {
	if b.unit != nil {
		return 1
	}
	return len(b.brands)
}

// batches cuts the brands into batches, after the unit's board when one
// is printed.
func (j *job) batches() []batch {
	var out []batch
	if j.unit != nil {
		out = append(out, batch{brands: j.brands, unit: j.unit})
	}
	size := j.batchSize()
	for n := 0; n < len(j.brands); n += size {
		out = append(out, batch{brands: j.brands[n:min(n+size, len(j.brands))]})
	}
	return out
}

// print prints the batches, each into a PDF of its own in dir, and
// returns their files in order.
func (j *job) print(browser context.Context, base, dir string, start time.Time, res *Result) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("make a folder for the batches: %w", err)
	}
	// Start the browser, so that each batch's tab opens in it.
	if err := chromedp.Run(browser); err != nil {
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	batches := j.batches()
	total := 0
	for _, b := range batches {
		total += b.sheets()
	}
	var parts []string
	for n, b := range batches {
		part := filepath.Join(dir, fmt.Sprintf("%04d.pdf", n+1))
		if err := j.printBatch(browser, base, b, n+1, part, res); err != nil {
			return nil, err
		}
		parts = append(parts, part)
		res.Sheets += b.sheets()
		if j.opts.Progress != nil {
			j.opts.Progress(Progress{Kind: j.opts.Kind, Done: res.Sheets, Total: total, Batch: n + 1, Batches: len(batches), Elapsed: time.Since(start)})
		}
	}
	return parts, nil
}

// printBatch renders batch number n into the site, prints it into the
// file part, and removes its page and photos, so the temporary site does
// not grow with the run.
func (j *job) printBatch(browser context.Context, base string, b batch, n int, part string, res *Result) error {
	opts := render.PrintOptions{Kind: j.opts.Kind, Assets: j.assets, Unit: b.unit}
	var cleanup []string
	if j.photos != nil && b.unit == nil {
		var warnings []Warning
		var err error
		opts.Boards, cleanup, warnings, err = j.photos.layout(b.brands)
		if err != nil {
			return err
		}
		res.Warnings = append(res.Warnings, warnings...)
	}
	defer func() {
		for _, f := range cleanup {
			_ = os.Remove(f)
		}
	}()
	page, err := render.PrintPage(j.site, j.theme, opts, b.brands)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("%s%s-%04d.html", render.PrintPath, j.opts.Kind, n)
	file := filepath.Join(j.dest, filepath.FromSlash(name))
	if err := writeFile(file, page); err != nil {
		return err
	}
	cleanup = append(cleanup, file)
	pdf, sheets, err := printTab(browser, base+name)
	if err != nil {
		return err
	}
	if sheets != b.sheets() {
		return fmt.Errorf("print %s: %d sheets on the page, want %d", name, sheets, b.sheets())
	}
	if err := os.WriteFile(part, pdf, 0o644); err != nil {
		return fmt.Errorf("write batch %d: %w", n, err)
	}
	return nil
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
