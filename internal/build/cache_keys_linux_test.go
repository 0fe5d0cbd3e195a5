package build

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// hashUnit hashes a unit folder as hashUnitWalk does, so a unit keeps its
// key from one way to the other: the same names in the same order, the
// same kinds, links and pipes unfollowed, the same stamps and racy flag.
func TestHashUnitMatchesWalk(t *testing.T) {
	source := t.TempDir()
	files := []string{
		"content/u1/_unit.md", "content/u1/b1/index.md", "content/u1/b1/logo.svg",
		"content/u1/b1/photos/1.jpg", "content/u1/b1/photos/Z.jpg", "content/u1/b1/photos/a.jpg",
		"content/u1/b-1/index.md", "content/u1/b/index.md", "content/u1/品牌/index.md",
		"content/u1/empty/.keep", "content/file-not-folder",
	}
	writeSizedFiles(t, source, files)
	for _, link := range [][2]string{{"index.md", "content/u1/b1/link.md"}, {"photos", "content/u1/b1/linked-folder"}, {"u1", "content/linked-unit"}} {
		if err := os.Symlink(link[0], filepath.Join(source, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(source, "content/u1/b1/pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"content/u1", "content/u1/b1", "content/missing", "content/file-not-folder", "content/linked-unit"} {
		for _, trusted := range []time.Time{time.Now().Add(-time.Hour), time.Now().Add(time.Hour)} {
			fast, slow := sha256.New(), sha256.New()
			gotRacy, err := hashUnit(source, dir, fast, trusted)
			wantRacy, werr := hashUnitWalk(source, dir, slow, trusted)
			if (err != nil) != (werr != nil) {
				t.Fatalf("%s: error %v, walk's %v", dir, err, werr)
			}
			if string(fast.Sum(nil)) != string(slow.Sum(nil)) || gotRacy != wantRacy {
				t.Errorf("%s (trusted %v): hash or racy (%v, walk %v) differs from the walk's", dir, trusted, gotRacy, wantRacy)
			}
			if dir == "content/u1" && gotRacy != trusted.Before(time.Now()) {
				t.Errorf("%s: racy %v with trusted %v", dir, gotRacy, trusted)
			}
		}
	}
}
