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

func (e *env) check(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	format := fs.String("format", "text", "text, github (Actions annotations) or json")
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	write := map[string]func(w io.Writer, l diag.List, lang string) error{
		"text": diag.WriteText, "github": diag.WriteGitHub, "json": diag.WriteJSON,
	}[*format]
	if write == nil {
		e.errorf("unknown --format %q", *format)
		e.hintf("use text, github or json")
		return exitUsage
	}
	root, err := os.OpenRoot(*source)
	if err != nil {
		e.errorf("open site: %v", err)
		return exitFailure
	}
	defer root.Close()
	_, diags, err := build.Load(ctx, root.FS(), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		e.errorf("check: %v", err)
		return exitFailure
	}
	diags = onlyPaths(diags, *source, fs.Args())
	if err := write(e.stdout, diags, *lang); err != nil {
		e.errorf("write findings: %v", err)
		return exitFailure
	}
	if *format == "text" && len(diags) > 0 {
		errs, warns := diags.Count()
		if *lang == "en" {
			fmt.Fprintf(e.stderr, "%d error(s), %d warning(s)\n", errs, warns)
		} else {
			fmt.Fprintf(e.stderr, "%d 个错误，%d 个警告\n", errs, warns)
		}
	}
	if diags.HasErrors() {
		return exitFailure
	}
	return exitOK
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
			if d.Pos.File == p || strings.HasPrefix(d.Pos.File, p+"/") || d.Pos.File == "showcase.yaml" {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
