package render

import (
	"testing"

	"showcase/internal/config"
	"showcase/internal/schema"
	"showcase/internal/site"
)

func TestShareImage(t *testing.T) {
	s := &site.Site{Config: &config.Config{BaseURL: "https://brands.example.org/sub/"}}
	unit := &site.Unit{ID: "finance"}
	images := map[string]Image{"brands/finance/ledger/photos/1.jpg": {Sizes: []ImageSize{
		{File: "brands/finance/ledger/photos/1.480.jpg", Width: 480},
		{File: "brands/finance/ledger/photos/1.960.jpg", Width: 960},
		{File: "brands/finance/ledger/photos/1.1920.jpg", Width: 1920},
	}}}
	tests := []struct {
		name   string
		brand  schema.Brand
		target Target
		want   string
	}{
		{"raster logo", schema.Brand{Logo: "logo.png", Photos: []string{"photos/1.jpg"}}, Web, "https://brands.example.org/sub/brands/finance/ledger/logo.png"},
		{"svg logo, a photo", schema.Brand{Logo: "logo.svg", Photos: []string{"photos/1.jpg", "photos/2.jpg"}}, Web, "https://brands.example.org/sub/brands/finance/ledger/photos/1.960.jpg"},
		{"svg logo, an unresized photo", schema.Brand{Logo: "logo.svg", Photos: []string{"photos/2.jpg"}}, Web, "https://brands.example.org/sub/brands/finance/ledger/photos/2.jpg"},
		{"svg logo alone", schema.Brand{Logo: "logo.svg"}, Web, "https://brands.example.org/sub/brands/finance/ledger/logo.svg"},
		{"kiosk", schema.Brand{Logo: "logo.png"}, Kiosk, ""},
	}
	for _, tt := range tests {
		b := &site.Brand{ID: "finance/ledger", Unit: unit, Brand: tt.brand}
		p := &Page{Site: s, Kind: "brand", Path: b.Path(), Brand: b, Unit: unit, ctx: &pageContext{target: tt.target, images: images}}
		got := ""
		if sh := p.Share(); sh != nil {
			got = sh.Image
			if sh.URL != "https://brands.example.org/sub/brands/finance/ledger/" {
				t.Errorf("%s: URL %q", tt.name, sh.URL)
			}
		}
		if got != tt.want {
			t.Errorf("%s: image %q, want %q", tt.name, got, tt.want)
		}
	}
	// A unit page shows its first brand's logo, never a photo size.
	b := &site.Brand{ID: "finance/ledger", Unit: unit, Brand: schema.Brand{Logo: "logo.svg", Photos: []string{"photos/1.jpg"}}}
	unit.Brands = []*site.Brand{b}
	p := &Page{Site: s, Kind: "unit", Path: unit.Path(), Unit: unit, ctx: &pageContext{target: Web, images: images}}
	if got, want := p.Share().Image, "https://brands.example.org/sub/brands/finance/ledger/logo.svg"; got != want {
		t.Errorf("unit: image %q, want %q", got, want)
	}
}
