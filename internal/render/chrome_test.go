package render_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/theme"
	"showcase/themes"
)

// TestReusedPartialsFollowTheTheme renders the sample with themes that
// draw the reused partials their own way, reading what differs from page
// to page: each page must be what rendering it whole gives, so the build
// must not reuse a card, masthead or footer such a theme draws.
func TestReusedPartialsFollowTheTheme(t *testing.T) {
	s, _ := loadTestSite(t)
	mn := publish.NewMinifier()
	for name, c := range map[string]struct {
		target   render.Target
		override fstest.MapFS
	}{
		"a partial file of its own": {render.Web, fstest.MapFS{"layouts/partials/mine.html": {Data: []byte(
			`{{define "brand-card"}}<li>{{(index . 0).Path}}</li>{{end}}{{define "masthead"}}<header>{{.Title}}</header>{{end}}`)}}},
		"the chrome's own file": {render.Web, fstest.MapFS{"layouts/partials/chrome.html": {Data: []byte(
			`{{define "masthead"}}<header>{{.Title}}</header>{{end}}{{define "page-footer"}}<footer>{{.Path}}</footer>{{end}}`)}}},
		"the kiosk's own file": {render.Kiosk, fstest.MapFS{"layouts/partials/kiosk.html": {Data: []byte(
			`{{define "kiosk-head"}}{{end}}{{define "kiosk-body"}}{{.Chrome "attract"}}{{end}}{{define "attract"}}<div>{{.Path}}</div>{{end}}`)}}},
	} {
		override := c.override
		load := func() *theme.Theme {
			th, err := theme.Load(themes.Default(), override)
			if err != nil {
				t.Fatal(err)
			}
			return th
		}
		plain := render.Plan(s, load(), render.Options{Target: c.target})
		spliced := render.Plan(s, load(), render.Options{Target: c.target, Splice: true, Minify: mn.Minify})
		checked := 0
		for i, job := range spliced {
			if !strings.HasSuffix(job.File, ".html") || job.Compose != nil {
				continue
			}
			want, err := plain[i].Render()
			if err == nil {
				want, err = mn.Minify(job.File, want)
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := job.Render()
			if err == nil {
				got, err = mn.Minify(job.File, got)
			}
			if err == nil && job.Expand != nil {
				got, err = job.Expand(got)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from rendering it whole", name, job.File)
			}
			checked++
		}
		if checked < len(s.Brands) {
			t.Errorf("%s: checked only %d pages", name, checked)
		}
	}
}
