package submit

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

const testLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`

// entry is one file of a ZIP a test writes, with what its header says.
type entry struct {
	name string
	data []byte
	mode fs.FileMode
	// raw, when set, writes the header as given (sizes, flags, method)
	// with data as the stored bytes.
	raw *zip.FileHeader
}

func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		if e.raw != nil {
			e.raw.Name = e.name
			w, err := zw.CreateRaw(e.raw)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(e.data)
			continue
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func index() entry { return entry{name: "index.md", data: []byte("---\nname: 国库先锋\n---\n")} }

// hostile are archives that are not plainly a brand's files.
func hostile(t testing.TB) map[string][]byte {
	many := []entry{index()}
	for i := 0; i < MaxFiles; i++ {
		many = append(many, entry{name: "photos/" + strings.Repeat("a", i+1) + ".png", data: []byte("x")})
	}
	huge := []entry{index()}
	for i := 0; i < 6; i++ {
		huge = append(huge, entry{name: "photos/" + string(rune('a'+i)) + ".jpg", data: []byte("x"),
			raw: &zip.FileHeader{Method: zip.Store, CompressedSize64: 19 << 20, UncompressedSize64: 19 << 20}})
	}
	lying := []byte("short")
	return map[string][]byte{
		"not a zip":         []byte("PK\x03\x04 not really"),
		"absolute path":     makeZip(t, index(), entry{name: "/etc/logo.svg", data: []byte(testLogo)}),
		"parent":            makeZip(t, index(), entry{name: "../logo.svg", data: []byte(testLogo)}),
		"parent inside":     makeZip(t, index(), entry{name: "photos/../../logo.svg", data: []byte(testLogo)}),
		"backslash":         makeZip(t, index(), entry{name: `..\logo.svg`, data: []byte(testLogo)}),
		"drive":             makeZip(t, index(), entry{name: `C:/logo.svg`, data: []byte(testLogo)}),
		"symlink":           makeZip(t, index(), entry{name: "logo.svg", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777}),
		"device":            makeZip(t, index(), entry{name: "logo.svg", mode: fs.ModeDevice | 0o666}),
		"pipe":              makeZip(t, index(), entry{name: "logo.svg", mode: fs.ModeNamedPipe | 0o666}),
		"program":           makeZip(t, index(), entry{name: "setup.exe", data: []byte("MZ")}),
		"html":              makeZip(t, index(), entry{name: "photos/x.html", data: []byte("<script>")}),
		"hidden":            makeZip(t, index(), entry{name: ".git/config.png", data: []byte("x")}),
		"duplicate":         makeZip(t, index(), entry{name: "logo.svg", data: []byte(testLogo)}, entry{name: "logo.svg", data: []byte(testLogo)}),
		"duplicate in case": makeZip(t, index(), entry{name: "logo.svg", data: []byte(testLogo)}, entry{name: "Logo.svg", data: []byte(testLogo)}),
		"no index":          makeZip(t, entry{name: "logo.svg", data: []byte(testLogo)}),
		"too many":          makeZip(t, many...),
		"declared too big":  makeZip(t, index(), entry{name: "logo.png", data: []byte("x"), raw: &zip.FileHeader{Method: zip.Store, CompressedSize64: 1, UncompressedSize64: 30 << 20}}),
		"index too big":     makeZip(t, entry{name: "index.md", data: bytes.Repeat([]byte("a "), 600<<10)}),
		"bomb":              makeZip(t, index(), entry{name: "photos/a.jpg", data: make([]byte, 10<<20)}),
		"total":             makeZip(t, huge...),
		"encrypted":         makeZip(t, index(), entry{name: "logo.svg", data: []byte(testLogo), raw: &zip.FileHeader{Method: zip.Store, Flags: 0x1, CompressedSize64: uint64(len(testLogo)), UncompressedSize64: uint64(len(testLogo)), CRC32: crc32.ChecksumIEEE([]byte(testLogo))}}),
		"lying size":        makeZip(t, index(), entry{name: "logo.svg", data: lying, raw: &zip.FileHeader{Method: zip.Store, CompressedSize64: uint64(len(lying)), UncompressedSize64: 2, CRC32: crc32.ChecksumIEEE(lying)}}),
		"odd method":        makeZip(t, index(), entry{name: "logo.svg", data: []byte(testLogo), raw: &zip.FileHeader{Method: 99, CompressedSize64: uint64(len(testLogo)), UncompressedSize64: uint64(len(testLogo))}}),
		"control character": makeZip(t, index(), entry{name: "logo\n.svg", data: []byte(testLogo)}),
	}
}

// TestReadBundleRefuses checks that each kind of hostile archive is
// refused, with a reason, before anything is taken from it.
func TestReadBundleRefuses(t *testing.T) {
	for name, data := range hostile(t) {
		t.Run(name, func(t *testing.T) {
			b, _, err := ReadBundle(data)
			var r *RefusedError
			if !errors.As(err, &r) {
				t.Fatalf("ReadBundle = %v files, %v; want a refusal", len(b), err)
			}
			if r.In("zh") == "" || r.In("en") == "" {
				t.Errorf("the refusal has no words: %#v", r)
			}
		})
	}
}

// TestBundleRoundTrip checks that a written bundle reads back whole,
// with its place, and that a folder's ZIP (one folder around the files)
// reads as its files.
func TestBundleRoundTrip(t *testing.T) {
	in := Bundle{"index.md": []byte("---\nname: x\n---\n"), "logo.svg": []byte(testLogo), "photos/1.jpg": []byte("\xff\xd8\xff")}
	data, err := WriteBundle(in, Place{Unit: "finance", Brand: "guoku"})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := WriteBundle(in, Place{Unit: "finance", Brand: "guoku"})
	if !bytes.Equal(data, again) {
		t.Error("the same bundle wrote different bytes")
	}
	out, at, err := ReadBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if at != (Place{Unit: "finance", Brand: "guoku"}) {
		t.Errorf("place = %+v", at)
	}
	for name, want := range in {
		if !bytes.Equal(out[name], want) {
			t.Errorf("%s = %q, want %q", name, out[name], want)
		}
	}
	folder := makeZip(t, entry{name: "guoku/index.md", data: in["index.md"]}, entry{name: "guoku/logo.svg", data: in["logo.svg"]})
	out, at, err = ReadBundle(folder)
	if err != nil || len(out) != 2 || out["logo.svg"] == nil || at != (Place{}) {
		t.Errorf("a folder's ZIP reads as %v, %+v, %v", out.Names(), at, err)
	}
}

// FuzzReadBundle checks properties of whatever ReadBundle takes: the
// same answer twice, and only plain names within the limits.
func FuzzReadBundle(f *testing.F) {
	good, _ := WriteBundle(Bundle{"index.md": []byte("---\nname: x\n---\n"), "logo.svg": []byte(testLogo)}, Place{Unit: "a", Brand: "b"})
	f.Add(good)
	for _, data := range hostile(f) {
		if len(data) < 1<<20 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, at, err := ReadBundle(data)
		b2, at2, err2 := ReadBundle(data)
		if (err == nil) != (err2 == nil) || len(b) != len(b2) || at != at2 {
			t.Fatal("ReadBundle answered differently twice")
		}
		if err != nil {
			var r *RefusedError
			if !errors.As(err, &r) {
				t.Fatalf("an error that is not a refusal: %v", err)
			}
			return
		}
		if b["index.md"] == nil || len(b) > MaxFiles {
			t.Fatalf("took %d files without index.md", len(b))
		}
		var total int
		for name, data := range b {
			if checkName(name) != nil || slices.Contains(strings.Split(name, "/"), "..") || strings.HasPrefix(name, "/") {
				t.Fatalf("took the name %q", name)
			}
			if len(data) > MaxImage {
				t.Fatalf("took %s of %d bytes", name, len(data))
			}
			total += len(data)
		}
		if total > MaxTotal {
			t.Fatalf("took %d bytes", total)
		}
	})
}
