package render

import (
	"strings"

	"showcase/internal/reach"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// EntityJob returns the job of one brand's or one unit's page, or of its
// plaques, as Plan makes it, without planning the rest of the site: the
// preview server renders the page an edit touched before anything else.
// It reports false for every other file, for a page Plan does not make
// (a brand that is not published, the plaques of a unit without plaques),
// and with the options that make the jobs of a plan share work (Splice,
// Sheets).
func EntityJob(s *site.Site, th *theme.Theme, opts Options, file string) (Job, bool) {
	if opts.Splice || opts.Sheets != nil {
		return Job{}, false
	}
	ctx := &pageContext{target: opts.Target, assets: opts.Assets, images: opts.Images, theme: th}
	withSubmit(s, th, ctx)
	p := entityPage(s, ctx, file)
	if p == nil {
		return Job{}, false
	}
	return pageJob(themeRender(th), p), true
}

// entityPage makes the page of file, if it is the page of a unit or a
// brand, through the constructors Pages uses.
func entityPage(s *site.Site, ctx *pageContext, file string) *Page {
	dir, ok := strings.CutSuffix(file, "/index.html")
	if !ok {
		return nil
	}
	unit, brand, ok := reach.EntityOf(file)
	switch {
	case !ok:
		return nil
	case brand != "":
		b := s.BrandByID(unit + "/" + brand)
		switch {
		case b == nil:
			return nil
		case dir == strings.TrimSuffix(b.Path(), "/"):
			return brandPage(s, ctx, b)
		case dir == strings.TrimSuffix(b.PlaquePath(), "/"):
			return plaquePage(s, ctx, b)
		}
	default:
		u := s.UnitByID(unit)
		switch {
		case u == nil:
			return nil
		case dir == strings.TrimSuffix(u.Path(), "/"):
			return unitPage(s, ctx, u)
		case len(u.Plaqued) > 0:
			return unitPlaquesPage(s, ctx, u)
		}
	}
	return nil
}

// newPage makes a page of the site.
func newPage(s *site.Site, ctx *pageContext, kind, path, title string) *Page {
	return &Page{Site: s, Kind: kind, Path: path, Title: title, ctx: ctx}
}

// unitPage is the page of unit u.
func unitPage(s *site.Site, ctx *pageContext, u *site.Unit) *Page {
	p := newPage(s, ctx, "unit", u.Path(), u.Name)
	p.Unit = u
	return p
}

// brandPage is the page of brand b.
func brandPage(s *site.Site, ctx *pageContext, b *site.Brand) *Page {
	p := newPage(s, ctx, "brand", b.Path(), b.Name)
	p.Brand, p.Unit = b, b.Unit
	return p
}

// unitPlaquesPage prints unit u's plaques: "showcase plaques --unit".
func unitPlaquesPage(s *site.Site, ctx *pageContext, u *site.Unit) *Page {
	p := newPage(s, ctx, "plaques", "plaques/"+u.ID+"/", u.Name+" · 品牌牌匾")
	p.Unit, p.Brands = u, u.Plaqued
	return p
}

// plaquePage is brand b's plaque.
func plaquePage(s *site.Site, ctx *pageContext, b *site.Brand) *Page {
	p := newPage(s, ctx, "plaque", b.PlaquePath(), b.Name+" · 牌匾")
	p.Brand, p.Unit = b, b.Unit
	return p
}
