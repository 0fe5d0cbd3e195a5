package serve_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/themes"
)

// TestRebuildAndServeMatchFresh applies random sequences of edits to a
// generated site, the ways authors and the office change a site (a body,
// a name, a stage, a pairing, a brand deleted or added, a unit renamed, a
// theme file, a theme with layouts of its own, the configuration, a bad
// edit and its fix, and the office's decisions: one added, a status
// changed, a delisting, one withdrawn, a bad decision and its fix), and
// between them damages the live output (a file deleted, a page written
// over in place, a file replaced). After each
// step, every file a rebuild of the same output writes, and every file
// the preview server serves, must be byte for byte what a build from
// nothing writes. SHOWCASE_PROPERTY_SEED runs one more sequence.
func TestRebuildAndServeMatchFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site some forty times")
	}
	seeds := []uint64{1, 2, 3}
	if s, err := strconv.ParseUint(os.Getenv("SHOWCASE_PROPERTY_SEED"), 10, 64); err == nil {
		seeds = append(seeds, s)
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) { runProperty(t, seed, 12) })
	}
}

// propertySite is the generated site a property test edits.
type propertySite struct {
	t   *testing.T
	src string
	rng *rand.Rand
	n   int // brands added so far
	// decisions are the documents of decisions/, by file name, and
	// decided counts those added.
	decisions map[string][]decided
	decided   int
}

func runProperty(t *testing.T, seed uint64, steps int) {
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Options{Brands: 16, Units: 4, Seed: int64(seed), BodyChars: 300}); err != nil {
		t.Fatal(err)
	}
	ps := &propertySite{t: t, src: src, rng: rand.New(rand.NewPCG(seed, 7))}
	ps.decide()
	cache := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	srv := startCached(t, src, cache)
	// Every other sequence keeps compressed copies beside the files,
	// which a rebuild must keep in step with them.
	compress := publish.Compression{Gzip: seed%2 == 0}
	rebuild := build.Options{Source: src, Dest: dest, Target: render.Web, CacheDir: cache, Compress: compress}
	if _, err := build.Run(context.Background(), rebuild); err != nil {
		t.Fatal(err)
	}
	edits := ps.edits()
	for step := range steps {
		name, edit := edits[ps.rng.IntN(len(edits))].name, edits[0].apply
		for _, e := range edits {
			if e.name == name {
				edit = e.apply
			}
		}
		bad := edit()
		desc := fmt.Sprintf("step %d (%s)", step, name)
		t.Log(desc)
		served := srv.settle(t)
		if bad != nil {
			// A bad edit: the build refuses it and leaves the output,
			// the server keeps the last good site; then the fix.
			if _, err := build.Run(context.Background(), rebuild); !build.IsContentError(err) {
				t.Fatalf("%s: the build took a bad edit: %v", desc, err)
			}
			if served {
				t.Fatalf("%s: the server took a bad edit", desc)
			}
			bad()
			served = srv.settle(t)
			desc += " and its fix"
		}
		if !served {
			t.Fatalf("%s: the server failed to rebuild", desc)
		}
		ps.damage(dest)
		if _, err := build.Run(context.Background(), rebuild); err != nil {
			t.Fatalf("%s: rebuild: %v", desc, err)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: fresh, Target: render.Web, CacheDir: cache, Stateless: true, Compress: compress}); err != nil {
			t.Fatalf("%s: fresh build: %v", desc, err)
		}
		want := readFiles(t, fresh)
		compareFiles(t, desc+": rebuild", readFiles(t, dest), want)
		for file, data := range want {
			if publish.IsCompressedCopy(file) {
				continue // the server compresses nothing
			}
			code, body := get(t, srv.url+file)
			if code != 200 {
				t.Errorf("%s: server: %s: %d", desc, file, code)
				continue
			}
			if got := strings.Replace(body, liveTag, "", 1); got != string(data) {
				t.Errorf("%s: server: %s differs from a fresh build", desc, file)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

// edit is a change to the site. It returns nil, or for a bad edit the
// function that fixes it.
type edit struct {
	name  string
	apply func() (fix func())
}

func (ps *propertySite) edits() []edit {
	ok := func(f func()) func() func() { return func() func() { f(); return nil } }
	return []edit{
		{"body", ok(func() { ps.appendBody(ps.brand()) })},
		{"name", ok(func() { ps.set(ps.brand(), "name", fmt.Sprintf("改名品牌%02d", ps.rng.IntN(100))) })},
		{"stage", ok(func() {
			ps.set(ps.brand(), "stage", []string{"declare", "improve", "consolidate"}[ps.rng.IntN(3)])
		})},
		{"partner", ok(func() {
			b, p := ps.brand(), ps.brand()
			list := ""
			if p != b && ps.rng.IntN(3) > 0 {
				list = `"` + p + `"`
			}
			ps.set(b, "partners", "["+list+"]")
		})},
		{"delete", ok(func() {
			if ids := ps.brands(); len(ids) > 6 {
				b := ps.brand()
				// A brand others name as their partner goes with them.
				for _, o := range ids {
					if strings.Contains(ps.read(o), `"`+b+`"`) {
						ps.set(o, "partners", "[]")
					}
				}
				ps.forget(b)
				ps.must(os.RemoveAll(filepath.Join(ps.src, "content", b)))
			}
		})},
		{"add", ok(func() {
			b := ps.brand()
			unit := ps.units()[ps.rng.IntN(len(ps.units()))]
			ps.n++
			id := fmt.Sprintf("%s/added%d", unit, ps.n)
			ps.copyDir(filepath.Join(ps.src, "content", b), filepath.Join(ps.src, "content", id))
			ps.set(id, "name", fmt.Sprintf("新增品牌%02d", ps.n))
			ps.set(id, "partners", "[]")
		})},
		{"unit", ok(func() {
			u := ps.units()[ps.rng.IntN(len(ps.units()))]
			ps.replace(filepath.Join("content", u, "_unit.md"), `(?m)^name: .*$`, fmt.Sprintf("name: 示例市改名局%d", ps.rng.IntN(100)))
		})},
		{"theme", ok(func() {
			css, err := fs.ReadFile(themes.Default(), "static/css/site.css")
			ps.must(err)
			ps.write("themes/default/static/css/site.css", string(css)+fmt.Sprintf("\n.edit%d{color:red}\n", ps.rng.IntN(1000)))
		})},
		{"layout", ok(func() {
			layout, err := fs.ReadFile(themes.Default(), "layouts/base.html")
			ps.must(err)
			text := strings.Replace(string(layout), `<main id="main">`, `<main id="main"><p class="count">{{len .Site.Brands}}</p>`, 1)
			ps.write("themes/default/layouts/base.html", text)
		})},
		{"config", ok(func() {
			ps.replace("showcase.yaml", `(?m)^title: .*$`, fmt.Sprintf("title: 示例省党建品牌展示%d", ps.rng.IntN(100)))
		})},
		{"decision", ok(func() { ps.addDecision(false) })},
		{"restatus", ok(func() { ps.restatus() })},
		{"delist", ok(func() { ps.addDecision(true) })},
		{"withdraw", ok(func() { ps.withdraw() })},
		{"bad decision", func() func() {
			name := ps.addDecisionNaming("nowhere/none", "named")
			return func() {
				delete(ps.decisions, name)
				ps.must(os.Remove(filepath.Join(ps.src, "decisions", name)))
			}
		}},
		{"bad", func() func() {
			b := ps.brand()
			good := ps.read(b)
			ps.set(b, "stage", "nowhere")
			return func() { ps.write(filepath.Join("content", b, "index.md"), good) }
		}},
	}
}

// damage changes the live output as a person or another program might:
// it deletes a file, writes over a page in place, or replaces a file.
func (ps *propertySite) damage(dest string) {
	var files []string
	_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	sort.Strings(files)
	file := files[ps.rng.IntN(len(files))]
	switch ps.rng.IntN(4) {
	case 0:
		ps.must(os.Remove(file))
	case 1:
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_TRUNC, 0)
		ps.must(err)
		_, err = f.WriteString("overwritten")
		ps.must(err)
		ps.must(f.Close())
	case 2:
		ps.must(os.WriteFile(file+".new", []byte("replaced"), 0o644))
		ps.must(os.Rename(file+".new", file))
	}
}

func (ps *propertySite) must(err error) {
	ps.t.Helper()
	if err != nil {
		ps.t.Fatal(err)
	}
}

func (ps *propertySite) brands() []string {
	files, _ := filepath.Glob(filepath.Join(ps.src, "content", "*", "*", "index.md"))
	var ids []string
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join(ps.src, "content"), filepath.Dir(f))
		ids = append(ids, filepath.ToSlash(rel))
	}
	sort.Strings(ids)
	return ids
}

func (ps *propertySite) brand() string {
	ids := ps.brands()
	return ids[ps.rng.IntN(len(ids))]
}

func (ps *propertySite) units() []string {
	files, _ := filepath.Glob(filepath.Join(ps.src, "content", "*", "_unit.md"))
	var ids []string
	for _, f := range files {
		ids = append(ids, filepath.Base(filepath.Dir(f)))
	}
	sort.Strings(ids)
	return ids
}

func (ps *propertySite) read(brand string) string {
	data, err := os.ReadFile(filepath.Join(ps.src, "content", brand, "index.md"))
	ps.must(err)
	return string(data)
}

func (ps *propertySite) write(rel, text string) {
	p := filepath.Join(ps.src, rel)
	ps.must(os.MkdirAll(filepath.Dir(p), 0o755))
	ps.must(os.WriteFile(p, []byte(text), 0o644))
}

func (ps *propertySite) replace(rel, pattern, with string) {
	data, err := os.ReadFile(filepath.Join(ps.src, rel))
	ps.must(err)
	re := regexp.MustCompile(pattern)
	if !re.Match(data) {
		ps.t.Fatalf("%s: no %s", rel, pattern)
	}
	ps.write(rel, re.ReplaceAllLiteralString(string(data), with))
}

// set sets a front-matter key of a brand, adding the key if need be.
func (ps *propertySite) set(brand, key, value string) {
	rel := filepath.Join("content", brand, "index.md")
	text := ps.read(brand)
	re := regexp.MustCompile(`(?m)^` + key + `: .*$`)
	if re.MatchString(text) {
		text = re.ReplaceAllLiteralString(text, key+": "+value)
	} else {
		text = strings.Replace(text, "---\n", "---\n"+key+": "+value+"\n", 1)
	}
	ps.write(rel, text)
}

func (ps *propertySite) appendBody(brand string) {
	ps.write(filepath.Join("content", brand, "index.md"), ps.read(brand)+fmt.Sprintf("\n补充说明第 %d 条。\n", ps.rng.IntN(1000)))
}

func (ps *propertySite) copyDir(from, to string) {
	ps.must(filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	}))
}

// startCached starts a server that shares the builds' image cache.
func startCached(t *testing.T, src, cache string) *running {
	t.Helper()
	return startWith(t, src, cache)
}

// settle waits for the rebuilds a change set off and returns whether the
// last succeeded: the watcher may deliver one save in more than one batch.
func (r *running) settle(t *testing.T) bool {
	t.Helper()
	ok := r.wait(t)
	for {
		select {
		case ok = <-r.rebuilds:
		case <-time.After(400 * time.Millisecond):
			return ok
		}
	}
}

// readFiles reads every file under dir by its slash path.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func compareFiles(t *testing.T, name string, got, want map[string][]byte) {
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
