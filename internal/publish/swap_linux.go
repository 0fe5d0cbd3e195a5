package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in place of dest. Where dest exists, the kernel
// exchanges the two in one step, so dest is never missing, and the old output
// (now at tmp) is removed after.
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, dest)
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return swapByRename(tmp, dest)
	}
	if err != nil {
		return err
	}
	return removeTree(tmp)
}
