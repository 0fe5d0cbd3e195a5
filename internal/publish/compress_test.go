package publish

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// page is text long enough to get compressed copies.
var page = []byte("<!DOCTYPE html><title>示例</title>" + strings.Repeat("<p>示例市财政局“账本夜校”党建品牌。</p>", 60))

func TestParseCompression(t *testing.T) {
	tests := []struct {
		in   string
		want Compression
		bad  bool
	}{
		{"", Compression{}, false},
		{"none", Compression{}, false},
		{"gzip", Compression{Gzip: true}, false},
		{"gzip,br", Compression{Gzip: true, Brotli: true}, false},
		{"br", Compression{Brotli: true}, false},
		{"zstd", Compression{}, true},
		{"gzip,", Compression{}, true},
	}
	for _, tt := range tests {
		got, err := ParseCompression(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("ParseCompression(%q) = %+v, %v; want %+v, error %t", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

// readCopy returns the decompressed copy of file in dest, or nil when
// there is none.
func readCopy(t *testing.T, dest, file string) []byte {
	t.Helper()
	z, err := os.ReadFile(filepath.Join(dest, file))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader
	if strings.HasSuffix(file, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if zr.Name != "" || !zr.ModTime.IsZero() {
			t.Errorf("%s: header keeps name %q, time %v", file, zr.Name, zr.ModTime)
		}
		r = zr
	} else {
		r = brotli.NewReader(bytes.NewReader(z))
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return data
}

func TestWriteCompressedCopies(t *testing.T) {
	random := make([]byte, 4096)
	_, _ = rand.Read(random)
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		d.SetCompression(Compression{Gzip: true, Brotli: true})
		files := map[string][]byte{
			"index.html":      page,
			"small.css":       []byte("body{color:red}"),
			"photos/a.jpg":    page,   // not text
			"noise.txt":       random, // does not shrink
			"feed.xml":        page,
			"js/site.1234.js": page,
		}
		for name, data := range files {
			if err := d.Write(name, data); err != nil {
				t.Fatal(err)
			}
		}
		w, err := d.Create("plaques/index.html")
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			_, _ = w.Write(page)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		want := map[string][]byte{
			"index.html": page, "feed.xml": page, "js/site.1234.js": page,
			"plaques/index.html": bytes.Repeat(page, 3),
		}
		for name, data := range want {
			for _, suffix := range []string{".gz", ".br"} {
				if got := readCopy(t, dest, name+suffix); !bytes.Equal(got, data) {
					t.Errorf("%s%s: decompresses to %d bytes, want %d", name, suffix, len(got), len(data))
				}
			}
		}
		for _, name := range []string{"small.css", "photos/a.jpg", "noise.txt"} {
			for _, suffix := range []string{".gz", ".br"} {
				if _, err := os.Stat(filepath.Join(dest, name+suffix)); err == nil {
					t.Errorf("%s%s written, want none", name, suffix)
				}
			}
		}
	})
}

func TestCompressedCopiesDeterministic(t *testing.T) {
	var outs [2][]byte
	for i := range outs {
		dest := filepath.Join(t.TempDir(), "public")
		d, err := Create(dest)
		if err != nil {
			t.Fatal(err)
		}
		d.SetCompression(Compression{Gzip: true, Brotli: true})
		if err := d.Write("index.html", page); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		for _, suffix := range []string{".gz", ".br"} {
			z, err := os.ReadFile(filepath.Join(dest, "index.html"+suffix))
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = append(outs[i], z...)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two outputs of the same file differ")
	}
}

// TestLinkCarriesCopies checks that a file kept from a past output
// brings its copies, or gets them made, and never brings copies the
// output does not keep.
func TestLinkCarriesCopies(t *testing.T) {
	prev := t.TempDir()
	for name, data := range map[string][]byte{
		"a.html": page, "a.html.gz": []byte("past copy"),
		"b.html": page, // built without copies
		"c.html": page, "c.html.br": []byte("past br"),
	} {
		if err := os.WriteFile(filepath.Join(prev, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(d *Dir) {
		for _, name := range []string{"a.html", "a.html.gz", "b.html", "c.html", "c.html.br"} {
			if err := d.Link(name, filepath.Join(prev, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	d, err := Create(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.SetCompression(Compression{Gzip: true})
	link(d)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "a.html.gz")); string(got) != "past copy" {
		t.Errorf("a.html.gz = %q, want the past output's copy linked", got)
	}
	if got := readCopy(t, dest, "b.html.gz"); !bytes.Equal(got, page) {
		t.Errorf("b.html.gz decompresses to %d bytes, want the page made anew", len(got))
	}
	if _, err := os.Stat(filepath.Join(dest, "c.html.br")); err == nil {
		t.Error("c.html.br kept, though the output keeps no brotli copies")
	}

	dest = filepath.Join(t.TempDir(), "public")
	if d, err = Create(dest); err != nil {
		t.Fatal(err)
	}
	link(d)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.html.gz", "c.html.br"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err == nil {
			t.Errorf("%s kept in an output without compression", name)
		}
	}
}

func TestRemoveTakesCopies(t *testing.T) {
	forEachTree(t, func(t *testing.T, dest string, d *Dir) {
		d.SetCompression(Compression{Gzip: true, Brotli: true})
		if err := d.Write("units/index.html", page); err != nil {
			t.Fatal(err)
		}
		if err := d.Remove("units/index.html"); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"units/index.html", "units/index.html.gz", "units/index.html.br"} {
			if d.Exists(name) {
				t.Errorf("%s still there after Remove", name)
			}
		}
	})
}
