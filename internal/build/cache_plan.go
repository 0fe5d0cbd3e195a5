package build

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"showcase/internal/reach"
	"showcase/internal/render"
	"showcase/internal/search"
	"showcase/internal/site"

	"golang.org/x/sync/errgroup"
)

// The rebuild cache. A build of the web target leaves its state beside its
// output (cache_state.go); the next build of the same output reads and
// decodes only the units whose files changed (cache_keys.go), asks package
// reach which output files the change made stale, and takes every other
// file from the output it replaces, each checked to be the file the last
// build wrote (cache_verify.go), starting from the output the last build
// replaced where it can (cache_recycle.go). Its output is the same, byte
// for byte, as a build from nothing.

// incremental is a build's view of the state the last build left.
type incremental struct {
	dir    string
	global [32]byte
	keys   map[string][32]byte
	// prev is the last state's header, nil when there is none to use.
	prev *stateHeader
	// kept are the units whose files are as the state holds them.
	kept map[string]*keptUnit
	// decisions are the key of decisions/ now.
	decisions decisionsState
}

// openIncremental hashes the site and reads what of the last build's state
// still holds. It returns nil when the build keeps no state at all.
func openIncremental(fsys fs.FS, opts Options) (*incremental, error) {
	if opts.Target != render.Web || opts.Stateless {
		return nil, nil
	}
	inc := &incremental{dir: stateDir(opts.Dest), kept: map[string]*keptUnit{}}
	var err error
	if inc.global, err = globalKey(fsys, opts); err != nil {
		return nil, err
	}
	if inc.decisions.Key, inc.decisions.Has, err = decisionsKey(fsys); err != nil {
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
	// costs a walk of every path: a plain walk of the source folder is
	// safe here, since what the keys see is never published, only
	// compared.
	if inc.keys, err = unitKeys(opts.Source, time.Now().Add(-racy), keep); err != nil {
		return nil, err
	}
	return inc, nil
}

// loaded returns the kept units as the Loader holds units, their brands'
// bodies read from the state files through bodies.
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
			in := b.Input
			in.Body, in.Text = bodies.keep(in.Source, k, b.Body, b.Text)
			u.brands = append(u.brands, &decodedBrand{in: in, diags: b.Diags})
		}
		units[id] = u
	}
	return units
}

// change returns what changed since the last build: every unit not kept,
// new, changed or gone; or everything, without a state to compare with.
func (inc *incremental) change() reach.Change {
	if inc.prev == nil {
		return reach.Change{Everything: true}
	}
	c := reach.Change{Units: map[string]bool{}}
	inc.decisionsChange(&c)
	for id := range inc.keys {
		if inc.kept[id] == nil {
			c.Units[id] = true
		}
	}
	for id := range inc.prev.Units {
		if inc.kept[id] == nil {
			c.Units[id] = true
		}
	}
	return c
}

// before returns the brands the changed units held at the last build,
// for package reach. It reports false when the state no longer has one
// of those units: its old partners, whose pages showed it, are then
// unknown, and the build keeps nothing.
func (inc *incremental) before(c reach.Change) ([]reach.Brand, bool) {
	var old []reach.Brand
	for id := range c.Units {
		if _, ok := inc.prev.Units[id]; !ok {
			continue
		}
		k, err := readUnit(unitFile(inc.dir, id))
		if err != nil {
			return nil, false
		}
		for _, b := range k.state.Brands {
			rb := reach.Brand{ID: b.Input.UnitID + "/" + b.Input.Slug}
			for _, p := range b.Input.Meta.Partners {
				rb.Partners = append(rb.Partners, p.ID)
			}
			old = append(old, rb)
		}
	}
	return append(old, inc.decidedBefore(c)...), true
}

// reuse is what a build takes from the output it replaces.
type reuse struct {
	live string
	// units and brands are those whose files are kept, by id.
	units, brands map[string]bool
	kept          map[string]*keptUnit
	// gone are the brands and units the last output had and the change
	// reached, whose regions go.
	gone []string
	// recycled is set when the output started from the spare.
	recycled bool
	// dirty are the regions of the output the build renders again; see
	// dirtyRegions.
	dirty []string
	// blocks are the search text blocks kept, by file, and blockRecords
	// the last output's.
	blocks       map[string]bool
	blockRecords []fileRecord
	// files counts the files kept.
	files int
}

// planReuse decides which units' and brands' files the build keeps from
// the last output; nil when it keeps nothing.
func (inc *incremental) planReuse(s *site.Site, reached reach.Reached, before []reach.Brand, dest string) *reuse {
	if inc.prev == nil || len(inc.kept) == 0 || reached.All {
		return nil
	}
	r := &reuse{live: dest, units: map[string]bool{}, brands: map[string]bool{}, kept: inc.kept}
	for _, b := range before {
		// A brand listed for what the decisions said of it is there
		// before and after; a unit's brands are listed on their own.
		if !b.Decision {
			r.gone = append(r.gone, b.ID)
		}
	}
	for _, u := range s.Units {
		k := inc.kept[u.ID]
		if k == nil || reached.Units[u.ID] || !recorded(k.state.Files, u.Path()+"index.html") ||
			len(u.Plaqued) > 0 && !recorded(k.state.Files, "plaques/"+u.ID+"/index.html") {
			continue
		}
		r.units[u.ID] = true
		for _, b := range u.Brands {
			// A brand is kept only with a record of its pages: one the
			// last build could not record is rendered again.
			if bs := k.brand(b.ID); !reached.Brands[b.ID] && bs != nil &&
				recorded(bs.Files, b.Path()+"index.html") && recorded(bs.Files, b.PlaquePath()+"index.html") {
				r.brands[b.ID] = true
			}
		}
	}
	r.blocks, r.blockRecords = keptBlocks(s, inc.prev.Order, r.units), inc.prev.Blocks
	return r
}

// recorded reports whether records hold file.
func recorded(records []fileRecord, file string) bool {
	for _, r := range records {
		if r.Path == file {
			return true
		}
	}
	return false
}

// keptBlocks returns the files of the search text blocks a build keeps.
// A block holds the texts of a run of brands in site order, the texts
// coming from each brand's own file: it is unchanged when the same brands,
// none of whose units changed, stand at the same places as last time. The
// index holds the listed brands only.
func keptBlocks(s *site.Site, prev []string, units map[string]bool) map[string]bool {
	n := len(s.Listed)
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
			same = prev[i] == s.Listed[i].ID && units[s.Listed[i].Unit.ID]
		}
		if same {
			kept[render.SearchBlockFile(k)] = true
		}
	}
	return kept
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
	unit, brand, ok := reach.EntityOf(file)
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

// fillSheets puts the kept brands' plaque sheets into sheets, for the
// pages that gather plaques: their own plaque pages are not rendered.
func (r *reuse) fillSheets(s *site.Site, sheets *sheetSpool) error {
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
				if b.Sheet.N == 0 && !s.Brands[i].HasPlaque() {
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
