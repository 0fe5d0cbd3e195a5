package photo

import (
	"image"

	"golang.org/x/image/draw"
)

// scale returns m resized to w×h as RGBA, with its origin at (0, 0).
//
// Catmull-Rom gives the sharpest result, and widens its kernel when
// shrinking so nothing aliases, but that makes a large shrink slow
// (BenchmarkScale: about ten times approximate bilinear from a 4000-pixel
// photo). So the image is first halved while it is at least twice the
// target: bilinear at exactly half samples midway between two pixels, which
// averages each 2×2 block, a box filter that does not alias either. The
// last step, by less than two, is Catmull-Rom.
func scale(m image.Image, w, h int) *image.RGBA {
	for b := m.Bounds(); b.Dx() >= 2*w && b.Dy() >= 2*h; b = m.Bounds() {
		m = scaleWith(draw.ApproxBiLinear, m, b.Dx()/2, b.Dy()/2)
	}
	return scaleWith(draw.CatmullRom, m, w, h)
}

// scaleWith resizes m to w×h with interpolator q; an image already that
// size is only converted to RGBA.
func scaleWith(q draw.Interpolator, m image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if b := m.Bounds(); b.Dx() == w && b.Dy() == h {
		draw.Draw(dst, dst.Bounds(), m, b.Min, draw.Src)
		return dst
	}
	q.Scale(dst, dst.Bounds(), m, m.Bounds(), draw.Src, nil)
	return dst
}
