package reach

import (
	"fmt"
	"strings"

	"showcase/internal/site"
)

// Decided returns the brands the decisions of site s name, each with what
// the decisions say of it, for Of: given those of the site before a
// change of decisions/ and after it, Of reaches the brands whose pages
// would show something else.
func Decided(s *site.Site) []Brand {
	if s == nil {
		return nil
	}
	byName := map[string]string{}
	for _, u := range s.Units {
		byName[u.Name] = u.ID
	}
	seen := map[*site.Brand]bool{}
	var out []Brand
	for _, d := range s.Decisions {
		for _, e := range d.Entries {
			if seen[e.Brand] {
				continue
			}
			seen[e.Brand] = true
			b := BrandOf(e.Brand)
			b.Decision, b.Said = true, said(e.Brand)
			for _, p := range e.Brand.OrgPairs {
				if id := byName[p.UnitName]; id != "" {
					b.Units = append(b.Units, id)
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// said is what the decisions say of brand b, as its pages show it: its
// status, naming date and every entry of its archive that a decision
// made, with the document's id, title, number and date.
func said(b *site.Brand) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s|%s", b.Brand.Status, b.Named.Format("2006-01-02"))
	for _, e := range b.Decided() {
		d := e.Decision
		fmt.Fprintf(&sb, "\x00%s|%s|%s|%s|%s|%s|%d|%s|%s", d.ID, d.Title, d.Number, d.Date.Format("2006-01-02"), e.Kind, e.Reason, e.Year, e.Organization, e.UnitName)
		if e.Status != nil {
			sb.WriteString("|" + e.Status.ID)
		}
		if e.Review != nil {
			sb.WriteString("|" + e.Review.ID)
		}
	}
	return sb.String()
}

// decisions reaches what a change of decisions/ changed: each brand the
// decisions name before or after whose pages show something else, with
// its unit, whose pages list it, and the units its pairings name.
func (r Reached) decisions(before, after []Brand) {
	old := map[string]Brand{}
	for _, b := range before {
		old[b.ID] = b
	}
	now := map[string]Brand{}
	for _, b := range after {
		now[b.ID] = b
	}
	reach := func(b Brand) {
		r.Brands[b.ID] = true
		unit, _, _ := strings.Cut(b.ID, "/")
		r.Units[unit] = true
		for _, u := range b.Units {
			r.Units[u] = true
		}
	}
	for id, o := range old {
		if n, ok := now[id]; !ok || n.Said != o.Said {
			reach(o)
		}
	}
	for id, n := range now {
		if o, ok := old[id]; !ok || n.Said != o.Said {
			reach(n)
		}
	}
}
