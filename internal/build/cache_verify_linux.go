package build

import (
	"errors"
	"fmt"
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
	err = w.walk(fd, dir)
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("record output %s: %w", dir, err)
	}
	return w.records, nil
}

// treeWalker walks one output folder for recordTree.
type treeWalker struct {
	records []fileRecord
}

// walk records the files of the open folder fd, at slash path dir, and of
// the folders in it, in name order, as filepath.WalkDir visits them.
func (w *treeWalker) walk(fd int, dir string) error {
	names, err := folderNames(fd)
	if err != nil {
		return err
	}
	for _, name := range names {
		var st unix.Stat_t
		if err := unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return err
		}
		rel := dir + "/" + name
		if st.Mode&unix.S_IFMT != unix.S_IFDIR {
			w.records = append(w.records, fileRecord{Path: rel, Size: st.Size, Mtime: st.Mtim.Nano(), Ino: st.Ino})
			continue
		}
		sub, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		if err != nil {
			return err
		}
		err = w.walk(sub, rel)
		if cerr := unix.Close(sub); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
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
