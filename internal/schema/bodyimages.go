package schema

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// BodyImage is an image a body shows from its folder, with its line and
// column in the file.
type BodyImage struct {
	Name      string
	Line, Col int
}

// CheckBodyImages checks that each image a brand's body shows is a photo
// of the brand's bundle, by the rules photos in the front matter follow
// (a clean relative path, an allowed type, content of that type, the size
// limit), and reports each one that is not at its place in the body. It
// returns the names that pass, each once, for the build to publish. A
// unit's page has no bundle, so every image in a unit's body is an error.
func CheckBodyImages(doc *content.Document, images []BodyImage, diags *diag.List) []string {
	var good []string
	seen := map[string]bool{}
	bd := &brandDecoder{Decoder: &fields.Decoder{File: doc.Path, Diags: diags}, doc: doc}
	for _, im := range images {
		// The finding goes where the image is written; a node carries
		// that place to the front matter's checks.
		at := &yaml.Node{Line: im.Line, Column: im.Col}
		if doc.Kind == content.UnitKind {
			bd.Errorf(at, "schema/body-image",
				diag.T("单位介绍里不能插入图片 %q", "a unit's text cannot show the image %q", im.Name),
				diag.T("图片放进品牌文件夹，在品牌正文里引用", "put the image in a brand's folder and show it in the brand's body"))
			continue
		}
		if !bd.bundleFile(at, "![…](…)", im.Name, photoKinds) || seen[im.Name] {
			continue
		}
		seen[im.Name] = true
		good = append(good, im.Name)
	}
	return good
}
