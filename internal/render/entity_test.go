package render_test

import (
	"bytes"
	"strings"
	"testing"

	"showcase/internal/render"
)

// TestEntityJob checks that the job EntityJob makes for a page renders
// what the same page of Plan renders, for every page of a unit or a brand
// on both targets, and that it makes no page Plan does not.
func TestEntityJob(t *testing.T) {
	s, th := loadTestSite(t)
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		opts := render.Options{Target: target, Assets: map[string]string{"css/site.css": "css/site.0123456789.css"}}
		planned := map[string]bool{}
		entities := 0
		for _, job := range render.Plan(s, th, opts) {
			planned[job.File] = true
			ej, ok := render.EntityJob(s, th, opts, job.File)
			if !ok {
				for _, prefix := range []string{"units/", "brands/", "plaques/"} {
					if strings.HasPrefix(job.File, prefix) && strings.Count(job.File, "/") > 1 {
						t.Errorf("%s %s: no entity job", target, job.File)
					}
				}
				continue
			}
			entities++
			want, err := job.Render()
			if err != nil {
				t.Fatal(err)
			}
			got, err := ej.Render()
			if err != nil {
				t.Fatal(err)
			}
			if ej.File != job.File || !bytes.Equal(got, want) {
				t.Errorf("%s %s: entity job renders %d bytes as %s, plan %d", target, job.File, len(got), ej.File, len(want))
			}
		}
		if entities == 0 {
			t.Fatalf("%s: no entity pages", target)
		}
		for _, file := range []string{"units/nowhere/index.html", "brands/water/nowhere/index.html", "plaques/water/nowhere/index.html",
			"brands/water/index.html", "units/index.html", "plaques/index.html", "index.html", "units/water/", "brands/water/spring/logo.svg",
			"brands/road/draft/index.html", "plaques/road/draft/index.html"} {
			if _, ok := render.EntityJob(s, th, opts, file); ok && !planned[file] {
				t.Errorf("%s %s: entity job for a page the plan does not have", target, file)
			}
		}
		for _, u := range s.Units {
			if _, ok := render.EntityJob(s, th, opts, "plaques/"+u.ID+"/index.html"); ok != planned["plaques/"+u.ID+"/index.html"] {
				t.Errorf("%s plaques of %s: entity job %v, planned %v", target, u.ID, ok, !ok)
			}
		}
	}
}
