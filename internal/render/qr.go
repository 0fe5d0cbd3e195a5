package render

import (
	"fmt"
	"html/template"
	"strconv"
)

// qrQuiet is the quiet zone scanners need around a QR code, in modules.
const qrQuiet = 4

// QRCode returns text as an SVG QR code: one path of unit squares in a
// viewBox, so it prints crisp at any size. Error correction is level M,
// enough for a printed plaque that gets scuffed.
func QRCode(text string) (template.HTML, error) {
	code, err := encodeQR(text)
	if err != nil {
		return "", fmt.Errorf("encode qr code for %q: %w", text, err)
	}
	return qrSVG(text, code.Size(), qrPath(code)), nil
}

// qrSVG frames path data as the QR code's SVG element.
func qrSVG(text string, n int, d []byte) template.HTML {
	size := n + 2*qrQuiet
	return template.HTML(fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="二维码：%s"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		size, size, template.HTMLEscapeString(text), size, size, d))
}

// qrRuns calls f for every run of dark modules in a row, left to right and
// top to bottom, in the coordinates of the SVG (quiet zone included).
func qrRuns(code *qrCode, f func(x, y, run int)) {
	n, stride := code.c.Size, code.c.Stride
	// The bitmap's rows read directly, a bit a module, most significant
	// first: a method call a module was most of the time of a code.
	for y := 0; y < n; y++ {
		row := code.c.Bitmap[y*stride : (y+1)*stride]
		dark := func(x int) bool { return row[x>>3]&(0x80>>(x&7)) != 0 }
		for x := 0; x < n; x++ {
			if !dark(x) {
				continue
			}
			run := 1
			for x+run < n && dark(x+run) {
				run++
			}
			f(x+qrQuiet, y+qrQuiet, run)
			x += run - 1
		}
	}
}

// qrPath returns the path data of a code: one rectangle per run of dark
// modules, "M<x> <y>h<run>v1h-<run>z", appended without fmt, which would
// cost more than encoding the code.
func qrPath(code *qrCode) []byte {
	d := make([]byte, 0, 8*code.Size()*code.Size()/3)
	qrRuns(code, func(x, y, run int) {
		d = append(d, 'M')
		d = strconv.AppendInt(d, int64(x), 10)
		d = append(d, ' ')
		d = strconv.AppendInt(d, int64(y), 10)
		d = append(d, 'h')
		d = strconv.AppendInt(d, int64(run), 10)
		d = append(d, "v1h-"...)
		d = strconv.AppendInt(d, int64(run), 10)
		d = append(d, 'z')
	})
	return d
}
