// Package site assembles the decoded content into the model every output is
// made from: units, brands, stages and statuses, linked and ordered. It does
// no I/O, so the same model serves builds, the preview server and tests.
package site

import (
	"html/template"
	"time"

	"showcase/internal/config"
	"showcase/internal/markdown"
	"showcase/internal/schema"
)

// Site is the assembled showcase.
type Site struct {
	Config *config.Config
	// Units are in list order; each holds its brands in list order.
	Units []*Unit
	// Brands are every published brand, unit by unit in list order.
	Brands   []*Brand
	Stages   []*Group
	Statuses []*Group
	// Featured are the demonstration brands, in list order.
	Featured []*Brand
	// Latest are brands by their most recent dated change, newest first.
	Latest []*Brand
	// Listed are the brands shown in lists and counts: every brand but
	// those whose status is not listed (摘牌), in list order.
	Listed []*Brand
	// Plaqued are the listed brands whose status gets a plaque (挂牌).
	Plaqued []*Brand
	// Decisions are the office's decisions, newest first.
	Decisions []*Decision

	brandByID map[string]*Brand
	unitByID  map[string]*Unit
}

// Unit is one unit and its brands.
type Unit struct {
	ID     string
	Source string
	schema.Unit
	Intro template.HTML
	// Brands are every brand of the unit with a page, listed or not;
	// Listed and Plaqued are those shown in lists and given plaques.
	Brands  []*Brand
	Listed  []*Brand
	Plaqued []*Brand
	// OrgPairs are the pairings with organizations that involve the
	// unit: its brands' and those naming the unit.
	OrgPairs []*Entry
}

// Brand is one brand with its links to the rest of the site.
type Brand struct {
	// ID is the URL id, unit-id/brand-id.
	ID     string
	Slug   string
	Source string
	Unit   *Unit
	schema.Brand
	// ReadBody reads the brand's body from wherever the loader keeps it
	// (in memory, or spooled to disk by a large build); nil for none.
	// Pages and the index call Body.
	ReadBody func() markdown.Document
	// ReadText, when set, reads only the body's plain text, which is all
	// the search index needs; BodyText reads it through ReadBody otherwise.
	ReadText func() string
	// BodyImages are the files of the bundle the body shows, by name,
	// published like photos.
	BodyImages []string
	// LogoSVG is the cleaned SVG logo, published instead of the file; nil
	// for a raster logo.
	LogoSVG []byte
	Stage   *config.Stage
	Status  *config.Status
	// Paired are the brands paired with this one, whichever side named the
	// pairing, in list order.
	Paired []*Brand
	// Updated is the latest date the file or a decision gives: declared,
	// named, an event of the timeline or a decision about the brand.
	// Builds never read the clock.
	Updated time.Time
	// OrgPairs are the brand's pairings with organizations, from the
	// decisions, oldest first.
	OrgPairs []*Entry
	// Delisting is the decision entry that gave the brand a status that
	// is not listed, when its status is one.
	Delisting *Entry
	order     int
	decisions []*Entry
	written   writtenStatus
	plaque    bool
}

// Group is a stage or a status with its brands, grouped by unit.
type Group struct {
	ID       string
	Name     string
	Ends     time.Time
	Featured bool
	// Listed is unset on a status whose brands leave lists and counts.
	Listed bool
	Kind   string // "stages" or "statuses"
	Brands []*Brand
	Units  []UnitBrands
}

// UnitBrands is a unit's share of a group's brands.
type UnitBrands struct {
	Unit   *Unit
	Brands []*Brand
}

// Path is the site path of a group's page.
func (g *Group) Path() string { return g.Kind + "/" + g.ID + "/" }

// Path is the site path of the unit's page.
func (u *Unit) Path() string { return "units/" + u.ID + "/" }

// Path is the site path of the brand's page.
func (b *Brand) Path() string { return "brands/" + b.ID + "/" }

// PlaquePath is the site path of the brand's plaque.
func (b *Brand) PlaquePath() string { return "plaques/" + b.ID + "/" }

// File returns the site path of a file of the brand's bundle, which is
// published beside the brand's page.
func (b *Brand) File(name string) string { return b.Path() + name }

// Body returns the brand's body: its HTML and plain text. It reads from
// wherever the loader keeps bodies, and writes nothing, so any number of
// pages may read it at once.
func (b *Brand) Body() markdown.Document {
	if b.ReadBody == nil {
		return markdown.Document{}
	}
	return b.ReadBody()
}

// BodyText returns the plain text of the brand's body, reading no more
// than it needs where the loader can.
func (b *Brand) BodyText() string {
	if b.ReadText != nil {
		return b.ReadText()
	}
	return b.Body().Text
}

// Ideas lists the brand's given ideas in order.
func (b *Brand) Ideas() []schema.Idea { return b.Brand.Ideas.List() }

// Featured reports whether the brand is a demonstration brand.
func (b *Brand) Featured() bool { return b.Status != nil && b.Status.Featured && !b.Status.Unlisted }

// Listed reports whether the brand shows in lists and counts.
func (b *Brand) Listed() bool { return b.Status == nil || !b.Status.Unlisted }

// HasPlaque reports whether the brand's status gets a plaque.
func (b *Brand) HasPlaque() bool { return b.plaque }

// Covered is how many of the unit's listed organizations have a listed
// brand; see Organizations.
func (u *Unit) Covered() int {
	n := 0
	for _, o := range u.Organizations {
		for _, b := range u.Listed {
			if b.Organization == o.Name {
				n++
				break
			}
		}
	}
	return n
}

// CoveragePercent is Covered as a whole percentage of the organizations
// listed, 0 when none are.
func (u *Unit) CoveragePercent() int {
	if len(u.Organizations) == 0 {
		return 0
	}
	return u.Covered() * 100 / len(u.Organizations)
}

// BrandOf returns the unit's listed brand of the organization named
// name, or nil.
func (u *Unit) BrandOf(name string) *Brand {
	for _, b := range u.Listed {
		if b.Organization == name {
			return b
		}
	}
	return nil
}

// BrandByID returns the brand with URL id, or nil.
func (s *Site) BrandByID(id string) *Brand { return s.brandByID[id] }

// UnitByID returns the unit with id, or nil.
func (s *Site) UnitByID(id string) *Unit { return s.unitByID[id] }
