package publish

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// treeModes are the ways a tree can write: with openat2 and, as on a
// kernel before 5.6, without it.
var treeModes = map[string]func(*tree){
	"openat2": func(*tree) {},
	"openat":  func(t *tree) { t.beneath = false },
}

// currentUmask returns the process's umask.
func currentUmask() os.FileMode {
	m := unix.Umask(0)
	unix.Umask(m)
	return os.FileMode(m)
}

// TestOpenat2RefusesLinkSwappedIn checks what openat2 adds: a folder the
// output already made, replaced by a link behind its back, is not
// followed either.
func TestOpenat2RefusesLinkSwappedIn(t *testing.T) {
	d, err := Create(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if !d.tree.beneath {
		t.Skip("no openat2 on this kernel")
	}
	if err := d.Write("brands/a.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	brands := filepath.Join(d.tmp, "brands")
	if err := os.RemoveAll(brands); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, brands); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("brands/b.html", []byte("b")); err == nil {
		t.Error("wrote through a link to outside the output")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("folder outside the output has %d entries", len(entries))
	}
}
