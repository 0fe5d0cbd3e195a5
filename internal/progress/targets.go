package progress

import (
	"sort"
	"time"

	"showcase/internal/config"
	"showcase/internal/site"
)

// Target is the progress towards one of campaign.targets.
type Target struct {
	config.Target
	// Status is the status the target counts.
	Status *config.Status
	// Reached is how many listed brands count towards it as of AsOf;
	// Target.Count is how many it aims for.
	Reached int
	// MetOn is the day the count first reached the target, zero while it
	// has not; DaysLeft is the days from AsOf to the target's date,
	// negative once it has passed.
	MetOn    time.Time
	DaysLeft int
}

// Met reports whether the count has reached the target.
func (t Target) Met() bool { return t.Reached >= t.Target.Count }

// Overdue reports whether the target's date passed before it was met:
// a target met after its date is overdue too.
func (t Target) Overdue() bool {
	if t.By.IsZero() {
		return false
	}
	if t.Met() {
		return t.MetOn.After(t.By)
	}
	return t.DaysLeft < 0
}

// Percent is the count as a share of the target, at most 100.
func (t Target) Percent() int { return min(Percent(t.Reached, t.Target.Count), 100) }

// Counts reports whether a brand of status st counts towards a target of
// status want: st is want, or a status listed after it that names brands
// too, as a demonstration brand (示范) is also named (命名).
func Counts(cfg *config.Config, want, st *config.Status) bool {
	switch {
	case st == nil || want == nil || st.Unlisted:
		return false
	case st.ID == want.ID:
		return true
	case !cfg.Names(want) || !cfg.Names(st):
		return false
	}
	return statusIndex(cfg, st) > statusIndex(cfg, want)
}

func statusIndex(cfg *config.Config, st *config.Status) int {
	for i := range cfg.Campaign.Statuses {
		if cfg.Campaign.Statuses[i].ID == st.ID {
			return i
		}
	}
	return -1
}

// targets works out the progress towards each target.
func targets(s *site.Site, asOf time.Time) []Target {
	cfg := s.Config
	var out []Target
	for _, ct := range cfg.Campaign.Targets {
		t := Target{Target: ct, Status: cfg.StatusByID(ct.Status)}
		for _, b := range s.Listed {
			if Counts(cfg, t.Status, b.Status) {
				t.Reached++
			}
		}
		t.MetOn = metOn(s, t)
		if !ct.By.IsZero() {
			t.DaysLeft = days(asOf, ct.By)
		}
		out = append(out, t)
	}
	return out
}

// change is a brand's status from a day on.
type change struct {
	day    time.Time
	brand  *site.Brand
	status *config.Status
}

// metOn replays the brands' status changes, oldest first, and returns
// the first day on which the target's count was reached. A site without
// decisions knows only its brands' naming dates, so there a brand that
// counts now is taken to count from the day it was named.
func metOn(s *site.Site, t Target) time.Time {
	var changes []change
	for _, b := range s.Brands {
		decided := false
		for _, e := range b.Decided() {
			if e.Kind == "status" {
				changes = append(changes, change{e.Date(), b, e.Status})
				decided = true
			}
		}
		if !decided && !b.Named.IsZero() {
			changes = append(changes, change{b.Named, b, b.Status})
		}
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].day.Before(changes[j].day) })
	now := map[*site.Brand]bool{}
	count := 0
	for i, c := range changes {
		was, is := now[c.brand], Counts(s.Config, t.Status, c.status)
		now[c.brand] = is
		switch {
		case is && !was:
			count++
		case was && !is:
			count--
		}
		last := i == len(changes)-1 || !changes[i+1].day.Equal(c.day)
		if last && count >= t.Target.Count {
			return c.day
		}
	}
	return time.Time{}
}
