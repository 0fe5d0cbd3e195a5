package build

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"

	"golang.org/x/sync/errgroup"
)

// globalKey hashes everything that may reach every page: the program
// itself (a new version may render differently), the configuration, the
// theme's override files and the options of the build. A state made under
// another key is of no use.
func globalKey(fsys fs.FS, opts Options) ([32]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "showcase build state %d\x00%s\x00%s\x00%t\x00%s\x00", stateVersion, opts.Target, opts.BaseURL, opts.Drafts, opts.Compress)
	if err := hashExecutable(h); err != nil {
		return [32]byte{}, err
	}
	cfg, err := fs.ReadFile(fsys, config.File)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return [32]byte{}, fmt.Errorf("read %s: %w", config.File, err)
	}
	hashBytes(h, cfg)
	if err := hashTree(h, fsys, "themes"); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
}

// hashExecutable hashes the running program's file.
func hashExecutable(h hash.Hash) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the showcase program: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return fmt.Errorf("read the showcase program: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("read the showcase program: %w", err)
	}
	return nil
}

// unitKeys computes a key for each unit folder of content/, on all cores:
// a unit whose key is unchanged reads and decodes as it did last time.
// The key hashes every name in the folder and, for each file, what the
// file system says of it (see fileStamp), or its bytes where the system
// says too little. A unit with a file changed in the last moments gets
// no key: its stamp could still change without its time moving. Stamps
// after trusted are too recent.
//
// found, when set, is called with each unit's key as soon as it is known,
// on the worker that computed it, so that reading what the last build
// kept of the unit overlaps with keying the others.
func unitKeys(source string, trusted time.Time, found func(id string, key [32]byte)) (map[string][32]byte, error) {
	fsys := os.DirFS(source)
	entries, err := fs.ReadDir(fsys, content.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string][32]byte{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", content.Dir, err)
	}
	var mu sync.Mutex
	keys := make(map[string][32]byte, len(entries))
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		g.Go(func() error {
			h := sha256.New()
			racy, err := hashUnit(source, path.Join(content.Dir, e.Name()), h, trusted)
			if err != nil {
				return err
			}
			var key [32]byte
			if !racy {
				key = [32]byte(h.Sum(nil))
			}
			if found != nil {
				found(e.Name(), key)
			}
			mu.Lock()
			keys[e.Name()] = key
			mu.Unlock()
			return nil
		})
	}
	return keys, g.Wait()
}

// hashUnitWalk writes to h what unitKeys hashes of the unit folder dir of
// the site in source: the names and kinds under it, with each file's
// stamp, or its bytes where the system gives no stamp. It reports whether
// a stamp is after trusted. hashUnit is the same, faster where it can be.
func hashUnitWalk(source, dir string, h hash.Hash, trusted time.Time) (racy bool, err error) {
	fsys := os.DirFS(source)
	err = walkTree(fsys, dir, h, func(p string, d fs.DirEntry) error {
		stamp, ok, err := fileStamp(d)
		if err != nil {
			return err
		}
		if !ok {
			return hashFile(h, fsys, p)
		}
		racy = racy || stamp.after(trusted)
		return binary.Write(h, binary.LittleEndian, stamp)
	})
	return racy, err
}

// racyWindow is how long after a change a file's stamp is not trusted:
// file times come from a clock that may tick only every few milliseconds,
// so a file written again in the same tick, at the same size, would keep
// its stamp. The window is wide, since a unit left out costs little.
const racyWindow = 2 * time.Second

// hashTree hashes the names, kinds and file contents under dir, in name
// order.
func hashTree(h hash.Hash, fsys fs.FS, dir string) error {
	return walkTree(fsys, dir, h, func(p string, _ fs.DirEntry) error { return hashFile(h, fsys, p) })
}

// walkTree writes the names and kinds of everything under dir to h, in
// name order, and calls file for each regular file. A symbolic link is
// written by name only and never followed: the loader refuses it, so a
// build with one saves no state anyway. A missing dir writes nothing.
func walkTree(fsys fs.FS, dir string, h hash.Hash, file func(p string, d fs.DirEntry) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	for _, e := range entries {
		hashBytes(h, []byte(e.Name()))
		p := path.Join(dir, e.Name())
		switch {
		case e.IsDir():
			h.Write([]byte{'d'})
			if err := walkTree(fsys, p, h, file); err != nil {
				return err
			}
			h.Write([]byte{'e'})
		case e.Type().IsRegular():
			h.Write([]byte{'f'})
			if err := file(p, e); err != nil {
				return err
			}
		default:
			h.Write([]byte{'o'})
		}
	}
	return nil
}

// hashFile writes the bytes of file p to h.
func hashFile(h hash.Hash, fsys fs.FS, p string) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	hashBytes(h, data)
	return nil
}

// hashBytes writes b with its length, so that no two sequences of
// writes hash alike.
func hashBytes(h hash.Hash, b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}
