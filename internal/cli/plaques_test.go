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
	code := cli.Run(context.Background(), []string{"plaques", "--source", "../..", "--unit", "finance", "--pdf", file, "--lang", "en"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if !regexp.MustCompile(`^showcase: printed 2 plaques on A3 landscape sheets in [\d.]+ s to .*finance\.pdf\n$`).Match(stdout.Bytes()) {
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

// TestPrintFormsCommand prints one brand's application form through the
// command line, in real headless Chromium: a Chinese progress line per
// batch, a summary, and a PDF where it asked.
func TestPrintFormsCommand(t *testing.T) {
	t.Setenv("CHROMIUM", browsertest.Require(t))
	file := filepath.Join(t.TempDir(), "ledger.pdf")
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), []string{"print", "forms", "--source", "../..", "--brand", "finance/ledger", "--pdf", file}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if !regexp.MustCompile(`^showcase: 已打印 1 份申报表（\d+ 页，A4 纵向），用时 [\d.]+ 秒，写入 .*ledger\.pdf\n$`).Match(stdout.Bytes()) {
		t.Errorf("stdout %q", stdout.String())
	}
	if !regexp.MustCompile(`(?m)^showcase: 已打印 1/1 份申报表（第 1/1 批，用时 [\d.]+ 秒）$`).Match(stderr.Bytes()) {
		t.Errorf("stderr has no progress line in Chinese:\n%s", stderr.String())
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF: %.20q", file, pdf)
	}
}
