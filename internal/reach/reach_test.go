package reach_test

import (
	"maps"
	"slices"
	"testing"

	"showcase/internal/config"
	"showcase/internal/reach"
	"showcase/internal/schema"
	"showcase/internal/site"
)

func TestEntityOf(t *testing.T) {
	tests := []struct {
		file        string
		unit, brand string
		ok          bool
	}{
		{"brands/fin/ledger/index.html", "fin", "ledger", true},
		{"brands/fin/ledger/logo.svg", "fin", "ledger", true},
		{"brands/fin/ledger/photos/1-480w.ab.jpg", "fin", "ledger", true},
		{"plaques/fin/ledger/index.html", "fin", "ledger", true},
		{"units/fin/index.html", "fin", "", true},
		{"plaques/fin/index.html", "fin", "", true},
		{"plaques/index.html", "", "", false},
		{"units/index.html", "", "", false},
		{"index.html", "", "", false},
		{"stages/declare/index.html", "", "", false},
		{"search/t/3.js", "", "", false},
		{"brands/fin/index.html", "", "", false},
		{"plaques/fin/ledger/extra.html", "", "", false},
	}
	for _, tt := range tests {
		unit, brand, ok := reach.EntityOf(tt.file)
		if unit != tt.unit || brand != tt.brand || ok != tt.ok {
			t.Errorf("EntityOf(%q) = %q, %q, %v; want %q, %q, %v", tt.file, unit, brand, ok, tt.unit, tt.brand, tt.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		paths      []string
		everything bool
		theme      bool
		units      []string
	}{
		{nil, true, false, nil},
		{[]string{}, false, false, nil},
		{[]string{"content/fin/ledger/index.md"}, false, false, []string{"fin"}},
		{[]string{"content/fin/_unit.md", "content/tax/a/logo.svg"}, false, false, []string{"fin", "tax"}},
		{[]string{"content/fin"}, false, false, []string{"fin"}},
		{[]string{"themes/custom/layouts/base.html"}, false, true, nil},
		{[]string{"showcase.yaml"}, true, false, nil},
		{[]string{"content"}, true, false, nil},
		{[]string{"content/fin/ledger/index.md", "showcase.yaml"}, true, false, []string{"fin"}},
	}
	for _, tt := range tests {
		c := reach.Classify(tt.paths)
		units := slices.Sorted(maps.Keys(c.Units))
		if c.Everything != tt.everything || c.Theme != tt.theme || !slices.Equal(units, tt.units) {
			t.Errorf("Classify(%q) = %+v, units %v; want everything %v, theme %v, units %v", tt.paths, c, units, tt.everything, tt.theme, tt.units)
		}
	}
}

// pairedSite is a site of three units: fin/a names tax/b as its partner,
// hos/c names nobody.
func pairedSite(t *testing.T, partners map[string][]string) *site.Site {
	t.Helper()
	cfg := &config.Config{}
	in := site.Input{Config: cfg}
	for _, u := range []string{"fin", "tax", "hos"} {
		in.Units = append(in.Units, site.UnitInput{ID: u, Meta: schema.Unit{Name: u}})
	}
	for _, id := range []string{"fin/a", "tax/b", "hos/c"} {
		meta := schema.Brand{Name: id}
		for _, p := range partners[id] {
			meta.Partners = append(meta.Partners, schema.Ref{ID: p})
		}
		in.Brands = append(in.Brands, site.BrandInput{UnitID: id[:3], Slug: id[4:], Meta: meta})
	}
	s, diags := site.Assemble(in)
	if diags.Err() != nil {
		t.Fatal(diags)
	}
	return s
}

func TestOf(t *testing.T) {
	paired := map[string][]string{"fin/a": {"tax/b"}}
	s := pairedSite(t, paired)
	unpaired := pairedSite(t, nil)
	tests := []struct {
		name   string
		change reach.Change
		before []reach.Brand
		after  *site.Site
		whole  bool
		all    bool
		units  []string
		brands []string
	}{
		{"edit the naming side", reach.Change{Units: map[string]bool{"fin": true}}, reach.Before(s, map[string]bool{"fin": true}), s, false, false,
			[]string{"fin"}, []string{"fin/a", "tax/b"}},
		{"edit the named side", reach.Change{Units: map[string]bool{"tax": true}}, reach.Before(s, map[string]bool{"tax": true}), s, false, false,
			[]string{"tax"}, []string{"fin/a", "tax/b"}},
		{"an unpaired brand", reach.Change{Units: map[string]bool{"hos": true}}, reach.Before(s, map[string]bool{"hos": true}), s, false, false,
			[]string{"hos"}, []string{"hos/c"}},
		{"drop the pairing", reach.Change{Units: map[string]bool{"fin": true}}, reach.Before(s, map[string]bool{"fin": true}), unpaired, false, false,
			[]string{"fin"}, []string{"fin/a", "tax/b"}},
		{"a deleted brand", reach.Change{Units: map[string]bool{"gone": true}}, []reach.Brand{{ID: "gone/x", Partners: []string{"hos/c"}}}, unpaired, false, false,
			[]string{"gone"}, []string{"gone/x", "hos/c"}},
		{"the configuration", reach.Change{Everything: true}, nil, s, false, true, nil, nil},
		{"a theme file", reach.Change{Theme: true}, nil, s, false, true, nil, nil},
		{"a layout of the site's own", reach.Change{Units: map[string]bool{"hos": true}}, nil, s, true, true, nil, nil},
	}
	for _, tt := range tests {
		r := reach.Of(tt.change, tt.before, tt.after, tt.whole)
		units, brands := slices.Sorted(maps.Keys(r.Units)), slices.Sorted(maps.Keys(r.Brands))
		if r.All != tt.all || !slices.Equal(units, tt.units) || !slices.Equal(brands, tt.brands) {
			t.Errorf("%s: reached all %v, units %v, brands %v; want %v, %v, %v", tt.name, r.All, units, brands, tt.all, tt.units, tt.brands)
		}
	}
}

func TestStale(t *testing.T) {
	r := reach.Reached{Units: map[string]bool{"fin": true}, Brands: map[string]bool{"fin/a": true}}
	for file, want := range map[string]bool{
		"index.html": true, "search/meta.js": true, "units/fin/index.html": true, "units/tax/index.html": false,
		"brands/fin/a/index.html": true, "brands/fin/a/logo.svg": true, "brands/tax/b/index.html": false,
		"plaques/fin/a/index.html": true, "plaques/tax/index.html": false,
	} {
		if got := r.Stale(file); got != want {
			t.Errorf("Stale(%q) = %v, want %v", file, got, want)
		}
	}
	if !reach.Everything().Stale("brands/tax/b/index.html") {
		t.Error("everything leaves a brand page fresh")
	}
}
