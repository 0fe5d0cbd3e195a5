package publish

import (
	"fmt"
	"os"
	"path/filepath"
)

// Link puts src, a file of the output this one replaces, into the output
// as file without copying it: a hard link, so the file costs one system
// call and no data. The destination being swapped out and removed later
// only drops its name. Where the file system cannot link, src is copied.
func (d *Dir) Link(file, src string) error {
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
	return d.CopyFile(file, f)
}
