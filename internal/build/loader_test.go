package build_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/render"
	"showcase/internal/site"
)

// summary describes a site and its findings in text, to compare loads.
func summary(s *site.Site, diags diag.List) string {
	var b strings.Builder
	if s != nil {
		for _, u := range s.Units {
			fmt.Fprintf(&b, "unit %s %s\n", u.ID, u.Name)
		}
		for _, br := range s.Brands {
			fmt.Fprintf(&b, "brand %s %s %s/%s paired:%d concept:%s\n", br.ID, br.Name, br.Brand.Stage, br.Brand.Status, len(br.Paired), br.Concept)
		}
		for _, g := range append(append([]*site.Group{}, s.Stages...), s.Statuses...) {
			fmt.Fprintf(&b, "group %s %d\n", g.Path(), len(g.Brands))
		}
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "finding %s\n", d.Error())
	}
	return b.String()
}

// TestSessionUpdateMatchesFullLoad edits a copy of the sample site in the
// ways an author does and checks that each update of a session reads only
// the units changed, and gives what a fresh full load gives.
func TestSessionUpdateMatchesFullLoad(t *testing.T) {
	src := copySite(t)
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fsys := root.FS()
	ctx := context.Background()
	session := build.NewSession(fsys, render.Web, build.LoadOptions{})
	if _, diags, err := session.Update(ctx, nil); err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	edit := func(rel string, fn func([]byte) []byte) {
		p := filepath.Join(src, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, fn(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(old, new string) func([]byte) []byte {
		return func(b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
	}
	steps := []struct {
		name    string
		change  func()
		changed []string
		units   string
	}{
		{"edit a concept", func() {
			edit("content/finance/ledger/index.md", replace("concept: ", "concept: 改过的"))
		}, []string{"content/finance/ledger/index.md"}, "finance"},
		{"move to another stage", func() {
			edit("content/finance/ledger/index.md", replace("stage: consolidate", "stage: declare"))
		}, []string{"content/finance/ledger/index.md"}, "finance"},
		{"break it", func() {
			edit("content/tax/lanqiao/index.md", replace("stage: ", "stage: nowhere-"))
		}, []string{"content/tax/lanqiao/index.md"}, "tax"},
		{"fix it", func() {
			edit("content/tax/lanqiao/index.md", replace("stage: nowhere-", "stage: "))
		}, []string{"content/tax/lanqiao/index.md"}, "tax"},
		{"delete a brand", func() {
			os.RemoveAll(filepath.Join(src, "content/hospital/renxin"))
		}, []string{"content/hospital/renxin"}, "hospital"},
		{"add a unit", func() {
			os.MkdirAll(filepath.Join(src, "content/water/spring"), 0o755)
			os.WriteFile(filepath.Join(src, "content/water/_unit.md"), []byte("---\nname: 示例市水务局\n---\n"), 0o644)
			logo, _ := os.ReadFile(filepath.Join(src, "content/finance/ledger/logo.svg"))
			os.WriteFile(filepath.Join(src, "content/water/spring/logo.svg"), logo, 0o644)
			os.WriteFile(filepath.Join(src, "content/water/spring/index.md"), []byte("---\nname: 清泉先锋\norganization: 中共示例市水务局机关支部委员会\nsecretary: 赵某某\nstage: declare\nstatus: cultivating\ndeclared: 2020-03-01\nlogo: logo.svg\nconcept: 守护每一滴水。\ncarriers:\n  - {name: 清泉课堂}\npartners: [finance/ledger]\n---\n正文\n"), 0o644)
		}, []string{"content/water"}, "water"},
		{"remove a unit", func() {
			os.RemoveAll(filepath.Join(src, "content/library"))
		}, []string{"content/library/shuxiang/index.md", "content/library/_unit.md"}, "library"},
		{"change the configuration", func() {
			edit("showcase.yaml", replace("name: 培育中", "name: 培育中的品牌"))
		}, []string{"showcase.yaml"}, ""},
	}
	for _, step := range steps {
		step.change()
		up, gotDiags, err := session.Update(ctx, step.changed)
		if build.IsContentError(err) {
			// The session keeps its last good site; the findings are
			// a full load's.
			_, wantDiags, _ := build.Load(ctx, fsys, build.LoadOptions{}, nil)
			if g, w := summary(nil, gotDiags), summary(nil, wantDiags); g != w {
				t.Errorf("%s: findings differ from a full load's\nupdate:\n%s\nfull:\n%s", step.name, g, w)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: update: %v", step.name, err)
		}
		got := up.Site
		if units := strings.Join(slices.Sorted(maps.Keys(up.Reached.Units)), ","); units != step.units {
			t.Errorf("%s: reached units %v, want %s", step.name, units, step.units)
		}
		want, wantDiags, err := build.Load(ctx, fsys, build.LoadOptions{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := summary(got, gotDiags), summary(want, wantDiags); g != w {
			t.Errorf("%s: update differs from a full load\nupdate:\n%s\nfull:\n%s", step.name, g, w)
		}
	}
}
