package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// forEachTree runs test on an output started for a destination in a fresh
// folder, once for each way the platform's tree can write, and aborts the
// output after the test unless the test committed it.
func forEachTree(t *testing.T, test func(t *testing.T, dest string, d *Dir)) {
	for name, mode := range treeModes {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			d, err := Create(dest)
			if err != nil {
				t.Fatal(err)
			}
			mode(d.tree)
			t.Cleanup(d.Abort)
			test(t, dest, d)
		})
	}
}

func TestWriteConcurrentIntoNewFolders(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		const writers, files = 8, 40
		var wg sync.WaitGroup
		errs := make(chan error, writers*files)
		for w := range writers {
			wg.Go(func() {
				for i := range files {
					// Every writer makes the same folders at the same time.
					file := fmt.Sprintf("brands/u%d/b%d/photos/%d.jpg", i%3, i, w)
					if err := d.Write(file, []byte(file)); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		for w := range writers {
			for i := range files {
				file := fmt.Sprintf("brands/u%d/b%d/photos/%d.jpg", i%3, i, w)
				got, err := os.ReadFile(filepath.Join(dest, file))
				if err != nil || string(got) != file {
					t.Errorf("%s: got %q, %v", file, got, err)
				}
			}
		}
	})
}

func TestWriteModes(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		if err := d.Write("a/b/index.html", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		umask := currentUmask()
		for file, want := range map[string]os.FileMode{
			"a": os.ModeDir | 0o755, "a/b": os.ModeDir | 0o755,
			"a/b/index.html": 0o644,
		} {
			info, err := os.Lstat(filepath.Join(dest, file))
			if err != nil {
				t.Fatal(err)
			}
			if want := want &^ umask; info.Mode() != want {
				t.Errorf("%s: mode %v, want %v", file, info.Mode(), want)
			}
		}
	})
}

func TestWriteReplacesFile(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		for _, data := range []string{"a longer first version", "short"} {
			if err := d.Write("index.html", []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "short" {
			t.Errorf("got %q, want %q", got, "short")
		}
	})
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		outside := filepath.Dir(dest)
		for _, file := range []string{
			"../escaped.html", "a/../../escaped.html", "/tmp/escaped.html",
			filepath.Join(outside, "escaped.html"), "", ".", "a/./b.html", "a//b.html", "a/",
		} {
			err := d.Write(file, []byte("x"))
			if !errors.Is(err, errNotLocal) {
				t.Errorf("Write(%q) = %v, want %v", file, err, errNotLocal)
			}
			if _, err := d.Create(file); !errors.Is(err, errNotLocal) {
				t.Errorf("Create(%q) = %v, want %v", file, err, errNotLocal)
			}
		}
		if _, err := os.Stat(filepath.Join(outside, "escaped.html")); err == nil {
			t.Error("a file was written outside the output")
		}
	})
}

func TestWriteDoesNotFollowLinks(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		outside := t.TempDir()
		victim := filepath.Join(outside, "victim.html")
		if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Links planted in the temporary folder, where the build would
		// make a folder and write a file.
		if err := os.Symlink(outside, filepath.Join(d.tmp, "brands")); err != nil {
			t.Skip("no symbolic links:", err)
		}
		if err := os.Symlink(victim, filepath.Join(d.tmp, "index.html")); err != nil {
			t.Fatal(err)
		}
		for _, file := range []string{"brands/victim.html", "brands/new/index.html", "index.html"} {
			if err := d.Write(file, []byte("overwritten")); err == nil {
				t.Errorf("Write(%q) followed a symbolic link", file)
			}
		}
		if got, _ := os.ReadFile(victim); string(got) != "keep" {
			t.Errorf("file outside the output changed to %q", got)
		}
		if entries, _ := os.ReadDir(outside); len(entries) != 1 {
			t.Errorf("folder outside the output has %d entries, want 1", len(entries))
		}
	})
}

func TestCreateAndCopyFile(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		w, err := d.Create("plaques/index.html")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte("streamed")); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		src := filepath.Join(t.TempDir(), "cached.jpg")
		data := strings.Repeat("jpeg", 50000)
		if err := os.WriteFile(src, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := d.CopyFile("brands/u/b/photos/1.jpg", f); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		for file, want := range map[string]string{"plaques/index.html": "streamed", "brands/u/b/photos/1.jpg": data} {
			if got, _ := os.ReadFile(filepath.Join(dest, file)); string(got) != want {
				t.Errorf("%s: got %d bytes, want %d", file, len(got), len(want))
			}
		}
	})
}

func TestAbortLeavesDestination(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		if err := os.MkdirAll(dest, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dest, "index.html"), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := d.Write("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		d.Abort()
		if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "old" {
			t.Errorf("destination changed to %q", got)
		}
		if _, err := os.Stat(d.tmp); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("temporary output left behind: %v", err)
		}
	})
}

func TestCommitReplacesDestination(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		if err := os.MkdirAll(filepath.Join(dest, "gone"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := d.Write("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "new" {
			t.Errorf("got %q, want %q", got, "new")
		}
		if _, err := os.Stat(filepath.Join(dest, "gone")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("old output left in place: %v", err)
		}
	})
}
