// Package printpdf prints a site's plaques to one PDF through headless
// Chromium. It builds the site into a temporary folder, serves it on
// loopback and prints the plaque page with the paper size its style sheet
// asks for, so the PDF is exactly what a browser's print dialog would give.
package printpdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"showcase/internal/build"
	"showcase/internal/config"
	"showcase/internal/render"
)

// Options configure a print run.
type Options struct {
	// Source is the site folder holding showcase.yaml and content/.
	Source string
	// Unit, when set, prints only that unit's plaques.
	Unit string
	// Chromium is the browser's executable; empty looks it up on PATH.
	Chromium string
	// NoSandbox runs Chromium without its sandbox, for containers that
	// cannot give it one. Chromium refuses its sandbox to root, so for
	// root it is always off.
	NoSandbox bool
}

// Result describes a print run.
type Result struct {
	// Build is the site build the plaques were printed from; its
	// diagnostics are worth showing even when printing failed.
	Build build.Result
	// Sheets is the number of plaques printed, one per sheet.
	Sheets int
	// Paper names the configured paper, such as "A3 landscape".
	Paper string
}

// UnitError reports a unit that has no plaques to print.
type UnitError struct {
	Unit string
	// Known are the units that do have plaques, sorted.
	Known []string
}

func (e *UnitError) Error() string {
	return fmt.Sprintf("unit %q has no plaques to print", e.Unit)
}

// Run builds the site in opts.Source and returns its plaques as a PDF, one
// sheet per brand in unit order. Content errors come back as the build's
// error, with the findings in Result.Build; a missing browser as
// ErrNoChromium; an unknown unit as a *UnitError.
func Run(ctx context.Context, opts Options) ([]byte, Result, error) {
	var res Result
	tmp, err := os.MkdirTemp("", "showcase-plaques-")
	if err != nil {
		return nil, res, fmt.Errorf("make build folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "public")
	res.Build, err = build.Run(ctx, build.Options{Source: opts.Source, Dest: dest, Target: render.Web, Stateless: true})
	if err != nil {
		return nil, res, err
	}
	cfg, err := loadConfig(opts.Source)
	if err != nil {
		return nil, res, err
	}
	res.Paper = cfg.Plaque.Size + " " + cfg.Plaque.Orientation
	page, err := plaquePage(dest, opts.Unit)
	if err != nil {
		return nil, res, err
	}
	exe, err := FindChromium(opts.Chromium)
	if err != nil {
		return nil, res, err
	}
	base, stop, err := Serve(dest, cfg.BasePath())
	if err != nil {
		return nil, res, err
	}
	defer stop()
	browser, cancel := Start(ctx, exe, opts.NoSandbox)
	defer cancel()
	pdf, sheets, err := Print(browser, base+page)
	res.Sheets = sheets
	if err != nil {
		return nil, res, err
	}
	return pdf, res, nil
}

// loadConfig reads the configuration the build has already checked, for
// the paper and the path the site is served under.
func loadConfig(source string) (*config.Config, error) {
	root, err := os.OpenRoot(source)
	if err != nil {
		return nil, fmt.Errorf("open site %s: %w", source, err)
	}
	defer root.Close()
	cfg, _, err := config.Load(root.FS())
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return nil, fmt.Errorf("read %s: no configuration", config.File)
	}
	return cfg, nil
}

// plaquePage returns the site path of the page to print: every plaque, or
// one unit's. The built output is the authority on which units have
// plaques, so the answer cannot drift from what the build made.
func plaquePage(dest, unit string) (string, error) {
	if unit == "" {
		return "plaques/", nil
	}
	dir := filepath.Join(dest, "plaques")
	if !strings.ContainsAny(unit, `/\.`) {
		if _, err := os.Stat(filepath.Join(dir, unit, "index.html")); err == nil {
			return "plaques/" + unit + "/", nil
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("list units: %w", err)
	}
	ue := &UnitError{Unit: unit}
	for _, e := range entries {
		if e.IsDir() {
			ue.Known = append(ue.Known, e.Name())
		}
	}
	sort.Strings(ue.Known)
	return "", ue
}
