package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/build"
)

// TestIncrementalDecisions edits the sample site's decisions between
// rebuilds of one output: a decision withdrawn (its brands go back to
// what the others say), a status changed, a delisting added, a pairing
// with an organization of another unit, whose page shows it. Each
// rebuild keeps the files of the brands the change did not reach, and
// its output is byte for byte a build from nothing.
func TestIncrementalDecisions(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	run := func(fresh bool, dest string) (build.Result, error) {
		return build.Run(context.Background(), webBuild(fresh)(src, dest))
	}
	if _, err := run(false, dest); err != nil {
		t.Fatal(err)
	}
	decision := func(name string) string { return filepath.Join(src, "decisions", name) }
	write := func(name, text string) {
		if err := os.WriteFile(decision(name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		edit func()
	}{
		{"a status changed", func() {
			data, err := os.ReadFile(decision("2020-12-18-first-naming.md"))
			if err != nil {
				t.Fatal(err)
			}
			write("2020-12-18-first-naming.md", strings.Replace(string(data), "{brand: school/hongzhu, status: named}", "{brand: school/hongzhu, status: exemplary}", 1))
		}},
		{"a delisting added", func() {
			write("2022-12-20-review.md", "---\ntitle: 关于2022年度复查验收结果的通报\ndate: 2022-12-20\nchanges:\n  - {brand: traffic/lvbo, status: delisted, reason: 年度复查不合格}\n---\n正文。\n")
		}},
		{"a pairing added", func() {
			write("2023-03-01-pairing.md", "---\ntitle: 关于结对共建的通知\ndate: 2023-03-01\npairs:\n  - {brand: school/hongzhu, organization: 中共示例市财政局国库支付中心支部委员会, unit: 示例市财政局}\n---\n正文。\n")
		}},
		{"a decision withdrawn", func() {
			if err := os.Remove(decision("2021-01-15-second-naming.md")); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, step := range steps {
		step.edit()
		res, err := run(false, dest)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if res.KeptUnits == 0 || res.KeptFiles == 0 {
			t.Errorf("%s: kept %d units and %d files; a decision reaches only its brands", step.name, res.KeptUnits, res.KeptFiles)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if _, err := run(true, fresh); err != nil {
			t.Fatalf("%s: fresh build: %v", step.name, err)
		}
		compareTrees(t, step.name, readTree(t, dest), readTree(t, fresh))
		if t.Failed() {
			t.FailNow()
		}
	}
}
