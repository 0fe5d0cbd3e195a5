package corpus

import (
	"os"
	"path/filepath"
	"strconv"
)

// BenchBrands is the number of brands of a benchmark's generated site:
// the positive number SHOWCASE_BENCH_BRANDS gives, or def.
func BenchBrands(def int) int {
	if n, err := strconv.Atoi(os.Getenv("SHOWCASE_BENCH_BRANDS")); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchSite returns the folder of a generated site for a benchmark: the
// one SHOWCASE_BENCH_SITE names, written there only if it holds no site
// yet so that runs can share it, or else a new one under tmp.
func BenchSite(tmp string, opts Options) (string, error) {
	dir := os.Getenv("SHOWCASE_BENCH_SITE")
	if dir == "" {
		dir = filepath.Join(tmp, "site")
	} else if _, err := os.Stat(filepath.Join(dir, "showcase.yaml")); err == nil {
		return dir, nil
	}
	return dir, Write(dir, opts)
}
