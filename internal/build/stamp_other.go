//go:build !linux

package build

import (
	"errors"
	"io/fs"
	"time"
)

// stamp is empty where the system gives no change time: files are hashed
// by their bytes instead.
type stamp struct{}

func fileStamp(fs.DirEntry) (stamp, bool, error) { return stamp{}, false, nil }

func (stamp) after(time.Time) bool { return false }

// folderID fails where the system gives no inode numbers: the state then
// never matches its output, and every build is a full one.
func folderID(string) (dev, ino uint64, err error) {
	return 0, 0, errors.New("no inode numbers on this system")
}
