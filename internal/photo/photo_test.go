package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// stored returns the quadrant colours a camera stores for an image whose
// upright quadrants are red, green, blue, yellow, for each EXIF
// orientation. The table is written from the EXIF definition of where the
// stored row 0 and column 0 belong, not computed with orient, so it checks
// orient instead of repeating it.
var stored = map[int]quad{
	1: {red, green, blue, yellow}, // row 0 top, column 0 left
	2: {green, red, yellow, blue}, // row 0 top, column 0 right
	3: {yellow, blue, green, red}, // row 0 bottom, column 0 right
	4: {blue, yellow, red, green}, // row 0 bottom, column 0 left
	5: {red, blue, green, yellow}, // row 0 left, column 0 top
	6: {green, yellow, red, blue}, // row 0 right, column 0 top
	7: {yellow, green, blue, red}, // row 0 right, column 0 bottom
	8: {blue, red, yellow, green}, // row 0 left, column 0 bottom
}

var upright = quad{red, green, blue, yellow}

// goldenCase is one source image run through Derive.
type goldenCase struct {
	name string
	src  func(t *testing.T) []byte
	opts Options
}

func goldenCases() []goldenCase {
	jpegOf := func(w, h, orientation int) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			sw, sh := w, h
			if swapsAxes(orientation) {
				sw, sh = h, w
			}
			return withJPEGMetadata(encodeJPEG(t, quadrants(sw, sh, stored[orientation])), exifTIFF(binary.LittleEndian, orientation, true))
		}
	}
	cases := []goldenCase{
		{"larger-than-all", jpegOf(2000, 400, 1), PhotoOptions()},
		{"exactly-1600", jpegOf(1600, 300, 1), PhotoOptions()},
		{"between-sizes-1200", jpegOf(1200, 300, 1), PhotoOptions()},
		{"small-300x200", jpegOf(300, 200, 1), PhotoOptions()},
		{"portrait-by-exif-6", jpegOf(600, 1200, 6), PhotoOptions()},
		{"portrait-by-exif-8", jpegOf(500, 1000, 8), PhotoOptions()},
		{"png-opaque", func(t *testing.T) []byte {
			return withPNGMetadata(encodePNG(t, quadrants(600, 300, upright)), exifTIFF(binary.BigEndian, 1, true))
		}, PhotoOptions()},
		{"png-alpha", func(t *testing.T) []byte {
			m := quadrants(600, 300, upright)
			m.SetRGBA(0, 0, color.RGBA{})
			return withPNGMetadata(encodePNG(t, m), exifTIFF(binary.BigEndian, 1, true))
		}, PhotoOptions()},
		{"png-logo-opaque-kept", func(t *testing.T) []byte {
			return encodePNG(t, quadrants(200, 200, upright))
		}, LogoOptions()},
		{"webp-lossy", func(t *testing.T) []byte {
			return withWebPMetadata(t, readTestdata(t, "video-001.lossy.webp"), exifTIFF(binary.LittleEndian, 1, true))
		}, PhotoOptions()},
		{"webp-alpha", func(t *testing.T) []byte { return readTestdata(t, "gopher-doc.with-alpha.lossless.webp") }, PhotoOptions()},
	}
	for o := 1; o <= 8; o++ {
		cases = append(cases, goldenCase{fmt.Sprintf("orientation-%d", o), jpegOf(96, 48, o), PhotoOptions()})
	}
	return cases
}

// TestDeriveGolden runs every case through the pipeline and compares what
// came out (format, sizes, where the colours are) with
// testdata/derive.golden; run with -update to rewrite it.
func TestDeriveGolden(t *testing.T) {
	var got strings.Builder
	for _, c := range goldenCases() {
		src := c.src(t)
		d, err := NewProcessor("").Derive(src, c.opts)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fmt.Fprintf(&got, "%s: %s %dx%d ->", c.name, d.Format, d.Width, d.Height)
		for i, v := range d.Variants {
			q, b := readQuadrants(t, d.Files[i])
			if b.Dx() != v.Width || b.Dy() != v.Height {
				t.Errorf("%s: variant %d is %v, manifest says %dx%d", c.name, i, b, v.Width, v.Height)
			}
			fmt.Fprintf(&got, " %dx%d", v.Width, v.Height)
			// Every case but the WebP files is drawn in quadrants.
			if !strings.HasPrefix(c.name, "webp") && q != upright {
				t.Errorf("%s: variant %d is not upright: %v", c.name, i, q)
			}
		}
		got.WriteString("\n")
	}
	const golden = "testdata/derive.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("derived images differ from %s (run go test -update to accept):\ngot:\n%s\nwant:\n%s", golden, got.String(), want)
	}
}

// TestOrientationAllEight checks each EXIF orientation from a JPEG whose
// pixels are stored the way a camera would store them.
func TestOrientationAllEight(t *testing.T) {
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			w, h := 96, 48
			if swapsAxes(o) {
				w, h = h, w
			}
			src := withJPEGMetadata(encodeJPEG(t, quadrants(w, h, stored[o])), exifTIFF(binary.BigEndian, o, false))
			if got := Orientation(src); got != o {
				t.Fatalf("Orientation = %d, want %d", got, o)
			}
			d, err := NewProcessor("").Derive(src, PhotoOptions())
			if err != nil {
				t.Fatal(err)
			}
			q, b := readQuadrants(t, d.Files[0])
			if b.Dx() != 96 || b.Dy() != 48 {
				t.Errorf("upright size %v, want 96x48", b)
			}
			if q != upright {
				t.Errorf("upright quadrants %v, want %v", q, upright)
			}
		})
	}
}

// TestMetadataStripped plants GPS coordinates, XMP and comments in JPEG,
// PNG and WebP sources and proves that none of it is in any output: the
// outputs hold only the segments or chunks that carry pixels.
func TestMetadataStripped(t *testing.T) {
	tiff := exifTIFF(binary.LittleEndian, 1, true)
	sources := map[string][]byte{
		"jpeg": withJPEGMetadata(encodeJPEG(t, quadrants(600, 300, upright)), tiff),
		"png":  withPNGMetadata(encodePNG(t, quadrants(600, 300, upright)), tiff),
		"webp": withWebPMetadata(t, readTestdata(t, "video-001.lossy.webp"), tiff),
	}
	alpha := quadrants(300, 300, upright)
	alpha.SetRGBA(0, 0, color.RGBA{})
	sources["png-alpha"] = withPNGMetadata(encodePNG(t, alpha), tiff)
	for name, src := range sources {
		for _, marker := range []string{gpsMarker, commentMarker} {
			if !bytes.Contains(src, []byte(marker)) && !(name == "webp" && marker == commentMarker) {
				t.Fatalf("%s: the test source lacks %q, so the test proves nothing", name, marker)
			}
		}
		d, err := NewProcessor("").Derive(src, PhotoOptions())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, out := range d.Files {
			for _, marker := range []string{gpsMarker, xmpMarker, commentMarker, "Exif", "EXIF", "eXIf", "GPS", "xap/1.0"} {
				if bytes.Contains(out, []byte(marker)) {
					t.Errorf("%s variant %d: output holds %q", name, i, marker)
				}
			}
			if extra := metadataParts(out); len(extra) > 0 {
				t.Errorf("%s variant %d: output holds metadata %v", name, i, extra)
			}
		}
	}
}

// metadataParts lists the JPEG segments or PNG chunks of data that are not
// needed to show the pixels.
func metadataParts(data []byte) []string {
	var extra []string
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		for i := 8; i+8 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			switch typ := string(data[i+4 : i+8]); typ {
			case "IHDR", "PLTE", "tRNS", "IDAT", "IEND":
			default:
				extra = append(extra, typ)
			}
			i += 12 + n
		}
		return extra
	}
	for i := 2; i+4 <= len(data); {
		marker := data[i+1]
		if marker == 0xda { // the scan: nothing but pixels follows
			break
		}
		switch {
		case marker >= 0xe0 && marker <= 0xef, marker == 0xfe:
			extra = append(extra, fmt.Sprintf("marker %#x", marker))
		}
		i += 2 + int(binary.BigEndian.Uint16(data[i+2:]))
	}
	return extra
}

// TestDecompressionBomb checks that a tiny file claiming a huge canvas is
// refused from its header, before any pixel is decoded.
func TestDecompressionBomb(t *testing.T) {
	src := bomb()
	p := NewProcessor("")
	_, err := p.Derive(src, PhotoOptions())
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Derive of a 30000x30000 canvas: err = %v, want ErrTooLarge", err)
	}
	if n := p.Stats().Decoded; n != 0 {
		t.Errorf("decoded %d images, want 0", n)
	}
}

func TestUndecodable(t *testing.T) {
	full := encodeJPEG(t, quadrants(800, 600, upright))
	for name, src := range map[string][]byte{
		"text":      []byte("this is not an image"),
		"gif":       []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
		"truncated": full[:len(full)/2],
		"empty":     nil,
	} {
		if _, err := NewProcessor("").Derive(src, PhotoOptions()); err == nil {
			t.Errorf("%s: Derive succeeded, want an error", name)
		}
	}
}

func TestTargetWidths(t *testing.T) {
	opts := Options{Widths: []int{960, 480, 1600}}
	for _, c := range []struct {
		w    int
		want string
	}{
		{4000, "[480 960 1600]"},
		{1600, "[480 960 1600]"},
		{1200, "[480 960 1200]"},
		{1152, "[480 960 1152]"},
		{1151, "[480 1151]"},
		{1024, "[480 1024]"},
		{960, "[480 960]"},
		{576, "[480 576]"},
		{575, "[575]"},
		{481, "[481]"},
		{480, "[480]"},
		{10, "[10]"},
	} {
		if got := fmt.Sprint(opts.targetWidths(c.w)); got != c.want {
			t.Errorf("targetWidths(%d) = %s, want %s", c.w, got, c.want)
		}
	}
}

func TestOrientationParsing(t *testing.T) {
	jpg := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	for _, c := range []struct {
		name string
		data []byte
		want int
	}{
		{"jpeg little-endian", withJPEGMetadata(jpg, exifTIFF(binary.LittleEndian, 6, true)), 6},
		{"jpeg big-endian", withJPEGMetadata(jpg, exifTIFF(binary.BigEndian, 8, false)), 8},
		{"jpeg none", jpg, 1},
		{"jpeg out of range", withJPEGMetadata(jpg, exifTIFF(binary.BigEndian, 9, false)), 1},
		{"png", withPNGMetadata(encodePNG(t, image.NewGray(image.Rect(0, 0, 8, 8))), exifTIFF(binary.BigEndian, 3, false)), 3},
		{"webp", withWebPMetadata(t, readTestdata(t, "video-001.lossy.webp"), exifTIFF(binary.LittleEndian, 5, false)), 5},
		{"truncated", withJPEGMetadata(jpg, exifTIFF(binary.LittleEndian, 6, false))[:20], 1},
		{"garbage", []byte("\xff\xd8\xff\xe1\xff\xff"), 1},
	} {
		if got := Orientation(c.data); got != c.want {
			t.Errorf("%s: Orientation = %d, want %d", c.name, got, c.want)
		}
	}
}

// FuzzOrientation feeds the EXIF parser arbitrary bytes: it must never
// panic and always answer a valid orientation.
func FuzzOrientation(f *testing.F) {
	jpg := encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	f.Add(withJPEGMetadata(jpg, exifTIFF(binary.LittleEndian, 6, true)))
	f.Add(withPNGMetadata(encodePNG(f, image.NewGray(image.Rect(0, 0, 8, 8))), exifTIFF(binary.BigEndian, 3, false)))
	f.Add(withWebPMetadata(f, readTestdata(f, "video-001.lossy.webp"), exifTIFF(binary.LittleEndian, 5, false)))
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := Orientation(data); o < 1 || o > 8 {
			t.Fatalf("Orientation = %d", o)
		}
		if out, err := StripWebP(data); err == nil && bytes.Contains(out[min(len(out), 12):], []byte("EXIF")) && !bytes.Contains(data, []byte("EXIF")) {
			t.Fatal("StripWebP added an EXIF chunk")
		}
	})
}

func TestStripWebP(t *testing.T) {
	src := withWebPMetadata(t, readTestdata(t, "video-001.lossy.webp"), exifTIFF(binary.LittleEndian, 6, true))
	out, err := StripWebP(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, marker := range []string{gpsMarker, xmpMarker, "EXIF", "XMP "} {
		if bytes.Contains(out, []byte(marker)) {
			t.Errorf("stripped WebP holds %q", marker)
		}
	}
	if Orientation(out) != 1 {
		t.Error("stripped WebP still has an orientation")
	}
	m, _, err := image.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("stripped WebP does not decode: %v", err)
	}
	if m.Bounds().Dx() != 150 {
		t.Errorf("stripped WebP is %v wide, want 150", m.Bounds())
	}
	if _, err := StripWebP([]byte("RIFF\x00\x00\x00\x00WEBPVP8 \xff\xff\xff\x00")); err == nil {
		t.Error("StripWebP accepted a chunk longer than the file")
	}
}
