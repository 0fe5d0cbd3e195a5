package content

import (
	"io"
	"io/fs"
)

// FastReads returns fsys with ReadFile of a file under the content folder
// done as the loader reads content: on Linux one openat2 beneath the
// content folder and through no link, where os.Root opens and closes every
// folder on the way. The build reads every logo and photo again after
// loading, and at 10,000 brands os.Root's walk was half of that time.
// Everything else goes to fsys. Call close when the build is done.
func FastReads(fsys fs.FS) (out fs.FS, close func()) {
	r := newReader(fsys)
	if _, ok := r.(fsReader); ok {
		return fsys, func() {}
	}
	return fastFS{FS: fsys, r: r}, func() { _ = r.close() }
}

// fastFS is an fs.FS whose ReadFile reads content through a reader.
type fastFS struct {
	fs.FS
	r reader
}

// inContent reports whether name is beneath the content folder.
func inContent(name string) bool {
	return len(name) > len(Dir) && name[:len(Dir)+1] == Dir+"/"
}

// Open opens a regular file of the content through the reader. Anything
// the reader cannot open, fsys opens, so what fails fails as it did.
func (f fastFS) Open(name string) (fs.File, error) {
	if inContent(name) {
		if file, err := f.r.open(name); err == nil {
			return fastFile{file: file, fsys: f.FS, name: name}, nil
		}
	}
	return f.FS.Open(name)
}

// fastFile is a content file the reader opened.
type fastFile struct {
	file
	fsys fs.FS
	name string
}

// Stat is rarely asked for, so it asks fsys.
func (f fastFile) Stat() (fs.FileInfo, error) { return fs.Stat(f.fsys, f.name) }

// ReadFile reads a regular file whole. Anything the reader cannot read,
// fsys reads, so what fails fails with the same error as without.
func (f fastFS) ReadFile(name string) ([]byte, error) {
	if !inContent(name) {
		return fs.ReadFile(f.FS, name)
	}
	file, err := f.r.open(name)
	if err != nil {
		return fs.ReadFile(f.FS, name)
	}
	defer file.Close()
	data := make([]byte, 0, file.size()+1)
	for {
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return fs.ReadFile(f.FS, name)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// Stat and ReadDir keep what fsys does, so the stamps of files and the
// listings a build reads are the same with and without FastReads.
func (f fastFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

func (f fastFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.FS, name) }
