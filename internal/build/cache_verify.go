package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"showcase/internal/publish"
)

// A rebuild keeps files of the last output only when it can tell they are
// the ones the last build wrote: the state records, for every file of a
// unit's or a brand's, its size, modification time and (where the system
// has them) inode, and a kept file that is missing or differs in any of
// them is rendered again. A file deleted from the output, overwritten in
// place or replaced by another is so noticed at the cost of one lstat,
// without falling back to a full build.

// fileRecord is what the state knows of one output file.
type fileRecord struct {
	// Path is the file's output path, slash-separated.
	Path  string
	Size  int64
	Mtime int64
	Ino   uint64
}

// recordFile returns the record of the output file at rel under root.
func recordFile(root, rel string) (fileRecord, error) {
	info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return fileRecord{}, err
	}
	return recordOf(rel, info), nil
}

func recordOf(rel string, info fs.FileInfo) fileRecord {
	return fileRecord{Path: rel, Size: info.Size(), Mtime: info.ModTime().UnixNano(), Ino: inode(info)}
}

// matches reports whether the file at rel under root is still the one r
// records: a regular file of the same size, time and inode.
func (r fileRecord) matches(root string) bool {
	info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(r.Path)))
	return err == nil && info.Mode().IsRegular() && recordOf(r.Path, info) == r
}

// recordTreeWalk is recordTree through filepath.WalkDir, for systems the
// walk of cache_verify_linux.go is not written for.
func recordTreeWalk(root, dir string) ([]fileRecord, error) {
	var records []fileRecord
	base := filepath.Join(root, filepath.FromSlash(dir))
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == base {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		records = append(records, recordOf(filepath.ToSlash(rel), info))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("record output %s: %w", dir, err)
	}
	return records, nil
}

// recordFiles records the named output files of root that exist, and
// their compressed copies.
func recordFiles(root string, names ...string) ([]fileRecord, error) {
	var records []fileRecord
	var files []string
	for _, f := range names {
		files = append(files, f)
		for _, suffix := range publish.CopySuffixes() {
			files = append(files, f+suffix)
		}
	}
	for _, f := range files {
		r, err := recordFile(root, f)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("record output %s: %w", f, err)
		}
		records = append(records, r)
	}
	return records, nil
}

// under reports whether output path p is region or inside it.
func under(p, region string) bool {
	return p == region || len(p) > len(region) && p[:len(region)] == region && p[len(region)] == '/'
}
