package photo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"showcase/internal/publish"
)

// Cache keeps derived images on disk, outside the output folder, so they
// survive between builds and are shared with the preview server. Entries
// are named by key and never change once written, so readers need no
// lock: every file is written to a temporary name and renamed into place,
// and the manifest is renamed last, so an entry with a manifest is
// complete even when two builds fill the cache at once.
type Cache struct {
	// Dir is the cache folder; empty disables caching.
	Dir string
}

// entry returns the folder and file name prefix of a key's entry; keys are
// spread over 256 folders so none grows huge.
func (c Cache) entry(key string) (dir, prefix string) {
	dir = filepath.Join(c.Dir, key[:2])
	return dir, filepath.Join(dir, key)
}

func (c Cache) variantFile(key string, d *Derived, i int) string {
	_, prefix := c.entry(key)
	return prefix + "-" + strconv.Itoa(d.Variants[i].Width) + d.Format.Ext()
}

// load returns the entry for key, or false when there is none or it cannot
// be read whole (which makes the caller derive and rewrite it).
func (c Cache) load(key string) (*Derived, bool) {
	d, ok := c.manifest(key)
	if !ok {
		return nil, false
	}
	d.Files = make([][]byte, len(d.Variants))
	for i := range d.Variants {
		var err error
		if d.Files[i], err = readFile(c.variantFile(key, d, i)); err != nil {
			return nil, false
		}
	}
	return d, true
}

// manifest reads the manifest of key's entry, or returns false when there
// is none or it is not one this version wrote.
func (c Cache) manifest(key string) (*Derived, bool) {
	if c.Dir == "" {
		return nil, false
	}
	_, prefix := c.entry(key)
	manifest, err := readFile(prefix + ".json")
	if err != nil {
		return nil, false
	}
	d := &Derived{Key: key}
	if err := json.Unmarshal(manifest, &d.Image); err != nil || len(d.Variants) == 0 {
		return nil, false
	}
	if d.Format != JPEG && d.Format != PNG {
		return nil, false
	}
	return d, true
}

// DeriveOpen is Derive for a caller that can copy files: when the cache
// holds the entry, its variants come as files open for reading and
// d.Files is nil, so they can be copied into the output without passing
// through memory; files is nil when the image was derived now, and the
// bytes are in d.Files. The caller closes the files.
func (p *Processor) DeriveOpen(src []byte, opts Options) (d *Derived, files []*os.File, err error) {
	key := Key(src, opts)
	if d, files, ok := p.cache.open(key); ok {
		p.reused.Add(1)
		return d, files, nil
	}
	d, err = p.Derive(src, opts)
	return d, nil, err
}

// open is load that opens the variants instead of reading them. Opening
// every variant before any is used keeps the promise of load: an entry
// that is not whole is derived again.
func (c Cache) open(key string) (*Derived, []*os.File, bool) {
	d, ok := c.manifest(key)
	if !ok {
		return nil, nil, false
	}
	files := make([]*os.File, len(d.Variants))
	for i := range d.Variants {
		f, err := openFile(c.variantFile(key, d, i))
		if err != nil {
			closeAll(files)
			return nil, nil, false
		}
		files[i] = f
	}
	return d, files, true
}

// readFile reads a file of the cache whole, as os.ReadFile does, opened
// through openFile.
func readFile(name string) ([]byte, error) {
	f, err := openFile(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Size() < 1<<30 {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// closeAll closes the files open opened; nil entries are skipped.
func closeAll(files []*os.File) {
	for _, f := range files {
		if f != nil {
			_ = f.Close()
		}
	}
}

// store writes an entry: the variants first, the manifest last.
func (c Cache) store(d *Derived) error {
	if c.Dir == "" {
		return nil
	}
	dir, prefix := c.entry(d.Key)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	for i, data := range d.Files {
		if err := writeAtomic(c.variantFile(d.Key, d, i), data); err != nil {
			return err
		}
	}
	manifest, err := json.Marshal(d.Image)
	if err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	return writeAtomic(prefix+".json", manifest)
}

func writeAtomic(file string, data []byte) error {
	if err := publish.WriteFileAtomic(file, data); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	return nil
}
