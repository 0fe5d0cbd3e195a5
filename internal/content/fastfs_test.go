package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFastReadsAgree reads files of a site through FastReads and through
// os.Root: the same bytes for every regular file, the same refusal of a
// link out of the site, and a file outside the content folder read as
// os.Root reads it.
func TestFastReadsAgree(t *testing.T) {
	site, outside := t.TempDir(), t.TempDir()
	writeTree(t, outside, map[string]string{"secret.svg": "<svg>secret</svg>"})
	writeTree(t, site, map[string]string{
		"showcase.yaml":                   "title: x",
		"content/u/b/index.md":            brandMD,
		"content/u/b/logo.svg":            `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"content/u/b/photos/1.jpg":        strings.Repeat("\xff\xd8jpeg", 20000),
		"content/u/b/empty.svg":           "",
		"content/u/b/photos/deep/2.png":   "\x89PNG\r\n\x1a\n png",
		"themes/default/layouts/base.htm": "x",
	})
	if err := os.Symlink(filepath.Join(outside, "secret.svg"), filepath.Join(site, "content/u/b/leak.svg")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fast, done := FastReads(root.FS())
	defer done()
	for _, name := range []string{"showcase.yaml", "content/u/b/index.md", "content/u/b/logo.svg", "content/u/b/photos/1.jpg",
		"content/u/b/empty.svg", "content/u/b/photos/deep/2.png", "themes/default/layouts/base.htm"} {
		want, err := fs.ReadFile(root.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(fast, name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: read %d bytes (%v), want %d", name, len(got), err, len(want))
		}
	}
	for _, name := range []string{"content/u/b/leak.svg", "content/u/b/missing.svg", "content/u/b", "content/../showcase.yaml"} {
		if data, err := fs.ReadFile(fast, name); err == nil {
			t.Errorf("%s: read %q, want an error", name, data)
		}
	}
	for _, name := range []string{"content/u/b/photos/1.jpg", "content/u/b", "showcase.yaml"} {
		f, err := fast.Open(name)
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		got, _ := f.Stat()
		want, _ := fs.Stat(root.FS(), name)
		if got.Size() != want.Size() || got.Mode() != want.Mode() {
			t.Errorf("%s: opened %v, want %v", name, got, want)
		}
		f.Close()
	}
	info, err := fs.Stat(fast, "content/u/b/logo.svg")
	want, _ := fs.Stat(root.FS(), "content/u/b/logo.svg")
	if err != nil || !info.ModTime().Equal(want.ModTime()) || info.Size() != want.Size() {
		t.Errorf("Stat through FastReads = %v, %v; want %v", info, err, want)
	}
}
