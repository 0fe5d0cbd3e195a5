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
	// Images maps the site path of a bundle's photo (Brand.File) to its
	// published sizes. A photo missing from it is linked as it is.
	Images map[string]Image
	// Splice renders pages with tokens for the path data of their QR
	// codes and sets Job.Expand to put it back after minifying (see
	// splice.go). Only a caller that minifies, as the build does, sets it.
	Splice bool
	// Sheets, with Splice and Minify, on the web target, renders each
	// plaque sheet once for the three pages that show it (see sheets.go).
	Sheets SheetStore
	// Minify minifies a file's content as the build will.
	Minify func(file string, data []byte) ([]byte, error)
	// SitemapLimit is the most URLs a sitemap file lists; zero means
	// SitemapLimit. Tests set it low to see the sitemap split.
	SitemapLimit int
}

// Job renders one output file.
type Job struct {
	// File is the output path, relative to the output folder.
	File   string
	Render func() ([]byte, error)
	// Owned is set when Render's bytes are a copy nothing else holds, as
	// a page's are: a build may put them back in bufpool once minified.
	Owned bool
	// Minified is set when Render's output is already as small as the
	// minifier would make it, as the search index is: minifying tens of
	// megabytes of data again would only cost time.
	Minified bool
	// Expand, when set, turns the minified output of Render into the
	// file's content; see Options.Splice.
	Expand func(minified []byte) ([]byte, error)
	// Compose, when set instead of Expand, turns the minified output into
	// the file's segments.
	Compose func(minified []byte) ([]Segment, error)
	// Late jobs run after every other job has finished, since they
	// gather what those stored.
	Late bool
}

// Plan lists every page of the site and the feed and sitemap, in a fixed
// order. The jobs share nothing mutable, so they may run concurrently.
func Plan(s *site.Site, th *theme.Theme, opts Options) []Job {
	ctx := &pageContext{target: opts.Target, assets: opts.Assets, images: opts.Images, progress: onceProgress(s), theme: th}
	if opts.Splice {
		ctx.splice = spliceToken()
	}
	ctx.chrome = newChromeCache(th, ctx, opts)
	withSubmit(s, th, ctx)
	pages := Pages(s, ctx)
	sheets := newSheetPlan(s, th, ctx, opts)
	jobs := make([]Job, 0, len(pages)+2)
	for _, p := range pages {
		if sheets != nil && (p.Kind == "plaque" || p.Kind == "plaques") {
			jobs = append(jobs, sheets.job(p))
			continue
		}
		jobs = append(jobs, pageJob(themeRender(th), p))
	}
	if opts.Target == Web {
		limit := opts.SitemapLimit
		if limit <= 0 {
			limit = SitemapLimit
		}
		jobs = append(jobs,
			Job{File: "feed.xml", Render: func() ([]byte, error) { return Feed(s) }},
			Job{File: "robots.txt", Render: func() ([]byte, error) { return Robots(s), nil }},
		)
		jobs = append(jobs, SitemapJobs(s, pages, limit)...)
	}
	jobs = append(jobs, searchJobs(s, th, ctx)...)
	jobs = append(jobs, kioskJobs(s, ctx)...)
	jobs = append(jobs, submitJobs(s, th, ctx)...)
	return jobs
}

// Pages lists every HTML page of the site.
func Pages(s *site.Site, ctx *pageContext) []*Page {
	cfg := s.Config
	page := func(kind, path, title string) *Page { return newPage(s, ctx, kind, path, title) }
	pages := []*Page{page("home", "", cfg.Title)}
	pages = append(pages, page("units", "units/", "参创单位"))
	for _, u := range s.Units {
		pages = append(pages, unitPage(s, ctx, u))
	}
	for _, b := range s.Brands {
		pages = append(pages, brandPage(s, ctx, b))
	}
	pages = append(pages, groupPages(s, page, "stages", "创建阶段", s.Stages)...)
	pages = append(pages, groupPages(s, page, "statuses", "品牌状态", s.Statuses)...)
	plaques := page("plaques", "plaques/", "品牌牌匾")
	plaques.Brands = s.Plaqued
	pages = append(pages, plaques)
	for _, u := range s.Units {
		if len(u.Plaqued) > 0 {
			pages = append(pages, unitPlaquesPage(s, ctx, u))
		}
	}
	for _, b := range s.Brands {
		pages = append(pages, plaquePage(s, ctx, b))
	}
	pages = append(pages, decisionPages(s, ctx)...)
	pages = append(pages, page("progress", ProgressPath, "进度看板"))
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

// themeRender renders a page through its kind's template.
func themeRender(th *theme.Theme) func(*Page) ([]byte, error) {
	return func(p *Page) ([]byte, error) { return th.Render(p.Kind, p) }
}
