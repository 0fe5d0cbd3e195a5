package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Everything a build of dest makes for its own use sits beside dest under
// one prefix, ".<name>-build-": the folder the output is written in before
// the swap, the output it replaced while it is removed, and the scratch
// folder of the build's spools. A build that was killed leaves them
// behind; the next build of the same output removes them. Builds of one
// output run one at a time, so none of them can be another's.

// stalePrefix is the prefix of what a build of dest makes beside it.
func stalePrefix(dest string) string { return "." + filepath.Base(filepath.Clean(dest)) + "-build-" }

// RemoveStale removes what an interrupted build of dest left beside it.
func RemoveStale(dest string) error {
	parent := filepath.Dir(filepath.Clean(dest))
	entries, err := os.ReadDir(parent)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("clean up after an earlier build: %w", err)
	}
	prefix := stalePrefix(dest)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			if err := removeTree(filepath.Join(parent, e.Name())); err != nil {
				return fmt.Errorf("clean up after an earlier build: %w", err)
			}
		}
	}
	return nil
}

// Scratch makes a folder beside dest, on the same file system, for a
// build's temporary files. The caller removes it; RemoveStale removes
// one that a killed build left.
func Scratch(dest string) (string, error) {
	parent := filepath.Dir(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create output parent %s: %w", parent, err)
	}
	dir, err := os.MkdirTemp(parent, stalePrefix(dest)+"scratch-")
	if err != nil {
		return "", fmt.Errorf("create scratch folder: %w", err)
	}
	return dir, nil
}
