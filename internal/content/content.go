// Package content reads a site's content/ folder: units, brand bundles and
// the files beside them. It splits each Markdown file into front matter and
// body and parses the front matter into position-carrying nodes whose line
// numbers are lines of the file, so every later finding can point at them.
//
// It never interprets field values and never renders Markdown.
package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Dir is the folder, relative to the site's source, that holds the content.
const Dir = "content"

// UnitFile and BrandFile are the names that make a folder a unit or a brand.
const (
	UnitFile  = "_unit.md"
	BrandFile = "index.md"
)

// MaxFileSize bounds a unit or brand Markdown file; a larger file is a
// finding, never read whole.
const MaxFileSize = 1 << 20

// Kind says what a content file describes.
type Kind int

const (
	// UnitKind is a unit's _unit.md.
	UnitKind Kind = iota
	// BrandKind is a brand bundle's index.md.
	BrandKind
)

// Document is one parsed content file.
type Document struct {
	// Path is the file's path relative to the site source, slash-separated.
	Path   string
	Kind   Kind
	UnitID string
	// BrandID is the bundle folder's name; empty for a unit.
	BrandID string
	// Meta is the front matter as a mapping node (nil when it could not be
	// parsed); node lines are lines of the file.
	Meta *yaml.Node
	// Body is the Markdown after the front matter; BodyLine is the file line
	// it starts on.
	Body     []byte
	BodyLine int
	// Bundle lists the brand bundle's other files, slash-separated and
	// relative to the bundle, with their sizes and kinds; nil for units.
	Bundle map[string]BundleFile
}

// Site is the content of a site, in path order.
type Site struct {
	Units  []*Document
	Brands []*Document
}

// Load walks fsys (a site's source folder) and parses every unit and brand
// file. Problems with the content are returned as findings; the error is only
// for I/O failures that stop the walk.
func Load(fsys fs.FS) (*Site, diag.List, error) {
	return LoadEach(fsys, nil)
}

// LoadEach is Load that also hands each unit and brand document, once
// parsed, to visit, on the worker that parsed it, so a caller can decode
// the documents while others are still being read. visit may clear a
// document's Meta and Body when done with them, which lets their memory go
// before the whole site is read; it must be safe for concurrent use.
func LoadEach(fsys fs.FS, visit func(*Document)) (*Site, diag.List, error) {
	return LoadEachExcept(fsys, nil, visit)
}

// LoadEachExcept is LoadEach that leaves out the unit folders for which
// skip reports true: a build that kept those units from its last run
// reads only the others. A nil skip leaves out nothing.
func LoadEachExcept(fsys fs.FS, skip func(unitID string) bool, visit func(*Document)) (*Site, diag.List, error) {
	r := newReader(fsys)
	defer r.close()
	units, err := r.readDir(Dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			var diags diag.List
			diags.Errorf(diag.Position{File: Dir}, "content/missing",
				diag.T("找不到 content 文件夹", "no content folder"),
				diag.T("在站点根目录下创建 content/，每个单位一个子文件夹", "create content/ with one folder per unit"))
			return &Site{}, diags, nil
		}
		return nil, nil, fmt.Errorf("read %s: %w", Dir, err)
	}
	l := &loader{r: r, visit: visit}
	for _, u := range units {
		unitDir := path.Join(Dir, u.name)
		if !u.isDir() {
			switch {
			case u.typ&fs.ModeSymlink != 0:
				l.add(symlinkFinding(unitDir))
			case !strings.HasPrefix(u.name, "."):
				l.add(rootFileFinding(unitDir, u.name))
			}
			continue
		}
		if strings.HasPrefix(u.name, ".") || (skip != nil && skip(u.name)) {
			continue
		}
		if err := loadUnit(l, unitDir, u.name); err != nil {
			return nil, nil, err
		}
	}
	return l.run()
}

// loadUnit lists a unit's folder and queues the reading of its file and
// of its brands' bundles.
func loadUnit(l *loader, dir, unitID string) error {
	if !fields.ValidID(unitID) {
		l.errorf(diag.Position{File: dir}, "content/bad-id",
			diag.T("单位文件夹名 %q 不合规", "unit folder name %q is not a valid id", unitID),
			diag.T("文件夹名只能用小写英文字母、数字和连字符（a-z、0-9、-），例如 finance", "use lower-case letters, digits and hyphens, for example \"finance\""))
	}
	entries, err := l.r.readDir(dir)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	hasUnit := false
	for _, e := range entries {
		p := path.Join(dir, e.name)
		switch {
		case e.typ&fs.ModeSymlink != 0:
			l.add(symlinkFinding(p))
		case e.name == UnitFile && e.typ.IsRegular():
			hasUnit = true
			l.task(func(r *result) error {
				doc := &Document{Path: p, Kind: UnitKind, UnitID: unitID}
				r.unit = doc
				if err := readDocument(l.r, doc, &r.diags); err != nil {
					return err
				}
				l.visited(doc)
				return nil
			})
		case e.isDir() && !strings.HasPrefix(e.name, "."):
			l.task(func(r *result) error {
				var err error
				if r.brand, err = loadBrand(l.r, p, unitID, e.name, &r.diags); err == nil && r.brand != nil {
					l.visited(r.brand)
				}
				return err
			})
		case strings.EqualFold(path.Ext(e.name), ".md") && e.name != UnitFile:
			l.add(strayFinding(p, unitID, e.name))
		case !e.isDir() && !strings.HasPrefix(e.name, "."):
			l.add(unitFileFinding(p, unitID))
		}
	}
	if !hasUnit {
		l.errorf(diag.Position{File: dir}, "content/missing-unit",
			diag.T("单位文件夹缺少 %s", "unit folder has no %s", UnitFile),
			diag.T("运行 showcase new unit %s 生成它", "run \"showcase new unit %s\" to create it", unitID))
	}
	return nil
}

// loadBrand reads a brand's bundle; the document is nil when the folder
// has no index.md.
func loadBrand(r reader, dir, unitID, brandID string, diags *diag.List) (*Document, error) {
	bundle, hasIndex, err := listBundle(r, dir, diags)
	if err != nil {
		return nil, err
	}
	if !hasIndex {
		diags.Errorf(diag.Position{File: dir}, "content/missing-index",
			diag.T("品牌文件夹缺少 %s", "brand folder has no %s", BrandFile),
			diag.T("运行 showcase new brand %s/%s 生成它", "run \"showcase new brand %s/%s\" to create it", unitID, brandID))
		return nil, nil
	}
	if !fields.ValidID(brandID) {
		diags.Errorf(diag.Position{File: dir}, "content/bad-id",
			diag.T("品牌文件夹名 %q 不合规", "brand folder name %q is not a valid id", brandID),
			diag.T("文件夹名只能用小写英文字母、数字和连字符（a-z、0-9、-），例如 ledger", "use lower-case letters, digits and hyphens, for example \"ledger\""))
	}
	doc := &Document{Path: path.Join(dir, BrandFile), Kind: BrandKind, UnitID: unitID, BrandID: brandID, Bundle: bundle}
	if err := readDocument(r, doc, diags); err != nil {
		return nil, err
	}
	return doc, nil
}

// listBundle lists a bundle's files (other than index.md) with their sizes
// and kinds. Symbolic links are findings and are never followed; hidden
// folders are skipped.
func listBundle(r reader, dir string, diags *diag.List) (map[string]BundleFile, bool, error) {
	b := &bundleWalk{r: r, dir: dir, diags: diags, files: map[string]BundleFile{}}
	if err := b.walk(dir); err != nil {
		return nil, false, fmt.Errorf("read %s: %w", dir, err)
	}
	return b.files, b.hasIndex, nil
}

// bundleWalk is the state of listBundle's walk through a bundle, which
// visits names in the order fs.WalkDir would.
type bundleWalk struct {
	r        reader
	dir      string
	diags    *diag.List
	files    map[string]BundleFile
	hasIndex bool
}

// walk lists the folder p of the bundle and everything under it.
func (b *bundleWalk) walk(p string) error {
	entries, err := b.r.readDir(p)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := b.visit(path.Join(p, e.name), e); err != nil {
			return err
		}
	}
	return nil
}

// visit takes one entry of the bundle's folder tree.
func (b *bundleWalk) visit(p string, e entry) error {
	rel := strings.TrimPrefix(strings.TrimPrefix(p, b.dir), "/")
	switch {
	case e.typ&fs.ModeSymlink != 0:
		b.diags.Add(symlinkFinding(p))
	case e.isDir():
		if strings.HasPrefix(e.name, ".") {
			return nil
		}
		return b.walk(p)
	case rel == BrandFile:
		b.hasIndex = e.typ.IsRegular()
	case strings.Contains(rel, "/") && isPageFile(e.name):
		b.diags.Add(nestedFinding(p, b.dir))
		fallthrough
	case e.typ.IsRegular():
		f, err := bundleFile(b.r, p)
		if err != nil {
			return err
		}
		b.files[rel] = f
	}
	return nil
}

// strayFinding reports a Markdown file in a unit folder that is neither the
// unit's file nor inside a brand bundle, so it would silently not be read.
func strayFinding(p, unitID, name string) diag.Diagnostic {
	hint := diag.T("品牌文件应放在 content/%s/<品牌id>/index.md；单位介绍写在 %s", "a brand's file goes in content/%s/<brand-id>/index.md; the unit's in %s", unitID, UnitFile)
	if strings.EqualFold(name, UnitFile) || strings.EqualFold(name, "unit.md") || strings.EqualFold(name, "_index.md") {
		hint = diag.T("单位文件应命名为 %s", "name the unit's file %s", UnitFile)
	}
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Error, Rule: "content/stray-file",
		Message: diag.T("%s 不会被读取：它不是单位文件，也不在品牌文件夹里", "%s is not read: it is neither the unit's file nor in a brand folder", p),
		Hint:    hint,
	}
}

func symlinkFinding(p string) diag.Diagnostic {
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Error, Rule: "content/symlink",
		Message: diag.T("%s 是符号链接，不会被读取", "%s is a symbolic link and is not read", p),
		Hint:    diag.T("把文件本身复制到这里，而不是链接", "copy the file itself into the folder instead of linking it"),
	}
}

// bundleFile learns a bundle file's size and, from its first bytes, its
// kind; the build reads the whole file later, once.
func bundleFile(r reader, p string) (BundleFile, error) {
	f, err := r.open(p)
	if err != nil {
		return BundleFile{}, err
	}
	defer f.Close()
	kind, err := sniff(f)
	if err != nil {
		return BundleFile{}, fmt.Errorf("read %s: %w", p, err)
	}
	return BundleFile{Size: f.size(), Kind: kind}, nil
}

// readDocument reads and parses one content file into doc. The file is
// opened once and its size taken from the open file.
func readDocument(r reader, doc *Document, diags *diag.List) error {
	f, err := r.open(doc.Path)
	if err != nil {
		return fmt.Errorf("read %s: %w", doc.Path, err)
	}
	defer f.Close()
	if f.size() > MaxFileSize {
		diags.Add(tooLargeFinding(doc.Path, f.size()))
		return nil
	}
	data, err := readAtMost(f, MaxFileSize+1)
	if err != nil {
		return fmt.Errorf("read %s: %w", doc.Path, err)
	}
	// The file may have grown since it was opened; the limit holds anyway.
	if len(data) > MaxFileSize {
		diags.Add(tooLargeFinding(doc.Path, int64(len(data))))
		return nil
	}
	Parse(doc, data, diags)
	return nil
}

// readAtMost reads up to limit bytes of an open file. The buffer is sized
// from the file, one byte over, so a file that has not grown since it was
// opened is read in one piece and its end seen at once.
func readAtMost(f file, limit int64) ([]byte, error) {
	buf := make([]byte, min(f.size()+1, limit))
	n, err := io.ReadFull(f, buf)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return buf[:n], nil
	}
	if err != nil || int64(n) == limit {
		return buf[:n], err
	}
	// The file has grown: read on, up to the limit.
	rest, err := io.ReadAll(io.LimitReader(f, limit-int64(n)))
	return append(buf, rest...), err
}

func tooLargeFinding(p string, size int64) diag.Diagnostic {
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Error, Rule: "content/too-large",
		Message: diag.T("文件太大（%d 字节，上限 %d 字节）", "the file is too large (%d bytes, limit %d)", size, int64(MaxFileSize)),
		Hint:    diag.T("正文请精简；照片等文件放在品牌文件夹中，不要写进正文", "shorten the text; keep photos as separate files in the bundle"),
	}
}

// SortedBundle returns the bundle's file names in order.
func (d *Document) SortedBundle() []string {
	names := make([]string, 0, len(d.Bundle))
	for n := range d.Bundle {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LoadUnitEach is LoadEach for one unit's folder alone, for the preview
// server, which reloads only the unit an edit was in. A unit whose folder
// is gone gives an empty Site and no findings.
func LoadUnitEach(fsys fs.FS, unitID string, visit func(*Document)) (*Site, diag.List, error) {
	dir := path.Join(Dir, unitID)
	info, err := fs.Stat(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !info.IsDir()) {
		return &Site{}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", dir, err)
	}
	r := newReader(fsys)
	defer r.close()
	l := &loader{r: r, visit: visit}
	if err := loadUnit(l, dir, unitID); err != nil {
		return nil, nil, err
	}
	return l.run()
}
