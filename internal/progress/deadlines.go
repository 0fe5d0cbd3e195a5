package progress

import (
	"time"

	"showcase/internal/site"
)

// Deadline is a stage's time as of AsOf: it runs from the end of the stage
// before it (the first stage from the first declaration) to its own end.
type Deadline struct {
	Stage *site.Group
	Start time.Time
	Ends  time.Time
	// DaysLeft is the days from AsOf to Ends, negative once it passed.
	DaysLeft int
	// Elapsed is how much of the stage's time had gone by at AsOf, as a
	// whole percentage from 0 to 100.
	Elapsed int
	// Brands are the listed brands in the stage.
	Brands int
}

// Passed reports whether the stage's end is before AsOf.
func (d Deadline) Passed() bool { return d.DaysLeft < 0 }

// elapsed is how much of d's time has gone by at asOf, in percent.
func elapsed(d Deadline, asOf time.Time) int {
	total := days(d.Start, d.Ends)
	switch {
	case !asOf.After(d.Start):
		return 0
	case total <= 0 || !asOf.Before(d.Ends):
		return 100
	}
	return Percent(days(d.Start, asOf), total)
}

// deadlines lists the stages that have an end date.
func deadlines(s *site.Site, asOf time.Time) []Deadline {
	var first time.Time
	for _, b := range s.Brands {
		if first.IsZero() || b.Declared.Before(first) {
			first = b.Declared
		}
	}
	var out []Deadline
	start := first
	for _, g := range s.Stages {
		if g.Ends.IsZero() {
			continue
		}
		if start.IsZero() || start.After(g.Ends) {
			start = g.Ends.AddDate(-1, 0, 0)
		}
		d := Deadline{Stage: g, Start: start, Ends: g.Ends, DaysLeft: days(asOf, g.Ends), Brands: len(g.Brands)}
		d.Elapsed = elapsed(d, asOf)
		out = append(out, d)
		start = g.Ends
	}
	return out
}
