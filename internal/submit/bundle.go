package submit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

// Limits on a bundle, checked from the ZIP's directory before anything
// is read, and again while reading, since a directory can lie.
const (
	// MaxFiles is the most entries a bundle may hold.
	MaxFiles = 64
	// MaxImage is the largest logo or photo, the check's own limit.
	MaxImage = 20 << 20
	// MaxTotal is the most bytes a bundle may unpack to.
	MaxTotal = 100 << 20
	// MaxRatio is the most a file may have been compressed, above
	// ratioFloor bytes: more is a ZIP bomb, not a photo.
	MaxRatio   = 100
	ratioFloor = 1 << 16
)

// Bundle is a brand's files by their slash-separated names in the bundle:
// index.md, the logo, the photos.
type Bundle map[string][]byte

// Names lists the bundle's files in name order.
func (b Bundle) Names() []string {
	names := make([]string, 0, len(b))
	for n := range b {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// RefusedError says why a ZIP is not a bundle showcase takes; Name is the
// entry at fault, when there is one.
type RefusedError struct {
	Name string
	Why  diag.Text
}

func (e *RefusedError) Error() string {
	if e.Name == "" {
		return e.Why.EN
	}
	return fmt.Sprintf("%q: %s", e.Name, e.Why.EN)
}

// In words the refusal in lang.
func (e *RefusedError) In(lang string) string {
	if e.Name == "" {
		return e.Why.In(lang)
	}
	if lang == "en" {
		return fmt.Sprintf("%q: %s", e.Name, e.Why.EN)
	}
	return fmt.Sprintf("%s：%s", diag.Escape(e.Name), e.Why.ZH)
}

func refuse(name string, zh, en string, args ...any) error {
	return &RefusedError{Name: name, Why: diag.T(zh, en, args...)}
}

// imageExts are the kinds a bundle's other files may be.
var imageExts = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".webp": true}

// ReadBundle reads a ZIP bundle, refusing one that is not plainly a
// brand's files: absolute or escaping paths, links, devices, kinds other
// than index.md and images, too many or too large files, and archives
// that unpack to far more than they hold. Every entry is checked from the
// directory before any is read.
// The place is the unit and brand ids the ZIP's comment names, when it
// names valid ones.
func ReadBundle(data []byte) (Bundle, Place, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, Place{}, refuse("", "不是有效的 ZIP 压缩包（%v）", "not a valid ZIP archive (%v)", err)
	}
	b, err := readBundle(zr)
	if err != nil {
		return nil, Place{}, err
	}
	return b, placeOf(zr.Comment), nil
}

// Place is where a bundle goes in a site: content/<Unit>/<Brand>.
type Place struct {
	Unit, Brand string
}

// commentPrefix starts the comment of a bundle's ZIP, which names its place.
const commentPrefix = "showcase bundle "

func placeOf(comment string) Place {
	id, ok := strings.CutPrefix(comment, commentPrefix)
	unit, brand, ok2 := strings.Cut(id, "/")
	if !ok || !ok2 || !fields.ValidID(unit) || !fields.ValidID(brand) {
		return Place{}
	}
	return Place{Unit: unit, Brand: brand}
}

func readBundle(zr *zip.Reader) (Bundle, error) {
	var files []*zip.File
	for _, f := range zr.File {
		if f.Mode().IsDir() && strings.HasSuffix(f.Name, "/") {
			if err := checkName(strings.TrimSuffix(f.Name, "/")); err != nil {
				return nil, err
			}
			continue
		}
		files = append(files, f)
	}
	if len(files) > MaxFiles {
		return nil, refuse("", "压缩包里有 %d 个文件，最多 %d 个", "the archive holds %d files; at most %d", len(files), MaxFiles)
	}
	prefix := commonFolder(files)
	var total uint64
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimPrefix(f.Name, prefix)
		if err := checkEntry(f, name); err != nil {
			return nil, err
		}
		if key := strings.ToLower(name); seen[key] {
			return nil, refuse(f.Name, "压缩包里有同名文件", "the archive holds this name twice")
		} else {
			seen[key] = true
		}
		total += f.UncompressedSize64
		if total > MaxTotal {
			return nil, refuse("", "压缩包解开后超过 %d MB", "the archive unpacks to more than %d MB", MaxTotal>>20)
		}
	}
	if !seen[content.BrandFile] {
		return nil, refuse("", "压缩包里没有 index.md", "the archive holds no index.md")
	}
	b := Bundle{}
	for _, f := range files {
		data, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		b[strings.TrimPrefix(f.Name, prefix)] = data
	}
	return b, nil
}

// commonFolder is the one folder every entry is in ("ledger/") when the
// archive was made of a brand's folder rather than of its files.
func commonFolder(files []*zip.File) string {
	if len(files) == 0 {
		return ""
	}
	first, _, ok := strings.Cut(files[0].Name, "/")
	if !ok {
		return ""
	}
	prefix := first + "/"
	for _, f := range files {
		if !strings.HasPrefix(f.Name, prefix) {
			return ""
		}
	}
	return prefix
}

// checkName refuses a path that is not a plain relative path inside the
// bundle.
func checkName(name string) error {
	switch {
	case name == "" || !utf8.ValidString(name):
		return refuse(name, "文件名不是有效的 UTF-8 文字", "the name is not valid UTF-8")
	case strings.ContainsAny(name, "\\:*?\"<>|") || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return refuse(name, "文件名含有不允许的字符", "the name holds characters a path may not")
	case path.IsAbs(name) || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../"):
		return refuse(name, "路径不在品牌文件夹之内", "the path leads outside the brand's folder")
	case strings.Count(name, "/") > 2 || len(name) > 200:
		return refuse(name, "路径太深或太长", "the path is too deep or too long")
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return refuse(name, "不接受隐藏文件", "hidden files are not taken")
		}
	}
	return nil
}

// checkEntry checks one file's name, kind and declared sizes.
func checkEntry(f *zip.File, name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	mode := f.Mode()
	if !mode.IsRegular() {
		return refuse(f.Name, "不是普通文件（%s），不接受链接、设备等", "not a regular file (%s); links, devices and the like are not taken", mode.Type())
	}
	if f.Flags&0x1 != 0 {
		return refuse(f.Name, "文件加了密码", "the file is encrypted")
	}
	if f.Method != zip.Store && f.Method != zip.Deflate {
		return refuse(f.Name, "压缩方式不受支持", "the compression method is not supported")
	}
	limit := uint64(MaxImage)
	switch ext := strings.ToLower(path.Ext(name)); {
	case name == content.BrandFile:
		limit = content.MaxFileSize
	case !imageExts[ext]:
		return refuse(f.Name, "提交包里只能有 index.md 和 svg、png、jpg、webp 图片", "a bundle holds index.md and svg, png, jpg or webp images only")
	}
	if f.UncompressedSize64 > limit {
		return refuse(f.Name, "文件有 %d MB，超过上限 %d MB", "the file is %d MB, over the limit of %d MB", f.UncompressedSize64>>20, limit>>20)
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > MaxRatio*max(f.CompressedSize64, 1) {
		return refuse(f.Name, "压缩比异常（可能是“压缩炸弹”）", "the file is compressed beyond reason (a ZIP bomb?)")
	}
	return nil
}

// readEntry reads a file, never more than its directory declared.
func readEntry(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, refuse(f.Name, "读不出这个文件（%v）", "cannot read the file (%v)", err)
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, refuse(f.Name, "读不出这个文件（%v）", "cannot read the file (%v)", err)
	}
	if uint64(len(data)) != f.UncompressedSize64 {
		return nil, refuse(f.Name, "文件的实际大小与压缩包目录不符", "the file's size differs from what the archive's directory says")
	}
	return data, nil
}

// bundleTime is the time every entry of a written bundle carries, so the
// same form makes the same bytes.
var bundleTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteBundle writes a bundle as a ZIP, files in name order, its place in
// the ZIP's comment.
func WriteBundle(b Bundle, at Place) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if err := zw.SetComment(commentPrefix + at.Unit + "/" + at.Brand); err != nil {
		return nil, err
	}
	for _, name := range b.Names() {
		if err := checkName(name); err != nil {
			return nil, err
		}
		method := zip.Deflate
		if ext := strings.ToLower(path.Ext(name)); ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: bundleTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
