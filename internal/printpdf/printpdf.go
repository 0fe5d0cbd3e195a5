// Package printpdf prints a site's paper products, plaques, application
// forms and display boards, to one PDF through headless Chromium. It
// builds the site into a temporary folder, renders the sheets to print
// into it a batch at a time, serves it on loopback and prints each batch
// in a tab of its own at the paper size its style sheet asks for, so the
// PDF is exactly what a browser's print dialog would give; the batches'
// PDFs are then joined into one. Nothing it renders reaches the published
// site.
package printpdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"showcase/internal/build"
	"showcase/internal/config"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// Options configure a print run.
type Options struct {
	// Source is the site folder holding showcase.yaml and content/.
	Source string
	// Kind is what to print; empty means plaques.
	Kind render.PrintKind
	// Unit, when set, prints only that unit's sheets.
	Unit string
	// Brand, when set, prints only that brand's sheet, by unit-id/brand-id.
	Brand string
	// Chromium is the browser's executable; empty looks it up on PATH.
	Chromium string
	// NoSandbox runs Chromium without its sandbox, for containers that
	// cannot give it one. Chromium refuses its sandbox to root, so for
	// root it is always off.
	NoSandbox bool
	// Batch is the number of brands printed in one browser tab; zero
	// means a size that suits the kind.
	Batch int
	// Progress, when set, is called after each batch is printed.
	Progress func(Progress)
}

// Progress tells how far a print run is.
type Progress struct {
	Kind render.PrintKind
	// Done of Total brands are printed, in Batch of Batches.
	Done, Total    int
	Batch, Batches int
	// Elapsed is the time since printing began, the build included.
	Elapsed time.Duration
}

// Result describes a print run.
type Result struct {
	// Build is the site build the sheets were printed from; its
	// diagnostics are worth showing even when printing failed.
	Build build.Result
	// Sheets is the number of brands printed: plaques, forms or boards.
	Sheets int
	// Pages is the number of pages of the PDF.
	Pages int
	// Paper names the paper, such as "A3 landscape" or "80cm × 200cm".
	Paper string
	// Warnings are problems that did not stop printing, such as a photo
	// with too few pixels for its place on a board.
	Warnings []Warning
	// Elapsed is how long the run took.
	Elapsed time.Duration
}

// Warning is a problem that did not stop printing, in both languages.
type Warning struct {
	ZH, EN string
}

// Run prints as RunTo does and returns the PDF.
func Run(ctx context.Context, opts Options) ([]byte, Result, error) {
	dir, err := os.MkdirTemp("", "showcase-pdf-")
	if err != nil {
		return nil, Result{}, fmt.Errorf("make a folder for the pdf: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "print.pdf")
	res, err := RunTo(ctx, opts, file)
	if err != nil {
		return nil, res, err
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		return nil, res, fmt.Errorf("read the pdf: %w", err)
	}
	return pdf, res, nil
}

// RunTo builds the site in opts.Source and prints its sheets of
// opts.Kind into the PDF file out, one brand after another in unit order:
// a sheet per plaque, a form (one or more A4 pages) or a board per brand.
// Content errors come back as the build's error, with the findings in
// Result.Build; a missing browser as ErrNoChromium; an unknown unit or
// brand as a *UnitError or *BrandError. out is written only when every
// batch printed.
func RunTo(ctx context.Context, opts Options, out string) (Result, error) {
	start := time.Now()
	var res Result
	if opts.Kind == "" {
		opts.Kind = render.PrintPlaques
	}
	tmp, err := os.MkdirTemp("", "showcase-print-")
	if err != nil {
		return res, fmt.Errorf("make build folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "public")
	res.Build, err = build.Run(ctx, build.Options{Source: opts.Source, Dest: dest, Target: render.Web, Stateless: true})
	if err != nil {
		return res, err
	}
	job, err := prepare(ctx, opts, dest)
	if err != nil {
		return res, err
	}
	res.Paper = paper(job.site.Config, opts.Kind)
	res.Warnings = append(res.Warnings, job.warnings...)
	exe, err := FindChromium(opts.Chromium)
	if err != nil {
		return res, err
	}
	base, stop, err := Serve(dest, job.site.Config.BasePath())
	if err != nil {
		return res, err
	}
	defer stop()
	browser, cancel := Start(ctx, exe, opts.NoSandbox)
	defer cancel()
	parts, err := job.print(browser, base, filepath.Join(tmp, "pdf"), start, &res)
	if err != nil {
		return res, err
	}
	if res.Pages, err = Join(ctx, parts, out); err != nil {
		return res, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// job is what one print run prints, and with what.
type job struct {
	opts   Options
	site   *site.Site
	theme  *theme.Theme
	assets map[string]string
	brands []*site.Brand
	// dest is the built site the sheets are rendered into.
	dest string
	// photos derive boards' photos at print size.
	photos *boardPhotos
	// unit, when set, gets a board of its own: its brands on one board.
	unit *site.Unit
	// warnings are found while preparing.
	warnings []Warning
}

// prepare loads what the build checked, the site's model and theme, and
// picks the brands to print.
func prepare(ctx context.Context, opts Options, dest string) (*job, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("open site %s: %w", opts.Source, err)
	}
	defer root.Close()
	fsys := root.FS()
	s, diags, err := build.Load(ctx, fsys, build.LoadOptions{}, nil)
	if err != nil {
		return nil, err
	}
	// The build has just checked the same files, so this is a change
	// made while printing.
	if err := diags.Err(); err != nil {
		return nil, fmt.Errorf("load %s: %w", opts.Source, err)
	}
	if s == nil {
		return nil, fmt.Errorf("load %s: no site", opts.Source)
	}
	th, err := build.LoadTheme(fsys, s.Config.Theme)
	if err != nil {
		return nil, err
	}
	assets, err := assetNames(th)
	if err != nil {
		return nil, err
	}
	brands, err := pick(s, opts)
	if err != nil {
		return nil, err
	}
	j := &job{opts: opts, site: s, theme: th, assets: assets, brands: brands, dest: dest}
	if opts.Kind == render.PrintBoards {
		j.photos = newBoardPhotos(opts.Source, s.Config.Print.Board, dest)
		if opts.Unit != "" && opts.Brand == "" {
			j.unit, j.warnings = unitBoard(s, brands)
		}
	}
	return j, nil
}

// unitBoard returns the unit of brands when they fit on one board, and a
// warning when they do not.
func unitBoard(s *site.Site, brands []*site.Brand) (*site.Unit, []Warning) {
	u := brands[0].Unit
	size := s.Config.Print.Board
	if n := render.UnitBoardCapacity(size); len(brands) > n {
		return nil, []Warning{{
			ZH: fmt.Sprintf("%s 有 %d 个品牌，%s × %s 的展板上最多放得下 %d 个：没有印单位展板，只印了每个品牌的展板", u.Name, len(brands), config.CSS(size.Width), config.CSS(size.Height), n),
			EN: fmt.Sprintf("%s has %d brands; a %s × %s board holds at most %d: no unit board was printed, only each brand's", u.Name, len(brands), config.CSS(size.Width), config.CSS(size.Height), n),
		}}
	}
	return u, nil
}

// paper names the paper of a kind for people.
func paper(cfg *config.Config, kind render.PrintKind) string {
	switch kind {
	case render.PrintForms:
		return "A4 portrait"
	case render.PrintBoards:
		return config.CSS(cfg.Print.Board.Width) + " × " + config.CSS(cfg.Print.Board.Height)
	}
	return cfg.Plaque.Size + " " + cfg.Plaque.Orientation
}
