package build

import (
	"encoding/binary"
	"errors"
	"hash"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// hashUnit is hashUnitWalk with one descriptor per folder: each folder is
// opened relative to its parent and read with getdents, and each entry is
// looked at once with fstatat, which gives its kind and its stamp. Through
// os.DirFS every folder was an os.File, which Go sets non-blocking, offers
// to the poller and sets back (five system calls more than the open), and
// every file a full path to resolve. What goes into h is the same
// (TestHashUnitMatchesWalk).
func hashUnit(source, dir string, h hash.Hash, trusted time.Time) (bool, error) {
	fd, err := unix.Open(filepath.Join(source, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	switch {
	case errors.Is(err, unix.ENOENT):
		return false, nil // as walkTree: a missing folder writes nothing
	case err != nil:
		// Not a folder, or not one to open here: the walk says why.
		return hashUnitWalk(source, dir, h, trusted)
	}
	w := stampWalker{h: h, trusted: trusted}
	err = walkAt(fd, dir, &w)
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	return w.racy, err
}

// stampWalker hashes one unit folder for hashUnit.
type stampWalker struct {
	h       hash.Hash
	trusted time.Time
	racy    bool
}

// entry writes what walkTree writes of an entry: its name, then 'd' for
// a folder (whose walk left closes with 'e'), 'f' and the stamp for a
// file, or 'o' for anything else (a link, a pipe).
func (w *stampWalker) entry(dir, name string, st unix.Stat_t) (bool, error) {
	hashBytes(w.h, []byte(name))
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFDIR:
		w.h.Write([]byte{'d'})
		return true, nil
	case unix.S_IFREG:
		w.h.Write([]byte{'f'})
		s := stamp{Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(), Ino: st.Ino, Dev: uint64(st.Dev)}
		w.racy = w.racy || s.after(w.trusted)
		return false, binary.Write(w.h, binary.LittleEndian, s)
	default:
		w.h.Write([]byte{'o'})
		return false, nil
	}
}

func (w *stampWalker) left() { w.h.Write([]byte{'e'}) }
