package cli

import (
	"fmt"
	"runtime/debug"
)

// version and commit name the release and the commit a binary was built
// from. Release builds set them with
//
//	-ldflags "-X showcase/internal/cli.version=v1.2.0 -X showcase/internal/cli.commit=<hash>"
//
// and otherwise they are read from what the Go toolchain recorded.
var (
	version = ""
	commit  = ""
)

// buildVersion returns the version and commit of the running binary.
func buildVersion() (v, c string) {
	v, c = version, commit
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return or(v, "unknown"), or(c, "unknown")
	}
	modified := false
	rev := ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += "-modified"
	}
	return or(v, or(info.Main.Version, "(devel)")), or(c, or(rev, "unknown"))
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// printVersion prints the version and the commit.
func (e *env) printVersion() int {
	v, c := buildVersion()
	fmt.Fprintf(e.stdout, "showcase %s (commit %s)\n", v, c)
	return exitOK
}
