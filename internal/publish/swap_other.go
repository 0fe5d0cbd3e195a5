//go:build !linux

package publish

import (
	"errors"
	"os"
)

func swap(tmp, dest, spare string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, dest)
	}
	return swapByRename(tmp, dest, spare)
}
