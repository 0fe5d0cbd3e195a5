package schema

import (
	"fmt"
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// fileKinds maps the extensions a logo or photo may have to the image kind
// its content must show.
var (
	logoKinds  = map[string]string{".svg": content.KindSVG, ".png": content.KindPNG, ".jpg": content.KindJPEG, ".jpeg": content.KindJPEG, ".webp": content.KindWebP}
	photoKinds = map[string]string{".png": content.KindPNG, ".jpg": content.KindJPEG, ".jpeg": content.KindJPEG, ".webp": content.KindWebP}
)

// decodeFiles checks that logo and photos name image files inside the
// bundle.
func (bd *brandDecoder) decodeFiles(m fields.Map) {
	if v := m.Value("logo"); v != nil {
		if s, ok := bd.String(v, "logo"); ok && bd.bundleFile(v, "logo", s, logoKinds) {
			bd.b.Logo = s
		}
	}
	if v := m.Value("photos"); v != nil {
		items, _ := bd.Seq(v, "photos")
		for _, it := range items {
			s, ok := bd.String(it, "photos")
			if !ok || !bd.bundleFile(it, "photos", s, photoKinds) {
				continue
			}
			if size := bd.doc.Bundle[s].Size; size > PhotoAdvised {
				bd.Warnf(it, "schema/photo-size",
					diag.T("照片 %s 有 %s，超过建议的 2 MB", "photo %s is %s, more than the advised 2 MB", s, megabytes(size)),
					diag.T("上传前把照片缩小到 2 MB 以内（长边 2000 像素左右即可）", "shrink the photo below 2 MB (about 2000 pixels on the long side) before adding it"))
			}
			bd.b.Photos = append(bd.b.Photos, s)
		}
	}
}

func megabytes(size int64) string {
	return fmt.Sprintf("%.1f MB", float64(size)/(1<<20))
}

// bundleFile checks that name is a clean relative path of a file in the
// bundle, with an allowed extension, whose content is the image kind the
// extension promises and whose size is within the limit.
func (bd *brandDecoder) bundleFile(v *yaml.Node, key, name string, kinds map[string]string) bool {
	if !cleanRelative(name) {
		bd.Errorf(v, "schema/file-path",
			diag.T("%s 的路径 %q 不在品牌文件夹内", "%s path %q is not inside the brand folder", key, name),
			diag.T("把文件放进品牌文件夹，写相对路径，例如 logo.svg 或 photos/1.jpg", "put the file in the brand folder and give its relative path, like logo.svg or photos/1.jpg"))
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	if _, allowed := kinds[ext]; !allowed {
		bd.Errorf(v, "schema/file-kind",
			diag.T("%s 的文件类型 %q 不支持", "%s file type %q is not allowed", key, ext),
			diag.T("支持的类型：%s", "allowed types: %s", extList(kinds)))
		return false
	}
	f, ok := bd.doc.Bundle[name]
	if !ok {
		bd.missingFile(v, name)
		return false
	}
	return bd.fileContent(v, key, name, f, kinds)
}

// cleanRelative reports whether name is a slash-separated path that stays
// inside the folder it is relative to.
func cleanRelative(name string) bool {
	return name != "" && !path.IsAbs(name) && !strings.Contains(name, "\\") &&
		path.Clean(name) == name && name != ".." && !strings.HasPrefix(name, "../")
}

func (bd *brandDecoder) missingFile(v *yaml.Node, name string) {
	hint := diag.T("把 %s 放进品牌文件夹 %s/，或改正文件名（区分大小写）", "put %s into the brand folder %s/, or fix the name (case matters)", name, path.Dir(bd.doc.Path))
	if s := suggestFile(name, bd.doc.SortedBundle()); s != "" {
		hint = diag.T("是不是想写 %q？", "did you mean %q?", s)
	}
	bd.Errorf(v, "schema/missing-file", diag.T("找不到文件 %q", "file %q does not exist", name), hint)
}

// suggestFile finds a bundle file whose name differs from name only in case,
// or by a small edit.
func suggestFile(name string, files []string) string {
	for _, f := range files {
		if strings.EqualFold(f, name) {
			return f
		}
	}
	return fields.Suggest(name, files)
}

// fileContent checks a bundle file's sniffed kind and size.
func (bd *brandDecoder) fileContent(v *yaml.Node, key, name string, f content.BundleFile, kinds map[string]string) bool {
	want := kinds[strings.ToLower(path.Ext(name))]
	if f.Kind != want {
		bd.Errorf(v, "schema/file-content",
			diag.T("%s 文件 %q 的内容不是 %s 图片%s", "%s file %q does not hold a %s image%s", key, name, want, kindNote(f.Kind)),
			kindHint(f.Kind, kinds))
		return false
	}
	if f.Size > FileLimit {
		bd.Errorf(v, "schema/file-too-large",
			diag.T("文件 %s 有 %s，超过上限 %s", "file %s is %s, over the limit of %s", name, megabytes(f.Size), megabytes(FileLimit)),
			diag.T("把图片压缩后再放进品牌文件夹", "compress the image before adding it"))
		return false
	}
	return true
}

func kindNote(kind string) string {
	if kind == "" {
		return ""
	}
	return fmt.Sprintf("（%s）", kind)
}

// kindHint says how to fix a file whose content does not match its name:
// rename it when it is another allowed kind, convert it otherwise.
func kindHint(kind string, kinds map[string]string) diag.Text {
	for _, ext := range []string{".svg", ".png", ".jpg", ".webp"} {
		if kind != "" && kinds[ext] == kind {
			return diag.T("它其实是 %s 图片：把文件扩展名改成 %s，并同时修改这里的文件名", "it is a %s image: give the file the extension %s, here and on disk", kind, ext)
		}
	}
	return diag.T("用图片软件把它另存为 %s 格式，只改扩展名是不行的", "save it from an image editor as one of %s; renaming is not enough", extList(kinds))
}

func extList(kinds map[string]string) string {
	var exts []string
	for _, e := range []string{".svg", ".png", ".jpg", ".jpeg", ".webp"} {
		if _, ok := kinds[e]; ok {
			exts = append(exts, e)
		}
	}
	return strings.Join(exts, " ")
}
