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
	units, err := fs.ReadDir(fsys, Dir)
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
	l := &loader{fsys: fsys, visit: visit}
	for _, u := range units {
		unitDir := path.Join(Dir, u.Name())
		if !u.IsDir() {
			if u.Type()&fs.ModeSymlink != 0 {
				l.add(symlinkFinding(unitDir))
			}
			continue
		}
		if strings.HasPrefix(u.Name(), ".") {
			continue
		}
		if err := loadUnit(l, unitDir, u.Name()); err != nil {
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
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	hasUnit := false
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			l.add(symlinkFinding(p))
		case e.Name() == UnitFile && e.Type().IsRegular():
			hasUnit = true
			l.task(func(r *result) error {
				doc := &Document{Path: p, Kind: UnitKind, UnitID: unitID}
				r.unit = doc
				if err := readDocument(l.fsys, doc, &r.diags); err != nil {
					return err
				}
				l.visited(doc)
				return nil
			})
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			l.task(func(r *result) error {
				var err error
				if r.brand, err = loadBrand(l.fsys, p, unitID, e.Name(), &r.diags); err == nil && r.brand != nil {
					l.visited(r.brand)
				}
				return err
			})
		case strings.EqualFold(path.Ext(e.Name()), ".md") && e.Name() != UnitFile:
			l.add(strayFinding(p, unitID, e.Name()))
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
func loadBrand(fsys fs.FS, dir, unitID, brandID string, diags *diag.List) (*Document, error) {
	bundle, hasIndex, err := listBundle(fsys, dir, diags)
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
	if err := readDocument(fsys, doc, diags); err != nil {
		return nil, err
	}
	return doc, nil
}

// listBundle lists a bundle's files (other than index.md) with their sizes
// and kinds. Symbolic links are findings and are never followed; hidden
// folders are skipped.
func listBundle(fsys fs.FS, dir string, diags *diag.List) (map[string]BundleFile, bool, error) {
	bundle := map[string]BundleFile{}
	hasIndex := false
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			diags.Add(symlinkFinding(p))
		case d.IsDir():
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return fs.SkipDir
			}
		case rel == BrandFile:
			hasIndex = d.Type().IsRegular()
		case d.Type().IsRegular():
			f, err := bundleFile(fsys, p, d)
			if err != nil {
				return err
			}
			bundle[rel] = f
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", dir, err)
	}
	return bundle, hasIndex, nil
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
func bundleFile(fsys fs.FS, p string, d fs.DirEntry) (BundleFile, error) {
	info, err := d.Info()
	if err != nil {
		return BundleFile{}, err
	}
	kind, err := sniffFile(fsys, p)
	if err != nil {
		return BundleFile{}, err
	}
	return BundleFile{Size: info.Size(), Kind: kind}, nil
}

// readDocument reads and parses one content file into doc.
func readDocument(fsys fs.FS, doc *Document, diags *diag.List) error {
	info, err := fs.Stat(fsys, doc.Path)
	if err != nil {
		return fmt.Errorf("stat %s: %w", doc.Path, err)
	}
	if info.Size() > MaxFileSize {
		diags.Add(tooLargeFinding(doc.Path, info.Size()))
		return nil
	}
	data, err := readAtMost(fsys, doc.Path, MaxFileSize+1)
	if err != nil {
		return fmt.Errorf("read %s: %w", doc.Path, err)
	}
	// The file may have grown since it was listed; the limit holds anyway.
	if len(data) > MaxFileSize {
		diags.Add(tooLargeFinding(doc.Path, int64(len(data))))
		return nil
	}
	Parse(doc, data, diags)
	return nil
}

// readAtMost reads up to limit bytes of a file.
func readAtMost(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
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
	l := &loader{fsys: fsys, visit: visit}
	if err := loadUnit(l, dir, unitID); err != nil {
		return nil, nil, err
	}
	return l.run()
}
