package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/cli"
)

// TestPlaquesCommand prints one unit's plaques of the sample through the
// command line, in real headless Chromium, and finds a PDF where it asked.
// Of finance's three brands two are named (plaque: true); the one still
// cultivating gets no plaque.
func TestPlaquesCommand(t *testing.T) {
	t.Setenv("CHROMIUM", browsertest.Require(t))
	file := filepath.Join(t.TempDir(), "finance.pdf")
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), []string{"plaques", "--source", "../..", "--unit", "finance", "--pdf", file}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if !regexp.MustCompile(`^showcase: printed 2 plaques on A3 landscape sheets to .*finance\.pdf\n$`).Match(stdout.Bytes()) {
		t.Errorf("stdout %q", stdout.String())
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF: %.20q", file, pdf)
	}
}
