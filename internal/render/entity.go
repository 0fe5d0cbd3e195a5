package render

import (
	"strings"

	"showcase/internal/site"
	"showcase/internal/theme"
)

// EntityJob returns the job of one brand's or one unit's page, or of its
// plaques, as Plan makes it, without planning the rest of the site: the
// preview server renders the page an edit touched before anything else.
// It reports false for every other file, for a page Plan does not make
// (a brand that is not published, the plaques of a unit without brands),
// and with the options that make the jobs of a plan share work (Splice,
// Sheets).
func EntityJob(s *site.Site, th *theme.Theme, opts Options, file string) (Job, bool) {
	if opts.Splice || opts.Sheets != nil {
		return Job{}, false
	}
	p := entityPage(s, file)
	if p == nil {
		return Job{}, false
	}
	p.ctx = &pageContext{target: opts.Target, assets: opts.Assets, images: opts.Images}
	render := func(p *Page) ([]byte, error) { return th.Render(p.Kind, p) }
	if p.Kind == "brand" && opts.BrandBody != nil {
		render = withBody(render, opts.BrandBody)
	}
	return pageJob(render, p), true
}

// entityPage makes the page of file as Pages does, if it is the page of a
// unit or a brand: units/<u>/, brands/<u>/<b>/, plaques/<u>/ and
// plaques/<u>/<b>/.
func entityPage(s *site.Site, file string) *Page {
	dir, ok := strings.CutSuffix(file, "/index.html")
	if !ok {
		return nil
	}
	parts := strings.Split(dir, "/")
	page := func(kind, path, title string) *Page {
		return &Page{Site: s, Kind: kind, Path: path, Title: title}
	}
	switch {
	case len(parts) == 2 && parts[0] == "units":
		u := s.UnitByID(parts[1])
		if u == nil {
			return nil
		}
		p := page("unit", u.Path(), u.Name)
		p.Unit = u
		return p
	case len(parts) == 2 && parts[0] == "plaques":
		u := s.UnitByID(parts[1])
		if u == nil || len(u.Brands) == 0 {
			return nil
		}
		p := page("plaques", "plaques/"+u.ID+"/", u.Name+" · 品牌牌匾")
		p.Unit, p.Brands = u, u.Brands
		return p
	case len(parts) == 3 && parts[0] == "brands":
		b := s.BrandByID(parts[1] + "/" + parts[2])
		if b == nil {
			return nil
		}
		p := page("brand", b.Path(), b.Name)
		p.Brand, p.Unit = b, b.Unit
		return p
	case len(parts) == 3 && parts[0] == "plaques":
		b := s.BrandByID(parts[1] + "/" + parts[2])
		if b == nil {
			return nil
		}
		p := page("plaque", b.PlaquePath(), b.Name+" · 牌匾")
		p.Brand, p.Unit = b, b.Unit
		return p
	}
	return nil
}

// EntityOf reads which unit, and which brand within it, a page belongs to:
// brands/<u>/<b>/, plaques/<u>/<b>/, units/<u>/ or plaques/<u>/. Any other
// page gathers the whole site, and EntityOf reports false.
func EntityOf(file string) (unit, brand string, ok bool) {
	dir, ok := strings.CutSuffix(file, "/index.html")
	if !ok {
		return "", "", false
	}
	parts := strings.Split(dir, "/")
	switch {
	case len(parts) == 3 && (parts[0] == "brands" || parts[0] == "plaques"):
		return parts[1], parts[2], true
	case len(parts) == 2 && (parts[0] == "units" || parts[0] == "plaques"):
		return parts[1], "", true
	}
	return "", "", false
}
