package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"showcase/internal/publish"
	"showcase/internal/site"
)

// A build that keeps units does not start its output from nothing when it
// can help it: linking every kept file into a new folder, and removing the
// replaced output after the swap, would cost two system calls a file however
// small the change. The replaced output is moved into the state folder
// instead, and the next build starts from it: every file there is a hard
// link shared with the live output, but for the regions (a brand's folder
// and plaque page, a unit's pages) that the last build rendered again, and
// the pages that gather the whole site. The build removes those regions and
// the regions it renders itself, links back from the live output the ones it
// does not render, and writes the rest, never into a file that is there
// (publish.Recycle), since that file may be the live output's too.

// spareDir is where the state keeps the replaced output.
func (inc *incremental) spareDir() string { return filepath.Join(inc.dir, "spare") }

// output starts the output of a build of s: it plans what to keep of the
// last output, and starts from the spare when there is one, bringing it
// to what this build keeps. The reuse is nil when the build keeps nothing.
func (inc *incremental) output(s *site.Site, dest string, timings *Timings) (*publish.Dir, *reuse, error) {
	r := inc.planReuse(s, dest)
	dir, recycled, err := inc.createOutput(dest, r)
	if err != nil || r == nil {
		return dir, r, err
	}
	r.dirty = inc.dirtyRegions(s, r)
	if recycled {
		r.recycled = true
		stop := timings.Start("recycle")
		err := inc.recycle(dir, s, r)
		stop()
		if err != nil {
			dir.Abort()
			return nil, nil, err
		}
	}
	return dir, r, nil
}

// createOutput starts the build's output: from the spare when there is one
// to use, otherwise empty. It reports whether it recycled the spare.
func (inc *incremental) createOutput(dest string, r *reuse) (*publish.Dir, bool, error) {
	if inc == nil || r == nil || inc.prev == nil || !inc.prev.Spare {
		dir, err := publish.Create(dest)
		return dir, false, err
	}
	dev, ino, err := folderID(inc.spareDir())
	if err != nil || dev != inc.prev.SpareDev || ino != inc.prev.SpareIno {
		dir, err := publish.Create(dest)
		return dir, false, err
	}
	dir, err := publish.Recycle(dest, inc.spareDir())
	if err == nil {
		dir.SetCompression(inc.compress)
	}
	return dir, err == nil, err
}

// dirtyRegions lists the regions of the output this build renders again:
// the pages of units and brands it does not keep, the brands and units
// the changed units had before, and whatever a unit gone from the site
// left.
func (inc *incremental) dirtyRegions(s *site.Site, r *reuse) []string {
	var regions []string
	for _, u := range s.Units {
		if !r.units[u.ID] {
			regions = append(regions, "units/"+u.ID, "plaques/"+u.ID+"/index.html")
		}
	}
	for _, b := range s.Brands {
		if !r.brands[b.ID] {
			regions = append(regions, "brands/"+b.ID, "plaques/"+b.ID)
		}
	}
	for _, b := range r.old {
		id := b.UnitID + "/" + b.Slug
		regions = append(regions, "brands/"+id, "plaques/"+id)
	}
	for id := range inc.changed() {
		if s.UnitByID(id) == nil {
			regions = append(regions, "units/"+id, "brands/"+id, "plaques/"+id)
		}
	}
	slices.Sort(regions)
	return slices.Compact(regions)
}

// recycle brings a recycled output to what build r keeps: it removes
// the pages that gather the whole site and the regions either build
// rendered, and links back from the live output the regions the last
// build rendered and this one keeps.
func (inc *incremental) recycle(dir *publish.Dir, s *site.Site, r *reuse) error {
	dirty := r.dirty
	if err := removeSiteWide(dir); err != nil {
		return err
	}
	for _, region := range slices.Concat(inc.prev.Dirty, dirty) {
		if err := dir.Remove(region); err != nil {
			return err
		}
		// A unit's folder left empty goes too: a build from nothing
		// makes no empty folder. One that still holds files stays.
		if parts := strings.Split(region, "/"); len(parts) == 3 {
			_ = os.Remove(filepath.Join(dir.Path(), parts[0], parts[1]))
		}
	}
	for _, region := range inc.prev.Dirty {
		if _, found := slices.BinarySearch(dirty, region); found {
			continue
		}
		if err := r.linkRegion(dir, region); err != nil {
			return err
		}
		if page := regionPage(s, region); page != "" && !dir.Exists(page) {
			// Rendering it instead would need the spare's other files
			// checked too: an output that lost files is built whole.
			return fmt.Errorf("%w: %s", errLostOutput, page)
		}
	}
	return nil
}

// regionPage returns the page a region of a unit or brand the site has
// must hold, or "" for a region of one it no longer has.
func regionPage(s *site.Site, region string) string {
	parts := strings.Split(region, "/")
	switch {
	case len(parts) == 3 && parts[0] == "plaques" && parts[2] == "index.html":
		if u := s.UnitByID(parts[1]); u != nil && len(u.Brands) > 0 {
			return region
		}
	case len(parts) == 3 && (parts[0] == "brands" || parts[0] == "plaques"):
		if s.BrandByID(parts[1]+"/"+parts[2]) != nil {
			return region + "/index.html"
		}
	case len(parts) == 2 && parts[0] == "units":
		if s.UnitByID(parts[1]) != nil {
			return region + "/index.html"
		}
	}
	return ""
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

// linkRegion links a region, a file or a folder, from the live output
// into out; a region the live output does not have is left out.
func (r *reuse) linkRegion(out linker, region string) error {
	info, err := os.Lstat(filepath.Join(r.prev, filepath.FromSlash(region)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reuse past output: %w", err)
	}
	if info.IsDir() {
		_, err = r.linkTree(out, region, "")
	} else {
		_, err = r.linkFiles(out, region)
	}
	return err
}
