package render

import (
	"strconv"
	"strings"
	"testing"

	"showcase/internal/config"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// kioskTestSite has two units: u1 with brands a, b, c and u2 with d alone.
// Stage s1 holds a, c and d; b is alone in s2. c and d are demonstration
// brands.
func kioskTestSite() *site.Site {
	s1, s2 := &config.Stage{ID: "s1"}, &config.Stage{ID: "s2"}
	plain, featured := &config.Status{ID: "named"}, &config.Status{ID: "exemplary", Featured: true}
	u1, u2 := &site.Unit{ID: "u1"}, &site.Unit{ID: "u2"}
	brand := func(u *site.Unit, slug string, st *config.Stage, status *config.Status) *site.Brand {
		b := &site.Brand{ID: u.ID + "/" + slug, Slug: slug, Unit: u, Stage: st, Status: status,
			Brand: schema.Brand{Name: "品牌" + slug, Concept: "理念" + slug, Logo: "logo.svg"}}
		u.Brands = append(u.Brands, b)
		u.Listed = append(u.Listed, b)
		return b
	}
	a, b, c, d := brand(u1, "a", s1, plain), brand(u1, "b", s2, plain), brand(u1, "c", s1, featured), brand(u2, "d", s1, featured)
	d.Photos = []string{"photos/1.jpg"}
	a.Photos = []string{"photos/x.jpg"}
	return &site.Site{
		Config:   &config.Config{BaseURL: "https://example.org/show/"},
		Units:    []*site.Unit{u1, u2},
		Brands:   []*site.Brand{a, b, c, d},
		Listed:   []*site.Brand{a, b, c, d},
		Featured: []*site.Brand{c, d},
		Stages: []*site.Group{
			{ID: "s1", Name: "阶段一", Kind: "stages", Brands: []*site.Brand{a, c, d}},
			{ID: "s2", Name: "阶段二", Kind: "stages", Brands: []*site.Brand{b}},
		},
	}
}

func TestNeighbours(t *testing.T) {
	s := kioskTestSite()
	ctx := &pageContext{target: Kiosk}
	describe := func(b *site.Brand) string {
		p := &Page{Site: s, Kind: "brand", Path: b.Path(), Brand: b, Unit: b.Unit, ctx: ctx}
		var parts []string
		for _, n := range p.Neighbours() {
			parts = append(parts, n.Label+" "+n.Path+" "+n.Prev.Slug+"<>"+n.Next.Slug+" "+strconv.Itoa(n.Pos)+"/"+strconv.Itoa(n.Count))
		}
		return strings.Join(parts, "; ")
	}
	want := map[string]string{
		// Lists wrap around; a list with the brand alone is left out.
		"u1/a": " units/u1/ c<>b 1/3; 阶段一 stages/s1/ d<>c 1/3",
		"u1/b": " units/u1/ a<>c 2/3",
		"u1/c": " units/u1/ b<>a 3/3; 阶段一 stages/s1/ a<>d 2/3",
		"u2/d": "阶段一 stages/s1/ c<>a 3/3",
	}
	for _, b := range s.Brands {
		if got := describe(b); got != want[b.ID] {
			t.Errorf("%s: got %q, want %q", b.ID, got, want[b.ID])
		}
	}
	home := &Page{Site: s, Kind: "home", ctx: ctx}
	if n := home.Neighbours(); n != nil {
		t.Errorf("home page has neighbours %v", n)
	}
}

func TestRoot(t *testing.T) {
	s := kioskTestSite()
	for _, c := range []struct {
		target     Target
		path, want string
	}{
		{Kiosk, "", ""},
		{Kiosk, "404.html", ""},
		{Kiosk, "units/", "../"},
		{Kiosk, "brands/u1/a/", "../../../"},
		{Web, "brands/u1/a/", "/show/"},
	} {
		p := &Page{Site: s, Path: c.path, ctx: &pageContext{target: c.target}}
		if got := p.Root(); got != c.want {
			t.Errorf("%s %q: Root() = %q, want %q", c.target, c.path, got, c.want)
		}
	}
}

func TestAttractSlides(t *testing.T) {
	s := kioskTestSite()
	ctx := &pageContext{target: Kiosk, images: map[string]Image{
		"brands/u2/d/photos/1.jpg": {Sizes: []ImageSize{{File: "brands/u2/d/photos/1-480w.k.jpg"}, {File: "brands/u2/d/photos/1-1600w.k.jpg"}}},
	}}
	var got []string
	for _, sl := range attractSlides(s, ctx) {
		got = append(got, sl.Href+" "+sl.Logo+" "+sl.Photo)
	}
	want := []string{
		// Demonstration brands first, then the rest in site order.
		"brands/u1/c/index.html brands/u1/c/logo.svg ",
		"brands/u2/d/index.html brands/u2/d/logo.svg brands/u2/d/photos/1-1600w.k.jpg",
		"brands/u1/a/index.html brands/u1/a/logo.svg brands/u1/a/photos/x.jpg",
		"brands/u1/b/index.html brands/u1/b/logo.svg ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("slides:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if jobs := kioskJobs(s, &pageContext{target: Web}); len(jobs) != 0 {
		t.Errorf("the web target has kiosk jobs: %v", jobs)
	}
	jobs := kioskJobs(s, ctx)
	if len(jobs) != 1 || jobs[0].File != AttractPath {
		t.Fatalf("kiosk jobs %v", jobs)
	}
	data, err := jobs[0].Render()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), `window.showcaseAttract=[{"name":"品牌c","unit":"","concept":"理念c"`) {
		t.Errorf("attract.js starts %.90s", data)
	}
}
