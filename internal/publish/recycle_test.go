package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestRecycleNeverWritesThroughLinks starts an output from a spare whose
// file is a hard link shared with the live output, and checks that writing
// that file fails rather than change the live output, that a removed and
// rewritten file leaves the live one as it was, and that committing keeps
// the replaced output as the next spare.
func TestRecycleNeverWritesThroughLinks(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	spare := filepath.Join(parent, "spare")
	for _, dir := range []string{dest, spare} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	live := filepath.Join(dest, "index.html")
	if err := os.WriteFile(live, []byte("live"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(live, filepath.Join(spare, "index.html")); err != nil {
		t.Fatal(err)
	}
	d, err := Recycle(dest, spare)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spare); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the spare is still there after Recycle: %v", err)
	}
	if err := d.Write("index.html", []byte("new")); err == nil {
		t.Error("writing a file shared with the live output succeeded")
	}
	if got, _ := os.ReadFile(live); string(got) != "live" {
		t.Fatalf("the live output changed to %q", got)
	}
	if err := d.Remove("index.html"); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(live); string(got) != "live" {
		t.Fatalf("the live output changed to %q before the swap", got)
	}
	if err := d.CommitKeeping(spare); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{live: "new", filepath.Join(spare, "index.html"): "live"} {
		if got, _ := os.ReadFile(file); string(got) != want {
			t.Errorf("%s = %q, want %q", file, got, want)
		}
	}
}
