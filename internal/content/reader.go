package content

import (
	"fmt"
	"io"
	"io/fs"
)

// reader lists the folders and opens the files of a site's content. Names
// are slash-separated and relative to the site, as in Document.Path.
// Listing never follows a symbolic link; a link shows as one, for a
// finding. It is safe for concurrent use.
type reader interface {
	// readDir lists a folder in name order.
	readDir(dir string) ([]entry, error)
	// open opens a regular file for reading.
	open(name string) (file, error)
	// close lets go of what the reader holds.
	close() error
}

// entry is one name in a listed folder, with its type bits (fs.ModeDir,
// fs.ModeSymlink, …; zero for a regular file).
type entry struct {
	name string
	typ  fs.FileMode
}

// isDir reports whether the entry is a folder, not a link to one.
func (e entry) isDir() bool { return e.typ.IsDir() }

// file is an open regular file of the content.
type file interface {
	io.ReadCloser
	// size is the file's size when it was opened.
	size() int64
}

// fsReader reads the content through an fs.FS: the site's os.Root, which
// keeps every open inside the site, or a test's fstest.MapFS.
type fsReader struct {
	fsys fs.FS
}

func (r fsReader) readDir(dir string) ([]entry, error) {
	des, err := fs.ReadDir(r.fsys, dir)
	entries := make([]entry, len(des))
	for i, d := range des {
		entries[i] = entry{name: d.Name(), typ: d.Type()}
	}
	return entries, err
}

func (r fsReader) open(name string) (file, error) {
	f, err := r.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = fmt.Errorf("open %s: not a regular file", name)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return fsFile{File: f, n: info.Size()}, nil
}

func (r fsReader) close() error { return nil }

// fsFile is a file of an fsReader with its size.
type fsFile struct {
	fs.File
	n int64
}

func (f fsFile) size() int64 { return f.n }
