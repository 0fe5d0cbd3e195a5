package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/export"
	"showcase/internal/progress"
)

// export writes the office's summary spreadsheet (汇总表): a workbook of
// brands, coverage and decisions, or a CSV of the brands.
func (e *env) export(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/ (default: found from the working folder up)")
	out := fs.String("output", "", "write to this file: .xlsx (a workbook of brands, coverage and decisions) or .csv (the brands)")
	lang := langFlag(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" || fs.NArg() > 0 || (ext != ".xlsx" && ext != ".csv") {
		e.fail("export 需要 --output 文件名，以 .xlsx 或 .csv 结尾", "export needs --output FILE ending in .xlsx or .csv")
		e.advise("showcase export --output 汇总表.xlsx [--source 站点文件夹]", "showcase export --output summary.xlsx [--source DIR]")
		return exitUsage
	}
	root, err := e.openSite(siteDir(fs, *source))
	if err != nil {
		return exitFailure
	}
	defer root.Close()
	s, diags, err := build.Load(ctx, root.FS(), build.LoadOptions{}, nil)
	if err != nil {
		e.fail("导出失败：%v", "export: %v", err)
		return exitFailure
	}
	_ = diag.WriteText(e.stderr, diags, e.lang)
	if diags.HasErrors() || s == nil {
		e.fail("内容有错误，没有导出", "the content has errors; nothing was exported")
		e.advise("改正上面列出的行，或运行 showcase check 再看一遍", "fix the lines above, or run \"showcase check\" to list them again")
		return exitFailure
	}
	p := progress.Of(s)
	var data []byte
	if ext == ".csv" {
		data, err = export.CSV(export.Brands(s))
	} else {
		data, err = export.Workbook(export.Tables(s, p), s.Config.Title, p.AsOf)
	}
	if err == nil {
		err = writeFile(*out, data)
	}
	if err != nil {
		e.fail("无法写入 %s：%v", "write %s: %v", filepath.ToSlash(*out), err)
		return exitFailure
	}
	fmt.Fprintln(e.stdout, diag.Escape(fmt.Sprintf("showcase: %s", e.pick(
		fmt.Sprintf("已把 %d 个品牌导出到 %s", len(s.Brands), filepath.ToSlash(*out)),
		fmt.Sprintf("exported %d brands to %s", len(s.Brands), filepath.ToSlash(*out))))))
	return exitOK
}

// writeFile writes data to a file beside name and renames it into place,
// so a spreadsheet open elsewhere is never left half written.
func writeFile(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".showcase-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
