package cli

import (
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// siteFile is the file that marks a site's folder.
const siteFile = "showcase.yaml"

// siteDir returns the site folder a command works on: --source when it was
// given, and otherwise the nearest folder, from the working folder up, that
// holds showcase.yaml, the way git finds its repository, so a secretary can
// run check from inside a brand's folder. Without one it returns source,
// where the command then reports what is missing.
func siteDir(fs *flag.FlagSet, source string) string {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "source" })
	if given {
		return source
	}
	wd, err := os.Getwd()
	if err != nil {
		return source
	}
	for dir := wd; ; {
		if st, err := os.Stat(filepath.Join(dir, siteFile)); err == nil && st.Mode().IsRegular() {
			if rel, err := filepath.Rel(wd, dir); err == nil {
				return rel
			}
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return source
		}
		dir = parent
	}
}

// pathPrefixes turns paths given on the command line (relative to the
// working folder) into slash-separated paths relative to the site folder.
func pathPrefixes(source string, paths []string) []string {
	var prefixes []string
	base, errBase := filepath.Abs(source)
	for _, p := range paths {
		rel := p
		if abs, err := filepath.Abs(p); err == nil && errBase == nil {
			if r, err := filepath.Rel(base, abs); err == nil {
				rel = r
			}
		}
		prefixes = append(prefixes, path.Clean(filepath.ToSlash(rel)))
	}
	return prefixes
}

// within reports whether the site path file is one of prefixes or inside
// one; with no prefixes every file is.
func within(file string, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, p := range prefixes {
		if p == "." || file == p || strings.HasPrefix(file, p+"/") {
			return true
		}
	}
	return false
}
