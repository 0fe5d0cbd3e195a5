package render

import (
	"html"
	"strconv"
	"strings"

	"showcase/internal/markdown"
)

// bodySizes tells the browser how wide a body image shows: the width of the
// text column, at most.
const bodySizes = "(min-width: 48rem) 46rem, 100vw"

// withBodyImages gives the images of a brand page's body the published
// sizes of their files, as photos have: src, srcset, width and height, so
// the text does not jump as they load.
func withBodyImages(render func(*Page) ([]byte, error)) func(*Page) ([]byte, error) {
	return func(p *Page) ([]byte, error) {
		out, err := render(p)
		if err != nil || p.Brand == nil {
			return out, err
		}
		return markdown.ResolveImages(out, p.bodyImage), nil
	}
}

// bodyImage returns the attributes of the body image name of the page's
// brand.
func (p *Page) bodyImage(name string) string {
	ph := p.Photo(p.Brand, name)
	var b strings.Builder
	b.WriteString(`src="` + html.EscapeString(ph.Src) + `"`)
	if ph.Srcset != "" {
		b.WriteString(` srcset="` + html.EscapeString(ph.Srcset) + `" sizes="` + bodySizes + `"`)
	}
	if ph.Width > 0 && ph.Height > 0 {
		b.WriteString(` width="` + strconv.Itoa(ph.Width) + `" height="` + strconv.Itoa(ph.Height) + `"`)
	}
	b.WriteString(` loading="lazy"`)
	return b.String()
}
