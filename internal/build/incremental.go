package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"showcase/internal/diag"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/search"
	"showcase/internal/site"
	"showcase/themes"

	"golang.org/x/sync/errgroup"
)

// What a change reaches. The pages of a unit (units/<u>/, plaques/<u>/)
// show that unit and its brands; a brand's page, plaque page and bundle
// files show that brand, its unit, its partners and the configuration;
// every other page gathers the whole site and is always rendered. So a
// build renders again the pages of the units whose files changed, of
// their brands before and after, and of every brand paired with one of
// those either way; every other unit and brand keeps its files. What
// every page reads, the configuration, the theme and the program, is in
// the state's global key: a change there renders everything.
//
// That holds for the built-in templates. A theme that overrides layouts
// could show anything on any page, so such a site, and the kiosk, whose
// brand pages link their neighbours across the whole stage, are always
// built whole.

// incremental is a build's view of the state the last build left.
type incremental struct {
	dir    string
	global [32]byte
	keys   map[string][32]byte
	// prev is the last state's header, nil when there is none to use.
	prev *stateHeader
	// kept are the units whose files are as the state holds them.
	kept map[string]*keptUnit
	// compress is the build's compression, which the files a recycled
	// output keeps must carry before they are linked (see recycle).
	compress publish.Compression
}

// openIncremental hashes the site and reads what of the last build's state
// still holds. It returns nil when the build cannot be incremental at all.
func openIncremental(fsys fs.FS, opts Options, timings *Timings) (*incremental, error) {
	if opts.Target != render.Web || opts.Stateless {
		return nil, nil
	}
	if overridesLayouts(fsys) {
		return nil, nil
	}
	defer timings.Start("keys")()
	inc := &incremental{dir: stateDir(opts.Dest), kept: map[string]*keptUnit{}, compress: opts.Compress}
	var err error
	if inc.global, err = globalKey(fsys, opts); err != nil {
		return nil, err
	}
	racy := opts.racyWindow
	if racy == 0 {
		racy = racyWindow
	}
	prev, err := readHeader(inc.dir)
	if err != nil {
		return nil, err
	}
	if prev != nil && (prev.Global != inc.global || opts.Fresh) {
		prev = nil
	}
	if prev != nil {
		if dev, ino, err := folderID(opts.Dest); err != nil || dev != prev.Dev || ino != prev.Ino {
			prev = nil
		}
	}
	inc.prev = prev
	var mu sync.Mutex
	keep := func(id string, key [32]byte) {
		if prev == nil || key == ([32]byte{}) || prev.Units[id] != key {
			return
		}
		// A unit whose file cannot be read is read again from content.
		if k, err := readUnit(unitFile(inc.dir, id)); err == nil {
			mu.Lock()
			inc.kept[id] = k
			mu.Unlock()
		}
	}
	// The keys only list folders and stat files, which through os.Root
	// costs a walk of every path: a plain os.DirFS is safe here, since
	// what the keys see is never published, only compared.
	if inc.keys, err = unitKeys(os.DirFS(opts.Source), time.Now().Add(-racy), keep); err != nil {
		return nil, err
	}
	return inc, nil
}

// overridesLayouts reports whether a theme folder of the site has a
// layout that differs from the built-in theme's: any theme's, not only
// the configured one's, since the configuration is not read yet and a site
// rarely keeps a theme it does not use. A copy of the built-in layouts, as
// this repository's own sample site has, changes nothing.
func overridesLayouts(fsys fs.FS) bool {
	dirs, err := fs.Glob(fsys, "themes/*/layouts")
	if err != nil {
		return true
	}
	for _, dir := range dirs {
		theme := path.Dir(dir)
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			mine, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			builtin, err := fs.ReadFile(themes.Default(), strings.TrimPrefix(p, theme+"/"))
			if err != nil || !bytes.Equal(mine, builtin) {
				return errOverridden
			}
			return nil
		})
		if err != nil {
			return true
		}
	}
	return false
}

// errOverridden stops the walk of a theme at its first own layout.
var errOverridden = errors.New("theme overrides a layout")

// loaded returns the kept units as the Loader holds units, and tells
// bodies where their brands' bodies are.
func (inc *incremental) loaded(bodies *bodySpool) map[string]*loadedUnit {
	units := make(map[string]*loadedUnit, len(inc.kept))
	for id, k := range inc.kept {
		st := &k.state
		u := &loadedUnit{walk: st.Walk, assets: st.Assets}
		if st.HasUnit {
			u.unit = &decodedUnit{in: st.Unit, diags: st.UnitDiags}
		}
		for i := range st.Brands {
			b := &st.Brands[i]
			u.brands = append(u.brands, &decodedBrand{in: b.Input, diags: b.Diags})
			if bodies != nil {
				bodies.keep(b.Input.Source, k, b.Body, b.Text)
			}
		}
		units[id] = u
	}
	return units
}

// loadKeeping loads the site as Load does, but takes the units inc kept
// from the last build instead of reading them again.
func (l *Loader) loadKeeping(inc *incremental, bodies *bodySpool, timings *Timings) (*site.Site, diag.List, error) {
	stop := timings.Start("load")
	ok, diags, err := l.read(inc.loaded(bodies), bodies)
	stop()
	if !ok || err != nil {
		return nil, diags, err
	}
	if len(inc.kept) > 0 && l.assets() > MaxSiteAssets {
		// Over the limit, the finding names the largest bundle, which
		// only a reading of every unit knows.
		inc.kept = map[string]*keptUnit{}
		if ok, diags, err = l.read(nil, bodies); !ok || err != nil {
			return nil, diags, err
		}
	}
	defer timings.Start("assemble")()
	return l.assemble()
}

// changed returns the ids of the units that are not kept: new, changed
// or gone since the last build.
func (inc *incremental) changed() map[string]bool {
	ids := map[string]bool{}
	for id := range inc.keys {
		if inc.kept[id] == nil {
			ids[id] = true
		}
	}
	if inc.prev != nil {
		for id := range inc.prev.Units {
			if inc.kept[id] == nil {
				ids[id] = true
			}
		}
	}
	return ids
}

// reuse is what a build takes from the output it replaces.
type reuse struct {
	prev string
	// units and brands are those whose pages are kept, by id.
	units, brands map[string]bool
	kept          map[string]*keptUnit
	// old are the brands the changed units held at the last build.
	old []site.BrandInput
	// recycled is set when the output started from the spare, which
	// holds the kept files already: link has nothing to do.
	recycled bool
	// dirty are the regions of the output the build renders again; see
	// dirtyRegions.
	dirty []string
	// blocks are the search text blocks kept, by file.
	blocks map[string]bool
}

// planReuse decides which units' and brands' files the build keeps from
// the last output; nil when it keeps nothing.
func (inc *incremental) planReuse(s *site.Site, dest string) *reuse {
	if inc == nil || inc.prev == nil || len(inc.kept) == 0 {
		return nil
	}
	changed := inc.changed()
	old, ok := inc.oldBrands(changed)
	if !ok {
		return nil
	}
	touched := touchedBrands(s, changed, old)
	r := &reuse{prev: dest, units: map[string]bool{}, brands: map[string]bool{}, kept: inc.kept, old: old}
	for _, u := range s.Units {
		if changed[u.ID] {
			continue
		}
		r.units[u.ID] = true
		for _, b := range u.Brands {
			if !touched[b.ID] {
				r.brands[b.ID] = true
			}
		}
	}
	r.blocks = keptBlocks(s, inc.prev.Order, r.units)
	return r
}

// keptBlocks returns the files of the search text blocks a build keeps.
// A block holds the texts of a run of brands in site order, the texts
// coming from each brand's own file: it is unchanged when the same brands,
// none of whose units changed, stand at the same places as last time.
func keptBlocks(s *site.Site, prev []string, units map[string]bool) map[string]bool {
	n := len(s.Brands)
	size := search.BlockSize(n, search.Options{})
	if size != search.BlockSize(len(prev), search.Options{}) {
		return nil
	}
	_, blocks := search.Layout(n, search.Options{})
	kept := map[string]bool{}
	for k := range blocks {
		lo, hi := k*size, min((k+1)*size, n)
		same := min((k+1)*size, len(prev)) == hi
		for i := lo; same && i < hi; i++ {
			same = prev[i] == s.Brands[i].ID && units[s.Brands[i].Unit.ID]
		}
		if same {
			kept[render.SearchBlockFile(k)] = true
		}
	}
	return kept
}

// oldBrands returns the brands the changed units held at the last build.
// It reports false when the state no longer has one of those units: its
// old partners, whose pages showed it, are then unknown, and the build
// keeps nothing.
func (inc *incremental) oldBrands(changed map[string]bool) ([]site.BrandInput, bool) {
	var old []site.BrandInput
	for id := range changed {
		if _, ok := inc.prev.Units[id]; !ok {
			continue
		}
		k, err := readUnit(unitFile(inc.dir, id))
		if err != nil {
			return nil, false
		}
		for _, b := range k.state.Brands {
			old = append(old, b.Input)
		}
	}
	return old, true
}

// touchedBrands returns the ids of the brands whose pages a change of the
// changed units can reach: their brands before and after, and every
// brand paired with one of those, whichever side names the pairing.
func touchedBrands(s *site.Site, changed map[string]bool, old []site.BrandInput) map[string]bool {
	touched := map[string]bool{}
	for _, b := range old {
		touched[b.UnitID+"/"+b.Slug] = true
	}
	for id := range changed {
		if u := s.UnitByID(id); u != nil {
			for _, b := range u.Brands {
				touched[b.ID] = true
			}
		}
	}
	reached := map[string]bool{}
	for _, b := range old {
		for _, p := range b.Meta.Partners {
			reached[p.ID] = true
		}
	}
	for _, b := range s.Brands {
		if touched[b.ID] {
			for _, p := range b.Paired {
				reached[p.ID] = true
			}
		}
		for _, p := range b.Partners {
			if touched[p.ID] {
				reached[b.ID] = true
			}
		}
	}
	for id := range reached {
		touched[id] = true
	}
	return touched
}

// keeps reports whether the job writing file is left out because the
// file is kept.
func (r *reuse) keeps(file string) bool {
	if r == nil {
		return false
	}
	if r.blocks[file] {
		return true
	}
	unit, brand, ok := render.EntityOf(file)
	if !ok {
		return false
	}
	if brand == "" {
		return r.units[unit]
	}
	return r.brands[unit+"/"+brand]
}

// publishes reports whether brand b's bundle files are published anew.
func (r *reuse) publishes(b *site.Brand) bool { return r == nil || !r.brands[b.ID] }

// errLostOutput is the error of a build that found files missing from the
// last output it meant to keep; Run builds again from nothing.
var errLostOutput = errors.New("the last output lacks files it should have")

// linker is an output that can take a file of the last output as it is.
type linker interface {
	Link(file, src string) error
}

// link puts the kept files of the last output into out: the pages of
// kept units and brands, the kept brands' logos and photos, and the kept
// search text blocks; from a recycled output, only the blocks. A kept
// page missing from the last output fails with errLostOutput, and Run
// builds everything. It returns the number of files kept.
func (r *reuse) link(ctx context.Context, s *site.Site, out Output) (int, error) {
	if r == nil {
		return 0, nil
	}
	ln, ok := out.(linker)
	if !ok {
		r.units, r.brands, r.blocks = nil, nil, nil
		return 0, nil
	}
	// The text blocks are always taken from the live output: the spare's
	// are a build older.
	blocks, err := r.linkBlocks(ln)
	if err != nil || r.recycled {
		return blocks + r.keptFiles(s), err
	}
	var mu sync.Mutex
	var files int
	var lost []string
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	add := func(n int, err error, id string) error {
		mu.Lock()
		defer mu.Unlock()
		files += n
		if errors.Is(err, fs.ErrNotExist) {
			lost = append(lost, id)
			return nil
		}
		return err
	}
	for _, u := range s.Units {
		if !r.units[u.ID] {
			continue
		}
		g.Go(func() error {
			n, err := r.linkFiles(ln, "units/"+u.ID+"/index.html")
			if err == nil && len(u.Brands) > 0 {
				var m int
				m, err = r.linkFiles(ln, "plaques/"+u.ID+"/index.html")
				n += m
			}
			return add(n, err, "units/"+u.ID)
		})
	}
	for _, b := range s.Brands {
		if !r.brands[b.ID] {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			// The pages are named, so that a lost one is noticed; the
			// logo and photos are whatever the folder holds.
			n, err := r.linkFiles(ln, b.Path()+"index.html", "plaques/"+b.ID+"/index.html")
			if err == nil {
				var m int
				m, err = r.linkTree(ln, b.Path(), "index.html")
				n += m
			}
			return add(n, err, "brands/"+b.ID)
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	files += blocks
	if len(lost) > 0 {
		// Rendering a kept page instead would write through its link
		// into the live output: an output that lost files is rebuilt
		// whole.
		return 0, fmt.Errorf("%w: %s", errLostOutput, lost[0])
	}
	return files, nil
}

// linkBlocks links the kept search text blocks from the live output.
func (r *reuse) linkBlocks(ln linker) (int, error) {
	for file := range r.blocks {
		if _, err := r.linkFiles(ln, file); errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("%w: %s", errLostOutput, file)
		} else if err != nil {
			return 0, err
		}
	}
	return len(r.blocks), nil
}

// keptFiles counts the files of the kept units and brands, as the last
// builds counted them.
func (r *reuse) keptFiles(s *site.Site) int {
	n := 0
	for _, u := range s.Units {
		if !r.units[u.ID] {
			continue
		}
		n++ // units/<u>/
		if len(u.Brands) > 0 {
			n++ // plaques/<u>/
		}
		for _, b := range r.kept[u.ID].state.Brands {
			if r.brands[b.Input.UnitID+"/"+b.Input.Slug] {
				n += b.Files
			}
		}
	}
	return n
}

// linkFiles links files of the last output into the new one.
func (r *reuse) linkFiles(ln linker, files ...string) (int, error) {
	for _, f := range files {
		if err := ln.Link(f, filepath.Join(r.prev, filepath.FromSlash(f))); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

// linkTree links every file under dir of the last output but the one
// named skip directly in it.
func (r *reuse) linkTree(ln linker, dir, skip string) (int, error) {
	src := filepath.Join(r.prev, filepath.FromSlash(dir))
	entries, err := os.ReadDir(src)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		var m int
		switch {
		case e.Name() == skip, publish.IsCompressedCopy(name):
			// A compressed copy comes with its file (publish.Dir.Link).
		case e.IsDir():
			m, err = r.linkTree(ln, name, "")
		default:
			m, err = r.linkFiles(ln, name)
		}
		if err != nil {
			return 0, err
		}
		n += m
	}
	return n, nil
}

// fillSheets puts the kept brands' plaque sheets into sheets, for the
// pages that gather plaques: their own plaque pages are not rendered.
func (r *reuse) fillSheets(s *site.Site, sheets *sheetSpool) error {
	if r == nil || sheets == nil {
		return nil
	}
	index := make(map[string]int, len(s.Brands))
	for i, b := range s.Brands {
		index[b.Source] = i
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for id, k := range r.kept {
		if !r.units[id] {
			continue
		}
		g.Go(func() error {
			f, err := os.Open(k.path)
			if err != nil {
				return fmt.Errorf("read build state: %w", err)
			}
			defer f.Close()
			for _, b := range k.state.Brands {
				i, ok := index[b.Input.Source]
				if !ok || !r.brands[s.Brands[i].ID] {
					continue
				}
				if b.Sheet.N == 0 {
					return fmt.Errorf("read build state: no plaque of %s in %s", b.Input.Source, k.path)
				}
				sheet, err := k.readSpan(f, b.Sheet)
				if err != nil {
					return err
				}
				if err := sheets.PutSheet(i, sheet); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// save writes the state of a build just committed to dest: the units
// that were read anew get new files, kept ones keep theirs. The header is
// removed first and written last, so a build stopped halfway leaves no
// state that describes a mix of two builds.
func (inc *incremental) save(l *Loader, s *site.Site, dest string, bodies *bodySpool, sheets *sheetSpool, r *reuse) error {
	if inc == nil {
		return nil
	}
	if err := os.Remove(filepath.Join(inc.dir, headerFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write build state: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(inc.dir, "units"), 0o755); err != nil {
		return fmt.Errorf("write build state: %w", err)
	}
	index := make(map[string]int, len(s.Brands))
	for i, b := range s.Brands {
		index[b.Source] = i
	}
	h := &stateHeader{Version: stateVersion, Global: inc.global, Units: map[string][32]byte{},
		Order: make([]string, len(s.Brands))}
	for i, b := range s.Brands {
		h.Order[i] = b.ID
	}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for id, key := range inc.keys {
		u := l.units[id]
		if u == nil {
			continue
		}
		g.Go(func() error {
			if inc.kept[id] == nil {
				if err := saveUnit(unitFile(inc.dir, id), u, index, dest, bodies, sheets); err != nil {
					return err
				}
			}
			mu.Lock()
			h.Units[id] = key
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := removeStaleUnits(inc.dir, h.Units); err != nil {
		return err
	}
	var err error
	if h.Dev, h.Ino, err = folderID(dest); err != nil {
		return fmt.Errorf("write build state: %w", err)
	}
	if r != nil {
		// The build kept its replaced output as the spare; one that is
		// not there (it could not be moved) is no loss.
		h.SpareDev, h.SpareIno, err = folderID(inc.spareDir())
		h.Spare, h.Dirty = err == nil, r.dirty
	} else if err := os.RemoveAll(inc.spareDir()); err != nil {
		// A spare of an earlier build would only take room.
		return fmt.Errorf("write build state: %w", err)
	}
	return writeHeader(inc.dir, h)
}

// saveUnit writes the state file of a unit read in this build.
func saveUnit(file string, u *loadedUnit, index map[string]int, dest string, bodies *bodySpool, sheets *sheetSpool) error {
	st := &unitState{Walk: u.walk, Assets: u.assets}
	if u.unit != nil {
		st.HasUnit, st.Unit, st.UnitDiags = true, u.unit.in, u.unit.diags
	}
	var blobs [][]byte
	var end int64
	put := func(data []byte) span {
		sp := span{Off: end, N: int64(len(data))}
		end += sp.N
		blobs = append(blobs, data)
		return sp
	}
	for _, b := range u.brands {
		bs := brandState{Input: b.in, Diags: b.diags}
		for part, sp := range []*span{&bs.Body, &bs.Text} {
			data, err := bodies.bytes(b.in.Source, part)
			if err != nil {
				return err
			}
			*sp = put(data)
		}
		if i, ok := index[b.in.Source]; ok {
			sheet, err := sheets.bytes(i)
			if err != nil {
				return err
			}
			bs.Sheet = put(sheet)
			n, err := countFiles(filepath.Join(dest, "brands", b.in.UnitID, b.in.Slug))
			if err != nil {
				return fmt.Errorf("write build state: %w", err)
			}
			bs.Files = n + 1 // and its plaque page
		}
		st.Brands = append(st.Brands, bs)
	}
	return writeUnit(file, st, blobs)
}

// countFiles counts the files under dir.
func countFiles(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			if !publish.IsCompressedCopy(e.Name()) {
				n++
			}
			continue
		}
		m, err := countFiles(filepath.Join(dir, e.Name()))
		if err != nil {
			return 0, err
		}
		n += m
	}
	return n, nil
}

// removeStaleUnits removes the state files of units the site no longer
// has.
func removeStaleUnits(dir string, units map[string][32]byte) error {
	entries, err := os.ReadDir(filepath.Join(dir, "units"))
	if err != nil {
		return fmt.Errorf("write build state: %w", err)
	}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".unit")
		if _, known := units[id]; ok && known {
			continue
		}
		if err := os.Remove(filepath.Join(dir, "units", e.Name())); err != nil {
			return fmt.Errorf("write build state: %w", err)
		}
	}
	return nil
}
