package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Link puts src, a file of the output this one replaces, into the output
// as file without copying it: a hard link, so the file costs one system
// call and no data. The destination being swapped out and removed later
// only drops its name. Where the file system cannot link, src is copied.
//
// A text file brings its compressed copies: those this output keeps are
// linked from beside src, or made when src has none. A compressed copy
// named by itself is passed over, since it comes with its file; so a past
// output's copies never outlive a change of SetCompression.
func (d *Dir) Link(file, src string) error {
	if isCopy(file) {
		return nil
	}
	if err := d.link(file, src); err != nil {
		return err
	}
	if !compressible(file) {
		return nil
	}
	for _, enc := range d.compress.encodings() {
		err := d.link(file+enc.suffix, src+enc.suffix)
		if !errors.Is(err, fs.ErrNotExist) {
			if err != nil {
				return err
			}
			continue
		}
		// The past output kept no copy: it was built without one, or
		// the file does not shrink, which compressing again tells.
		data, err := os.ReadFile(src)
		if err != nil {
			return fmt.Errorf("keep %s: %w", file, err)
		}
		if len(data) <= minCompressed {
			continue
		}
		if z := compress(enc, data); len(z) < len(data) {
			if err := d.tree.writeFile(file+enc.suffix, z); err != nil {
				return fmt.Errorf("write %s: %w", file+enc.suffix, err)
			}
		}
	}
	return nil
}

// link links or copies one file.
func (d *Dir) link(file, src string) error {
	if err := d.prepare(file); err != nil {
		return err
	}
	// prepare made every folder of file itself, so no link is in the way.
	err := os.Link(src, filepath.Join(d.tmp, filepath.FromSlash(file)))
	if err == nil || os.IsNotExist(err) {
		return err
	}
	f, ferr := os.Open(src)
	if ferr != nil {
		return fmt.Errorf("keep %s: %w", file, ferr)
	}
	defer f.Close()
	return d.copyPlain(file, f)
}
