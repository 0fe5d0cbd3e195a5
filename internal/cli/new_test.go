package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/cli"
)

// placeholder matches a template placeholder and captures its example.
var placeholder = regexp.MustCompile(`【待填写：[^】]*?例如“([^”]*)”】`)

// example matches a commented-out example line of a template: a field, or
// a line of a nested example.
var example = regexp.MustCompile(`(?m)^# ([a-z]+:.*|  +.*)$`)

// TestNewFilledPassesCheck writes a unit and a brand with "showcase new"
// into a copy of the sample site, fills every placeholder with the example
// the placeholder gives, and expects check to pass: first as filled, then
// with every commented-out optional field switched on as well.
func TestNewFilledPassesCheck(t *testing.T) {
	for _, optional := range []bool{false, true} {
		dir := sampleSite(t)
		run(t, 0, "new", "--source", dir, "unit", "newunit")
		run(t, 0, "new", "--source", dir, "brand", "newunit/newbrand")
		unit := filepath.Join(dir, "content/newunit/_unit.md")
		brand := filepath.Join(dir, "content/newunit/newbrand/index.md")
		if out := run(t, 1, "check", "--source", dir); !strings.Contains(out, "schema/placeholder") {
			t.Fatalf("an unfilled template must fail check with placeholder findings:\n%s", out)
		}
		fill(t, unit, false)
		fill(t, brand, optional)
		// The template's example name is the sample site's own brand's.
		rename(t, brand, "name: 红色账本", "name: 新建品牌")
		copyFile(t, "../../content/finance/ledger/logo.svg", filepath.Join(dir, "content/newunit/newbrand/logo.svg"))
		for _, p := range []string{"1.jpg", "2.jpg"} {
			copyFile(t, "../../content/finance/ledger/photos/"+p, filepath.Join(dir, "content/newunit/newbrand/photos", p))
		}
		if out := run(t, 0, "check", "--source", dir); out != "" {
			data, _ := os.ReadFile(brand)
			t.Fatalf("filled template (optional fields %v) fails check:\n%s\n%s", optional, out, data)
		}
	}
}

// fill replaces each placeholder of a file with its example and, when
// optional is set, uncomments every example line.
func fill(t *testing.T, file string, optional bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	filled := placeholder.ReplaceAll(data, []byte("$1"))
	if bytes.Contains(filled, []byte("【待填写：")) {
		t.Fatalf("%s has a placeholder without an example “…”:\n%s", file, filled)
	}
	if optional {
		filled = example.ReplaceAll(filled, []byte("$1"))
	}
	if err := os.WriteFile(file, filled, 0o644); err != nil {
		t.Fatal(err)
	}
}

// rename replaces old with new in file.
func rename(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sampleSite copies the repository's sample configuration and content.
func sampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, tree := range []string{"../../content", "../../decisions"} {
		err := filepath.Walk(tree, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
			copyFile(t, p, filepath.Join(dir, rel))
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	copyFile(t, "../../showcase.yaml", filepath.Join(dir, "showcase.yaml"))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs the command line, expects the exit code, and returns stdout.
func run(t *testing.T, code int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := cli.Run(context.Background(), args, &stdout, &stderr); got != code {
		t.Fatalf("showcase %s: exit %d, want %d\n%s%s", strings.Join(args, " "), got, code, stdout.String(), stderr.String())
	}
	return stdout.String()
}
