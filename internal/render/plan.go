package render

import (
	"showcase/internal/site"
	"showcase/internal/theme"
)

// Options configure rendering.
type Options struct {
	Target Target
	// Assets maps a theme static file's logical name to its published name.
	Assets map[string]string
}

// Job renders one output file.
type Job struct {
	// File is the output path, relative to the output folder.
	File   string
	Render func() ([]byte, error)
}

// Plan lists every page of the site and the feed and sitemap, in a fixed
// order. The jobs share nothing mutable, so they may run concurrently.
func Plan(s *site.Site, th *theme.Theme, opts Options) []Job {
	ctx := &pageContext{target: opts.Target, assets: opts.Assets}
	pages := Pages(s, ctx)
	jobs := make([]Job, 0, len(pages)+2)
	for _, p := range pages {
		jobs = append(jobs, Job{File: OutputFile(p.Path), Render: func() ([]byte, error) {
			return th.Render(p.Kind, p)
		}})
	}
	if opts.Target == Web {
		jobs = append(jobs,
			Job{File: "feed.xml", Render: func() ([]byte, error) { return Feed(s) }},
			Job{File: "sitemap.xml", Render: func() ([]byte, error) { return Sitemap(s, pages) }},
		)
	}
	return jobs
}

// Pages lists every HTML page of the site.
func Pages(s *site.Site, ctx *pageContext) []*Page {
	cfg := s.Config
	page := func(kind, path, title string) *Page {
		return &Page{Site: s, Kind: kind, Path: path, Title: title, ctx: ctx}
	}
	pages := []*Page{page("home", "", cfg.Title)}
	units := page("units", "units/", "参创单位")
	pages = append(pages, units)
	for _, u := range s.Units {
		p := page("unit", u.Path(), u.Name)
		p.Unit = u
		pages = append(pages, p)
	}
	for _, b := range s.Brands {
		p := page("brand", b.Path(), b.Name)
		p.Brand, p.Unit = b, b.Unit
		pages = append(pages, p)
	}
	pages = append(pages, groupPages(s, page, "stages", "创建阶段", s.Stages)...)
	pages = append(pages, groupPages(s, page, "statuses", "品牌状态", s.Statuses)...)
	plaques := page("plaques", "plaques/", "品牌牌匾")
	plaques.Brands = s.Brands
	pages = append(pages, plaques)
	// Each unit can print its own plaques: "showcase plaques --unit".
	for _, u := range s.Units {
		if len(u.Brands) == 0 {
			continue
		}
		p := page("plaques", "plaques/"+u.ID+"/", u.Name+" · 品牌牌匾")
		p.Unit, p.Brands = u, u.Brands
		pages = append(pages, p)
	}
	for _, b := range s.Brands {
		p := page("plaque", b.PlaquePath(), b.Name+" · 牌匾")
		p.Brand, p.Unit = b, b.Unit
		pages = append(pages, p)
	}
	pages = append(pages, page("404", "404.html", "页面未找到"))
	return pages
}

func groupPages(s *site.Site, page func(kind, path, title string) *Page, kind, title string, groups []*site.Group) []*Page {
	overview := page("groups", kind+"/", title)
	overview.Groups = groups
	pages := []*Page{overview}
	for _, g := range groups {
		p := page("group", g.Path(), g.Name)
		p.Group, p.Groups, p.SectionTitle = g, groups, title
		pages = append(pages, p)
	}
	return pages
}
