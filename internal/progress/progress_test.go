package progress_test

import (
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/progress"
	"showcase/internal/schema"
	"showcase/internal/site"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// campaign has the SPEC's statuses: a first, two that name, one to
// resubmit and one that delists.
func campaign(targets ...config.Target) *config.Config {
	return &config.Config{Campaign: config.Campaign{
		Stages: []config.Stage{{ID: "declare", Name: "申报", Ends: day("2020-12-31")}, {ID: "improve", Name: "提升", Ends: day("2021-12-31")}},
		Statuses: []config.Status{{ID: "cultivating", Name: "培育中"}, {ID: "named", Name: "已命名", Plaque: true},
			{ID: "exemplary", Name: "示范品牌", Plaque: true, Featured: true}, {ID: "resubmit", Name: "需重新申报"},
			{ID: "delisted", Name: "已摘牌", Unlisted: true}},
		Targets: targets,
	}}
}

// decided is a site of four brands of unit u, declared in 2020, decided
// by decisions on the given days: each change names a brand and a status.
func decided(t *testing.T, cfg *config.Config, decisions map[string][][2]string) *site.Site {
	t.Helper()
	var brands []site.BrandInput
	for i, slug := range []string{"a", "b", "c", "d"} {
		brands = append(brands, site.BrandInput{UnitID: "u", Slug: slug, Meta: schema.Brand{
			Name: "品牌名称" + slug, Organization: "支部" + slug, Stage: "declare", Declared: day("2020-0" + string(rune('3'+i)) + "-10")}})
	}
	var ds []site.DecisionInput
	for date, changes := range decisions {
		d := site.DecisionInput{ID: date, Meta: schema.Decision{Title: "决定", Date: day(date)}}
		for _, c := range changes {
			d.Meta.Changes = append(d.Meta.Changes, schema.StatusChange{Brand: schema.Ref{ID: "u/" + c[0]}, Status: c[1]})
		}
		ds = append(ds, d)
	}
	s, diags := site.Assemble(site.Input{
		Config: cfg,
		Units: []site.UnitInput{{ID: "u", Meta: schema.Unit{Name: "单位", Organizations: []schema.Organization{
			{Name: "支部a"}, {Name: "支部b"}, {Name: "支部c"}, {Name: "支部d"}, {Name: "支部e"}}}}},
		Brands: brands, Decisions: ds, HasDecisions: true,
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return s
}

// TestTargets checks what counts towards a target (its status, and a
// later naming status for a naming target; never a delisted brand), and
// the day it was first met, replayed from the decisions.
func TestTargets(t *testing.T) {
	decisions := map[string][][2]string{
		"2020-12-01": {{"a", "named"}, {"b", "named"}},
		"2021-01-15": {{"c", "exemplary"}, {"a", "exemplary"}},
		"2021-06-01": {{"b", "delisted"}},
	}
	tests := []struct {
		target          config.Target
		reached         int
		metOn           string
		overdue, met    bool
		daysLeft, share int
	}{
		// Named counts the demonstration brands: a, c (b is delisted).
		{config.Target{Status: "named", Count: 2, By: day("2020-12-31")}, 2, "2020-12-01", false, true, -152, 100},
		{config.Target{Status: "named", Count: 3, By: day("2021-12-31")}, 2, "2021-01-15", false, false, 213, 66},
		{config.Target{Status: "exemplary", Count: 2, By: day("2020-12-31")}, 2, "2021-01-15", true, true, -152, 100},
		{config.Target{Status: "exemplary", Count: 3}, 2, "", false, false, 0, 66},
		{config.Target{Status: "resubmit", Count: 1, By: day("2021-01-01")}, 0, "", true, false, -151, 0},
	}
	for _, tt := range tests {
		s := decided(t, campaign(tt.target), decisions)
		p := progress.Of(s)
		if p.AsOf != day("2021-06-01") {
			t.Fatalf("as of %s", p.AsOf)
		}
		got := p.Targets[0]
		metOn := ""
		if !got.MetOn.IsZero() {
			metOn = got.MetOn.Format("2006-01-02")
		}
		if got.Reached != tt.reached || metOn != tt.metOn || got.Overdue() != tt.overdue || got.Met() != tt.met || got.DaysLeft != tt.daysLeft || got.Percent() != tt.share {
			t.Errorf("%+v: reached %d, met %v on %q, overdue %v, %d days left, %d%%; want %d, %v %q, %v, %d, %d%%",
				tt.target, got.Reached, got.Met(), metOn, got.Overdue(), got.DaysLeft, got.Percent(), tt.reached, tt.met, tt.metOn, tt.overdue, tt.daysLeft, tt.share)
		}
	}
}

// TestCoverageCountsAndMonths checks coverage (listed brands of listed
// organizations), the counts per stage and status, the months and the
// deadlines on a decided site.
func TestCoverageCountsAndMonths(t *testing.T) {
	s := decided(t, campaign(), map[string][][2]string{
		"2020-12-01": {{"a", "named"}, {"b", "named"}},
		"2021-06-01": {{"b", "delisted"}},
	})
	p := progress.Of(s)
	if c := p.Units[0]; c.Organizations != 5 || c.Covered != 3 || c.Brands != 3 || c.Percent() != 60 || p.Total != (progress.Coverage{Organizations: 5, Covered: 3, Brands: 3}) {
		t.Errorf("coverage %+v, total %+v", c, p.Total)
	}
	if p.Stages[0].Count != 3 || p.Stages[1].Count != 0 {
		t.Errorf("stages %+v", p.Stages)
	}
	want := map[string]int{"cultivating": 2, "named": 1, "exemplary": 0, "resubmit": 0, "delisted": 1}
	for _, c := range p.Statuses {
		if c.Count != want[c.Group.ID] || c.Listed == (c.Group.ID == "delisted") {
			t.Errorf("status %s: %d, listed %v", c.Group.ID, c.Count, c.Listed)
		}
	}
	// March 2020 to June 2021, every month there.
	if len(p.Months) != 16 || p.Months[0].Start != day("2020-03-01") || p.Months[15].Start != day("2021-06-01") {
		t.Fatalf("%d months from %v", len(p.Months), p.Months[0].Start)
	}
	declared, named := 0, 0
	for _, m := range p.Months {
		declared += m.Declared
		named += m.Named
	}
	if declared != 4 || named != 2 || p.Months[9].Named != 2 {
		t.Errorf("declared %d, named %d, December 2020 named %d", declared, named, p.Months[9].Named)
	}
	if len(p.Delisted) != 1 || p.Delisted[0].ID != "u/b" {
		t.Errorf("delisted %v, want u/b", p.Delisted)
	}
	d := p.Deadlines
	if len(d) != 2 || d[0].Start != day("2020-03-10") || !d[0].Passed() || d[0].Elapsed != 100 ||
		d[1].Start != day("2020-12-31") || d[1].DaysLeft != 213 || d[1].Elapsed != 41 {
		t.Errorf("deadlines %+v", d)
	}
}

// TestEmptySite checks a site without brands: no date, no months, and a
// target not met.
func TestEmptySite(t *testing.T) {
	s, _ := site.Assemble(site.Input{Config: campaign(config.Target{Status: "named", Count: 1})})
	p := progress.Of(s)
	if !p.AsOf.IsZero() || len(p.Months) != 0 || p.Targets[0].Reached != 0 || p.Targets[0].Met() {
		t.Errorf("empty site: %+v", p)
	}
}
