package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
)

// CopySample copies the repository's sample site (showcase.yaml, content/
// and decisions/ under root) into dst, so a test can change it freely.
func CopySample(root, dst string) error {
	for _, name := range []string{"showcase.yaml", "content", "decisions"} {
		err := filepath.WalkDir(filepath.Join(root, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
