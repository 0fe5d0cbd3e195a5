package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/render"
)

// incrementalSite is a generated site that a test edits between builds.
type incrementalSite struct {
	t   *testing.T
	src string
}

func (s incrementalSite) path(rel string) string { return filepath.Join(s.src, "content", rel) }

func (s incrementalSite) read(rel string) string {
	s.t.Helper()
	data, err := os.ReadFile(s.path(rel))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

func (s incrementalSite) write(rel, text string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.path(rel)), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.path(rel), []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// replace rewrites the first match of pattern in a content file.
func (s incrementalSite) replace(rel, pattern, with string) {
	s.t.Helper()
	text := s.read(rel)
	re := regexp.MustCompile(`(?m)` + pattern)
	loc := re.FindStringIndex(text)
	if loc == nil {
		s.t.Fatalf("%s: no %q", rel, pattern)
	}
	s.write(rel, text[:loc[0]]+with+text[loc[1]:])
}

// brands lists the site's brand ids, unit/brand, in order.
func (s incrementalSite) brands() []string {
	s.t.Helper()
	files, err := filepath.Glob(s.path("*/*/index.md"))
	if err != nil {
		s.t.Fatal(err)
	}
	var ids []string
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join(s.src, "content"), filepath.Dir(f))
		ids = append(ids, filepath.ToSlash(rel))
	}
	sort.Strings(ids)
	return ids
}

// newIncrementalSite writes a generated site of n brands and builds it
// once into a new output, whose path it returns with the site.
func newIncrementalSite(t *testing.T, n int, seed int64, opts func(src, dest string) build.Options) (incrementalSite, string) {
	t.Helper()
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Options{Brands: n, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), opts(src, dest)); err != nil {
		t.Fatal(err)
	}
	return incrementalSite{t: t, src: src}, dest
}

// webBuild returns the options of a web build of src into dest that
// trusts every file's stamp at once, so that a test need not wait.
func webBuild(fresh bool) func(src, dest string) build.Options {
	return func(src, dest string) build.Options {
		opts := build.Options{Source: src, Dest: dest, Target: render.Web, Fresh: fresh}
		return build.WithRacyWindow(opts, time.Nanosecond)
	}
}

var partnersLine = regexp.MustCompile(`(?m)^partners: \[(.*)\]$`)

// partnered returns a brand that names a partner, and that partner.
func (s incrementalSite) partnered() (brand, partner string) {
	s.t.Helper()
	for _, id := range s.brands() {
		m := partnersLine.FindStringSubmatch(s.read(id + "/index.md"))
		if m != nil && m[1] != "" {
			return id, strings.Trim(strings.Split(m[1], ",")[0], `" `)
		}
	}
	s.t.Fatal("no brand names a partner")
	return "", ""
}

// leastNamedUnit returns the unit whose brands are named as partners
// from the fewest other units, so that deleting it leaves some unchanged.
func (s incrementalSite) leastNamedUnit() string {
	s.t.Helper()
	namedFrom := map[string]map[string]bool{}
	for _, id := range s.brands() {
		from, _, _ := strings.Cut(id, "/")
		if namedFrom[from] == nil {
			namedFrom[from] = map[string]bool{}
		}
		m := partnersLine.FindStringSubmatch(s.read(id + "/index.md"))
		if m == nil {
			continue
		}
		for _, p := range strings.Split(m[1], ",") {
			unit, _, _ := strings.Cut(strings.Trim(p, `" `), "/")
			if unit != "" && unit != from {
				if namedFrom[unit] == nil {
					namedFrom[unit] = map[string]bool{}
				}
				namedFrom[unit][from] = true
			}
		}
	}
	best := ""
	for unit, from := range namedFrom {
		if best == "" || len(from) < len(namedFrom[best]) || (len(from) == len(namedFrom[best]) && unit < best) {
			best = unit
		}
	}
	return best
}

// dropUnit deletes a unit's folder and every pairing with its brands, as
// the office does when a unit leaves the campaign.
func (s incrementalSite) dropUnit(unit string) {
	s.t.Helper()
	s.unpair(unit)
	if err := os.RemoveAll(s.path(unit)); err != nil {
		s.t.Fatal(err)
	}
}

// unpair removes every pairing of other units' brands with unit's.
func (s incrementalSite) unpair(unit string) {
	s.t.Helper()
	for _, id := range s.brands() {
		text := s.read(id + "/index.md")
		m := partnersLine.FindStringSubmatch(text)
		if m == nil || !strings.Contains(m[1], `"`+unit+"/") {
			continue
		}
		var keep []string
		for _, p := range strings.Split(m[1], ",") {
			if !strings.HasPrefix(strings.TrimSpace(p), `"`+unit+"/") {
				keep = append(keep, strings.TrimSpace(p))
			}
		}
		s.replace(id+"/index.md", `^partners: .*$`, "partners: ["+strings.Join(keep, ", ")+"]")
	}
}

// unnamed returns a brand that no other brand names as a partner.
func (s incrementalSite) unnamed() string {
	s.t.Helper()
	named := map[string]bool{}
	for _, id := range s.brands() {
		if m := partnersLine.FindStringSubmatch(s.read(id + "/index.md")); m != nil {
			for _, p := range strings.Split(m[1], ",") {
				named[strings.Trim(p, `" `)] = true
			}
		}
	}
	for _, id := range s.brands() {
		if !named[id] {
			return id
		}
	}
	s.t.Fatal("every brand is named as a partner")
	return ""
}

// TestIncrementalMatchesFresh edits a site in the ways branches and the
// office do, one after another, and after each edit checks that the build
// of the same output, which keeps what did not change, writes exactly the
// files, byte for byte, that a build from nothing writes.
func TestIncrementalMatchesFresh(t *testing.T) {
	s, dest := newIncrementalSite(t, 60, 7, webBuild(false))
	src := s.src
	run := func(fresh bool, dest string) (build.Result, error) {
		return build.Run(context.Background(), webBuild(fresh)(src, dest))
	}
	steps := []struct {
		name string
		edit func()
		// keeps is whether the build should keep some units.
		keeps bool
	}{
		{"nothing changed", func() {}, true},
		{"brand with a partner renamed", func() {
			b, _ := s.partnered()
			s.replace(b+"/index.md", `^name: .*$`, "name: 改名后的品牌")
		}, true},
		{"body and tags edited", func() {
			b := s.brands()[len(s.brands())/2]
			s.write(b+"/index.md", s.read(b+"/index.md")+"\n补充一段新的工作成效说明。\n")
			s.replace(b+"/index.md", `^tags: .*$`, "tags: [新增标签]")
		}, true},
		{"partner renamed", func() {
			_, p := s.partnered()
			s.replace(p+"/index.md", `^name: .*$`, "name: 结对对象新名")
		}, true},
		{"pairing dropped", func() {
			b, _ := s.partnered()
			s.replace(b+"/index.md", `^partners: .*$`, "partners: []")
		}, true},
		{"pairing added across units", func() {
			ids := s.brands()
			s.replace(ids[0]+"/index.md", `^partners: .*$`, `partners: ["`+ids[len(ids)-1]+`"]`)
		}, true},
		{"unit renamed and moved up", func() {
			unit := strings.Split(s.brands()[len(s.brands())-1], "/")[0]
			s.replace(unit+"/_unit.md", `^name: .*$`, "name: 示例市新设单位")
			s.replace(unit+"/_unit.md", `^weight: .*$`, "weight: -5")
		}, true},
		{"photo replaced", func() {
			ids := s.brands()
			photos, _ := filepath.Glob(s.path(ids[3] + "/photos/*"))
			other, _ := filepath.Glob(s.path(ids[9] + "/photos/*"))
			data, err := os.ReadFile(other[0])
			if err != nil {
				t.Fatal(err)
			}
			s.write(strings.TrimPrefix(photos[0], s.path("")), string(data))
		}, true},
		{"brand deleted", func() {
			if err := os.RemoveAll(s.path(s.unnamed())); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"brand added", func() {
			ids := s.brands()
			from, unit := ids[5], strings.Split(ids[20], "/")[0]
			err := filepath.WalkDir(s.path(from), func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(s.path(from), p)
				s.write(unit+"/b9999/"+filepath.ToSlash(rel), s.read(from+"/"+filepath.ToSlash(rel)))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			s.replace(unit+"/b9999/index.md", `^name: .*$`, "name: 新来的品牌")
			s.replace(unit+"/b9999/index.md", `^partners: .*$`, `partners: ["`+ids[30]+`"]`)
		}, true},
		{"brand drafted", func() {
			b := s.unnamed()
			s.replace(b+"/index.md", `^draft: .*$`, "draft: true")
		}, true},
		{"every brand of a unit drafted", func() {
			unit := s.leastNamedUnit()
			s.unpair(unit)
			for _, id := range s.brands() {
				if strings.HasPrefix(id, unit+"/") {
					s.replace(id+"/index.md", `^draft: .*$`, "draft: true")
				}
			}
		}, true},
		{"unit deleted", func() {
			s.dropUnit(s.leastNamedUnit())
		}, true},
		{"configuration changed", func() {
			cfg := filepath.Join(src, "showcase.yaml")
			data, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(`(?m)^title: .*$`)
			if err := os.WriteFile(cfg, re.ReplaceAll(data, []byte("title: 示例市改名后的展示")), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, step := range steps {
		step.edit()
		res, err := run(false, dest)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if kept := res.KeptUnits > 0; kept != step.keeps {
			t.Errorf("%s: kept %d of %d units", step.name, res.KeptUnits, res.Units)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		want, err := run(true, fresh)
		if err != nil {
			t.Fatalf("%s: fresh build: %v", step.name, err)
		}
		if res.Files != want.Files {
			t.Errorf("%s: counted %d files, a fresh build %d", step.name, res.Files, want.Files)
		}
		compareTrees(t, step.name, readTree(t, dest), readTree(t, fresh))
		if got, want := readFolders(t, dest), readFolders(t, fresh); !slices.Equal(got, want) {
			t.Errorf("%s: folders %q, a fresh build has %q", step.name, got, want)
		}
	}
}

// readFolders lists the folders under dir, an empty one left behind
// included.
func readFolders(t *testing.T, dir string) []string {
	t.Helper()
	var folders []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			folders = append(folders, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return folders
}

// compareTrees reports every file that differs between two outputs.
func compareTrees(t *testing.T, name string, got, want map[string][]byte) {
	t.Helper()
	for file, data := range want {
		if g, ok := got[file]; !ok {
			t.Errorf("%s: %s missing", name, file)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s: %s differs from a fresh build", name, file)
		}
	}
	for file := range got {
		if _, ok := want[file]; !ok {
			t.Errorf("%s: %s should not be there", name, file)
		}
	}
}

// TestIncrementalAfterFailure checks that a failed build leaves the output
// and the state as they were, so the next build still keeps what it can,
// and that a page lost from the output is rendered again, and only it.
func TestIncrementalAfterFailure(t *testing.T) {
	s, dest := newIncrementalSite(t, 20, 3, webBuild(false))
	opts := webBuild(false)(s.src, dest)
	before := readTree(t, dest)
	b := s.brands()[2]
	good := s.read(b + "/index.md")
	s.replace(b+"/index.md", `^stage: .*$`, "stage: nowhere")
	if _, err := build.Run(context.Background(), opts); !build.IsContentError(err) {
		t.Fatalf("build with an unknown stage: %v", err)
	}
	compareTrees(t, "after the failed build", readTree(t, dest), before)

	s.write(b+"/index.md", good)
	res, err := build.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	// The fixed file was written again, so its unit is read again.
	if res.KeptUnits != res.Units-1 {
		t.Errorf("after the fix: kept %d of %d units", res.KeptUnits, res.Units)
	}
	compareTrees(t, "after the fix", readTree(t, dest), before)

	lost := filepath.Join(dest, "brands", filepath.FromSlash(s.brands()[5]), "index.html")
	if err := os.Remove(lost); err != nil {
		t.Fatal(err)
	}
	if res, err = build.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	// Only the brand whose page was lost is rendered again: its page,
	// its plaque page and the pages that gather the whole site.
	if res.KeptUnits != res.Units || res.KeptFiles == 0 || res.KeptFiles >= res.Files {
		t.Errorf("with a page lost from the output: kept %d of %d units, %d of %d files", res.KeptUnits, res.Units, res.KeptFiles, res.Files)
	}
	if res.Files != countFiles(t, dest) {
		t.Errorf("reported %d files, the output has %d", res.Files, countFiles(t, dest))
	}
	compareTrees(t, "after a lost page", readTree(t, dest), before)
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIncrementalRacy checks that a file changed moments before a build is
// read again by the next build even if its size and times look unchanged
// since: its stamp cannot be trusted yet.
func TestIncrementalRacy(t *testing.T) {
	web := func(src, dest string) build.Options {
		return build.Options{Source: src, Dest: dest, Target: render.Web}
	}
	s, dest := newIncrementalSite(t, 10, 2, web)
	src, opts := s.src, web(s.src, dest)
	// Every file was written just now: no unit can be trusted.
	res, err := build.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.KeptUnits != 0 {
		t.Errorf("kept %d units written just before the build", res.KeptUnits)
	}
	// The same bytes count, and the times are set back as a tool that
	// keeps times would: the file is still read again.
	b := s.brands()[0]
	members := regexp.MustCompile(`(?m)^members: \d`)
	loc := members.FindStringIndex(s.read(b + "/index.md"))
	if loc == nil {
		t.Fatal("no members")
	}
	text := []byte(s.read(b + "/index.md"))
	text[loc[1]-1] = '0' + (text[loc[1]-1]-'0'+1)%10
	s.write(b+"/index.md", string(text))
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(s.path(b+"/index.md"), old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), webBuild(true)(src, fresh)); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "racy edit", readTree(t, dest), readTree(t, fresh))
}

// TestIncrementalThemeOverride checks that a theme copying a built-in
// layout as it is still rebuilds only what changed, and that one with a
// layout of its own is built whole, since its pages may show anything.
func TestIncrementalThemeOverride(t *testing.T) {
	builtin, err := os.ReadFile(filepath.Join(repoRoot, "themes/default/layouts/pages/brand.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		layout []byte
		keeps  bool
	}{
		{"copy of the built-in layout", builtin, true},
		{"layout of its own", append(bytes.Clone(builtin), "<!-- 本站自己的版式 -->"...), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, dest := newIncrementalSite(t, 10, 5, webBuild(false))
			layout := filepath.Join(s.src, "themes/default/layouts/pages/brand.html")
			if err := os.MkdirAll(filepath.Dir(layout), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(layout, tt.layout, 0o644); err != nil {
				t.Fatal(err)
			}
			// The first build after the theme changed builds everything;
			// the second tells whether the theme lets it keep anything.
			var res build.Result
			for range 2 {
				if res, err = build.Run(context.Background(), webBuild(false)(s.src, dest)); err != nil {
					t.Fatal(err)
				}
			}
			if kept := res.KeptFiles > 0; kept != tt.keeps {
				t.Errorf("kept %d files of %d", res.KeptFiles, res.Files)
			}
		})
	}
}

// TestIncrementalLostUnitState checks that a rebuild whose state lost the
// file of a unit that then changed keeps nothing: the unit's old pairings,
// whose pages showed its brands, are unknown.
func TestIncrementalLostUnitState(t *testing.T) {
	s, dest := newIncrementalSite(t, 60, 7, webBuild(false))
	b, _ := s.partnered()
	unit, _, _ := strings.Cut(b, "/")
	state := filepath.Join(filepath.Dir(dest), ".public.showcase-state", "units", unit+".unit")
	if err := os.Remove(state); err != nil {
		t.Fatal(err)
	}
	s.replace(b+"/index.md", `^name: .*$`, "name: 状态丢失后改名")
	res, err := build.Run(context.Background(), webBuild(false)(s.src, dest))
	if err != nil {
		t.Fatal(err)
	}
	if res.KeptUnits > 0 && res.KeptFiles > 0 {
		t.Errorf("kept %d files of %d units without the changed unit's state", res.KeptFiles, res.KeptUnits)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), webBuild(true)(s.src, fresh)); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "lost unit state", readTree(t, dest), readTree(t, fresh))
}

// TestRemovesWhatAKilledBuildLeft checks that a build removes the folders
// an interrupted build of the same output left beside it, and leaves
// those of other outputs alone.
func TestRemovesWhatAKilledBuildLeft(t *testing.T) {
	s, dest := newIncrementalSite(t, 6, 9, webBuild(false))
	parent := filepath.Dir(dest)
	left := []string{".public-build-123", ".public-build-scratch-456", ".public-build-789-old"}
	for _, name := range left {
		if err := os.MkdirAll(filepath.Join(parent, name, "brands"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(parent, name, "brands", "x.html"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(parent, ".kiosk-build-1")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Run(context.Background(), webBuild(false)(s.src, dest)); err != nil {
		t.Fatal(err)
	}
	for _, name := range left {
		if _, err := os.Stat(filepath.Join(parent, name)); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", name, err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another output's folder was removed: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public-build-") {
			t.Errorf("the build left %s", e.Name())
		}
	}
}

// TestStateNotSavedIsAWarning checks that a build whose state cannot be
// written after the output was swapped in succeeds with a warning, and
// that the next build then builds everything.
func TestStateNotSavedIsAWarning(t *testing.T) {
	s, dest := newIncrementalSite(t, 6, 11, webBuild(false))
	state := filepath.Join(filepath.Dir(dest), ".public.showcase-state")
	if err := os.RemoveAll(filepath.Join(state, "units")); err != nil {
		t.Fatal(err)
	}
	// A file where the state's folder of units should be.
	if err := os.WriteFile(filepath.Join(state, "units"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s.replace(s.brands()[0]+"/index.md", `^concept: `, "concept: 新的理念，")
	res, err := build.Run(context.Background(), webBuild(false)(s.src, dest))
	if err != nil {
		t.Fatalf("a state that cannot be saved failed the build: %v", err)
	}
	if len(res.Warnings) == 0 {
		t.Error("no warning that the state was not saved")
	}
	if page, _ := os.ReadFile(filepath.Join(dest, "brands", filepath.FromSlash(s.brands()[0]), "index.html")); !bytes.Contains(page, []byte("新的理念")) {
		t.Error("the output was not replaced")
	}
	if res, err = build.Run(context.Background(), webBuild(false)(s.src, dest)); err != nil {
		t.Fatal(err)
	}
	if res.KeptFiles != 0 {
		t.Errorf("after a state that was not saved, the build kept %d files", res.KeptFiles)
	}
}
