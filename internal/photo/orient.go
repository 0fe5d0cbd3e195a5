package photo

import "image"

// swapsAxes reports whether EXIF orientation o turns the image a quarter,
// so the upright width is the stored height.
func swapsAxes(o int) bool { return o >= 5 && o <= 8 }

// orient returns m turned upright for EXIF orientation o. The tag says where
// the stored rows and columns belong on screen; each case maps an upright
// pixel (x, y) back to the stored pixel it comes from.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if swapsAxes(o) {
		dw, dh = h, w
	}
	src := func(x, y int) (int, int) {
		switch o {
		case 2: // mirrored left to right
			return w - 1 - x, y
		case 3: // turned half a turn
			return w - 1 - x, h - 1 - y
		case 4: // mirrored top to bottom
			return x, h - 1 - y
		case 5: // transposed
			return y, x
		case 6: // needs a quarter turn clockwise
			return y, h - 1 - x
		case 7: // transversed
			return w - 1 - y, h - 1 - x
		default: // 8: needs a quarter turn counter-clockwise
			return w - 1 - y, x
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		row := dst.Pix[y*dst.Stride:]
		for x := range dw {
			sx, sy := src(x, y)
			i := (sy)*m.Stride + sx*4
			copy(row[x*4:x*4+4], m.Pix[i:i+4])
		}
	}
	return dst
}
