package reach_test

import (
	"testing"

	"showcase/internal/reach"
)

// TestProgressPageIsSiteWide checks that the progress page (进度看板),
// whose figures count every unit, brand and decision, is stale after any
// change: of a unit's content or of the decisions.
func TestProgressPageIsSiteWide(t *testing.T) {
	if _, _, ok := reach.EntityOf("progress/index.html"); ok {
		t.Fatal("progress/index.html is taken for a unit's or brand's own file")
	}
	old, now := decidedSite(t, "a/x"), decidedSite(t, "a/x", "b/z")
	for _, paths := range [][]string{{"content/a/x/index.md"}, {"content/b/_unit.md"}, {"decisions/d.md"}} {
		c := reach.Classify(paths)
		r := reach.Of(c, append(reach.Before(old, c.Units), reach.Decided(old)...), now, false)
		if r.All {
			t.Errorf("%v reaches everything; the test needs a narrower change", paths)
		}
		if !r.Stale("progress/index.html") {
			t.Errorf("%v: progress/index.html is not stale", paths)
		}
	}
}
