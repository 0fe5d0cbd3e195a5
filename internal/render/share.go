package render

import (
	"fmt"
	"path"
	"strings"

	"showcase/internal/site"
)

// Share is what a page tells the sites and chat apps its link is shared
// on (Open Graph): a title, a description and an image, by absolute URL.
type Share struct {
	Title       string
	Description string
	// Image is the absolute URL of the picture, or "" for none.
	Image string
	URL   string
	// Type is "article" for a brand and "website" otherwise.
	Type string
}

// Description is the page's summary for its description meta tag: the
// brand's concept, a unit's brands, or the site's description.
func (p *Page) Description() string {
	switch {
	case p.Kind == "brand" && p.Brand != nil:
		if p.Brand.Slogan != "" {
			return p.Brand.Slogan + "。" + p.Brand.Concept
		}
		return p.Brand.Concept
	case p.Kind == "unit" && p.Unit != nil:
		return unitSummary(p.Unit)
	}
	return p.Site.Config.Description
}

// unitSummary names a unit's brands in a sentence.
func unitSummary(u *site.Unit) string {
	if len(u.Brands) == 0 {
		return u.Name + "的党建品牌。"
	}
	names := make([]string, 0, 5)
	for i, b := range u.Brands {
		if i == 5 {
			break
		}
		names = append(names, "“"+b.Name+"”")
	}
	more := ""
	if len(u.Brands) > len(names) {
		more = "等"
	}
	return fmt.Sprintf("%s的 %d 个党建品牌：%s%s。", u.Name, len(u.Brands), strings.Join(names, "、"), more)
}

// Share returns the page's Open Graph data, or nil on pages that have
// none: only the web target's brand and unit pages are shared.
func (p *Page) Share() *Share {
	if p.ctx.target != Web || (p.Kind != "brand" && p.Kind != "unit") {
		return nil
	}
	sh := &Share{Title: p.Title, Description: p.Description(), URL: p.AbsURL(p.Path), Type: "website"}
	switch {
	case p.Kind == "brand" && p.Brand != nil:
		sh.Type = "article"
		sh.Title = p.Brand.Name + "（" + p.Brand.Unit.Name + "）"
		sh.Image = p.shareImage(p.Brand)
	case p.Unit != nil && len(p.Unit.Brands) > 0:
		// A unit is shown by its first brand's logo: its page links no
		// photo, so it depends on no published photo size.
		if b := p.Unit.Brands[0]; b.Logo != "" {
			sh.Image = p.AbsURL(b.File(b.Logo))
		}
	}
	return sh
}

// shareImage returns the absolute URL of the picture a brand is shared
// with: its logo when it is a raster image, which every app shows, else
// its first photo, else its logo as it is.
func (p *Page) shareImage(b *site.Brand) string {
	if b.Logo == "" {
		return ""
	}
	switch strings.ToLower(path.Ext(b.Logo)) {
	case ".png", ".jpg", ".jpeg":
		return p.AbsURL(b.File(b.Logo))
	}
	if len(b.Photos) > 0 {
		return p.AbsURL(p.photoFile(b, b.Photos[0]))
	}
	return p.AbsURL(b.File(b.Logo))
}

// photoFile returns the site path of the size of a photo fit to be shared:
// the widest up to srcWidth, or the photo as it is.
func (p *Page) photoFile(b *site.Brand, name string) string {
	img, ok := p.ctx.images[b.File(name)]
	if !ok || len(img.Sizes) == 0 {
		return b.File(name)
	}
	file := img.Sizes[0].File
	for _, s := range img.Sizes {
		if s.Width <= srcWidth {
			file = s.File
		}
	}
	return file
}
