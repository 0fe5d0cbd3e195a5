package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"showcase/internal/reach"
	"showcase/internal/render"
	"showcase/internal/search"
	"showcase/internal/site"

	"golang.org/x/sync/errgroup"
)

// save writes the state of a build just committed to dest: units read anew,
// or with files rendered anew, get new files; the others keep theirs. The
// header is removed first and written last, so a build stopped halfway
// leaves no state that describes a mix of two builds.
func (inc *incremental) save(l *Loader, s *site.Site, dest string, bodies *bodySpool, sheets *sheetSpool, r *reuse) error {
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
	h := &stateHeader{Version: stateVersion, Global: inc.global, Units: map[string][32]byte{}, Decisions: inc.decisionsRecord(s),
		Order: make([]string, len(s.Listed))}
	for i, b := range s.Listed {
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
			if inc.kept[id] == nil || !r.keepsAll(s.UnitByID(id)) {
				w := unitWriter{dest: dest, index: index, bodies: bodies, sheets: sheets, reuse: r, kept: inc.kept[id]}
				if err := w.write(unitFile(inc.dir, id), id, u, s); err != nil {
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
	_, blocks := search.Layout(len(s.Listed), search.Options{})
	for k := range blocks {
		rec, err := recordFile(dest, render.SearchBlockFile(k))
		if err != nil {
			return fmt.Errorf("write build state: %w", err)
		}
		h.Blocks = append(h.Blocks, rec)
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

// keepsAll reports whether a build kept every file of unit u and its
// brands, so that its state file, records included, holds as it is.
func (r *reuse) keepsAll(u *site.Unit) bool {
	if r == nil || u == nil || !r.units[u.ID] {
		return false
	}
	for _, b := range u.Brands {
		if !r.brands[b.ID] {
			return false
		}
	}
	return true
}

// unitWriter writes the state file of one unit.
type unitWriter struct {
	dest   string
	index  map[string]int
	bodies *bodySpool
	sheets *sheetSpool
	reuse  *reuse
	// kept is the unit's last state, when the build kept it.
	kept *keptUnit
}

func (w unitWriter) write(file, id string, u *loadedUnit, s *site.Site) error {
	st := &unitState{Walk: u.walk, Assets: u.assets}
	if u.unit != nil {
		st.HasUnit, st.Unit, st.UnitDiags = true, u.unit.in, u.unit.diags
	}
	var err error
	if w.reuse != nil && w.reuse.units[id] && w.kept != nil {
		st.Files = w.kept.state.Files
	} else if st.Files, err = recordFiles(w.dest, reach.UnitFiles(id)...); err != nil {
		return err
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
		html, text, err := w.bodies.parts(b.in.Source)
		if err != nil {
			return err
		}
		bs.Body, bs.Text = put(html), put(text)
		if i, ok := w.index[b.in.Source]; ok {
			// A brand whose status gets no plaque has no sheet.
			if s.Brands[i].HasPlaque() {
				sheet, err := w.sheets.bytes(i)
				if err != nil {
					return err
				}
				bs.Sheet = put(sheet)
			}
			if bs.Files, err = w.files(s.Brands[i]); err != nil {
				return err
			}
		}
		st.Brands = append(st.Brands, bs)
	}
	return writeUnit(file, st, blobs)
}

// files returns the records of brand b's files in the output.
func (w unitWriter) files(b *site.Brand) ([]fileRecord, error) {
	if w.reuse != nil && w.reuse.brands[b.ID] && w.kept != nil {
		if k := w.kept.brand(b.ID); k != nil {
			return k.Files, nil
		}
	}
	var records []fileRecord
	for _, dir := range reach.BrandDirs(b.ID) {
		rs, err := recordTree(w.dest, dir)
		if err != nil {
			return nil, err
		}
		records = append(records, rs...)
	}
	return records, nil
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
