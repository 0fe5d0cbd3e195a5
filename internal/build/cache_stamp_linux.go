package build

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// stamp is what the file system says of a file that changes whenever its
// bytes do: size, modification and change times, and which file it is.
// The change time cannot be set back by any program, so a file rewritten
// with its old size and modification time still gets a new stamp.
type stamp struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
}

// fileStamp returns the stamp of the file d; false where the system does
// not give one.
func fileStamp(d fs.DirEntry) (stamp, bool, error) {
	info, err := d.Info()
	if err != nil {
		return stamp{}, false, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}, false, nil
	}
	return stamp{
		Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(),
		Ino: st.Ino, Dev: st.Dev,
	}, true, nil
}

// after reports whether the file changed after t.
func (s stamp) after(t time.Time) bool {
	limit := t.UnixNano()
	return s.Mtime > limit || s.Ctime > limit
}

// folderID returns the device and inode of folder dir.
func folderID(dir string) (dev, ino uint64, err error) {
	info, err := os.Stat(dir)
	if err != nil {
		return 0, 0, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, errors.New("no inode numbers on this system")
	}
	return uint64(st.Dev), uint64(st.Ino), nil
}

// inode returns the inode number of a file, which tells a file written in
// place from one replaced by another.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ino
	}
	return 0
}
