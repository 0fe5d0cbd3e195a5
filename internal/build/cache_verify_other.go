//go:build !linux

package build

// recordTree records every file under the output folder dir (slash path)
// of root, in name order. A missing folder records nothing.
func recordTree(root, dir string) ([]fileRecord, error) {
	return recordTreeWalk(root, dir)
}
