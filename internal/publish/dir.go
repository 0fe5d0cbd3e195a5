package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Dir is an output folder being written. Files go into a temporary folder
// beside the destination; Commit swaps it in, Abort throws it away.
type Dir struct {
	dest string
	tmp  string
	root *os.Root
}

// Create starts writing the output for dest.
func Create(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+"-build-")
	if err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		return nil, fmt.Errorf("open temporary output: %w", err)
	}
	return &Dir{dest: dest, tmp: tmp, root: root}, nil
}

// Write writes one file, creating its folders. It is safe for concurrent
// use. The path is slash-separated and relative to the output folder; the
// folder is opened with os.Root, so no path can escape it.
func (d *Dir) Write(file string, data []byte) error {
	if err := d.mkdirs(file); err != nil {
		return err
	}
	if err := d.root.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// mkdirs creates the folders of file.
func (d *Dir) mkdirs(file string) error {
	if dir := path.Dir(file); dir != "." {
		if err := d.root.MkdirAll(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("write %s: %w", file, err)
		}
	}
	return nil
}

// Commit replaces the destination with the finished output.
func (d *Dir) Commit() error {
	if err := d.root.Close(); err != nil {
		return fmt.Errorf("close output: %w", err)
	}
	if err := swap(d.tmp, d.dest); err != nil {
		_ = os.RemoveAll(d.tmp)
		return fmt.Errorf("publish %s: %w", d.dest, err)
	}
	return nil
}

// Abort removes the unfinished output and leaves the destination alone.
func (d *Dir) Abort() {
	_ = d.root.Close()
	_ = os.RemoveAll(d.tmp)
}

// Create opens a file of the output for writing in parts, creating its
// folders, for a file too large to hold whole. The caller closes it.
func (d *Dir) Create(file string) (io.WriteCloser, error) {
	if err := d.mkdirs(file); err != nil {
		return nil, err
	}
	f, err := d.root.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", file, err)
	}
	return f, nil
}

// TempFile creates a temporary file beside the output, on the same file
// system, for a build's scratch data. The caller removes it.
func (d *Dir) TempFile(pattern string) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(d.tmp), pattern)
}
