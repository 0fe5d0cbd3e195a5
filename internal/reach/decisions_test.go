package reach_test

import (
	"slices"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/reach"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// decidedSite has units a and b: a/x, a/y and b/z, with a/y paired with
// b/z, and one decision naming each brand in ids.
func decidedSite(t *testing.T, ids ...string) *site.Site {
	t.Helper()
	cfg := &config.Config{Campaign: config.Campaign{
		Stages:   []config.Stage{{ID: "s", Name: "阶段"}},
		Statuses: []config.Status{{ID: "new", Name: "培育"}, {ID: "named", Name: "命名", Plaque: true}},
	}}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	brand := func(unit, slug string, partners ...string) site.BrandInput {
		m := schema.Brand{Name: "品牌" + slug + "名称", Stage: "s", Declared: day}
		for _, p := range partners {
			m.Partners = append(m.Partners, schema.Ref{ID: p})
		}
		return site.BrandInput{UnitID: unit, Slug: slug, Meta: m}
	}
	var changes []schema.StatusChange
	for _, id := range ids {
		changes = append(changes, schema.StatusChange{Brand: schema.Ref{ID: id}, Status: "named"})
	}
	s, diags := site.Assemble(site.Input{
		Config:       cfg,
		Units:        []site.UnitInput{{ID: "a", Meta: schema.Unit{Name: "甲"}}, {ID: "b", Meta: schema.Unit{Name: "乙"}}},
		Brands:       []site.BrandInput{brand("a", "x"), brand("a", "y", "b/z"), brand("b", "z")},
		Decisions:    []site.DecisionInput{{ID: "d", Meta: schema.Decision{Title: "决定", Date: day.AddDate(1, 0, 0), Changes: changes}}},
		HasDecisions: true,
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return s
}

// TestOfDecisions checks that a change of decisions/ reaches the brands
// the decisions say something else of, before or after, their units
// (whose pages list them) and their partners' pages, and nothing else of
// the site.
func TestOfDecisions(t *testing.T) {
	c := reach.Classify([]string{"decisions/d.md"})
	if c.Everything || c.Theme || !c.Decisions || len(c.Units) > 0 {
		t.Fatalf("Classify(decisions/d.md) = %+v", c)
	}
	tests := []struct {
		before, after []string
		brands, units []string
	}{
		{nil, []string{"a/x"}, []string{"a/x"}, []string{"a"}},
		{[]string{"a/x"}, nil, []string{"a/x"}, []string{"a"}},
		{[]string{"a/x"}, []string{"a/y"}, []string{"a/x", "a/y", "b/z"}, []string{"a"}},
		{nil, nil, nil, nil},
		// A decision that says the same of a brand reaches none.
		{[]string{"a/x"}, []string{"a/x"}, nil, nil},
		{[]string{"a/x", "a/y"}, []string{"a/y"}, []string{"a/x"}, []string{"a"}},
	}
	for _, tt := range tests {
		old, now := decidedSite(t, tt.before...), decidedSite(t, tt.after...)
		r := reach.Of(c, reach.Decided(old), now, false)
		if r.All {
			t.Errorf("%v → %v: reaches everything", tt.before, tt.after)
			continue
		}
		if got := sortedKeys(r.Brands); !slices.Equal(got, tt.brands) {
			t.Errorf("%v → %v: brands %v, want %v", tt.before, tt.after, got, tt.brands)
		}
		if got := sortedKeys(r.Units); !slices.Equal(got, tt.units) {
			t.Errorf("%v → %v: units %v, want %v", tt.before, tt.after, got, tt.units)
		}
		if !r.Stale("decisions/d/index.html") || !r.Stale("index.html") {
			t.Errorf("%v → %v: the pages that gather the site are not stale", tt.before, tt.after)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
