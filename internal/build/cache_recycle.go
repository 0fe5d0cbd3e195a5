package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"showcase/internal/publish"
	"showcase/internal/reach"
	"showcase/internal/site"

	"golang.org/x/sync/errgroup"
)

// A build that keeps units does not start its output from nothing when it
// can help it: linking every kept file into a new folder, and removing the
// replaced output after the swap, would cost two system calls a file however
// small the change. The replaced output is moved into the state folder
// instead, and the next build starts from it: every file there is a hard
// link shared with the live output, but for the regions (a brand's folders,
// a unit's pages) that the last build rendered again, and the pages that
// gather the whole site. The build removes those regions and the regions it
// renders itself, links back from the live output the ones it does not
// render, and writes the rest, never into a file that is there
// (publish.Recycle), since that file may be the live output's too. Every
// kept file is checked against the state's record of it first; one that
// fails is rendered again with the rest of its region.

// spareDir is where the state keeps the replaced output.
func (inc *incremental) spareDir() string { return filepath.Join(inc.dir, "spare") }

// output starts the output of a build of s, keeping what r keeps: from
// the spare when there is one, bringing it to what this build keeps, or
// from nothing. It leaves in r only what it could verify.
func (inc *incremental) output(ctx context.Context, s *site.Site, dest string, r *reuse, compress publish.Compression) (*publish.Dir, error) {
	dir, recycled, err := inc.createOutput(dest)
	if err != nil {
		return nil, err
	}
	// Before anything is linked: a kept file brings its compressed
	// copies only into an output that knows it keeps them.
	dir.SetCompression(compress)
	r.recycled = recycled
	if recycled {
		err = inc.recycle(ctx, dir, s, r)
	} else {
		err = r.linkAll(ctx, dir, s, nil)
	}
	if err != nil {
		dir.Abort()
		return nil, err
	}
	r.dirty = inc.dirtyRegions(s, r)
	return dir, nil
}

// createOutput starts the build's output: from the spare when there is one
// to use, otherwise empty. It reports whether it recycled the spare.
func (inc *incremental) createOutput(dest string) (*publish.Dir, bool, error) {
	if !inc.prev.Spare {
		dir, err := publish.Create(dest)
		return dir, false, err
	}
	dev, ino, err := folderID(inc.spareDir())
	if err != nil || dev != inc.prev.SpareDev || ino != inc.prev.SpareIno {
		dir, err := publish.Create(dest)
		return dir, false, err
	}
	dir, err := publish.Recycle(dest, inc.spareDir())
	return dir, err == nil, err
}

// dirtyRegions lists the regions of the output this build renders again:
// the pages of units and brands it does not keep, the brands the changed
// units had before, and whatever a unit gone from the site left.
func (inc *incremental) dirtyRegions(s *site.Site, r *reuse) []string {
	var regions []string
	for _, u := range s.Units {
		if !r.units[u.ID] {
			regions = append(regions, reach.UnitFiles(u.ID)...)
		}
	}
	for _, b := range s.Brands {
		if !r.brands[b.ID] {
			regions = append(regions, reach.BrandDirs(b.ID)...)
		}
	}
	for _, id := range r.gone {
		regions = append(regions, reach.BrandDirs(id)...)
	}
	for id := range inc.change().Units {
		if s.UnitByID(id) == nil {
			regions = append(regions, "units/"+id, "brands/"+id, "plaques/"+id)
		}
	}
	slices.Sort(regions)
	return slices.Compact(regions)
}

// recycle brings a recycled output to what build r keeps: it removes the
// pages that gather the whole site and the regions either build rendered,
// checks the kept files left in place, and links back from the live
// output, checked too, the regions the last build rendered.
func (inc *incremental) recycle(ctx context.Context, dir *publish.Dir, s *site.Site, r *reuse) error {
	if err := removeSiteWide(dir); err != nil {
		return err
	}
	for _, region := range slices.Concat(inc.prev.Dirty, inc.dirtyRegions(s, r)) {
		if err := removeRegion(dir, region); err != nil {
			return err
		}
	}
	relink := func(file string) bool {
		for _, region := range inc.prev.Dirty {
			if under(file, region) {
				return true
			}
		}
		return false
	}
	return r.linkAll(ctx, dir, s, relink)
}

// removeRegion removes a region of a recycled output, and a unit's folder
// it leaves empty: a build from nothing makes no empty folder.
func removeRegion(dir *publish.Dir, region string) error {
	if err := dir.Remove(region); err != nil {
		return err
	}
	if parts := strings.Split(region, "/"); len(parts) == 3 {
		_ = os.Remove(filepath.Join(dir.Path(), parts[0], parts[1]))
	}
	return nil
}

// removeSiteWide removes every file that is not a unit's or a brand's:
// all but the brands, units and plaques folders at the top, and the two
// lists in those.
func removeSiteWide(dir *publish.Dir) error {
	top, err := os.ReadDir(dir.Path())
	if err != nil {
		return fmt.Errorf("reuse past output: %w", err)
	}
	for _, e := range top {
		switch e.Name() {
		case "brands", "units", "plaques":
			continue
		}
		if err := dir.Remove(e.Name()); err != nil {
			return err
		}
	}
	for _, list := range []string{"units/index.html", "plaques/index.html"} {
		if err := dir.Remove(list); err != nil {
			return err
		}
	}
	return nil
}

// linkAll puts every file r keeps into out, each checked against its
// record: from the live output, or, for a recycled output, where it
// already is unless relink says the file is to come from the live output
// (nil relinks everything). A unit or brand with a file that fails its
// check is kept no more: what of it is in the output goes, and it is
// rendered again.
func (r *reuse) linkAll(ctx context.Context, dir *publish.Dir, s *site.Site, relink func(string) bool) error {
	var mu sync.Mutex
	var failed []string
	keep := func(records []fileRecord) (int, error) {
		files := 0
		for _, rec := range records {
			if !publish.IsCompressedCopy(rec.Path) {
				files++
			}
			if relink != nil && !relink(rec.Path) {
				if !rec.matches(dir.Path()) {
					return 0, errNotKept
				}
				continue
			}
			if !rec.matches(r.live) {
				return 0, errNotKept
			}
			// A compressed copy comes with its file: Link carries it.
			if err := dir.Link(rec.Path, filepath.Join(r.live, filepath.FromSlash(rec.Path))); err != nil {
				return 0, err
			}
		}
		return files, nil
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	add := func(id string, regions []string, records []fileRecord) {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			n, err := keep(records)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == errNotKept:
				failed = append(failed, id)
				for _, region := range regions {
					if err := dir.Remove(region); err != nil {
						return err
					}
				}
				return nil
			case err != nil:
				return err
			}
			r.files += n
			return nil
		})
	}
	for _, u := range s.Units {
		if r.units[u.ID] {
			add(u.ID, reach.UnitFiles(u.ID), r.kept[u.ID].state.Files)
		}
		for _, b := range u.Brands {
			if r.brands[b.ID] {
				add(b.ID, reach.BrandDirs(b.ID), r.kept[u.ID].brand(b.ID).Files)
			}
		}
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, id := range failed {
		if strings.Contains(id, "/") {
			delete(r.brands, id)
		} else {
			delete(r.units, id)
		}
	}
	return r.linkBlocks(dir)
}

// errNotKept is a kept file that is not the one the last build wrote.
var errNotKept = fmt.Errorf("kept file changed since the last build")

// linkBlocks links the kept search text blocks from the live output, and
// renders again those that fail their check. The blocks are always taken
// from the live output: the spare's are a build older.
func (r *reuse) linkBlocks(dir *publish.Dir) error {
	records := map[string]fileRecord{}
	for _, rec := range r.blockRecords {
		records[rec.Path] = rec
	}
	for file := range r.blocks {
		rec, ok := records[file]
		if !ok || !rec.matches(r.live) || !copiesMatch(records, file, r.live) {
			delete(r.blocks, file)
			continue
		}
		if err := dir.Link(file, filepath.Join(r.live, filepath.FromSlash(file))); err != nil {
			return err
		}
		r.files++
	}
	return nil
}

// copiesMatch reports whether the compressed copies of file the records
// hold are still the ones recorded.
func copiesMatch(records map[string]fileRecord, file, root string) bool {
	for _, suffix := range publish.CopySuffixes() {
		if rec, ok := records[file+suffix]; ok && !rec.matches(root) {
			return false
		}
	}
	return true
}
