package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// QRCode returns text as an SVG QR code: one path of unit squares in a
// viewBox, so it prints crisp at any size. Error correction is level M,
// enough for a printed plaque that gets scuffed.
func QRCode(text string) (template.HTML, error) {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return "", fmt.Errorf("encode qr code for %q: %w", text, err)
	}
	bounds := code.Bounds()
	n := bounds.Dx()
	const quiet = 4 // the quiet zone scanners need, in modules
	var d strings.Builder
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			r, _, _, _ := code.At(bounds.Min.X+x, bounds.Min.Y+y).RGBA()
			if r != 0 {
				continue
			}
			// Merge a run of dark modules into one rectangle.
			run := 1
			for x+run < n {
				r2, _, _, _ := code.At(bounds.Min.X+x+run, bounds.Min.Y+y).RGBA()
				if r2 != 0 {
					break
				}
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run - 1
		}
	}
	size := n + 2*quiet
	svg := fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="二维码：%s"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		size, size, template.HTMLEscapeString(text), size, size, d.String())
	return template.HTML(svg), nil
}
