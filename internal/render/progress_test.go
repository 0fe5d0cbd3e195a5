package render_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/render"
)

// TestGoldenProgressPages renders the progress page (进度看板) of
// testdata/decisions.txtar for both targets, and the home page's summary
// of it (home-decided.html, in TestGoldenDecisionPages). Run with -update
// after an intended change and review the diff.
func TestGoldenProgressPages(t *testing.T) {
	s, th := loadSiteFile(t, "testdata/decisions.txtar")
	for target, golden := range map[render.Target]string{render.Web: "progress.html", render.Kiosk: "kiosk-progress.html"} {
		t.Run(string(target), func(t *testing.T) {
			jobs := render.Plan(s, th, render.Options{Target: target})
			got := renderFile(t, jobs, "progress/index.html")
			compareGolden(t, filepath.Join("testdata/golden", golden), got)
			page := string(got)
			if n, base := strings.Count(page, "<script"), strings.Count(string(renderFile(t, jobs, "404.html")), "<script"); n != base {
				t.Errorf("the progress page has %d scripts, every page %d: its charts need none", n, base)
			}
			if target == render.Kiosk {
				for _, href := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
					if strings.HasPrefix(href[1], "/") || strings.Contains(href[1], "://") {
						t.Errorf("kiosk link %q is not relative", href[1])
					}
				}
			}
		})
	}
}

// renderFile renders the file of a plan's job.
func renderFile(t *testing.T, jobs []render.Job, file string) []byte {
	t.Helper()
	for _, j := range jobs {
		if j.File == file {
			got, err := j.Render()
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
	}
	t.Fatalf("no job writes %s", file)
	return nil
}
