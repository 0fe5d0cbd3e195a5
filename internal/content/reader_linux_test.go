package content

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// beneath returns a beneathReader for the site folder dir.
func beneath(t *testing.T, dir string) *beneathReader {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	r, ok := newReader(root.FS()).(*beneathReader)
	if !ok {
		t.Skip("no openat2 on this kernel")
	}
	t.Cleanup(func() { r.close() })
	return r
}

// TestBeneathRefuses checks that nothing outside the content folder, and
// nothing through a symbolic link, is opened, even a link the listing
// never saw.
func TestBeneathRefuses(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"secret.md": "secret"})
	writeTree(t, site, map[string]string{"showcase.yaml": "title: x", "content/u/b/index.md": brandMD})
	for name, target := range map[string]string{
		"content/u/b/leak.md":   filepath.Join(outside, "secret.md"),
		"content/u/b/inside.md": "index.md",
		"content/u/linked":      outside,
	} {
		if err := os.Symlink(target, filepath.Join(site, name)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	r := beneath(t, site)
	for _, name := range []string{
		"showcase.yaml", "content/../showcase.yaml", "content/u/../../showcase.yaml", "/etc/passwd",
		"content//u/b/index.md", "content/u/b/leak.md", "content/u/b/inside.md", "content/u/linked/secret.md",
		"content/u/b",
	} {
		if f, err := r.open(name); err == nil {
			f.Close()
			t.Errorf("open(%q) succeeded", name)
		}
	}
	for _, dir := range []string{"content/u/linked", "content/..", "showcase.yaml"} {
		if _, err := r.readDir(dir); err == nil {
			t.Errorf("readDir(%q) succeeded", dir)
		}
	}
	f, err := r.open("content/u/b/index.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if string(data) != brandMD || f.size() != int64(len(brandMD)) || err != nil {
		t.Errorf("read %q (size %d), %v", data, f.size(), err)
	}
	entries, err := r.readDir("content/u")
	want := []entry{{name: "b", typ: os.ModeDir}, {name: "linked", typ: os.ModeSymlink}}
	if err != nil || len(entries) != 2 || entries[0] != want[0] || entries[1] != want[1] {
		t.Errorf("readDir = %v, %v; want %v", entries, err, want)
	}
	if _, err := r.open("content/u/b/missing.md"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("open of a missing file: %v, want not-exist", err)
	}
}

// TestReadDirMany lists a folder larger than one getdents buffer.
func TestReadDirMany(t *testing.T) {
	site := t.TempDir()
	files := map[string]string{}
	for i := range 600 {
		files["content/u/a-name-long-enough-to-fill-the-buffer-sooner-"+strconv.Itoa(i)+".md"] = ""
	}
	writeTree(t, site, files)
	r := beneath(t, site)
	entries, err := r.readDir("content/u")
	if err != nil || len(entries) != len(files) {
		t.Fatalf("readDir: %d entries, %v; want %d", len(entries), err, len(files))
	}
	for i := 1; i < len(entries); i++ {
		if entries[i-1].name >= entries[i].name {
			t.Fatalf("not in name order: %q, %q", entries[i-1].name, entries[i].name)
		}
	}
}

// mkfifo makes a named pipe.
func mkfifo(p string) error { return unix.Mkfifo(p, 0o644) }
