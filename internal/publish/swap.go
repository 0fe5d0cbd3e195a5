package publish

import "os"

// swapByRename replaces dest with tmp in two renames, for systems without an
// atomic exchange: dest is missing only between them.
func swapByRename(tmp, dest, spare string) error {
	old := tmp + "-old"
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Rename(old, dest)
		return err
	}
	return retire(old, spare)
}

// retire moves a replaced output to spare, or removes it when spare is
// empty or cannot take it.
func retire(old, spare string) error {
	if spare != "" {
		if err := os.RemoveAll(spare); err == nil && os.Rename(old, spare) == nil {
			return nil
		}
	}
	return removeTree(old)
}
