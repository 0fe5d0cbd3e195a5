package build

import (
	"io/fs"
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/svgsafe"
)

// cleanLogo reads a brand's SVG logo and cleans it, reporting what was
// removed. The cleaned bytes are what gets published, so the file is read
// and parsed once per build. Raster logos are left to the image checks.
func cleanLogo(fsys fs.FS, doc *content.Document, logo string, diags *diag.List) []byte {
	if strings.ToLower(path.Ext(logo)) != ".svg" {
		return nil
	}
	file := path.Join(path.Dir(doc.Path), logo)
	pos := diag.Position{File: file}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		diags.Errorf(pos, "asset/read",
			diag.T("无法读取品牌标识 %s：%v", "cannot read logo %s: %v", logo, err),
			diag.T("确认文件存在且不是链接", "check the file exists and is not a link"))
		return nil
	}
	res, err := svgsafe.Clean(data)
	if err != nil {
		diags.Errorf(pos, "asset/svg-invalid",
			diag.T("品牌标识 %s 不是有效的 SVG 文件：%v", "logo %s is not a valid SVG file: %v", logo, err),
			diag.T("用绘图软件重新导出为“纯 SVG”，或改用 PNG 图片", "export it again as plain SVG, or use a PNG"))
		return nil
	}
	if len(res.Removed) > 0 {
		diags.Warnf(pos, "asset/svg-sanitized",
			diag.T("品牌标识 %s 中的 %s 不安全或不受支持，已删除", "removed unsafe or unsupported parts from logo %s: %s", logo, strings.Join(res.Removed, "、")),
			diag.T("标识只需图形：不要脚本、外部链接、嵌入网页或样式表；用绘图软件导出“纯 SVG”", "a logo needs shapes only: no scripts, links, embedded pages or style sheets; export as plain SVG"))
	}
	return res.SVG
}
