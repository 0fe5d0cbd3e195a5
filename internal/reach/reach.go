// Package reach decides what an edit reaches: which output files a change
// of the source makes stale. The build's rebuild and the preview server
// both ask it, so a page is rendered again under one rule whichever of the
// two shows it.
//
// The output is laid out by entity. A unit owns units/<u>/index.html and
// plaques/<u>/index.html; a brand owns the folder brands/<u>/<b>/ (its page,
// logo and photos) and plaques/<u>/<b>/. Every other file gathers the whole
// site (home, lists, stage and status pages, search, feed, sitemap) and
// is stale after any change.
package reach

import (
	"strings"

	"showcase/internal/site"
)

// Change is what changed in a site's source, from the paths of the files
// that changed.
type Change struct {
	// Everything is set when the whole site must be read again: the
	// configuration changed, or a file the change cannot be narrowed
	// from, or it is a first build.
	Everything bool
	// Theme is set when a file under themes/ changed: every page may
	// have changed, though the content has not.
	Theme bool
	// Units are the units whose folders under content/ changed.
	Units map[string]bool
	// Decisions is set when a document of decisions/ changed: it
	// reaches the brands the old and new decisions name (see Decided).
	Decisions bool
}

// Classify tells what a change of the files at paths (slash-separated,
// relative to the site folder) can have changed. A nil paths means
// everything, as for a first build.
func Classify(paths []string) Change {
	c := Change{Everything: paths == nil, Units: map[string]bool{}}
	for _, p := range paths {
		switch unit := UnitOf(p); {
		case p == "themes" || strings.HasPrefix(p, "themes/"):
			c.Theme = true
		case p == "decisions" || strings.HasPrefix(p, "decisions/"):
			c.Decisions = true
		case unit != "":
			c.Units[unit] = true
		case p == "content" || strings.HasPrefix(p, "content/"):
			// A file beside the units: the content walk reports it, and
			// nothing narrower than the whole content can be said.
			c.Everything = true
		default:
			// showcase.yaml, or a file the site does not read; the
			// configuration reaches every page.
			c.Everything = true
		}
	}
	return c
}

// UnitOf returns the unit a source path belongs to: the first folder
// under content/, or "" for any other path.
func UnitOf(p string) string {
	rest, ok := strings.CutPrefix(p, "content/")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "/")
	return id
}

// Brand is what the rule needs of a brand as it was before the change:
// its id and the ids of the partners it named.
type Brand struct {
	ID       string
	Partners []string
	// Decision is set on a brand listed for what the decisions said of
	// it (see Decided): it is reached only when that changed. Said is
	// that, as a signature, and Units are the units, besides its own,
	// whose pages show its pairings.
	Decision bool
	Said     string
	Units    []string
}

// Before returns the brands of the given units as site s has them, for
// Of: what the pages of s showed before the change.
func Before(s *site.Site, units map[string]bool) []Brand {
	var before []Brand
	if s == nil {
		return nil
	}
	for id := range units {
		u := s.UnitByID(id)
		if u == nil {
			continue
		}
		for _, b := range u.Brands {
			before = append(before, BrandOf(b))
		}
	}
	return before
}

// BrandOf returns what the rule needs of brand b.
func BrandOf(b *site.Brand) Brand {
	r := Brand{ID: b.ID}
	for _, p := range b.Partners {
		r.Partners = append(r.Partners, p.ID)
	}
	for _, p := range b.Paired {
		r.Partners = append(r.Partners, p.ID)
	}
	return r
}

// Reached is what a change reaches.
type Reached struct {
	// All is set when every file is stale.
	All bool
	// Units and Brands are the units and brands whose own files are
	// stale, by id; every file that gathers the site is stale too.
	Units, Brands map[string]bool
}

// Everything is the reach of a change that reaches every file.
func Everything() Reached { return Reached{All: true} }

// Of returns what change c reaches in site after, given the brands the
// changed units had before it. A unit that changed reaches its own pages
// and those of its brands before and after; a brand reached so reaches
// the pages of every brand paired with it, whichever side names the
// pairing, before or after. wholeSite is set when the pages cannot be
// narrowed down (a theme whose layouts may show any brand on any page,
// or a kiosk, whose brand pages link neighbours across a stage).
func Of(c Change, before []Brand, after *site.Site, wholeSite bool) Reached {
	if c.Everything || c.Theme || wholeSite || after == nil {
		return Everything()
	}
	r := Reached{Units: map[string]bool{}, Brands: map[string]bool{}}
	for id := range c.Units {
		r.Units[id] = true
	}
	var decided []Brand
	for _, b := range before {
		if b.Decision {
			decided = append(decided, b)
			continue
		}
		r.Brands[b.ID] = true
	}
	if c.Decisions {
		r.decisions(decided, Decided(after))
	}
	for id := range c.Units {
		if u := after.UnitByID(id); u != nil {
			for _, b := range u.Brands {
				r.Brands[b.ID] = true
			}
		}
	}
	partners := map[string]bool{}
	for _, b := range before {
		if b.Decision && !r.Brands[b.ID] {
			continue
		}
		for _, p := range b.Partners {
			partners[p] = true
		}
	}
	for _, b := range after.Brands {
		if r.Brands[b.ID] {
			for _, p := range b.Paired {
				partners[p.ID] = true
			}
		}
		for _, p := range b.Partners {
			if r.Brands[p.ID] {
				partners[b.ID] = true
			}
		}
	}
	for id := range partners {
		r.Brands[id] = true
	}
	return r
}

// Stale reports whether output file is stale after the change: a file of
// a reached unit or brand, or one that gathers the site.
func (r Reached) Stale(file string) bool {
	if r.All {
		return true
	}
	unit, brand, ok := EntityOf(file)
	switch {
	case !ok:
		return true
	case brand == "":
		return r.Units[unit]
	default:
		return r.Brands[unit+"/"+brand]
	}
}

// EntityOf reads which unit, and which brand within it, an output file
// belongs to: brands/<u>/<b>/… (the page and the bundle's files),
// plaques/<u>/<b>/index.html, units/<u>/index.html or
// plaques/<u>/index.html. Any other file gathers the whole site, and
// EntityOf reports false.
func EntityOf(file string) (unit, brand string, ok bool) {
	parts := strings.Split(file, "/")
	switch {
	case len(parts) >= 4 && parts[0] == "brands":
		return parts[1], parts[2], true
	case len(parts) == 4 && parts[0] == "plaques" && parts[3] == "index.html":
		return parts[1], parts[2], true
	case len(parts) == 3 && (parts[0] == "units" || parts[0] == "plaques") && parts[2] == "index.html":
		return parts[1], "", true
	}
	return "", "", false
}

// UnitFiles are the files unit id owns in the output.
func UnitFiles(id string) []string {
	return []string{"units/" + id + "/index.html", "plaques/" + id + "/index.html"}
}

// BrandDirs are the folders brand id owns in the output: its page with its
// bundle's files, and its plaque page.
func BrandDirs(id string) []string {
	return []string{"brands/" + id, "plaques/" + id}
}
