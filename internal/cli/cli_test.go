package cli_test

import (
	"context"
	"os"
	"testing"

	"showcase/internal/cli"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run "showcase" in-process as a command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"showcase": func() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line cases in testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Sample content is copied into cases with "cp"; expose the
			// repository root so a case can reach it.
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("REPO", wd+"/../..")
			return nil
		},
	})
}
