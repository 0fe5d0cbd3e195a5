package content

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// newReader returns the reader of the content of fsys: a beneathReader
// when fsys opens the content folder as an *os.File (os.Root and os.DirFS
// do) and the kernel has openat2, otherwise an fsReader.
func newReader(fsys fs.FS) reader {
	fallback := fsReader{fsys: fsys}
	f, err := fsys.Open(Dir)
	if err != nil {
		return fallback
	}
	defer f.Close()
	dir, ok := f.(*os.File)
	if !ok {
		return fallback
	}
	// A descriptor of its own, so the reader does not depend on f, which
	// its finalizer might close.
	fd, err := unix.FcntlInt(dir.Fd(), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return fallback
	}
	r := &beneathReader{fd: fd}
	probe, err := r.openat(".", unix.O_RDONLY|unix.O_DIRECTORY)
	if err != nil {
		// ENOSYS before Linux 5.6; EPERM where a seccomp filter does not
		// know the call; ENOTDIR when content is not a folder.
		_ = unix.Close(fd)
		return fallback
	}
	_ = unix.Close(probe)
	return r
}

// beneathReader reads the content relative to a descriptor of the content
// folder: each file or folder is one openat2, where os.Root opens and
// closes every folder on the way to it and sets up each file for the
// runtime's poller, a dozen system calls in all. The kernel keeps the
// guarantee os.Root gave: nothing outside the content folder is reached
// (RESOLVE_BENEATH) and no symbolic link is followed, not even one inside
// (RESOLVE_NO_SYMLINKS), so a link swapped in after the listing is an
// error too, never a read.
type beneathReader struct {
	fd int
}

// rel returns a site-relative name relative to the content folder.
func (r *beneathReader) rel(name string) (string, error) {
	if name == Dir {
		return ".", nil
	}
	if rest, ok := strings.CutPrefix(name, Dir+"/"); ok && fs.ValidPath(rest) {
		return rest, nil
	}
	return "", fmt.Errorf("open %s: not in the %s folder", name, Dir)
}

// openat opens name, relative to the content folder, beneath it and
// through no link. O_NONBLOCK keeps a named pipe from stopping the build;
// it changes nothing for files and folders.
func (r *beneathReader) openat(name string, flags int) (int, error) {
	how := unix.OpenHow{
		Flags:   uint64(flags | unix.O_CLOEXEC | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_LARGEFILE),
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS,
	}
	for {
		fd, err := unix.Openat2(r.fd, name, &how)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

func (r *beneathReader) open(name string) (file, error) {
	rel, err := r.rel(name)
	if err != nil {
		return nil, err
	}
	fd, err := r.openat(rel, unix.O_RDONLY)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		_ = unix.Close(fd)
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		_ = unix.Close(fd)
		return nil, fmt.Errorf("open %s: not a regular file", name)
	}
	return &fdFile{fd: fd, name: name, n: st.Size}, nil
}

func (r *beneathReader) readDir(dir string) ([]entry, error) {
	rel, err := r.rel(dir)
	if err != nil {
		return nil, err
	}
	fd, err := r.openat(rel, unix.O_RDONLY|unix.O_DIRECTORY)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer unix.Close(fd)
	entries, err := readDirents(fd)
	if err != nil {
		return nil, &fs.PathError{Op: "readdirent", Path: dir, Err: err}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	return entries, nil
}

func (r *beneathReader) close() error { return unix.Close(r.fd) }

// direntBufs holds buffers for getdents64, one a listing at a time.
var direntBufs = sync.Pool{New: func() any { b := make([]byte, 8192); return &b }}

// readDirents lists the open folder fd, without "." and "..".
func readDirents(fd int) ([]entry, error) {
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	var entries []entry
	for {
		n, err := unix.Getdents(fd, *bp)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return entries, nil
		}
		if entries, err = parseDirents(fd, (*bp)[:n], entries); err != nil {
			return nil, err
		}
	}
}

// Offsets in a struct linux_dirent64: d_ino, d_off (8 bytes each),
// d_reclen (2), d_type (1), then d_name, NUL-terminated.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

// parseDirents appends the records in buf to entries. A record whose type
// the file system does not give (DT_UNKNOWN) is looked up without
// following it.
func parseDirents(fd int, buf []byte, entries []entry) ([]entry, error) {
	for len(buf) >= direntName {
		reclen := int(binary.NativeEndian.Uint16(buf[direntReclen:]))
		if reclen < direntName || reclen > len(buf) {
			return nil, fmt.Errorf("malformed directory entry")
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		if binary.NativeEndian.Uint64(rec) == 0 {
			continue // a deleted entry
		}
		name := rec[direntName:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if string(name) == "." || string(name) == ".." {
			continue
		}
		typ, err := direntMode(fd, string(name), rec[direntType])
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{name: string(name), typ: typ})
	}
	return entries, nil
}

// direntMode returns the type bits of a directory entry. Where the file
// system does not give the type (DT_UNKNOWN), the entry is looked up
// without following it; on Linux a DT_ value is the S_IFMT bits shifted.
func direntMode(fd int, name string, dt byte) (fs.FileMode, error) {
	if dt == unix.DT_UNKNOWN {
		var st unix.Stat_t
		if err := unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return 0, err
		}
		dt = byte((st.Mode & unix.S_IFMT) >> 12)
	}
	switch dt {
	case unix.DT_REG:
		return 0, nil
	case unix.DT_DIR:
		return fs.ModeDir, nil
	case unix.DT_LNK:
		return fs.ModeSymlink, nil
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, nil
	case unix.DT_SOCK:
		return fs.ModeSocket, nil
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, nil
	case unix.DT_BLK:
		return fs.ModeDevice, nil
	}
	return fs.ModeIrregular, nil
}

// fdFile is a file a beneathReader opened: reads go straight to the
// kernel, with nothing registered with the runtime's poller.
type fdFile struct {
	fd   int
	name string
	n    int64
}

func (f *fdFile) Read(p []byte) (int, error) {
	for {
		n, err := unix.Read(f.fd, p)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *fdFile) Close() error { return unix.Close(f.fd) }

func (f *fdFile) size() int64 { return f.n }
