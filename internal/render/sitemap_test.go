package render_test

import (
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"

	"showcase/internal/render"
)

// renderJobs renders every job and maps file to content.
func renderJobs(t *testing.T, jobs []render.Job) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, j := range jobs {
		data, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.File, err)
		}
		files[j.File] = string(data)
	}
	return files
}

var locs = regexp.MustCompile(`<loc>([^<]+)</loc>`)

func locsOf(xmlText string) []string {
	var out []string
	for _, m := range locs.FindAllStringSubmatch(xmlText, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestSitemapSplit checks that a site with more pages than a sitemap may
// list gets parts of at most the limit and an index of them at
// sitemap.xml, listing together what the single sitemap lists.
func TestSitemapSplit(t *testing.T) {
	s, th := loadTestSite(t)
	whole := renderJobs(t, render.Plan(s, th, render.Options{Target: render.Web}))
	all := locsOf(whole["sitemap.xml"])
	if len(all) < 6 || strings.Contains(whole["sitemap.xml"], "sitemapindex") {
		t.Fatalf("the whole sitemap lists %d URLs", len(all))
	}
	for _, file := range []string{"sitemap-1.xml", "sitemap-2.xml"} {
		if _, ok := whole[file]; ok {
			t.Errorf("%s written for a site within the limit", file)
		}
	}

	const limit = 4
	split := renderJobs(t, render.Plan(s, th, render.Options{Target: render.Web, SitemapLimit: limit}))
	var index struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(split["sitemap.xml"]), &index); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap index: %v", err)
	}
	parts := (len(all) + limit - 1) / limit
	if len(index.Sitemaps) != parts {
		t.Fatalf("index lists %d sitemaps, want %d", len(index.Sitemaps), parts)
	}
	var got []string
	for i, sm := range index.Sitemaps {
		file := strings.TrimPrefix(sm.Loc, s.Config.BaseURL)
		if want := "sitemap-" + string(rune('1'+i)) + ".xml"; file != want {
			t.Errorf("index entry %d is %q, want %s under the base URL", i, sm.Loc, want)
		}
		part, ok := split[file]
		if !ok {
			t.Fatalf("%s listed but not written", file)
		}
		urls := locsOf(part)
		if len(urls) == 0 || len(urls) > limit || !strings.Contains(part, "<urlset") {
			t.Errorf("%s lists %d URLs", file, len(urls))
		}
		got = append(got, urls...)
	}
	if !slices.Equal(got, all) {
		t.Errorf("the parts list %d URLs, the whole sitemap %d", len(got), len(all))
	}
}

func TestRobots(t *testing.T) {
	s, th := loadTestSite(t)
	files := renderJobs(t, render.Plan(s, th, render.Options{Target: render.Web}))
	want := "User-agent: *\nAllow: /\n\nSitemap: https://example.org/brands/sitemap.xml\n"
	if got := files["robots.txt"]; got != want {
		t.Errorf("robots.txt = %q, want %q", got, want)
	}
	kiosk := renderJobs(t, render.Plan(s, th, render.Options{Target: render.Kiosk}))
	if _, ok := kiosk["robots.txt"]; ok {
		t.Error("the kiosk has a robots.txt")
	}
}
