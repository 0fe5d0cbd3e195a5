package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Dir is an output folder being written. Files go into a temporary folder
// beside the destination; Commit swaps it in, Abort throws it away.
type Dir struct {
	dest string
	tmp  string
	tree *tree
	// made holds the folders, slash-separated, known to exist in tmp, so
	// each is created once however many files it receives.
	made sync.Map
	// compress names the compressed copies kept beside text files.
	compress Compression
}

// errNotLocal refuses a path that would leave the output folder.
var errNotLocal = errors.New("path is not inside the output folder")

// Create starts writing the output for dest.
func Create(dest string) (*Dir, error) {
	return create(dest, "")
}

// Recycle starts writing the output for dest in the folder spare, a past
// output whose files are hard links shared with dest: the caller removes
// what is to change and keeps the rest. Since writing into a shared file
// would change dest too, a file the build writes must not be there: it is
// created anew or the write fails.
func Recycle(dest, spare string) (*Dir, error) {
	return create(dest, spare)
}

func create(dest, spare string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, stalePrefix(dest))
	if err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	if spare != "" {
		// The empty folder only reserved the name.
		err := os.Remove(tmp)
		if err == nil {
			err = os.Rename(spare, tmp)
		}
		if err != nil {
			_ = os.Remove(tmp)
			return nil, fmt.Errorf("reuse past output %s: %w", spare, err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	t, err := openTree(tmp)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("open temporary output: %w", err)
	}
	t.excl = spare != ""
	return &Dir{dest: dest, tmp: tmp, tree: t}, nil
}

// SetCompression makes every text file written from now on carry the
// compressed copies c names (see Compression), and every file linked
// from a past output carry them too, whatever that output kept.
func (d *Dir) SetCompression(c Compression) { d.compress = c }

// Path is the temporary folder the output is written in.
func (d *Dir) Path() string { return d.tmp }

// Remove removes a file or a folder and all in it from the output, and
// forgets the folders it removed, so a later write makes them again; a
// file's compressed copies go with it.
func (d *Dir) Remove(file string) error {
	if !fs.ValidPath(file) || file == "." {
		return fmt.Errorf("remove %q: %w", file, errNotLocal)
	}
	if err := os.RemoveAll(filepath.Join(d.tmp, filepath.FromSlash(file))); err != nil {
		return fmt.Errorf("remove %s: %w", file, err)
	}
	d.made.Range(func(dir, _ any) bool {
		if s := dir.(string); s == file || strings.HasPrefix(s, file+"/") {
			d.made.Delete(dir)
		}
		return true
	})
	return d.removeCopies(file)
}

// Exists reports whether file, or folder, is in the output.
func (d *Dir) Exists(file string) bool {
	_, err := os.Lstat(filepath.Join(d.tmp, filepath.FromSlash(file)))
	return err == nil
}

// Write writes one file, creating its folders. It is safe for concurrent
// use. The path is slash-separated and relative to the output folder; a
// path with "..", an absolute path, or one that meets a symbolic link is
// refused, so nothing is written outside the folder.
func (d *Dir) Write(file string, data []byte) error {
	if err := d.prepare(file); err != nil {
		return err
	}
	if err := d.tree.writeFile(file, data); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return d.writeCopies(file, data)
}

// Create opens a file of the output for writing in parts, creating its
// folders, for a file too large to hold whole. The caller closes it; the
// compressed copies are complete when it is closed.
func (d *Dir) Create(file string) (io.WriteCloser, error) {
	if err := d.prepare(file); err != nil {
		return nil, err
	}
	f, err := d.tree.create(file)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", file, err)
	}
	if compressible(file) && len(d.compress.encodings()) > 0 {
		return d.createCompressing(file, f)
	}
	return f, nil
}

// CopyFile writes a file of the output with the contents of src, from its
// current offset to its end, creating its folders. Where the kernel can
// copy between the two files (copy_file_range on Linux) the data never
// passes through the process.
func (d *Dir) CopyFile(file string, src *os.File) error {
	if err := d.prepare(file); err != nil {
		return err
	}
	if compressible(file) && len(d.compress.encodings()) > 0 {
		f, err := d.tree.create(file)
		if err != nil {
			return fmt.Errorf("write %s: %w", file, err)
		}
		return d.copyCompressing(file, f, src)
	}
	return d.copyPlain(file, src)
}

// copyPlain writes a file of the output with the contents of src, and no
// compressed copy.
func (d *Dir) copyPlain(file string, src *os.File) error {
	f, err := d.tree.create(file)
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	// *os.File's ReadFrom is where the kernel copy is done.
	_, err = io.Copy(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// prepare refuses a file path that is not local to the output and creates
// the folders it is in.
func (d *Dir) prepare(file string) error {
	if !fs.ValidPath(file) || file == "." {
		return fmt.Errorf("write %q: %w", file, errNotLocal)
	}
	if err := d.mkdirs(path.Dir(file)); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// mkdirs creates dir and the folders above it that do not exist yet.
// Folders are remembered once made, so writing a file into a known folder
// costs no system call for it. Two writers may make the same folder at
// once: the second finds it there, which is fine when it is a folder.
func (d *Dir) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	if err := d.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	if err := d.tree.mkdir(dir); err != nil {
		return err
	}
	d.made.Store(dir, struct{}{})
	return nil
}

// Commit replaces the destination with the finished output and removes
// the output it replaced.
func (d *Dir) Commit() error {
	return d.CommitKeeping("")
}

// CommitKeeping is Commit that moves the output it replaced to spare, for
// Recycle, instead of removing it; with spare empty it removes it.
func (d *Dir) CommitKeeping(spare string) error {
	if err := d.tree.close(); err != nil {
		return fmt.Errorf("close output: %w", err)
	}
	if err := swap(d.tmp, d.dest, spare); err != nil {
		_ = os.RemoveAll(d.tmp)
		return fmt.Errorf("publish %s: %w", d.dest, err)
	}
	return nil
}

// Abort removes the unfinished output and leaves the destination alone.
func (d *Dir) Abort() {
	_ = d.tree.close()
	_ = os.RemoveAll(d.tmp)
}

// TempFile creates a temporary file beside the output, on the same file
// system, for a build's scratch data. The caller removes it.
func (d *Dir) TempFile(pattern string) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(d.tmp), pattern)
}

// errNotFolder is a path where a folder of the output should be that holds
// something else, such as a symbolic link.
var errNotFolder = errors.New("exists and is not a folder")
