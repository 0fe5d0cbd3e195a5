package publish

import (
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// removeTree removes dir and everything in it, the folders two levels down
// on all cores. After a build is swapped in, the previous output is tens of
// thousands of files whose removal, one by one, would add seconds to every
// build of a large site.
func removeTree(dir string) error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			continue
		}
		sub, _ := os.ReadDir(p)
		for _, s := range sub {
			if s.IsDir() {
				g.Go(func() error { return os.RemoveAll(filepath.Join(p, s.Name())) })
			}
		}
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
