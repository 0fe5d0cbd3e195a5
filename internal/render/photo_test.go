package render

import (
	"testing"

	"showcase/internal/config"
	"showcase/internal/site"
)

func TestPagePhoto(t *testing.T) {
	s := &site.Site{Config: &config.Config{BaseURL: "https://example.org/show/"}}
	b := &site.Brand{ID: "u/b"}
	images := map[string]Image{
		"brands/u/b/photos/1.jpg": {Sizes: []ImageSize{
			{File: "brands/u/b/photos/1-480w.k.jpg", Width: 480, Height: 320},
			{File: "brands/u/b/photos/1-960w.k.jpg", Width: 960, Height: 640},
			{File: "brands/u/b/photos/1-1600w.k.jpg", Width: 1600, Height: 1067},
		}},
		"brands/u/b/photos/small.jpg": {Sizes: []ImageSize{{File: "brands/u/b/photos/small-300w.k.jpg", Width: 300, Height: 200}}},
	}
	for _, c := range []struct {
		target Target
		name   string
		want   Photo
	}{
		{Web, "photos/1.jpg", Photo{
			Src:    "/show/brands/u/b/photos/1-960w.k.jpg",
			Srcset: "/show/brands/u/b/photos/1-480w.k.jpg 480w, /show/brands/u/b/photos/1-960w.k.jpg 960w, /show/brands/u/b/photos/1-1600w.k.jpg 1600w",
			Large:  "/show/brands/u/b/photos/1-1600w.k.jpg", Width: 1600, Height: 1067,
		}},
		{Kiosk, "photos/small.jpg", Photo{
			Src: "../../../brands/u/b/photos/small-300w.k.jpg", Srcset: "../../../brands/u/b/photos/small-300w.k.jpg 300w",
			Large: "../../../brands/u/b/photos/small-300w.k.jpg", Width: 300, Height: 200,
		}},
		// A photo the build did not resize is linked as it is.
		{Web, "photos/other.jpg", Photo{Src: "/show/brands/u/b/photos/other.jpg", Large: "/show/brands/u/b/photos/other.jpg"}},
	} {
		p := &Page{Site: s, Path: b.Path(), ctx: &pageContext{target: c.target, images: images}}
		if got := p.Photo(b, c.name); got != c.want {
			t.Errorf("%s %s:\n got %+v\nwant %+v", c.target, c.name, got, c.want)
		}
	}
}
