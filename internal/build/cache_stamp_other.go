//go:build !linux

package build

import (
	"hash"
	"io/fs"
	"os"
	"time"
)

// stamp is empty where the system gives no change time: files are hashed
// by their bytes instead.
type stamp struct{}

func fileStamp(fs.DirEntry) (stamp, bool, error) { return stamp{}, false, nil }

func (stamp) after(time.Time) bool { return false }

// folderID gives no identity where the system has no inode numbers: every
// folder is taken for the one the state describes, and the files a
// rebuild keeps are still checked one by one (see cache_verify.go).
func folderID(dir string) (dev, ino uint64, err error) {
	_, err = os.Stat(dir)
	return 0, 0, err
}

// inode is 0 where the system has no inode numbers: a kept file is then
// known by its size and modification time.
func inode(fs.FileInfo) uint64 { return 0 }

// hashUnit is hashUnitWalk.
func hashUnit(source, dir string, h hash.Hash, trusted time.Time) (bool, error) {
	return hashUnitWalk(source, dir, h, trusted)
}
