package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
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
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	format := fs.String("format", "text", "text, github (Actions annotations) or json")
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	write := writerFor(*format)
	if write == nil {
		e.errorf("unknown --format %q", *format)
		e.hintf("use text, github or json")
		return exitUsage
	}
	if *lang != "zh" && *lang != "en" {
		e.errorf("unknown --lang %q", *lang)
		e.hintf("use zh (Chinese, the default) or en")
		return exitUsage
	}
	diags, code := e.load(ctx, *source)
	if code != exitOK {
		return code
	}
	diags = onlyPaths(diags, *source, fs.Args())
	if *format == "github" {
		diags = fromWorkingDir(diags, *source)
	}
	if err := write(e.stdout, diags, *lang); err != nil {
		e.errorf("write findings: %v", err)
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
	root, err := os.OpenRoot(source)
	if err != nil {
		e.errorf("open site: %v", err)
		e.hintf("--source names the folder that holds showcase.yaml and content/")
		return nil, exitFailure
	}
	defer root.Close()
	_, diags, err := build.Load(ctx, root.FS(), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		e.errorf("check: %v", err)
		return nil, exitFailure
	}
	return diags, exitOK
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
	var prefixes []string
	for _, p := range paths {
		rel, err := filepath.Rel(source, p)
		if err != nil {
			rel = p
		}
		prefixes = append(prefixes, path.Clean(filepath.ToSlash(rel)))
	}
	var out diag.List
	for _, d := range diags {
		for _, p := range prefixes {
			if p == "." || d.Pos.File == p || strings.HasPrefix(d.Pos.File, p+"/") || d.Pos.File == "showcase.yaml" {
				out = append(out, d)
				break
			}
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
