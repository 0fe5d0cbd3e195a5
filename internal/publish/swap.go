package publish

import "os"

// swapByRename replaces dest with tmp in two renames, for systems without an
// atomic exchange: dest is missing only between them.
func swapByRename(tmp, dest string) error {
	old := tmp + "-old"
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Rename(old, dest)
		return err
	}
	return removeTree(old)
}
