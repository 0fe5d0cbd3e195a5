// Package theme loads a theme's templates and static files. The default
// theme is compiled in; a site's themes/<name>/ folder overrides it file by
// file, so a site can change one template or the style sheet alone.
package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"showcase/internal/bufpool"
)

// Folders inside a theme.
const (
	layoutsDir  = "layouts"
	pagesDir    = "layouts/pages"
	partialsDir = "layouts/partials"
	baseFile    = "layouts/base.html"
	staticDir   = "static"
)

// Theme is a loaded theme: one parsed template set per page kind, and the
// static files to publish.
type Theme struct {
	pages  map[string]*template.Template
	Static []File
	// layouts are the layout files the site's override provides, by
	// path, so a page rendered elsewhere (the submission page's preview)
	// can load the same theme.
	layouts map[string]string
}

// File is a static file of the theme, with its path under static/.
type File struct {
	Path string
	Data []byte
}

// Load merges override (which may be nil) over builtin and parses every
// page template once.
func Load(builtin, override fs.FS) (*Theme, error) {
	files, overridden, err := merge(builtin, override)
	if err != nil {
		return nil, err
	}
	read := func(p string) (string, error) {
		src, ok := files[p]
		if !ok {
			return "", fmt.Errorf("theme has no %s", p)
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return "", fmt.Errorf("read theme file %s: %w", p, err)
		}
		return string(b), nil
	}
	common := template.New("base").Funcs(Funcs())
	baseSrc, err := read(baseFile)
	if err != nil {
		return nil, err
	}
	if _, err := common.Parse(baseSrc); err != nil {
		return nil, fmt.Errorf("parse theme %s: %w", baseFile, err)
	}
	t := &Theme{pages: map[string]*template.Template{}}
	names := sortedKeys(files)
	for _, p := range names {
		if overridden[p] && strings.HasPrefix(p, layoutsDir+"/") {
			src, err := read(p)
			if err != nil {
				return nil, err
			}
			if t.layouts == nil {
				t.layouts = map[string]string{}
			}
			t.layouts[p] = src
		}
	}
	for _, p := range names {
		if path.Dir(p) != partialsDir || path.Ext(p) != ".html" {
			continue
		}
		src, err := read(p)
		if err != nil {
			return nil, err
		}
		if _, err := common.New(p).Parse(src); err != nil {
			return nil, fmt.Errorf("parse theme %s: %w", p, err)
		}
	}
	for _, p := range names {
		switch {
		case path.Dir(p) == pagesDir && path.Ext(p) == ".html":
			src, err := read(p)
			if err != nil {
				return nil, err
			}
			set, err := common.Clone()
			if err != nil {
				return nil, fmt.Errorf("clone theme base: %w", err)
			}
			if _, err := set.New(p).Parse(src); err != nil {
				return nil, fmt.Errorf("parse theme %s: %w", p, err)
			}
			t.pages[strings.TrimSuffix(path.Base(p), ".html")] = set
		case strings.HasPrefix(p, staticDir+"/"):
			b, err := fs.ReadFile(files[p], p)
			if err != nil {
				return nil, fmt.Errorf("read theme file %s: %w", p, err)
			}
			t.Static = append(t.Static, File{Path: strings.TrimPrefix(p, staticDir+"/"), Data: b})
		}
	}
	return t, nil
}

// merge maps every theme file path to the file system that provides it,
// the override winning, and names the paths the override provides.
func merge(builtin, override fs.FS) (map[string]fs.FS, map[string]bool, error) {
	files := map[string]fs.FS{}
	overridden := map[string]bool{}
	for i, fsys := range []fs.FS{builtin, override} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				files[p] = fsys
				overridden[p] = i == 1
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read theme: %w", err)
		}
	}
	return files, overridden, nil
}

// OverriddenLayouts returns the layout files (base, pages, partials) the
// site's own theme folder provides, by path under the theme; nil when
// it overrides none. Load(builtin, fstest.MapFS of them) gives this theme's
// templates again.
func (t *Theme) OverriddenLayouts() map[string]string { return t.layouts }

func sortedKeys(m map[string]fs.FS) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether the theme has a page template called name.
func (t *Theme) Has(name string) bool { return t.pages[name] != nil }

// Execute renders page template name with data into w. The page template
// fills the blocks of base.html, which is what is executed.
func (t *Theme) Execute(w io.Writer, name string, data any) error {
	set := t.pages[name]
	if set == nil {
		return fmt.Errorf("theme has no page template %q", name)
	}
	if err := set.ExecuteTemplate(w, "base", data); err != nil {
		return fmt.Errorf("execute template %q: %w", name, err)
	}
	return nil
}

// Render is Execute into a new byte slice. Pages are rendered into a
// reused buffer and copied out at their final size, since growing a fresh
// buffer for every page of a large site costs more in allocation and
// clearing than the copy.
func (t *Theme) Render(name string, data any) ([]byte, error) {
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer renderBuffers.Put(buf)
	buf.Reset()
	err := t.Execute(buf, name, data)
	return rendered(buf), err
}

// rendered copies what a page or partial rendered into buf out of the
// pooled buffer, with one byte of room past its end: the minifier borrows
// it for the parser's closing NUL rather than copying the page again. The
// copy is from bufpool: nothing else holds it, so a build puts it back
// once the page is minified.
func rendered(buf *bytes.Buffer) []byte {
	out := bufpool.Get(buf.Len() + 1)
	return append(out, buf.Bytes()...)
}

// renderBuffers are the buffers pages are rendered into.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Redefine returns a copy of the theme in which the template called name
// is defined by src (a {{define}} block, which may call funcs) in every
// page's set, so a caller can render pages with one partial replaced. It
// fails once any page of t has been executed, since html/template cannot
// clone an executed set.
func (t *Theme) Redefine(name, src string, funcs template.FuncMap) (*Theme, error) {
	out := &Theme{pages: map[string]*template.Template{}, Static: t.Static}
	for kind, set := range t.pages {
		if set.Lookup(name) == nil {
			out.pages[kind] = set
			continue
		}
		c, err := set.Clone()
		if err != nil {
			return nil, fmt.Errorf("redefine %q: %w", name, err)
		}
		if _, err := c.Funcs(funcs).Parse(src); err != nil {
			return nil, fmt.Errorf("redefine %q: %w", name, err)
		}
		out.pages[kind] = c
	}
	return out, nil
}

// RenderTemplate renders the template called name, a partial, from page
// kind's set with data, without the page around it.
func (t *Theme) RenderTemplate(kind, name string, data any) ([]byte, error) {
	set := t.pages[kind]
	if set == nil {
		return nil, fmt.Errorf("theme has no page template %q", kind)
	}
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer renderBuffers.Put(buf)
	buf.Reset()
	if err := set.ExecuteTemplate(buf, name, data); err != nil {
		return nil, fmt.Errorf("execute template %q: %w", name, err)
	}
	return rendered(buf), nil
}
