package render_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"
)

// TestGoldenDecisionPages renders the pages decisions make, from
// testdata/decisions.txtar: the list of decisions, one decision, a
// delisted brand with its archive, a unit with its coverage, and the home
// page, whose counts leave the delisted brand out. Run with -update after
// an intended change and review the diff.
func TestGoldenDecisionPages(t *testing.T) {
	s, th := loadSiteFile(t, "testdata/decisions.txtar")
	cases := map[string]string{
		"decisions/index.html":                   "decisions.html",
		"decisions/2021-12-28-review/index.html": "decision.html",
		"brands/water/well/index.html":           "brand-delisted.html",
		"brands/water/spring/index.html":         "brand-decided.html",
		"units/water/index.html":                 "unit-coverage.html",
		"index.html":                             "home-decided.html",
		"plaques/water/well/index.html":          "plaque-delisted.html",
	}
	jobs := map[string]render.Job{}
	for _, j := range render.Plan(s, th, render.Options{Target: render.Web}) {
		jobs[j.File] = j
	}
	for file, golden := range cases {
		t.Run(file, func(t *testing.T) {
			j, ok := jobs[file]
			if !ok {
				t.Fatalf("no job writes %s", file)
			}
			got, err := j.Render()
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata/golden", golden), got)
		})
	}
}

// TestDecisionsDecideLists checks that the delisted brand keeps its page
// but leaves the lists, counts and plaques, and that the plaques are
// those of the statuses with the plaque flag.
func TestDecisionsDecideLists(t *testing.T) {
	fsys := loadTxtar(t, "testdata/decisions.txtar")
	s, _, err := build.Load(context.Background(), fsys, build.LoadOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(n int, f func(i int) string) string {
		var out []string
		for i := range n {
			out = append(out, f(i))
		}
		return strings.Join(out, " ")
	}
	if got := ids(len(s.Brands), func(i int) string { return s.Brands[i].ID }); got != "road/bridge water/well water/spring" {
		t.Errorf("brands with a page: %s", got)
	}
	if got := ids(len(s.Listed), func(i int) string { return s.Listed[i].ID }); got != "road/bridge water/spring" {
		t.Errorf("listed: %s", got)
	}
	if got := ids(len(s.Plaqued), func(i int) string { return s.Plaqued[i].ID }); got != "road/bridge water/spring" {
		t.Errorf("plaqued: %s", got)
	}
	well := s.BrandByID("water/well")
	if well.Status.ID != "delisted" || well.Delisting == nil || well.Delisting.Reason != "年度复查不合格" || well.Named.Format("2006-01-02") != "2020-12-20" {
		t.Errorf("water/well: status %s, delisting %v, named %s", well.Status.ID, well.Delisting, well.Named)
	}
	if u := s.UnitByID("water"); u.Covered() != 1 || len(u.Organizations) != 3 {
		t.Errorf("water covers %d of %d organizations, want 1 of 3", u.Covered(), len(u.Organizations))
	}
}
