package site

import (
	"bytes"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/schema"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// orderInput makes units and brands with repeated names, weights and
// dates, so that ties decide the orders.
func orderInput(r *rand.Rand, units, brands int) Input {
	cfg := &config.Config{Campaign: config.Campaign{
		Stages:   []config.Stage{{ID: "a", Name: "甲"}, {ID: "b", Name: "乙"}, {ID: "a", Name: "丙"}},
		Statuses: []config.Status{{ID: "x", Name: "培育"}, {ID: "y", Name: "示范", Featured: true}},
	}}
	names := []string{"红色账本", "先锋驿站", "暖心服务", "红色账本", "清风廉韵", "Alpha站", "先锋驿站"}
	in := Input{Config: cfg}
	for u := 0; u < units; u++ {
		in.Units = append(in.Units, UnitInput{ID: fmt.Sprintf("u%02d", u), Meta: schema.Unit{Name: names[r.Intn(len(names))] + "局", Weight: r.Intn(3)}})
	}
	day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < brands; i++ {
		m := schema.Brand{
			Name: names[r.Intn(len(names))], Stage: []string{"a", "b"}[r.Intn(2)], Status: []string{"x", "y", "z"}[r.Intn(3)],
			Declared: day.AddDate(0, 0, r.Intn(5)),
		}
		if r.Intn(2) == 0 {
			m.Named = day.AddDate(0, 0, r.Intn(6))
		}
		in.Brands = append(in.Brands, BrandInput{UnitID: fmt.Sprintf("u%02d", r.Intn(units)), Slug: fmt.Sprintf("b%03d", i), Meta: m})
	}
	for i := range in.Brands {
		for range r.Intn(3) {
			p := in.Brands[r.Intn(len(in.Brands))]
			in.Brands[i].Meta.Partners = append(in.Brands[i].Meta.Partners, schema.Ref{ID: p.UnitID + "/" + p.Slug})
		}
	}
	return in
}

// TestAssembleOrders checks the lists against the definitions they are
// built to match: brands by a stable sort of all of them by name key and
// id, taken unit by unit; latest by a stable sort of all by date.
func TestAssembleOrders(t *testing.T) {
	col := collate.New(language.Chinese)
	for seed := int64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewSource(seed))
		in := orderInput(r, 1+r.Intn(6), r.Intn(60))
		s, _ := Assemble(in)

		all := append([]*Brand(nil), s.Brands...)
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if c := bytes.Compare(col.KeyFromString(&collate.Buffer{}, a.Name), col.KeyFromString(&collate.Buffer{}, b.Name)); c != 0 {
				return c < 0
			}
			return a.ID < b.ID
		})
		var want []*Brand
		for _, u := range s.Units {
			for _, b := range all {
				if b.Unit == u {
					want = append(want, b)
				}
			}
		}
		if fmt.Sprint(ids(want)) != fmt.Sprint(ids(s.Brands)) {
			t.Errorf("seed %d: brands\n got %v\nwant %v", seed, ids(s.Brands), ids(want))
		}

		latest := append([]*Brand(nil), s.Brands...)
		sort.SliceStable(latest, func(i, j int) bool { return latest[i].Updated.After(latest[j].Updated) })
		if len(latest) > LatestCount {
			latest = latest[:LatestCount]
		}
		if fmt.Sprint(ids(latest)) != fmt.Sprint(ids(s.Latest)) {
			t.Errorf("seed %d: latest\n got %v\nwant %v", seed, ids(s.Latest), ids(latest))
		}
		for i, st := range in.Config.Campaign.Stages {
			checkGroup(t, seed, s, s.Stages[i], st.ID, func(b *Brand) bool { return b.Brand.Stage == st.ID })
		}
		var featured []*Brand
		for i, st := range in.Config.Campaign.Statuses {
			checkGroup(t, seed, s, s.Statuses[i], st.ID, func(b *Brand) bool { return b.Brand.Status == st.ID })
			if st.Featured {
				featured = append(featured, s.Statuses[i].Brands...)
			}
		}
		sort.SliceStable(featured, func(i, j int) bool { return featured[i].order < featured[j].order })
		if fmt.Sprint(ids(featured)) != fmt.Sprint(ids(s.Featured)) {
			t.Errorf("seed %d: featured\n got %v\nwant %v", seed, ids(s.Featured), ids(featured))
		}
		for _, b := range s.Brands {
			if !sort.SliceIsSorted(b.Paired, func(i, j int) bool { return b.Paired[i].order < b.Paired[j].order }) {
				t.Errorf("seed %d: %s: partners out of order", seed, b.ID)
			}
		}
	}
}

func ids(bs []*Brand) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID
	}
	return out
}

// checkGroup compares a group with the brands in holds, unit by unit.
func checkGroup(t *testing.T, seed int64, s *Site, g *Group, id string, in func(*Brand) bool) {
	t.Helper()
	var want, got []string
	var brands []*Brand
	for _, u := range s.Units {
		var ub []*Brand
		for _, b := range u.Brands {
			if in(b) {
				ub = append(ub, b)
			}
		}
		if len(ub) > 0 {
			want = append(want, u.ID+fmt.Sprint(ids(ub)))
			brands = append(brands, ub...)
		}
	}
	for _, ub := range g.Units {
		got = append(got, ub.Unit.ID+fmt.Sprint(ids(ub.Brands)))
	}
	if g.ID != id || fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(ids(brands)) != fmt.Sprint(ids(g.Brands)) {
		t.Errorf("seed %d: group %s\n got %v %v\nwant %v %v", seed, id, g.ID, got, id, want)
	}
}
