package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in place of dest. Where dest exists, the kernel
// exchanges the two in one step, so dest is never missing, and the old output
// (now at tmp) is moved to spare, or removed when spare is empty.
func swap(tmp, dest, spare string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, dest)
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return swapByRename(tmp, dest, spare)
	}
	if err != nil {
		return err
	}
	return retire(tmp, spare)
}
