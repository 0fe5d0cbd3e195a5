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
	what := kindNames[kind]
	if *out == "" || fs.NArg() > 0 {
		e.fail("%s 要用 --pdf 指定输出文件，且不接受其他参数", "%s needs --pdf FILE and no other arguments", name)
		e.advise("showcase %s --pdf %s.pdf [--unit 单位] [--brand 单位/品牌] [--source 站点文件夹]", "showcase %s --pdf %s.pdf [--unit ID] [--brand UNIT/ID] [--source DIR]", name, kind)
		return exitUsage
	}
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
	file := filepath.ToSlash(*out)
	switch {
	case e.lang != "en":
		fmt.Fprintf(e.stdout, "showcase: 已打印 %d 份%s（%d 页，%s），用时 %.1f 秒，写入 %s\n", res.Sheets, what[0], res.Pages, paperZH(res.Paper), res.Elapsed.Seconds(), file)
	case kind == render.PrintPlaques:
		fmt.Fprintf(e.stdout, "showcase: printed %d plaques on %s sheets in %.1f s to %s\n", res.Sheets, res.Paper, res.Elapsed.Seconds(), file)
	default:
		fmt.Fprintf(e.stdout, "showcase: printed %d %s (%d pages, %s) in %.1f s to %s\n", res.Sheets, what[1], res.Pages, res.Paper, res.Elapsed.Seconds(), file)
	}
	return exitOK
}

// printFailed explains why printing failed and what to do about it.
func (e *env) printFailed(kind render.PrintKind, err error) int {
	what := kindNames[kind]
	var ue *printpdf.UnitError
	var be *printpdf.BrandError
	switch {
	case build.IsContentError(err):
		e.fail("内容有错误，没有打印%[1]s", "the content has errors; no %[2]s were printed", what[0], what[1])
		e.advise("按上面的提示改正，或运行 \"showcase check\" 再列一遍", "fix the lines above, or run \"showcase check\" to list them again")
	case errors.Is(err, printpdf.ErrNoChromium):
		e.fail("找不到 Chromium（%v）；%s要通过无界面的 Chromium 打印成 PDF", "%v; %s are printed to PDF through headless Chromium", err, e.pick(what[0], what[1]))
		e.advise("用 \"apt-get install chromium fonts-noto-cjk\" 安装（Debian、Ubuntu），或用环境变量 CHROMIUM 指定浏览器的路径", "install it with \"apt-get install chromium\" (Debian, Ubuntu; add fonts-noto-cjk for Chinese text), or set CHROMIUM to the browser's path")
	case errors.As(err, &ue):
		if kind == render.PrintPlaques {
			e.fail("单位 %[1]q 没有可打印的牌匾", "%[2]s", diag.Escape(ue.Unit), diag.Escape(err.Error()))
		} else {
			e.fail("单位 %[1]q 没有可打印的品牌", "%[2]s", diag.Escape(ue.Unit), diag.Escape(err.Error()))
		}
		if len(ue.Known) > 0 {
			e.advise("有%s可打印的单位：%s", "units with %s: %s", e.pick(what[0], what[1]), strings.Join(ue.Known, ", "))
		}
	case errors.As(err, &be):
		if be.Exists {
			e.fail("品牌 %[1]q 的状态不挂牌，没有牌匾", "%[2]s", diag.Escape(be.Brand), diag.Escape(err.Error()))
		} else {
			e.fail("没有品牌 %[1]q", "%[2]s", diag.Escape(be.Brand), diag.Escape(err.Error()))
		}
		e.advise("品牌写成 单位/品牌，即它的文件夹 content/<单位>/<品牌>/", "name the brand as unit-id/brand-id, as in its folder content/<unit-id>/<brand-id>/")
	default:
		e.fail("打印%s失败：%v", "%[3]s: %[2]v", what[0], err, kind)
	}
	return exitFailure
}

// paperZH names a paper in Chinese: "A3 横向", "80cm × 200cm".
func paperZH(paper string) string {
	return strings.NewReplacer(" landscape", " 横向", " portrait", " 纵向").Replace(paper)
}
