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
	"showcase/internal/render"
)

// kindNames names what print makes, in both languages.
var kindNames = map[render.PrintKind][2]string{
	render.PrintPlaques: {"牌匾", "plaques"},
	render.PrintForms:   {"申报表", "application forms"},
	render.PrintBoards:  {"展板", "display boards"},
}

// print runs "showcase print plaques|forms|boards".
func (e *env) print(ctx context.Context, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		e.fail("print 要指明打印什么：plaques（牌匾）、forms（申报表）或 boards（展板）", "print needs what to print: plaques, forms or boards")
		e.advise("showcase print plaques|forms|boards --pdf 文件.pdf [--unit 单位] [--brand 单位/品牌]", "showcase print plaques|forms|boards --pdf FILE [--unit ID] [--brand UNIT/ID]")
		return exitUsage
	}
	kind := render.PrintKind(args[0])
	if _, ok := kindNames[kind]; !ok {
		e.fail("不能打印 %q：可以打印 plaques（牌匾）、forms（申报表）或 boards（展板）", "cannot print %q: choose plaques, forms or boards", args[0])
		return exitUsage
	}
	return e.printKind(ctx, "print "+args[0], kind, args[1:])
}

// plaques runs "showcase plaques", the older name of "showcase print plaques".
func (e *env) plaques(ctx context.Context, args []string) int {
	return e.printKind(ctx, "plaques", render.PrintPlaques, args)
}

// printKind parses the flags of a print command and prints.
func (e *env) printKind(ctx context.Context, name string, kind render.PrintKind, args []string) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	out := fs.String("pdf", "", "write the sheets to this PDF file (required)")
	unit := fs.String("unit", "", "print only this unit's sheets, by unit id")
	brand := fs.String("brand", "", "print only this brand's sheet, by unit-id/brand-id")
	lang := langFlag(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	if *out == "" || fs.NArg() > 0 {
		e.errorf("%s needs --pdf FILE and no other arguments", name)
		e.hintf("showcase %s --pdf %s.pdf [--unit ID] [--brand UNIT/ID] [--source DIR]", name, kind)
		return exitUsage
	}
	what := kindNames[kind]
	res, err := printpdf.RunTo(ctx, printpdf.Options{
		Source: *source, Kind: kind, Unit: *unit, Brand: *brand,
		// CHROMIUM names the browser when it is not on PATH under a usual name.
		Chromium: os.Getenv("CHROMIUM"),
		Progress: func(p printpdf.Progress) {
			fmt.Fprintln(e.stderr, e.pick(
				fmt.Sprintf("showcase: 已打印 %d/%d 份%s（第 %d/%d 批，用时 %.1f 秒）", p.Done, p.Total, what[0], p.Batch, p.Batches, p.Elapsed.Seconds()),
				fmt.Sprintf("showcase: printed %d/%d %s (batch %d/%d, %.1f s)", p.Done, p.Total, what[1], p.Batch, p.Batches, p.Elapsed.Seconds())))
		},
	}, *out)
	_ = diag.WriteText(e.stderr, res.Build.Diagnostics, e.lang)
	for _, w := range res.Warnings {
		e.caution("%s", "%s", diag.Escape(e.pick(w.ZH, w.EN)))
	}
	if err != nil {
		return e.printFailed(kind, err)
	}
	if kind == render.PrintPlaques {
		fmt.Fprintf(e.stdout, "showcase: printed %d plaques on %s sheets to %s\n", res.Sheets, res.Paper, filepath.ToSlash(*out))
	} else {
		fmt.Fprintf(e.stdout, "showcase: printed %d %s (%d pages, %s) to %s\n", res.Sheets, what[1], res.Pages, res.Paper, filepath.ToSlash(*out))
	}
	fmt.Fprintln(e.stderr, e.pick(
		fmt.Sprintf("showcase: 共 %d 份%s，%d 页，用时 %.1f 秒", res.Sheets, what[0], res.Pages, res.Elapsed.Seconds()),
		fmt.Sprintf("showcase: %d %s, %d pages, in %.1f s", res.Sheets, what[1], res.Pages, res.Elapsed.Seconds())))
	return exitOK
}

// printFailed explains why printing failed and what to do about it.
func (e *env) printFailed(kind render.PrintKind, err error) int {
	var ue *printpdf.UnitError
	var be *printpdf.BrandError
	switch {
	case build.IsContentError(err):
		e.errorf("the content has errors; no %s were printed", kindNames[kind][1])
		e.hintf("fix the lines above, or run \"showcase check\" to list them again")
	case errors.Is(err, printpdf.ErrNoChromium):
		e.errorf("%v; %s are printed to PDF through headless Chromium", err, kindNames[kind][1])
		e.hintf("install it with \"apt-get install chromium\" (Debian, Ubuntu; add fonts-noto-cjk for Chinese text), or set CHROMIUM to the browser's path")
	case errors.As(err, &ue):
		e.errorf("%v", err)
		if len(ue.Known) > 0 {
			e.hintf("units with %s: %s", kindNames[kind][1], strings.Join(ue.Known, ", "))
		}
	case errors.As(err, &be):
		e.errorf("%v", err)
		e.hintf("name the brand as unit-id/brand-id, as in its folder content/<unit-id>/<brand-id>/")
	default:
		e.errorf("%s: %v", kind, err)
	}
	return exitFailure
}
