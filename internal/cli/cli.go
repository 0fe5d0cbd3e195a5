// Package cli implements showcase's command line: it parses flags, calls the
// library and turns results into messages and exit codes. main only calls
// Run, so every command can be tested in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"showcase/internal/diag"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // content errors, or the command failed
	exitUsage   = 2
)

const usage = `showcase builds the Party-building brand showcase (党建品牌展示).

Usage:
  showcase build  [--source DIR] [--dest DIR] [--target web|kiosk] [--base-url URL] [--drafts] [--cache-dir DIR]
  showcase check  [--source DIR] [--format text|github|json] [--lang zh|en] [--fix] [PATH...]
  showcase new    [--lang zh|en] brand <unit-id>/<brand-id>  |  unit <unit-id>
  showcase serve  [--source DIR] [--addr 127.0.0.1:1313] [--lang zh|en]
  showcase print  plaques|forms|boards --pdf FILE [--unit ID] [--brand UNIT/ID] [--source DIR]
  showcase plaques --pdf FILE [--unit ID] [--source DIR]
  showcase export --output FILE.xlsx|FILE.csv [--source DIR] [--lang zh|en]
  showcase import [--source DIR] [--replace] [--lang zh|en] FILE.zip...
  showcase version

check, new and serve find the site folder (the one holding showcase.yaml)
from the working folder up, unless --source names it.

Run "showcase <command> -h" for a command's flags.
`

// Run runs the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	e := &env{stdout: stdout, stderr: stderr}
	switch args[0] {
	case "build":
		return e.build(ctx, args[1:])
	case "check":
		return e.check(ctx, args[1:])
	case "new":
		return e.newFile(args[1:])
	case "serve":
		return e.serve(ctx, args[1:])
	case "plaques":
		return e.plaques(ctx, args[1:])
	case "export":
		return e.export(ctx, args[1:])
	case "import":
		return e.importBundles(ctx, args[1:])
	case "print":
		return e.print(ctx, args[1:])
	case "version", "-version", "--version":
		return e.printVersion()
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		e.errorf("unknown command %q", args[0])
		e.hintf("run \"showcase help\" for the list of commands")
		return exitUsage
	}
}

// env carries a command's output streams and the language of its
// messages ("zh" or "en", set from --lang).
type env struct {
	stdout, stderr io.Writer
	lang           string
}

func (e *env) errorf(format string, args ...any) {
	fmt.Fprintln(e.stderr, diag.Escape(fmt.Sprintf("showcase: error: "+format, args...)))
}

func (e *env) hintf(format string, args ...any) {
	fmt.Fprintln(e.stderr, diag.Escape(fmt.Sprintf("showcase: hint: "+format, args...)))
}

// parse parses a command's flags; it returns false (and the exit code) when
// the command should stop.
func (e *env) parse(fs *flag.FlagSet, args []string) (int, bool) {
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

func (e *env) warningf(format string, args ...any) {
	fmt.Fprintln(e.stderr, diag.Escape(fmt.Sprintf("showcase: warning: "+format, args...)))
}
