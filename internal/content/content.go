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
	// relative to the bundle, with their sizes; nil for units.
	Bundle map[string]int64
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
	var diags diag.List
	site := &Site{}
	units, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Position{File: Dir}, "content/missing",
				diag.T("找不到 content 文件夹", "no content folder"),
				diag.T("在站点根目录下创建 content/，每个单位一个子文件夹", "create content/ with one folder per unit"))
			return site, diags, nil
		}
		return nil, nil, fmt.Errorf("read %s: %w", Dir, err)
	}
	for _, u := range units {
		unitDir := path.Join(Dir, u.Name())
		if !u.IsDir() {
			if u.Type()&fs.ModeSymlink != 0 {
				diags.Add(symlinkFinding(unitDir))
			}
			continue
		}
		if strings.HasPrefix(u.Name(), ".") {
			continue
		}
		if err := loadUnit(fsys, unitDir, u.Name(), site, &diags); err != nil {
			return nil, nil, err
		}
	}
	return site, diags, nil
}

func loadUnit(fsys fs.FS, dir, unitID string, site *Site, diags *diag.List) error {
	if !fields.ValidID(unitID) {
		diags.Errorf(diag.Position{File: dir}, "content/bad-id",
			diag.T("单位文件夹名 %q 不合规", "unit folder name %q is not a valid id", unitID),
			diag.T("文件夹名只能用小写英文字母、数字和连字符（a-z、0-9、-），例如 finance", "use lower-case letters, digits and hyphens, for example \"finance\""))
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	hasUnit := false
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			diags.Add(symlinkFinding(p))
		case e.Name() == UnitFile && e.Type().IsRegular():
			hasUnit = true
			doc := &Document{Path: p, Kind: UnitKind, UnitID: unitID}
			if err := readDocument(fsys, doc, diags); err != nil {
				return err
			}
			site.Units = append(site.Units, doc)
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			if err := loadBrand(fsys, p, unitID, e.Name(), site, diags); err != nil {
				return err
			}
		}
	}
	if !hasUnit {
		diags.Errorf(diag.Position{File: dir}, "content/missing-unit",
			diag.T("单位文件夹缺少 %s", "unit folder has no %s", UnitFile),
			diag.T("运行 showcase new unit %s 生成它", "run \"showcase new unit %s\" to create it", unitID))
	}
	return nil
}

func loadBrand(fsys fs.FS, dir, unitID, brandID string, site *Site, diags *diag.List) error {
	bundle, hasIndex, err := listBundle(fsys, dir, diags)
	if err != nil {
		return err
	}
	if !hasIndex {
		diags.Errorf(diag.Position{File: dir}, "content/missing-index",
			diag.T("品牌文件夹缺少 %s", "brand folder has no %s", BrandFile),
			diag.T("运行 showcase new brand %s/%s 生成它", "run \"showcase new brand %s/%s\" to create it", unitID, brandID))
		return nil
	}
	if !fields.ValidID(brandID) {
		diags.Errorf(diag.Position{File: dir}, "content/bad-id",
			diag.T("品牌文件夹名 %q 不合规", "brand folder name %q is not a valid id", brandID),
			diag.T("文件夹名只能用小写英文字母、数字和连字符（a-z、0-9、-），例如 ledger", "use lower-case letters, digits and hyphens, for example \"ledger\""))
	}
	doc := &Document{Path: path.Join(dir, BrandFile), Kind: BrandKind, UnitID: unitID, BrandID: brandID, Bundle: bundle}
	if err := readDocument(fsys, doc, diags); err != nil {
		return err
	}
	site.Brands = append(site.Brands, doc)
	return nil
}

// listBundle lists a bundle's files (other than index.md) with their sizes.
// Symbolic links are findings and are never followed.
func listBundle(fsys fs.FS, dir string, diags *diag.List) (map[string]int64, bool, error) {
	bundle := map[string]int64{}
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
			info, err := d.Info()
			if err != nil {
				return err
			}
			bundle[rel] = info.Size()
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", dir, err)
	}
	return bundle, hasIndex, nil
}

func symlinkFinding(p string) diag.Diagnostic {
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Error, Rule: "content/symlink",
		Message: diag.T("%s 是符号链接，不会被读取", "%s is a symbolic link and is not read", p),
		Hint:    diag.T("把文件本身复制到这里，而不是链接", "copy the file itself into the folder instead of linking it"),
	}
}

// readDocument reads and parses one content file into doc.
func readDocument(fsys fs.FS, doc *Document, diags *diag.List) error {
	info, err := fs.Stat(fsys, doc.Path)
	if err != nil {
		return fmt.Errorf("stat %s: %w", doc.Path, err)
	}
	if info.Size() > MaxFileSize {
		diags.Errorf(diag.Position{File: doc.Path}, "content/too-large",
			diag.T("文件太大（%d 字节，上限 %d 字节）", "file is too large (%d bytes, limit %d)", info.Size(), MaxFileSize),
			diag.T("正文请精简；照片等文件放在品牌文件夹中，不要写进正文", "shorten the text; keep photos as separate files in the bundle"))
		return nil
	}
	data, err := fs.ReadFile(fsys, doc.Path)
	if err != nil {
		return fmt.Errorf("read %s: %w", doc.Path, err)
	}
	Parse(doc, data, diags)
	return nil
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
