package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"showcase/internal/render"
)

// TestStatusFlagsCount builds the sample site with the status flags of
// its showcase.yaml, and again without them, and counts what the flags
// decide: the plaques on /plaques/, the home page's counts, the kiosk's
// attract-loop slides and the search index. With the flags the two
// delisted brands leave every list and count, and only named and
// demonstration brands get a plaque; without them the site behaves as
// before the flags: every brand counts and has a plaque, and exemplary is
// still featured.
func TestStatusFlagsCount(t *testing.T) {
	cases := []struct {
		name                           string
		strip                          bool
		plaques, total, featured, loop int
	}{
		{"flags", false, 9, 15, 4, 15},
		{"no flags", true, 17, 17, 4, 17},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := copySite(t)
			if c.strip {
				cfg := filepath.Join(src, "showcase.yaml")
				data, err := os.ReadFile(cfg)
				if err != nil {
					t.Fatal(err)
				}
				data = regexp.MustCompile(`, (plaque|featured|listed): (true|false)`).ReplaceAll(data, nil)
				if err := os.WriteFile(cfg, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			web, kiosk := filepath.Join(t.TempDir(), "web"), filepath.Join(t.TempDir(), "kiosk")
			if _, err := buildSite(t, src, web, render.Web); err != nil {
				t.Fatal(err)
			}
			if _, err := buildSite(t, src, kiosk, render.Kiosk); err != nil {
				t.Fatal(err)
			}
			read := func(dir, file string) string {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
				if err != nil {
					t.Fatal(err)
				}
				return string(data)
			}
			if got := strings.Count(read(web, "plaques/index.html"), `<article class="sheet `); got != c.plaques {
				t.Errorf("plaques: %d sheets, want %d", got, c.plaques)
			}
			home := read(web, "index.html")
			stat := func(label string) string {
				m := regexp.MustCompile(`<dt>` + label + `</dt><dd>(\d+)</dd>`).FindStringSubmatch(home)
				if m == nil {
					t.Fatalf("home page has no count %s", label)
				}
				return m[1]
			}
			if got := stat("参创品牌"); got != itoa(c.total) {
				t.Errorf("home: 参创品牌 %s, want %d", got, c.total)
			}
			if got := stat("示范品牌"); got != itoa(c.featured) {
				t.Errorf("home: 示范品牌 %s, want %d", got, c.featured)
			}
			if got := strings.Count(read(kiosk, render.AttractPath), `"href":`); got != c.loop {
				t.Errorf("attract loop: %d slides, want %d", got, c.loop)
			}
			// The search index leaves a delisted brand out too.
			if found := strings.Contains(read(web, "search/meta.js"), "悦读驿站"); found != c.strip {
				t.Errorf("search index holds the delisted 悦读驿站: %t, want %t", found, c.strip)
			}
			// So does the feed.
			if found := strings.Contains(read(web, "feed.xml"), "brands/library/yuedu/"); found != c.strip {
				t.Errorf("feed lists the delisted 悦读驿站: %t, want %t", found, c.strip)
			}
			// A delisted brand keeps its page, marked as delisted when
			// its status is not listed.
			if shown := strings.Contains(read(web, "brands/library/yuedu/index.html"), "delisted-notice"); shown == c.strip {
				t.Errorf("brands/library/yuedu: delisted notice shown %t, want %t", shown, !c.strip)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
