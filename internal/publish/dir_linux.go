package publish

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// tree writes files relative to a descriptor of the temporary output
// folder, one openat2 a file. os.Root would walk the path one folder at a
// time, opening and closing each, which was a third of the system calls of
// a build. The safety holds without that walk: every path is checked to be
// local first, the build makes every folder itself in a folder only it
// can write to, and the kernel refuses to cross a symbolic link
// (RESOLVE_NO_SYMLINKS) or leave the folder (RESOLVE_BENEATH).
type tree struct {
	fd int
	// beneath is false on kernels before 5.6, which lack openat2; then
	// only the last component is kept from being a link (O_NOFOLLOW), and
	// the folders above it are the ones mkdir made or found to be folders.
	beneath bool
	// excl refuses to create a file that is there already, in place of
	// emptying it; see Recycle.
	excl bool
}

// openTree opens the folder dir and learns whether openat2 is there.
func openTree(dir string) (*tree, error) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	t := &tree{fd: fd, beneath: true}
	probe, err := t.open(".", unix.O_RDONLY|unix.O_DIRECTORY)
	if err == nil {
		_ = unix.Close(probe)
	} else {
		// ENOSYS before 5.6; EPERM where a seccomp filter does not know
		// the call.
		t.beneath = false
	}
	return t, nil
}

// open opens file, relative to the folder, without following a symbolic
// link; O_CREAT makes it with mode 0644 (less the umask).
func (t *tree) open(file string, flags int) (int, error) {
	flags |= unix.O_CLOEXEC | unix.O_NOFOLLOW | unix.O_LARGEFILE
	for {
		var fd int
		var err error
		if t.beneath {
			how := unix.OpenHow{Flags: uint64(flags), Mode: 0o644, Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS}
			if flags&unix.O_CREAT == 0 {
				how.Mode = 0
			}
			fd, err = unix.Openat2(t.fd, file, &how)
		} else {
			fd, err = unix.Openat(t.fd, file, flags, 0o644)
		}
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

// mkdir makes the folder dir, whose parent exists. A folder already there
// is accepted; anything else there, a link to a folder included, is not.
func (t *tree) mkdir(dir string) error {
	err := unix.Mkdirat(t.fd, dir, 0o755)
	if !errors.Is(err, unix.EEXIST) {
		return err
	}
	var st unix.Stat_t
	if err := unix.Fstatat(t.fd, dir, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFDIR {
		return fmt.Errorf("%s %w", dir, errNotFolder)
	}
	return nil
}

// writeFile creates file, or empties it, and writes data to it: an open,
// a write and a close, with no stat and nothing registered with the
// runtime's poller, which an os.File would try for every file.
func (t *tree) writeFile(file string, data []byte) error {
	fd, err := t.open(file, t.createFlags())
	if err != nil {
		return err
	}
	err = writeAll(fd, data)
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	return err
}

// writeAll writes data to fd, however many writes that takes.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// create creates file, or empties it, for writing through an os.File.
func (t *tree) create(file string) (*os.File, error) {
	fd, err := t.open(file, t.createFlags())
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), file), nil
}

// createFlags are the flags that create a file for writing.
func (t *tree) createFlags() int {
	if t.excl {
		return unix.O_WRONLY | unix.O_CREAT | unix.O_EXCL
	}
	return unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC
}

// close closes the folder's descriptor.
func (t *tree) close() error {
	if t.fd < 0 {
		return nil
	}
	err := unix.Close(t.fd)
	t.fd = -1
	return err
}
