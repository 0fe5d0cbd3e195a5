package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"showcase/internal/diag"
	"showcase/internal/intake"
	"showcase/internal/submit"
)

// importBundles imports ZIP bundles that /submit/ made into the site.
func (e *env) importBundles(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/ (default: found from the working folder up)")
	replace := fs.Bool("replace", false, "replace a brand that is there already")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: showcase import [--source DIR] [--replace] [--lang zh|en] FILE.zip...")
		fs.PrintDefaults()
	}
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	if fs.NArg() == 0 {
		e.fail("showcase import 要写明提交包（.zip 文件）", "\"showcase import\" needs the bundles (.zip files) to import")
		e.advise("showcase import 单位id-品牌id.zip", "showcase import unit-brand.zip")
		return exitUsage
	}
	root, err := e.openSite(siteDir(fs, *source))
	if err != nil {
		return exitFailure
	}
	defer root.Close()
	code := exitOK
	for _, file := range fs.Args() {
		if !e.importOne(ctx, root, file, *replace) {
			code = exitFailure
		}
	}
	return code
}

// importOne imports one bundle and reports what happened.
func (e *env) importOne(ctx context.Context, root *os.Root, file string, replace bool) bool {
	name := diag.Escape(filepath.ToSlash(file))
	data, err := readBundleFile(file)
	if err != nil {
		e.fail("读不出提交包 %s：%v", "read bundle %s: %v", name, err)
		return false
	}
	res, err := intake.Import(ctx, root, file, data, replace)
	if len(res.Findings) > 0 {
		_ = diag.WriteText(e.stdout, res.Findings, e.lang)
	}
	var refused *submit.RefusedError
	switch {
	case err == nil && res.Replaced:
		fmt.Fprintln(e.stdout, e.pick("showcase: 已导入 "+name+" 到 "+res.Dir+"/（替换了原有的品牌）", "showcase: imported "+name+" into "+res.Dir+"/ (replacing the brand that was there)"))
	case err == nil:
		fmt.Fprintln(e.stdout, e.pick("showcase: 已导入 "+name+" 到 "+res.Dir+"/", "showcase: imported "+name+" into "+res.Dir+"/"))
	case errors.As(err, &refused):
		e.fail("不接受提交包 %s：%s；站点没有任何改动", "refused bundle %s: %s; the site is unchanged", name, refused.In(e.lang))
		e.advise("请提交人在“在线提交”页面重新下载提交包，不要自己改动压缩包", "ask the sender to download the bundle again from the submission page, unchanged")
	case errors.Is(err, intake.ErrExists):
		e.fail("%s 已经存在，没有导入 %s", "%s exists already; %s was not imported", res.Dir, name)
		e.advise("确认要用提交包替换它，就加上 --replace 再运行一次", "add --replace to replace it with the bundle")
	case errors.Is(err, intake.ErrNoPlace):
		e.fail("看不出提交包 %s 属于哪个单位和品牌", "cannot tell which unit and brand bundle %s is for", name)
		e.advise("文件名应是 单位id-品牌id.zip，且单位已在站点中", "name it unit-id-brand-id.zip, for a unit the site has")
	case errors.Is(err, intake.ErrNoUnit):
		e.fail("站点没有单位 %q，没有导入 %s", "the site has no unit %q; %s was not imported", res.Place.Unit, name)
		e.advise("先新建这个单位：showcase new unit %s", "create the unit first: showcase new unit %s", res.Place.Unit)
	case errors.Is(err, intake.ErrFindings):
		errs, _ := res.Findings.Count()
		e.fail("提交包 %s 有 %d 个错误，没有导入；站点没有任何改动", "bundle %s has %d error(s) and was not imported; the site is unchanged", name, errs)
		e.advise("请提交人在“在线提交”页面打开这个提交包，改正后重新下载", "ask the sender to open the bundle on the submission page, fix it and download it again")
	default:
		e.fail("导入 %s 失败：%v", "import %s: %v", name, err)
	}
	return err == nil
}

// readBundleFile reads a ZIP, refusing one larger than any bundle can be
// before reading it.
func readBundleFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const most = submit.MaxTotal + 1<<20
	data, err := io.ReadAll(io.LimitReader(f, most+1))
	if err != nil {
		return nil, err
	}
	if len(data) > most {
		return nil, fmt.Errorf("larger than %d MB", most>>20)
	}
	return data, nil
}
