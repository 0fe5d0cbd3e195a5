package content

import (
	"path"
	"strings"

	"showcase/internal/diag"
)

// Findings about files under content/ that the build would pass over
// without a word: a page file where no page is read, or any other file
// outside a brand's bundle. Only bundles publish files.

// isPageFile reports whether name is the name of a page file (a brand's or
// a unit's, in any letter case), which is read only where it belongs.
func isPageFile(name string) bool {
	return strings.EqualFold(name, BrandFile) || strings.EqualFold(name, UnitFile) || strings.EqualFold(name, "_index.md")
}

// nestedFinding reports a page file inside a brand's bundle: a brand
// nested in another brand's folder is never published.
func nestedFinding(p, bundle string) diag.Diagnostic {
	unit := path.Dir(bundle)
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Error, Rule: "content/nested-bundle",
		Message: diag.T("%s 不会被发布：它在品牌文件夹 %s 里面，品牌文件夹里不能再放品牌", "%s is not published: it is inside the brand folder %s, and brands do not nest", p, bundle),
		Hint:    diag.T("每个品牌单独一个文件夹，直接放在单位文件夹下：把它所在的文件夹移到 %s/<品牌id>/", "give each brand its own folder directly in the unit's: move its folder to %s/<brand-id>/", unit),
	}
}

// rootFileFinding reports a file directly in content/, where only unit
// folders are read: a Markdown file is an error (a page that would not
// appear), anything else a warning.
func rootFileFinding(p, name string) diag.Diagnostic {
	d := diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Warning, Rule: "content/stray-file",
		Message: diag.T("%s 不会被发布：content 文件夹下只读取单位文件夹", "%s is not published: content/ holds only unit folders", p),
		Hint:    diag.T("照片、标识放进品牌文件夹；其他文件请移出 content 文件夹", "put photos and logos in a brand's folder; move other files out of content/"),
	}
	if strings.EqualFold(path.Ext(name), ".md") {
		d.Severity = diag.Error
		d.Hint = diag.T("单位介绍写在 content/<单位id>/%s，品牌写在 content/<单位id>/<品牌id>/%s", "a unit's file goes in content/<unit-id>/%s, a brand's in content/<unit-id>/<brand-id>/%s", UnitFile, BrandFile)
	}
	return d
}

// unitFileFinding reports a file in a unit's folder that is neither its
// page nor in a brand's bundle, such as a photo one level too high.
func unitFileFinding(p, unitID string) diag.Diagnostic {
	return diag.Diagnostic{
		Pos: diag.Position{File: p}, Severity: diag.Warning, Rule: "content/stray-file",
		Message: diag.T("%s 不会被发布：单位文件夹里只读取 %s 和品牌文件夹", "%s is not published: a unit's folder holds only %s and brand folders", p, UnitFile),
		Hint:    diag.T("照片、标识放进用到它的品牌文件夹，例如 content/%s/<品牌id>/photos/", "put a photo or logo in the folder of the brand that uses it, for example content/%s/<brand-id>/photos/", unitID),
	}
}
