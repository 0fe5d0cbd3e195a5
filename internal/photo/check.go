package photo

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"showcase/internal/diag"
)

// Use says what a checked image is for, which decides the rules.
type Use int

const (
	// PhotoUse is an activity photo: it must decode and should be large
	// enough for the lightbox.
	PhotoUse Use = iota
	// LogoUse is a raster logo: it must decode; logos are shown small.
	LogoUse
)

// Check reads the header of the image file in fsys, never its pixels, and
// reports an image that cannot be decoded, one over MaxPixels, and a photo
// whose longer side is under SmallSide. The longer side is used so that a
// portrait photo, whose EXIF orientation may sit after the pixels, is
// judged the same as a landscape one. Findings are at pos, the file's
// mention in the front matter.
func Check(fsys fs.FS, file string, use Use, pos diag.Position) diag.List {
	var diags diag.List
	rule, what := "photo", diag.Text{ZH: "照片", EN: "photo"}
	if use == LogoUse {
		rule, what = "logo", diag.Text{ZH: "品牌标识", EN: "logo"}
	}
	f, err := fsys.Open(file)
	if err != nil {
		// A missing file is reported by the schema, which knows the bundle.
		return nil
	}
	defer f.Close()
	r := headerReaders.Get().(*bufio.Reader)
	r.Reset(f)
	cfg, err := decodeConfig(r)
	r.Reset(nil)
	headerReaders.Put(r)
	switch {
	case errors.Is(err, ErrTooLarge):
		diags.Errorf(pos, rule+"/too-large",
			both(what, "%s %s 有 %d×%d 像素，超过 %d 百万像素的上限", "%s %s is %d×%d pixels, more than the limit of %d megapixels",
				file, cfg.Width, cfg.Height, MaxPixels/1_000_000),
			diag.T("把图片缩小后再上传", "shrink the image before adding it"))
	case err != nil:
		diags.Errorf(pos, rule+"/undecodable",
			both(what, "%s %s 无法读取：%v", "%s %s cannot be decoded: %v", file, err),
			diag.T("用看图软件打开，重新导出为 JPEG、PNG 或 WebP 格式", "open it in an image viewer and export it again as JPEG, PNG or WebP"))
	case use == PhotoUse && max(cfg.Width, cfg.Height) < SmallSide:
		diags.Warnf(pos, rule+"/small",
			diag.T("照片 %s 只有 %d×%d 像素，放大展示时会模糊", "photo %s is only %d×%d pixels and will look blurred when enlarged", file, cfg.Width, cfg.Height),
			diag.T("换用原图，长边至少 %d 像素", "use the original photo, at least %d pixels on the longer side", SmallSide))
	}
	return diags
}

// headerReaders read image headers: a 4 KB buffer for each of thousands
// of photos was garbage the moment the header was read.
var headerReaders = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// both formats a message whose first argument, what the image is, differs
// between the languages.
func both(what diag.Text, zh, en string, args ...any) diag.Text {
	return diag.Text{
		ZH: fmt.Sprintf(zh, append([]any{what.ZH}, args...)...),
		EN: fmt.Sprintf(en, append([]any{what.EN}, args...)...),
	}
}
