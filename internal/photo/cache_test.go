package photo

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// TestCacheReuse derives an image, then derives it again with a new
// processor on the same folder, as the next build would: the second time
// nothing is decoded and the bytes are the same.
func TestCacheReuse(t *testing.T) {
	dir := t.TempDir()
	src := withJPEGMetadata(encodeJPEG(t, quadrants(1000, 500, upright)), exifTIFF(binary.LittleEndian, 1, true))
	first := NewProcessor(dir)
	d1, err := first.Derive(src, PhotoOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s := first.Stats(); s.Decoded != 1 || s.Reused != 0 {
		t.Fatalf("first build: %+v, want one decode", s)
	}
	second := NewProcessor(dir)
	d2, err := second.Derive(src, PhotoOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s.Decoded != 0 || s.Reused != 1 {
		t.Fatalf("second build: %+v, want no decode and one reuse", s)
	}
	if d1.Key != d2.Key || len(d1.Files) != len(d2.Files) {
		t.Fatalf("cached entry differs: %v vs %v", d1.Image, d2.Image)
	}
	for i := range d1.Files {
		if !bytes.Equal(d1.Files[i], d2.Files[i]) {
			t.Errorf("variant %d differs after the cache", i)
		}
	}

	// Other options are another entry; a changed source is another entry.
	if _, err := second.Derive(src, LogoOptions()); err != nil {
		t.Fatal(err)
	}
	changed := append(append([]byte(nil), src...), 0)
	if _, err := second.Derive(changed, PhotoOptions()); err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s.Decoded != 2 {
		t.Errorf("after new options and new bytes: %+v, want two decodes", s)
	}
}

// TestCacheDamaged removes a variant from a cache entry: the entry is
// derived again rather than published incomplete.
func TestCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	src := encodeJPEG(t, quadrants(1000, 500, upright))
	d, err := NewProcessor(dir).Derive(src, PhotoOptions())
	if err != nil {
		t.Fatal(err)
	}
	c := Cache{Dir: dir}
	if err := os.Remove(c.variantFile(d.Key, d, 0)); err != nil {
		t.Fatal(err)
	}
	p := NewProcessor(dir)
	if _, err := p.Derive(src, PhotoOptions()); err != nil {
		t.Fatal(err)
	}
	if s := p.Stats(); s.Decoded != 1 {
		t.Errorf("damaged entry: %+v, want it derived again", s)
	}
	if _, err := os.Stat(c.variantFile(d.Key, d, 0)); err != nil {
		t.Errorf("damaged entry not repaired: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left in the cache: %v", leftovers)
	}
}
