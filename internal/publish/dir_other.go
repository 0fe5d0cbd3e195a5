//go:build !linux

package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// tree writes files into a folder through os.Root, so that no path can
// escape it, where openat2 is not to be had.
type tree struct {
	root *os.Root
	// excl refuses to create a file that is there already; see Recycle.
	excl bool
}

// openTree opens the folder dir.
func openTree(dir string) (*tree, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &tree{root: root}, nil
}

// mkdir makes the folder dir, whose parent exists. A folder already there
// is accepted; anything else there is not.
func (t *tree) mkdir(dir string) error {
	err := t.root.Mkdir(dir, 0o755)
	if !errors.Is(err, fs.ErrExist) {
		return err
	}
	info, err := t.root.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s %w", dir, errNotFolder)
	}
	return nil
}

// writeFile creates file, or empties it, and writes data to it.
func (t *tree) writeFile(file string, data []byte) error {
	f, err := t.create(file)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// create creates file, or empties it, for writing.
func (t *tree) create(file string) (*os.File, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if t.excl {
		flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	return t.root.OpenFile(file, flags, 0o644)
}

// close closes the folder.
func (t *tree) close() error {
	return t.root.Close()
}
