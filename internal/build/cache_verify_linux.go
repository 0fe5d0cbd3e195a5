package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"

	"golang.org/x/sys/unix"
)

// recordTree records every file under the output folder dir (slash path)
// of root, in name order. A missing folder records nothing.
//
// The state records every file of every brand, two folders a brand, once
// per build: through os.ReadDir and os.Lstat that was a second of CPU at
// 10,000 brands, each folder an os.File with its runtime bookkeeping and
// each file a full path to resolve. Here each folder is one descriptor,
// read with getdents, and each file is stat'ed relative to it. The records
// are the same as recordTreeWalk's.
func recordTree(root, dir string) ([]fileRecord, error) {
	fd, err := unix.Open(filepath.Join(root, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	switch {
	case errors.Is(err, unix.ENOENT):
		return nil, nil
	case errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.ELOOP):
		// Not a folder: the walk records it as it is.
		return recordTreeWalk(root, dir)
	case err != nil:
		return nil, fmt.Errorf("record output %s: %w", dir, err)
	}
	var w treeWalker
	err = walkAt(fd, dir, &w)
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("record output %s: %w", dir, err)
	}
	return w.records, nil
}

// treeWalker records the files of one output folder for recordTree.
type treeWalker struct {
	records []fileRecord
}

// entry records a file, or walks into a folder.
func (w *treeWalker) entry(dir, name string, st unix.Stat_t) (bool, error) {
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return true, nil
	}
	w.records = append(w.records, fileRecord{Path: dir + "/" + name, Size: st.Size, Mtime: st.Mtim.Nano(), Ino: st.Ino})
	return false, nil
}

func (w *treeWalker) left() {}

// folderVisitor is what walkAt tells of a folder's entries.
type folderVisitor interface {
	// entry is called for each entry of the folder at slash path dir, in
	// name order, with what lstat says of it (a copy: a pointer through
	// the interface would put every entry's stat on the heap); for a
	// folder it reports whether to walk into it.
	entry(dir, name string, st unix.Stat_t) (descend bool, err error)
	// left is called when the walk of a folder entry walked into is done.
	left()
}

// walkAt walks the open folder fd, at slash path dir, and the folders in
// it that v walks into, as filepath.WalkDir visits them: each folder
// opened relative to its parent and listed with getdents, each entry
// looked at once with fstatat, links never followed. The walks of the
// output's records and of the content's keys share it.
func walkAt(fd int, dir string, v folderVisitor) error {
	names, err := folderNames(fd)
	if err != nil {
		return &fs.PathError{Op: "read", Path: dir, Err: err}
	}
	for _, name := range names {
		var st unix.Stat_t
		if err := unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return &fs.PathError{Op: "read", Path: dir + "/" + name, Err: err}
		}
		descend, err := v.entry(dir, name, st)
		if err != nil {
			return err
		}
		if !descend {
			continue
		}
		sub, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		if err != nil {
			return &fs.PathError{Op: "read", Path: dir + "/" + name, Err: err}
		}
		err = walkAt(sub, dir+"/"+name, v)
		if cerr := unix.Close(sub); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		v.left()
	}
	return nil
}

// folderNames returns the names in the open folder fd, sorted as
// fs.ReadDir sorts them.
func folderNames(fd int) ([]string, error) {
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	var names []string
	for {
		n, err := unix.Getdents(fd, *bp)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			break
		}
		_, _, names = unix.ParseDirent((*bp)[:n], -1, names)
	}
	slices.Sort(names)
	return names, nil
}

// direntBufs holds buffers for getdents, one a listing at a time: a build
// lists some 30,000 folders of its output and content.
var direntBufs = sync.Pool{New: func() any { b := make([]byte, 8<<10); return &b }}
