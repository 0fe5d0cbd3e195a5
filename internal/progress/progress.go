// Package progress works out the campaign's progress from the assembled
// site: coverage per unit, brands per stage and status, declarations and
// namings by month, the targets and the stage deadlines. The /progress/
// page, the home page's compact block and "showcase export" all read
// these numbers, so the three always agree. Nothing here reads the clock:
// every "now" is the site's own newest date (see Progress.AsOf).
package progress

import (
	"time"

	"showcase/internal/site"
)

// LatestDecisions is how many decisions the page lists, newest first.
const LatestDecisions = 5

// Progress is the campaign's progress, as of the newest date of the site.
type Progress struct {
	// AsOf is the newest date of a decision, a declaration or a naming:
	// the day the figures describe, which the deadlines are measured
	// from. It is zero for a site without brands.
	AsOf time.Time
	// Units are the units in list order with their coverage; Total adds
	// them up.
	Units []Coverage
	Total Coverage
	// Stages and Statuses count brands in the campaign's order. Stages
	// count listed brands; Statuses count every brand, with Listed unset
	// on a status whose brands leave lists (摘牌).
	Stages   []Count
	Statuses []Count
	// Months are the months from the first declaration to AsOf, each
	// with how many brands were declared and named in it.
	Months  []Month
	Targets []Target
	// Deadlines are the stages that have an end date, in order.
	Deadlines []Deadline
	// Latest are the newest decisions, at most LatestDecisions.
	Latest []*site.Decision
	// Delisted are the brands a decision took out of the lists (摘牌),
	// in list order.
	Delisted []*site.Brand
}

// Of works out the progress of site s.
func Of(s *site.Site) *Progress {
	p := &Progress{AsOf: asOf(s)}
	p.coverage(s)
	p.counts(s)
	p.Months = months(s, p.AsOf)
	p.Targets = targets(s, p.AsOf)
	p.Deadlines = deadlines(s, p.AsOf)
	p.Latest = s.Decisions[:min(len(s.Decisions), LatestDecisions)]
	for _, b := range s.Brands {
		if b.Delisting != nil {
			p.Delisted = append(p.Delisted, b)
		}
	}
	return p
}

// asOf is the newest date a decision or a brand's declaration or naming
// gives.
func asOf(s *site.Site) time.Time {
	var t time.Time
	for _, d := range s.Decisions {
		if d.Date.After(t) {
			t = d.Date
		}
	}
	for _, b := range s.Brands {
		if b.Declared.After(t) {
			t = b.Declared
		}
		if b.Named.After(t) {
			t = b.Named
		}
	}
	return t
}

// Percent is part as a whole percentage of whole, rounded down; 0 when
// whole is 0.
func Percent(part, whole int) int {
	if whole <= 0 {
		return 0
	}
	return part * 100 / whole
}

// days is the number of whole days from a to b, negative when b is
// before a.
func days(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}
