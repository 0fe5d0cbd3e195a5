package progress

import (
	"time"

	"showcase/internal/site"
)

// Count is how many brands a stage or status holds.
type Count struct {
	Group *site.Group
	Count int
	// Listed is unset on a status whose brands leave lists (摘牌).
	Listed bool
}

// Month is one month of the campaign: the brands declared in it and those
// named in it (a delisted brand still counts where it was named).
type Month struct {
	// Start is the month's first day.
	Start    time.Time
	Declared int
	Named    int
}

// counts counts the brands of each stage and status.
func (p *Progress) counts(s *site.Site) {
	for _, g := range s.Stages {
		p.Stages = append(p.Stages, Count{Group: g, Count: len(g.Brands), Listed: true})
	}
	for _, g := range s.Statuses {
		p.Statuses = append(p.Statuses, Count{Group: g, Count: len(g.Brands), Listed: g.Listed})
	}
}

// months counts declarations and namings by month, from the month of the
// first declaration or naming to that of asOf, empty months included so
// the time axis is even.
func months(s *site.Site, asOf time.Time) []Month {
	var first time.Time
	for _, b := range s.Brands {
		for _, t := range []time.Time{b.Declared, b.Named} {
			if !t.IsZero() && (first.IsZero() || t.Before(first)) {
				first = t
			}
		}
	}
	if first.IsZero() {
		return nil
	}
	start := monthOf(first)
	var out []Month
	for m := start; !m.After(asOf); m = m.AddDate(0, 1, 0) {
		out = append(out, Month{Start: m})
	}
	index := func(t time.Time) int {
		m := monthOf(t)
		return (m.Year()-start.Year())*12 + int(m.Month()) - int(start.Month())
	}
	for _, b := range s.Brands {
		if i := index(b.Declared); !b.Declared.IsZero() && i < len(out) {
			out[i].Declared++
		}
		if i := index(b.Named); !b.Named.IsZero() && i < len(out) {
			out[i].Named++
		}
	}
	return out
}

func monthOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
