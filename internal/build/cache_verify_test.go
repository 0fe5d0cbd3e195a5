package build

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestRecordTreeMatchesWalk holds recordTree to what filepath.WalkDir
// records of the same folders: nested folders, names whose order differs
// by byte, links, a folder that is missing and a path that is a file.
func TestRecordTreeMatchesWalk(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"brands/u1/b1/index.html", "brands/u1/b1/logo.svg", "brands/u1/b1/photos/1-480w.jpg",
		"brands/u1/b1/photos/1-1024w.jpg", "brands/u1/b1/photos/Z.jpg", "brands/u1/b1/photos/a.jpg",
		"brands/u1/b1/a-b/c.html", "brands/u1/b1/a/c.html", "brands/u1/b1/品牌.svg",
		"plaques/u1/b1/index.html", "file-not-folder",
	}
	writeSizedFiles(t, root, files)
	if err := os.Symlink("index.html", filepath.Join(root, "brands/u1/b1/link.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("photos", filepath.Join(root, "brands/u1/b1/linked-folder")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"brands/u1/b1", "plaques/u1/b1", "brands/u1/missing", "file-not-folder"} {
		got, err := recordTree(root, dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want, err := recordTreeWalk(root, dir)
		if err != nil {
			t.Fatalf("%s: walk: %v", dir, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %v\nwant %v", dir, got, want)
		}
		if dir == "brands/u1/b1" && len(got) != 11 {
			t.Errorf("%s: %d records, want 11", dir, len(got))
		}
	}
}

// writeSizedFiles writes each of files (slash paths) under root with its
// folders, file i holding i*7 zero bytes, so that no two have the same size.
func writeSizedFiles(t *testing.T, root string, files []string) {
	t.Helper()
	for i, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, i*7), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
