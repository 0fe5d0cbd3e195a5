// Package render turns the assembled site into output files: HTML pages
// through the theme, the Atom feed, the sitemap and QR codes. It writes
// nothing to disk; the build hands what it renders to the publisher.
package render

import (
	"html/template"
	"path"
	"strings"
	"sync"

	"showcase/internal/config"
	"showcase/internal/progress"
	"showcase/internal/search"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// Target is the kind of output a build makes.
type Target string

const (
	// Web is the published site: clean URLs under the base URL.
	Web Target = "web"
	// Kiosk is a folder that works from file://: relative links to files.
	Kiosk Target = "kiosk"
)

// Page is what a page template sees.
type Page struct {
	Site *site.Site
	// Kind names the page template: home, unit, brand, group, groups,
	// plaque, plaques, units, 404.
	Kind string
	// Path is the page's site path: "" for home, "units/finance/", "404.html".
	Path  string
	Title string
	// SectionTitle names the overview a stage or status page belongs to.
	SectionTitle string

	Unit   *site.Unit
	Brand  *site.Brand
	Group  *site.Group
	Groups []*site.Group
	Brands []*site.Brand
	// Decision is set on a decision's page.
	Decision *site.Decision

	ctx *pageContext
	// searchIndex is set on the search page only.
	searchIndex func() *search.Index
	// splices are the minified path data of the QR codes rendered as
	// tokens, in page order; see splice.go.
	splices [][]byte
	// sheets are the brands whose plaque sheets were rendered as tokens,
	// in page order; see sheets.go.
	sheets []*site.Brand
	// print is set on a page of sheets to print; see print.go.
	print *PrintOptions
	// spliced is set when the page's job expands tokens after minifying,
	// and chromes are the chrome partials it rendered as tokens.
	spliced bool
	chromes []chromeUse
	// linkRoot, while a kiosk's plaque sheet renders for reuse, stands
	// for the way up to the site's root in every link; see sheets.go.
	linkRoot string
}

// pageContext is what every page of one build shares.
type pageContext struct {
	target Target
	assets map[string]string
	images map[string]Image
	// splice is the token prefix of QR codes when splicing, else empty.
	splice string
	// progress is the campaign's progress, worked out once per plan for
	// the pages that show it (see progress.go); nil outside a plan.
	progress func() *progress.Progress
	// submit is set when the site has a submission page; see submit.go.
	submit bool
	// submitLayouts are the theme's own layouts the page's preview loads.
	submitLayouts map[string]string
	// theme renders the chrome partials (see chrome.go); chrome, when
	// set, keeps them rendered once for the plan.
	theme  *theme.Theme
	chrome *chromeCache

	// basePath is the site's Config.BasePath, which parses the base URL:
	// every link of every page on the web starts with it.
	basePathOnce sync.Once
	basePath     string
}

// base returns the path part of the site's base URL, worked out once.
func (c *pageContext) base(cfg *config.Config) string {
	c.basePathOnce.Do(func() { c.basePath = cfg.BasePath() })
	return c.basePath
}

// Target returns "web" or "kiosk", for templates that differ by target.
func (p *Page) Target() string { return string(p.ctx.target) }

// URL returns the link from this page to a site path: root-relative under
// the base URL for the web, relative and naming index.html for the kiosk
// and for the submission page, which must also work opened from a copy of
// the site on a USB stick (file://).
func (p *Page) URL(sitePath string) string {
	if p.ctx.target == Kiosk || p.Kind == "submit" {
		if p.linkRoot != "" {
			return p.linkRoot + OutputFile(sitePath)
		}
		return relative(p.Path, sitePath)
	}
	return p.ctx.base(p.Site.Config) + sitePath
}

// AbsURL returns the absolute URL of a site path under the base URL.
func (p *Page) AbsURL(sitePath string) string {
	return strings.TrimSuffix(p.Site.Config.BaseURL, "/") + "/" + sitePath
}

// Asset returns the link to a theme static file by its logical name
// ("css/site.css"), which the build may have fingerprinted.
func (p *Page) Asset(name string) string {
	if fp, ok := p.ctx.assets[name]; ok {
		name = fp
	}
	return p.URL(name)
}

// QR returns an SVG QR code of the absolute URL of a site path.
func (p *Page) QR(sitePath string) (template.HTML, error) {
	if p.ctx.splice != "" {
		return p.qrSpliced(p.AbsURL(sitePath))
	}
	return QRCode(p.AbsURL(sitePath))
}

// OutputFile is the file a site path is written to.
func OutputFile(sitePath string) string {
	if sitePath == "" || strings.HasSuffix(sitePath, "/") {
		return sitePath + "index.html"
	}
	return sitePath
}

// relative returns the link from the page at site path from to site path to,
// naming the file so it works without a server.
func relative(from, to string) string {
	return upToRoot(from) + OutputFile(to)
}

// upToRoot is the way from the page at site path from up to the site's
// root: "" for a page in the root, "../" for one a folder down.
func upToRoot(from string) string {
	dir := path.Dir(OutputFile(from))
	if dir == "." {
		return ""
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1)
}

// Section is the top-level part of the site the page belongs to, for
// marking the current item of the navigation. Brand pages belong to units.
func (p *Page) Section() string {
	first, _, _ := strings.Cut(p.Path, "/")
	switch first {
	case "brands":
		return "units"
	case "404.html":
		return ""
	}
	return first
}

// PlaqueClass is the CSS class that selects the configured plaque paper.
func (p *Page) PlaqueClass() string {
	pl := p.Site.Config.Plaque
	return "paper-" + strings.ToLower(pl.Size) + "-" + pl.Orientation
}
