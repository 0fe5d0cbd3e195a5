package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"showcase/internal/cputime"

	"golang.org/x/image/draw"
)

// BenchmarkScale compares ways to resize on the work a photo gets: a
// decoded 4000×3000 phone JPEG shrunk to 1600 wide, then 1600 to 960 and
// 960 to 480, the chain derive runs. HalveThenCatmullRom is scale.
func BenchmarkScale(b *testing.B) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, quadrants(4000, 3000, upright), nil); err != nil {
		b.Fatal(err)
	}
	src, err := jpeg.Decode(&buf)
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []struct {
		name  string
		scale func(image.Image, int, int) *image.RGBA
	}{
		{"CatmullRom", func(m image.Image, w, h int) *image.RGBA { return scaleWith(draw.CatmullRom, m, w, h) }},
		{"ApproxBiLinear", func(m image.Image, w, h int) *image.RGBA { return scaleWith(draw.ApproxBiLinear, m, w, h) }},
		{"HalveThenCatmullRom", scale},
		{"HalveThenApproxBiLinear", func(m image.Image, w, h int) *image.RGBA {
			for b := m.Bounds(); b.Dx() >= 2*w && b.Dy() >= 2*h; b = m.Bounds() {
				m = scaleWith(draw.ApproxBiLinear, m, b.Dx()/2, b.Dy()/2)
			}
			return scaleWith(draw.ApproxBiLinear, m, w, h)
		}},
	} {
		b.Run(k.name, func(b *testing.B) {
			cpu := cputime.Used()
			for b.Loop() {
				var m image.Image = src
				for _, w := range []int{1600, 960, 480} {
					m = k.scale(m, w, w*3/4)
				}
			}
			cputime.Report(b, b.N, cpu)
		})
	}
}

// BenchmarkDerive measures the whole pipeline on one photo without a
// cache: a flat 4000×3000 (cheap to code) and a detailed 2400×1600, whose
// fine texture makes JPEG decoding and encoding work as on a real photo.
func BenchmarkDerive(b *testing.B) {
	detailed := image.NewRGBA(image.Rect(0, 0, 2400, 1600))
	for i := range detailed.Pix {
		x, y := (i/4)%2400, (i/4)/2400
		detailed.Pix[i] = uint8((x*7 + y*13 + i%4*50) ^ (x * y >> 6))
		if i%4 == 3 {
			detailed.Pix[i] = 255
		}
	}
	for _, c := range []struct {
		name string
		m    image.Image
	}{{"flat-4000x3000", quadrants(4000, 3000, upright)}, {"detailed-2400x1600", detailed}} {
		b.Run(c.name, func(b *testing.B) {
			src := encodeJPEG(b, c.m)
			p := NewProcessor("")
			cpu := cputime.Used()
			for b.Loop() {
				if _, err := p.Derive(src, PhotoOptions()); err != nil {
					b.Fatal(err)
				}
			}
			cputime.Report(b, b.N, cpu)
		})
	}
}
