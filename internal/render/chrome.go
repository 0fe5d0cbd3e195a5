package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"strconv"
	"sync"

	"showcase/internal/site"
	"showcase/internal/theme"
	"showcase/themes"
)

// The masthead and the footer are the same on thousands of pages and were
// about two fifths of the template work of a brand page, and all of it
// minified again on every page; a brand's card is the same on its unit's,
// stage's and status's page. base.html calls the first through
// Page.Chrome, the list of brands the cards through Page.Card.
// In a plan that splices (Options.Splice with Options.Minify, as the build
// runs), Chrome renders and minifies each once for each place it can
// differ in (chromeKey), puts an empty element of the same tag in the
// page, and the page's Expand puts the minified bytes back: the same bytes
// minifying the whole page gives, since the placeholder is the same
// block element where the minifier decides about white space
// (TestSpliceMatchesMinifier checks every page). Anywhere else, and for a
// site that overrides the layouts that draw them, Chrome renders them in
// place.

// chromeTags are the partials Chrome renders, with the element each
// begins and ends with.
var chromeTags = map[string]string{"masthead": "header", "page-footer": "footer", "attract": "div"}

// reusedLayouts are the layout files each reused partial is drawn by; a
// theme that overrides one of them may read anything of the page in
// them, so the partial is then rendered in place on every page.
var reusedLayouts = map[string][]string{
	"masthead":    {"layouts/partials/chrome.html"},
	"page-footer": {"layouts/partials/chrome.html", "layouts/partials/footer.html"},
	"brand-card":  {"layouts/partials/common.html"},
	"attract":     {"layouts/partials/kiosk.html"},
}

// chromeUse is one chrome partial a page rendered as a token.
type chromeUse struct{ key, tag string }

// chromeCache holds the minified chrome of one plan's pages by key.
type chromeCache struct {
	minify func(file string, data []byte) ([]byte, error)
	// inPlace are the partials the theme draws its own way.
	inPlace map[string]bool
	mu      sync.Mutex
	done    map[string][]byte
}

// newChromeCache returns the plan's chrome cache, or nil when the plan
// does not splice. Partials the theme draws its own way are marked to
// render in place.
func newChromeCache(th *theme.Theme, ctx *pageContext, opts Options) *chromeCache {
	if ctx.splice == "" || opts.Minify == nil {
		return nil
	}
	c := &chromeCache{minify: opts.Minify, inPlace: map[string]bool{}, done: map[string][]byte{}}
	own := th.OverriddenLayouts()
	for f := range own {
		// A layout file of the site's own may redefine any partial.
		if _, err := fs.Stat(themes.Default(), f); err != nil {
			for partial := range reusedLayouts {
				c.inPlace[partial] = true
			}
		}
	}
	for partial, files := range reusedLayouts {
		for _, f := range files {
			if _, ok := own[f]; ok {
				c.inPlace[partial] = true
			}
		}
	}
	return c
}

// chromeKey is everything the default chrome partials read of a page
// that is not the same on every page of the plan: its section, whether it
// is home or the submission page, and its link to the root, which holds
// the target and, for relative links, the page's depth.
func (p *Page) chromeKey(name string) string {
	kind := ""
	if p.Kind == "home" || p.Kind == "submit" {
		kind = p.Kind
	}
	return name + "\x00" + p.Section() + "\x00" + kind + "\x00" + p.URL("")
}

// Chrome renders the chrome partial name: "masthead", "page-footer" or,
// on the kiosk, "attract".
func (p *Page) Chrome(name string) (template.HTML, error) {
	tag, ok := chromeTags[name]
	if !ok {
		return "", fmt.Errorf("no chrome called %q", name)
	}
	return p.reuse(name, tag, p.chromeKey(name), p)
}

// Card renders brand b's card for a list of brands (the "brand-card"
// partial), the same on the brand's unit, stage and status pages: it reads
// only the brand and the page's link to the root.
func (p *Page) Card(b *site.Brand) (template.HTML, error) {
	return p.reuse("brand-card", "li", "brand-card\x00"+b.Source+"\x00"+p.URL(""), []any{p, b})
}

// reuse renders partial name with data, or, in a plan that splices,
// renders and minifies it once for key and returns a token, an empty
// element of the partial's outer tag, that the page's Expand replaces.
func (p *Page) reuse(name, tag, key string, data any) (template.HTML, error) {
	c := p.ctx.chrome
	if c == nil || !p.spliced || c.inPlace[name] {
		out, err := p.ctx.theme.RenderTemplate(p.Kind, name, data)
		return template.HTML(out), err
	}
	c.mu.Lock()
	_, ok := c.done[key]
	c.mu.Unlock()
	if !ok {
		out, err := p.ctx.theme.RenderTemplate(p.Kind, name, data)
		if err != nil {
			return "", err
		}
		if out, err = c.minify(OutputFile(p.Path), out); err != nil {
			return "", err
		}
		c.mu.Lock()
		c.done[key] = out
		c.mu.Unlock()
	}
	token := p.chromeToken(tag, len(p.chromes)) + tag + ">"
	p.chromes = append(p.chromes, chromeUse{key: key, tag: tag})
	return template.HTML(token), nil
}

// chromeToken is the empty element that stands for the page's i-th
// reused partial, up to the name of its end tag.
func (p *Page) chromeToken(tag string, i int) string {
	return "<" + tag + ` id="` + p.ctx.splice + "c" + strconv.Itoa(i) + `#"></`
}

// chromeParts returns the minified bytes of each reused partial the page
// rendered as a token, in order.
func (p *Page) chromeParts() [][]byte {
	if len(p.chromes) == 0 {
		return nil
	}
	c := p.ctx.chrome
	c.mu.Lock()
	defer c.mu.Unlock()
	parts := make([][]byte, len(p.chromes))
	for i, use := range p.chromes {
		parts[i] = c.done[use.key]
	}
	return parts
}
