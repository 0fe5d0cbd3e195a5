package render

import (
	"encoding/json"
	"fmt"
	"strings"

	"showcase/internal/site"
)

// AttractPath is the site path of the kiosk's attract-loop data, a script
// that sets the global showcaseAttract. It is a script and not JSON because
// a page opened from file:// may not fetch another file.
const AttractPath = "kiosk/attract.js"

// Kiosk reports whether the page is rendered for the kiosk target.
func (p *Page) Kiosk() bool { return p.ctx.target == Kiosk }

// Root returns the link from this page to the output folder, ending in "/"
// or empty: kiosk scripts prefix it to the site paths in the attract data.
func (p *Page) Root() string {
	if p.ctx.target == Kiosk {
		return strings.TrimSuffix(relative(p.Path, ""), OutputFile(""))
	}
	return p.ctx.base(p.Site.Config)
}

// Neighbours are the brands before and after a brand in one list of brands,
// for the kiosk's previous and next buttons and swipes. The list wraps
// around, so a visitor can keep swiping.
type Neighbours struct {
	// Label names the list: the unit's or the stage's name.
	Label string
	// Path is the site path of the list's page.
	Path       string
	Prev, Next *site.Brand
	// Pos is the brand's 1-based place in a list of Count brands.
	Pos, Count int
}

// Neighbours returns the brand page's neighbours among the brands of its
// unit and among those of its stage, leaving out a list that holds only
// the brand itself. It is empty on other pages.
func (p *Page) Neighbours() []Neighbours {
	b := p.Brand
	if b == nil || p.Kind != "brand" {
		return nil
	}
	var out []Neighbours
	if n, ok := neighbours(b, b.Unit.Listed); ok {
		n.Label, n.Path = b.Unit.Name, b.Unit.Path()
		out = append(out, n)
	}
	if g := p.stageOf(b); g != nil {
		if n, ok := neighbours(b, g.Brands); ok {
			n.Label, n.Path = g.Name, g.Path()
			out = append(out, n)
		}
	}
	return out
}

func (p *Page) stageOf(b *site.Brand) *site.Group {
	if b.Stage == nil {
		return nil
	}
	for _, g := range p.Site.Stages {
		if g.ID == b.Stage.ID {
			return g
		}
	}
	return nil
}

// neighbours finds b in list and the brands on either side of it.
func neighbours(b *site.Brand, list []*site.Brand) (Neighbours, bool) {
	n := len(list)
	if n < 2 {
		return Neighbours{}, false
	}
	for i, x := range list {
		if x == b {
			return Neighbours{Prev: list[(i+n-1)%n], Next: list[(i+1)%n], Pos: i + 1, Count: n}, true
		}
	}
	return Neighbours{}, false
}

// attractSlide is one brand of the attract loop. Paths are site paths,
// relative to the output folder.
type attractSlide struct {
	Name    string `json:"name"`
	Unit    string `json:"unit"`
	Concept string `json:"concept"`
	Logo    string `json:"logo"`
	Photo   string `json:"photo,omitempty"`
	Href    string `json:"href"`
}

// kioskJobs lists the files only the kiosk has: the attract-loop data.
func kioskJobs(s *site.Site, ctx *pageContext) []Job {
	if ctx.target != Kiosk {
		return nil
	}
	return []Job{{File: AttractPath, Minified: true, Render: func() ([]byte, error) {
		data, err := json.Marshal(attractSlides(s, ctx))
		if err != nil {
			return nil, fmt.Errorf("attract data: %w", err)
		}
		return fmt.Appendf(nil, "window.showcaseAttract=%s;\n", data), nil
	}}}
}

// attractSlides lists the brands in the attract loop's order: the
// demonstration brands first, then the rest in site order.
func attractSlides(s *site.Site, ctx *pageContext) []attractSlide {
	order := make([]*site.Brand, 0, len(s.Listed))
	order = append(order, s.Featured...)
	for _, b := range s.Listed {
		if !b.Featured() {
			order = append(order, b)
		}
	}
	slides := make([]attractSlide, 0, len(order))
	for _, b := range order {
		slides = append(slides, attractSlide{
			Name: b.Name, Unit: b.Unit.Name, Concept: b.Concept,
			Logo: b.File(b.Logo), Photo: attractPhoto(b, ctx), Href: OutputFile(b.Path()),
		})
	}
	return slides
}

// attractPhoto is the brand's first photo in its largest published size,
// or the photo as it is when the build did not resize it.
func attractPhoto(b *site.Brand, ctx *pageContext) string {
	if len(b.Photos) == 0 {
		return ""
	}
	name := b.File(b.Photos[0])
	if img, ok := ctx.images[name]; ok && len(img.Sizes) > 0 {
		return img.Sizes[len(img.Sizes)-1].File
	}
	return name
}
