package build

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"showcase/internal/diag"
	"showcase/internal/publish"
	"showcase/internal/site"
)

// A build of the web target leaves its state beside its output: for every
// unit, what its files hashed to, what they decoded to, its brands' body
// HTML and their plaque sheets. The next build of the same output reads
// and decodes only the units whose files changed, renders only the pages
// those changes can reach, and takes every other page, logo and photo
// from the output it replaces, each file checked first. See cache_plan.go,
// and package reach for what a change reaches.

// stateVersion changes whenever what the state holds changes meaning.
const stateVersion = 4

// stateDir is the folder of the state of output dest, beside it.
func stateDir(dest string) string {
	dest = filepath.Clean(dest)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".showcase-state")
}

// stateHeader is the state's table of contents.
type stateHeader struct {
	Version int
	// Global is the hash of everything every page may read apart from
	// its own unit; see globalKey.
	Global [32]byte
	// Dev and Ino identify the output folder the state describes. Each
	// build swaps in a new folder, so another one means the output was
	// replaced by something else and cannot be taken from.
	Dev, Ino uint64
	// Units are the keys of the units whose files the state holds.
	Units map[string][32]byte
	// Decisions are the key of decisions/ and the brands it named; see
	// cache_decisions.go.
	Decisions decisionsState
	// Spare, when set, is the output the last build replaced, kept in
	// the state folder with SpareDev and SpareIno its identity: its files
	// are the output's but for the regions in Dirty (files and folders of
	// units' and brands' pages) and the pages that gather the whole site.
	// The next build starts from it rather than from nothing.
	Spare              bool
	SpareDev, SpareIno uint64
	Dirty              []string
	// Order are the ids of the output's brands in site order, which
	// tell which of its search text blocks the next build can keep.
	Order []string
	// Blocks are the output's search text blocks.
	Blocks []fileRecord
}

// unitState is one unit as decoded, written to its own file so that a
// build rewrites only the units that changed. The file holds an 8-byte
// length, the gob of unitState, then the bodies and sheets its spans
// point into.
type unitState struct {
	Walk      diag.List
	HasUnit   bool
	Unit      site.UnitInput
	UnitDiags diag.List
	Brands    []brandState
	Assets    int64
	// Files are the unit's own files in the output: its page and its
	// plaques page.
	Files []fileRecord
}

// brandState is one decoded brand of a unitState. Its body's HTML and
// text are left out of Input and kept at Body and Text; Sheet is empty
// for a brand that was not published.
type brandState struct {
	Input             site.BrandInput
	Diags             diag.List
	Body, Text, Sheet span
	// Files are the brand's files in the output: its folder's and its
	// plaque page.
	Files []fileRecord
}

// span is where bytes sit in a unit's state file, from the end of its
// gob.
type span struct{ Off, N int64 }

const headerFile = "state.gob"

// unitFile is the path of unit id's state file in the state folder dir.
func unitFile(dir, id string) string { return filepath.Join(dir, "units", id+".unit") }

// readHeader reads the state in dir; it returns nil, and no error, when
// there is none or it is of another version.
func readHeader(dir string) (*stateHeader, error) {
	data, err := os.ReadFile(filepath.Join(dir, headerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read build state: %w", err)
	}
	var h stateHeader
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&h); err != nil || h.Version != stateVersion {
		// A state this build cannot read is only a lost shortcut.
		return nil, nil
	}
	return &h, nil
}

// writeHeader replaces the state's header atomically.
func writeHeader(dir string, h *stateHeader) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(h); err != nil {
		return fmt.Errorf("write build state: %w", err)
	}
	return publish.WriteFileAtomic(filepath.Join(dir, headerFile), buf.Bytes())
}

// keptUnit is a unit's state file, decoded, with where its bytes start.
type keptUnit struct {
	path  string
	data  int64 // offset of the bodies and sheets
	state unitState
}

// readUnit reads the state file of one unit.
func readUnit(path string) (*keptUnit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var n [8]byte
	if _, err := io.ReadFull(f, n[:]); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	size := int64(binary.LittleEndian.Uint64(n[:]))
	k := &keptUnit{path: path, data: 8 + size}
	if err := gob.NewDecoder(io.LimitReader(f, size)).Decode(&k.state); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return k, nil
}

// brand returns the state of brand id in the unit, or nil.
func (k *keptUnit) brand(id string) *brandState {
	for i := range k.state.Brands {
		b := &k.state.Brands[i]
		if b.Input.UnitID+"/"+b.Input.Slug == id {
			return b
		}
	}
	return nil
}

// readSpan reads the bytes at sp of the unit file.
func (k *keptUnit) readSpan(f *os.File, sp span) ([]byte, error) {
	return k.readSpanInto(f, sp, make([]byte, sp.N))
}

// readSpanInto reads span sp of the unit's state file, open as f, into
// buf, which is as long as the span.
func (k *keptUnit) readSpanInto(f *os.File, sp span, buf []byte) ([]byte, error) {
	if _, err := f.ReadAt(buf, k.data+sp.Off); err != nil {
		return nil, fmt.Errorf("read %s: %w", k.path, err)
	}
	return buf, nil
}

// writeUnit writes a unit's state file: st, then blobs, the bytes its
// spans point into.
func writeUnit(path string, st *unitState, blobs [][]byte) error {
	var buf bytes.Buffer
	buf.Write(make([]byte, 8))
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	binary.LittleEndian.PutUint64(buf.Bytes()[:8], uint64(buf.Len()-8))
	// The blobs (bodies and sheets) are most of the file: making room for
	// them at once spares the buffer growing through them, which copied
	// each state file several times over.
	size := 0
	for _, b := range blobs {
		size += len(b)
	}
	buf.Grow(size)
	for _, b := range blobs {
		buf.Write(b)
	}
	return publish.WriteFileAtomic(path, buf.Bytes())
}
