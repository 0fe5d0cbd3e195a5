package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// Test images are made of four flat quadrants in distinct colours, so that
// where each colour ends up shows how the image was turned.
var (
	red    = color.RGBA{220, 30, 30, 255}
	green  = color.RGBA{30, 180, 60, 255}
	blue   = color.RGBA{30, 60, 220, 255}
	yellow = color.RGBA{240, 220, 40, 255}
)

// quad lists quadrant colours: top left, top right, bottom left, bottom right.
type quad [4]color.RGBA

var colorNames = map[color.RGBA]string{red: "red", green: "green", blue: "blue", yellow: "yellow"}

func (q quad) String() string {
	return "TL=" + colorNames[q[0]] + " TR=" + colorNames[q[1]] + " BL=" + colorNames[q[2]] + " BR=" + colorNames[q[3]]
}

func quadrants(w, h int, q quad) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			i := 0
			if x >= w/2 {
				i++
			}
			if y >= h/2 {
				i += 2
			}
			m.SetRGBA(x, y, q[i])
		}
	}
	return m
}

// readQuadrants names the colour nearest to the centre of each quadrant of
// an encoded image, so JPEG's small colour errors do not matter.
func readQuadrants(t *testing.T, data []byte) (quad, image.Rectangle) {
	t.Helper()
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode output: %v", err)
	}
	b := m.Bounds()
	var q quad
	for i, p := range []image.Point{{1, 1}, {3, 1}, {1, 3}, {3, 3}} {
		c := color.RGBAModel.Convert(m.At(b.Min.X+b.Dx()*p.X/4, b.Min.Y+b.Dy()*p.Y/4)).(color.RGBA)
		q[i] = nearest(c)
	}
	return q, b
}

func nearest(c color.RGBA) color.RGBA {
	best, bestD := red, -1
	for k := range colorNames {
		d := sq(int(c.R)-int(k.R)) + sq(int(c.G)-int(k.G)) + sq(int(c.B)-int(k.B))
		if bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func sq(x int) int { return x * x }

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Markers planted in the metadata of test sources; none may reach output.
const (
	gpsMarker     = "GPS-39.9042N-116.4074E"
	xmpMarker     = "<exif:GPSLatitude>39,54.25N</exif:GPSLatitude>"
	commentMarker = "shot at the secretary's home"
)

// exifTIFF builds an EXIF TIFF structure with an orientation tag and, when
// gps is set, a GPS IFD holding a latitude and a marker string.
func exifTIFF(order binary.AppendByteOrder, orientation int, gps bool) []byte {
	var b bytes.Buffer
	if order == binary.AppendByteOrder(binary.BigEndian) {
		b.WriteString("MM\x00*")
	} else {
		b.WriteString("II*\x00")
	}
	u16 := func(v int) { b.Write(order.AppendUint16(nil, uint16(v))) }
	u32 := func(v int) { b.Write(order.AppendUint32(nil, uint32(v))) }
	u32(8)
	entries := 1
	if gps {
		entries = 2
	}
	gpsIFD := 8 + 2 + 12*entries + 4
	u16(entries)
	u16(0x0112) // Orientation, SHORT, 1
	u16(3)
	u32(1)
	u16(orientation)
	u16(0)
	if gps {
		u16(0x8825) // GPSInfo, LONG, 1
		u16(4)
		u32(1)
		u32(gpsIFD)
	}
	u32(0)
	if gps {
		data := gpsIFD + 2 + 12*3 + 4
		u16(3)
		u16(0x0001) // GPSLatitudeRef, ASCII "N"
		u16(2)
		u32(2)
		b.WriteString("N\x00\x00\x00")
		u16(0x0002) // GPSLatitude, 3 RATIONAL
		u16(5)
		u32(3)
		u32(data)
		u16(0x001b) // GPSProcessingMethod, UNDEFINED
		u16(7)
		u32(len(gpsMarker))
		u32(data + 24)
		u32(0)
		for _, v := range []int{39, 1, 54, 1, 1527, 100} {
			u32(v)
		}
		b.WriteString(gpsMarker)
	}
	return b.Bytes()
}

// withJPEGMetadata inserts after SOI an EXIF segment holding tiff, an XMP
// segment and a comment, as a phone and a photo editor would.
func withJPEGMetadata(src, tiff []byte) []byte {
	seg := func(marker byte, payload []byte) []byte {
		s := []byte{0xff, marker, 0, 0}
		binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
		return append(s, payload...)
	}
	out := append([]byte(nil), src[:2]...)
	out = append(out, seg(0xe1, append([]byte("Exif\x00\x00"), tiff...))...)
	out = append(out, seg(0xe1, []byte("http://ns.adobe.com/xap/1.0/\x00"+xmpMarker))...)
	out = append(out, seg(0xfe, []byte(commentMarker))...)
	return append(out, src[2:]...)
}

func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// withPNGMetadata inserts eXIf and tEXt chunks after IHDR.
func withPNGMetadata(src, tiff []byte) []byte {
	const ihdrEnd = 8 + 8 + 13 + 4
	out := append([]byte(nil), src[:ihdrEnd]...)
	out = append(out, pngChunk("eXIf", tiff)...)
	out = append(out, pngChunk("tEXt", []byte("Comment\x00"+commentMarker))...)
	return append(out, src[ihdrEnd:]...)
}

// withWebPMetadata wraps a simple lossy WebP in an extended container with
// EXIF and XMP chunks after the image data, where the format puts them.
func withWebPMetadata(t testing.TB, src, tiff []byte) []byte {
	t.Helper()
	cfg, err := decodeConfig(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	chunk := func(typ string, data []byte) []byte {
		c := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
		c = append(c, data...)
		if len(data)%2 == 1 {
			c = append(c, 0)
		}
		return c
	}
	vp8x := []byte{0x08 | 0x04, 0, 0, 0}
	vp8x = append(vp8x, byte(cfg.Width-1), byte((cfg.Width-1)>>8), byte((cfg.Width-1)>>16))
	vp8x = append(vp8x, byte(cfg.Height-1), byte((cfg.Height-1)>>8), byte((cfg.Height-1)>>16))
	body := []byte("WEBP")
	body = append(body, chunk("VP8X", vp8x)...)
	body = append(body, src[12:]...)
	body = append(body, chunk("EXIF", tiff)...)
	body = append(body, chunk("XMP ", []byte(xmpMarker))...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// bomb returns a PNG of a few dozen bytes whose header claims a
// 30000×30000 canvas.
func bomb() []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, 30000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 30000)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit grey
	src := append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
	src = append(src, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(src, pngChunk("IEND", nil)...)
}
