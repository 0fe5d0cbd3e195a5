package intake

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing/fstest"
)

// overlay is a site's files with one brand folder replaced by a bundle's
// files, so the site can be checked as if the bundle were in place
// without writing anything.
type overlay struct {
	base fs.FS
	// dir is the brand folder, content/<unit>/<brand>.
	dir   string
	files fstest.MapFS
}

func newOverlay(base fs.FS, dir string, files map[string][]byte) *overlay {
	m := fstest.MapFS{}
	for name, data := range files {
		m[path.Join(dir, name)] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return &overlay{base: base, dir: dir, files: m}
}

func (o *overlay) inside(name string) bool {
	return name == o.dir || strings.HasPrefix(name, o.dir+"/")
}

// Open opens a file of the bundle or of the site. A site file comes
// wrapped, so that readers that would go around the fs.FS to the folder
// beneath (the content walk does, for an *os.File) read through the
// overlay.
func (o *overlay) Open(name string) (fs.File, error) {
	if o.inside(name) {
		return o.files.Open(name)
	}
	f, err := o.base.Open(name)
	if err != nil {
		return nil, err
	}
	return wrapped{f}, nil
}

type wrapped struct{ fs.File }

// ReadDir lists a folder: the brand folder's parent lists the bundle in
// place of what the site has there.
func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	if o.inside(name) {
		return o.files.ReadDir(name)
	}
	entries, err := fs.ReadDir(o.base, name)
	if err != nil || name != path.Dir(o.dir) {
		return entries, err
	}
	brand := path.Base(o.dir)
	out := make([]fs.DirEntry, 0, len(entries)+1)
	for _, e := range entries {
		if e.Name() != brand {
			out = append(out, e)
		}
	}
	info, err := o.files.Stat(o.dir)
	if err != nil {
		return nil, err
	}
	out = append(out, fs.FileInfoToDirEntry(info))
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Stat describes a file of the bundle or of the site.
func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if o.inside(name) {
		return o.files.Stat(name)
	}
	return fs.Stat(o.base, name)
}
