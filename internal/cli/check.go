package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"showcase/internal/build"
	"showcase/internal/diag"
)

// writerFor returns the function that prints findings in format, or nil.
func writerFor(format string) func(w io.Writer, l diag.List, lang string) error {
	switch format {
	case "text":
		return diag.WriteText
	case "github":
		return diag.WriteGitHub
	case "json":
		return diag.WriteJSON
	}
	return nil
}

func (e *env) check(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/ (default: found from the working folder up)")
	format := fs.String("format", "text", "text, github (Actions annotations) or json")
	lang := langFlag(fs)
	fix := fs.Bool("fix", false, "first correct input-method slips (full-width colon, ideographic spaces, …) in place")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	write := writerFor(*format)
	if write == nil {
		e.errorf("unknown --format %q", *format)
		e.hintf("use text, github or json")
		return exitUsage
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	dir := siteDir(fs, *source)
	if *fix {
		log := e.stdout
		if *format != "text" {
			log = e.stderr
		}
		if code := e.fixSlips(dir, fs.Args(), log); code != exitOK {
			return code
		}
	}
	diags, code := e.load(ctx, dir)
	if code != exitOK {
		return code
	}
	diags = onlyPaths(diags, dir, fs.Args())
	if *format == "github" {
		diags = fromWorkingDir(diags, dir)
	}
	if err := write(e.stdout, diags, *lang); err != nil {
		e.fail("无法输出检查结果：%v", "write findings: %v", err)
		return exitFailure
	}
	if *format == "text" && len(diags) > 0 {
		e.summary(diags, *lang)
	}
	if diags.HasErrors() {
		return exitFailure
	}
	return exitOK
}

// load checks the site in source and returns its findings.
func (e *env) load(ctx context.Context, source string) (diag.List, int) {
	root, err := e.openSite(source)
	if err != nil {
		return nil, exitFailure
	}
	defer root.Close()
	_, diags, err := build.Load(ctx, root.FS(), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		e.fail("检查失败：%v", "check: %v", err)
		return nil, exitFailure
	}
	return diags, exitOK
}

// openSite opens the site folder, explaining in the command's language
// when it cannot.
func (e *env) openSite(source string) (*os.Root, error) {
	root, err := os.OpenRoot(source)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.fail("找不到站点文件夹 %q", "no site folder %q", filepath.ToSlash(source))
	case err != nil:
		e.fail("打不开站点文件夹 %q：%v", "open site %q: %v", filepath.ToSlash(source), err)
	}
	if err != nil {
		e.advise("在含有 showcase.yaml 的文件夹（或它下面的文件夹）里运行，或用 --source 指定站点文件夹",
			"run it in the folder that holds showcase.yaml (or below it), or name that folder with --source")
	}
	return root, err
}

// summary prints the number of errors and warnings to stderr.
func (e *env) summary(diags diag.List, lang string) {
	errs, warns := diags.Count()
	if lang == "en" {
		fmt.Fprintf(e.stderr, "%d error(s), %d warning(s)\n", errs, warns)
		return
	}
	fmt.Fprintf(e.stderr, "%d 个错误，%d 个警告\n", errs, warns)
}

// onlyPaths keeps the findings in the given files or folders (relative to
// the working directory); with none given it keeps all. Findings about
// showcase.yaml are kept too, since every file depends on it.
func onlyPaths(diags diag.List, source string, paths []string) diag.List {
	if len(paths) == 0 {
		return diags
	}
	prefixes := pathPrefixes(source, paths)
	var out diag.List
	for _, d := range diags {
		if d.Pos.File == siteFile || within(d.Pos.File, prefixes) {
			out = append(out, d)
		}
	}
	return out
}

// fromWorkingDir makes finding paths relative to the working directory
// instead of the site folder. GitHub places an annotation by its path in the
// repository, and the workflow runs at the repository's root, so a site in a
// subfolder still gets its annotations on the right files.
func fromWorkingDir(diags diag.List, source string) diag.List {
	dir := source
	if filepath.IsAbs(dir) {
		wd, err := os.Getwd()
		if err != nil {
			return diags
		}
		if dir, err = filepath.Rel(wd, dir); err != nil {
			return diags
		}
	}
	dir = path.Clean(filepath.ToSlash(dir))
	if dir == "." || strings.HasPrefix(dir, "../") {
		return diags
	}
	out := make(diag.List, len(diags))
	for i, d := range diags {
		d.Pos.File = path.Join(dir, d.Pos.File)
		out[i] = d
	}
	return out
}
