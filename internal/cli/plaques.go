package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/printpdf"
)

func (e *env) plaques(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("plaques", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	out := fs.String("pdf", "", "write the plaques, one per sheet, to this PDF file (required)")
	unit := fs.String("unit", "", "print only this unit's plaques, by unit id")
	lang := fs.String("lang", "zh", "language of findings: zh or en")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() > 0 {
		e.errorf("plaques needs --pdf FILE and no other arguments")
		e.hintf("showcase plaques --pdf plaques.pdf [--unit ID] [--source DIR]")
		return exitUsage
	}
	pdf, res, err := printpdf.Run(ctx, printpdf.Options{
		Source: *source, Unit: *unit,
		// CHROMIUM names the browser when it is not on PATH under a usual name.
		Chromium: os.Getenv("CHROMIUM"),
	})
	_ = diag.WriteText(e.stderr, res.Build.Diagnostics, *lang)
	if err != nil {
		return e.plaquesFailed(err)
	}
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		e.errorf("write %s: %v", filepath.ToSlash(*out), err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "showcase: printed %d plaques on %s sheets to %s\n", res.Sheets, res.Paper, filepath.ToSlash(*out))
	return exitOK
}

// plaquesFailed explains why printing failed and what to do about it.
func (e *env) plaquesFailed(err error) int {
	var ue *printpdf.UnitError
	switch {
	case build.IsContentError(err):
		e.errorf("the content has errors; no plaques were printed")
		e.hintf("fix the lines above, or run \"showcase check\" to list them again")
	case errors.Is(err, printpdf.ErrNoChromium):
		e.errorf("%v; plaques are printed to PDF through headless Chromium", err)
		e.hintf("install it with \"apt-get install chromium\" (Debian, Ubuntu; add fonts-noto-cjk for Chinese text), or set CHROMIUM to the browser's path")
	case errors.As(err, &ue):
		e.errorf("%v", err)
		if len(ue.Known) > 0 {
			e.hintf("units with plaques: %s", strings.Join(ue.Known, ", "))
		}
	default:
		e.errorf("plaques: %v", err)
	}
	return exitFailure
}
