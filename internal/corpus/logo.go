package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"strings"
)

// logoSVG draws a small round badge: a coloured disc, a ring, a star and one
// of a few emblems, varied by seed. It has no script and no external links.
func logoSVG(seed int) string {
	fill := palette[seed%len(palette)]
	accent := accents[(seed/len(palette))%len(accents)]
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">` + "\n")
	fmt.Fprintf(&b, "  <circle cx=\"100\" cy=\"100\" r=\"96\" fill=\"%s\"/>\n", fill)
	fmt.Fprintf(&b, "  <circle cx=\"100\" cy=\"100\" r=\"86\" fill=\"none\" stroke=\"%s\" stroke-width=\"4\"/>\n", accent)
	fmt.Fprintf(&b, "  <polygon points=\"%s\" fill=\"%s\"/>\n", star(100, 48, 16, 6.5), accent)
	switch (seed / 64) % 4 {
	case 0: // an open book
		b.WriteString(`  <path d="M100 82 C82 70 62 68 44 72 L44 138 C62 134 82 136 100 148 Z" fill="#fff"/>` + "\n")
		b.WriteString(`  <path d="M100 82 C118 70 138 68 156 72 L156 138 C138 134 118 136 100 148 Z" fill="#fff"/>` + "\n")
	case 1: // a flag
		fmt.Fprintf(&b, "  <path d=\"M64 76 L64 156\" stroke=\"%s\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n", accent)
		b.WriteString(`  <path d="M67 78 C92 66 112 92 140 80 L140 124 C112 136 92 110 67 122 Z" fill="#fff"/>` + "\n")
	case 2: // a heart
		b.WriteString(`  <path d="M100 150 C60 120 48 100 56 84 C64 68 88 68 100 88 C112 68 136 68 144 84 C152 100 140 120 100 150 Z" fill="#fff"/>` + "\n")
	default: // a bridge
		b.WriteString(`  <path d="M40 140 C70 90 130 90 160 140" fill="none" stroke="#fff" stroke-width="10"/>` + "\n")
		b.WriteString(`  <path d="M40 148 L160 148" stroke="#fff" stroke-width="8"/>` + "\n")
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// star returns the points of a five-pointed star centred at (cx, cy).
func star(cx, cy, outer, inner float64) string {
	var pts []string
	for k := 0; k < 10; k++ {
		r := outer
		if k%2 == 1 {
			r = inner
		}
		a := math.Pi/2 + float64(k)*math.Pi/5
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", cx+r*math.Cos(a+math.Pi), cy-r*math.Sin(a)))
	}
	return strings.Join(pts, " ")
}

// photoVariants are how many different photos a corpus holds; brands share
// them, since encoding a JPEG per brand would only slow generation down.
const photoVariants = 8

// photoJPEG encodes a plain landscape picture in the colours of variant v:
// 1024 pixels wide, enough for check not to call it too small, and flat, so
// the file stays near 10 KB and a corpus of 100,000 brands fits in memory.
func photoJPEG(v int) ([]byte, error) {
	const w, h = 1024, 768
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := color.RGBA{R: uint8(150 + 12*v), G: uint8(30 + 9*v), B: uint8(30 + 5*v), A: 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := base
			if y > h*2/3 {
				c = color.RGBA{R: 90, G: uint8(110 + 10*v), B: 70, A: 255}
			} else if (x-w/2)*(x-w/2)+(y-h/3)*(y-h/3) < 6400 {
				c = color.RGBA{R: 250, G: 210, B: 80, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
