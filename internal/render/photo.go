package render

import (
	"strconv"
	"strings"

	"showcase/internal/site"
)

// Image is a bundle photo published in several sizes.
type Image struct {
	// Sizes are the published sizes, narrowest first.
	Sizes []ImageSize
}

// ImageSize is one published size of a photo.
type ImageSize struct {
	// File is the site path of the size.
	File          string
	Width, Height int
}

// Photo is what a template needs to show one photo: links for the current
// page and the size that keeps the layout from jumping while it loads.
type Photo struct {
	// Src is a mid-sized version, for browsers that ignore Srcset.
	Src string
	// Srcset lists every size with its width ("a.jpg 480w, b.jpg 960w").
	Srcset string
	// Large is the largest size, for the lightbox and the kiosk.
	Large string
	// Width and Height are of the largest size; zero when unknown.
	Width, Height int
}

// srcWidth is the widest size used as Src: sharp in a grid cell, a fraction
// of the largest size's bytes.
const srcWidth = 960

// Photo returns the published sizes of photo name of brand b. A photo the
// build did not resize is linked as it is, with no sizes.
func (p *Page) Photo(b *site.Brand, name string) Photo {
	img, ok := p.ctx.images[b.File(name)]
	if !ok || len(img.Sizes) == 0 {
		u := p.URL(b.File(name))
		return Photo{Src: u, Large: u}
	}
	largest := img.Sizes[len(img.Sizes)-1]
	ph := Photo{Large: p.URL(largest.File), Width: largest.Width, Height: largest.Height}
	var set []string
	for _, s := range img.Sizes {
		u := p.URL(s.File)
		set = append(set, u+" "+strconv.Itoa(s.Width)+"w")
		if ph.Src == "" || s.Width <= srcWidth {
			ph.Src = u
		}
	}
	ph.Srcset = strings.Join(set, ", ")
	return ph
}
