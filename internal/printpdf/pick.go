package printpdf

import (
	"fmt"
	"sort"

	"showcase/internal/render"
	"showcase/internal/site"
)

// UnitError reports a unit that has nothing to print.
type UnitError struct {
	Unit string
	// Kind is what was to be printed.
	Kind render.PrintKind
	// Known are the units that do have something to print, sorted.
	Known []string
}

func (e *UnitError) Error() string {
	if e.Kind == render.PrintPlaques || e.Kind == "" {
		return fmt.Sprintf("unit %q has no plaques to print", e.Unit)
	}
	return fmt.Sprintf("unit %q has no brands to print", e.Unit)
}

// BrandError reports a brand that has nothing to print: unknown, or
// without a plaque when plaques are printed.
type BrandError struct {
	Brand string
	// Exists is set when the brand exists but gets no plaque.
	Exists bool
}

func (e *BrandError) Error() string {
	if e.Exists {
		return fmt.Sprintf("brand %q gets no plaque: its status has no plaque", e.Brand)
	}
	return fmt.Sprintf("no brand %q", e.Brand)
}

// pick returns the brands to print, in the site's order: those with a
// plaque for plaques, every listed brand for forms and boards; of one
// unit or one brand when asked.
func pick(s *site.Site, opts Options) ([]*site.Brand, error) {
	all := s.Plaqued
	if opts.Kind != render.PrintPlaques {
		all = nil
		for _, b := range s.Brands {
			if b.Listed() {
				all = append(all, b)
			}
		}
	}
	if opts.Brand != "" {
		for _, b := range all {
			if b.ID == opts.Brand {
				return []*site.Brand{b}, nil
			}
		}
		return nil, &BrandError{Brand: opts.Brand, Exists: s.BrandByID(opts.Brand) != nil}
	}
	if opts.Unit == "" {
		return all, nil
	}
	var out []*site.Brand
	known := map[string]bool{}
	for _, b := range all {
		known[b.Unit.ID] = true
		if b.Unit.ID == opts.Unit {
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		ue := &UnitError{Unit: opts.Unit, Kind: opts.Kind}
		for id := range known {
			ue.Known = append(ue.Known, id)
		}
		sort.Strings(ue.Known)
		return nil, ue
	}
	return out, nil
}
