package progress

import "showcase/internal/site"

// Coverage is how far a unit has come towards 一组织一品牌: how many of
// the organizations it lists have a listed brand.
type Coverage struct {
	// Unit is nil on the total.
	Unit *site.Unit
	// Organizations are those the unit lists; Covered those of them with
	// a listed brand; Brands the unit's listed brands, listed
	// organization or not.
	Organizations int
	Covered       int
	Brands        int
}

// Percent is the share of organizations covered, rounded down; 0 when the
// unit lists none.
func (c Coverage) Percent() int { return Percent(c.Covered, c.Organizations) }

// Listed reports whether the unit lists its organizations, without which
// it has no share to show.
func (c Coverage) Listed() bool { return c.Organizations > 0 }

// coverage works out each unit's coverage and the total.
func (p *Progress) coverage(s *site.Site) {
	for _, u := range s.Units {
		c := Coverage{Unit: u, Organizations: len(u.Organizations), Covered: u.Covered(), Brands: len(u.Listed)}
		p.Units = append(p.Units, c)
		p.Total.Organizations += c.Organizations
		p.Total.Covered += c.Covered
		p.Total.Brands += c.Brands
	}
}
