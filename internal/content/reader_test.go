package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeTree writes files, slash-separated names to contents, under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// plainFS hides that its files are *os.File, which makes newReader fall
// back to reading through the fs.FS.
type plainFS struct{ fsys fs.FS }

func (p plainFS) Open(name string) (fs.File, error) {
	f, err := p.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return struct{ fs.ReadDirFile }{f.(fs.ReadDirFile)}, nil
}

const brandMD = "---\nname: 红色账本\nlogo: logo.svg\n---\n正文\n"

// TestReadersAgree loads a site from disk with the platform's reader (on
// Linux, openat2 beneath the content folder) and through os.Root alone,
// and checks that the documents and findings are the same, symbolic links
// and all.
func TestReadersAgree(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"secret.jpg": "\xff\xd8\xffsecret", "b/index.md": brandMD})
	writeTree(t, site, map[string]string{
		"content/finance/_unit.md":                  "---\nname: 财政局\n---\n介绍\n",
		"content/finance/ledger/index.md":           brandMD,
		"content/finance/ledger/logo.svg":           `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"content/finance/ledger/photos/1.jpg":       "\xff\xd8\xff\xe0 jpeg",
		"content/finance/ledger/photos/deep/2.png":  "\x89PNG\r\n\x1a\n png",
		"content/finance/ledger/.git/config":        "hidden",
		"content/finance/ledger/notes.txt":          strings.Repeat("x", 5000),
		"content/finance/stray.md":                  "lost",
		"content/tax/_unit.md":                      "---\nname: 税务局\n---\n",
		"content/tax/big/index.md":                  "---\n" + strings.Repeat("x", MaxFileSize) + "\n---\n",
		"content/tax/noindex/logo.svg":              "<svg/>",
		"content/.hidden/_unit.md":                  "hidden",
		"content/Bad_Unit/_unit.md":                 "---\nname: 坏\n---\n",
		"content/tax/lanqiao/index.md":              brandMD,
		"content/tax/lanqiao/logo.svg":              "<svg/>",
		"content/tax/lanqiao/photos/placeholder.md": "not an image",
	})
	links := map[string]string{
		"content/finance/ledger/photos/leak.jpg": filepath.Join(outside, "secret.jpg"),
		"content/tax/linked":                     filepath.Join(outside, "b"),
		"content/linked-unit":                    outside,
		"content/tax/lanqiao/logo-link.svg":      "logo.svg",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, name)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	if err := mkfifo(filepath.Join(site, "content/finance/ledger/photos/pipe.jpg")); err != nil {
		t.Log("no named pipe:", err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	got, gotDiags, err := Load(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	want, wantDiags, err := Load(plainFS{root.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents differ:\n%+v\n%+v", got, want)
	}
	if !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Errorf("findings differ:\n%v\n%v", gotDiags, wantDiags)
	}
	links = map[string]string{"content/finance/ledger/photos/leak.jpg": "", "content/tax/linked": "", "content/linked-unit": "", "content/tax/lanqiao/logo-link.svg": ""}
	for _, d := range gotDiags {
		if d.Rule == "content/symlink" {
			delete(links, d.Pos.File)
		}
	}
	if len(links) > 0 {
		t.Errorf("no symlink finding for %v", links)
	}
	if len(got.Brands) != 3 || got.Brands[0].Bundle["photos/deep/2.png"].Kind != KindPNG {
		t.Errorf("brands = %+v", got.Brands)
	}
}
