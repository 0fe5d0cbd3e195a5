package build

import (
	"io/fs"
	"path"
	"slices"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/photo"
	"showcase/internal/schema"
)

// checkBodyImages checks the images a body shows from its folder, as the
// front matter's photos are checked (schema.CheckBodyImages, then the
// image's header), reporting each at its line in the file. It returns the
// images that pass, once each, which the build publishes like photos.
func checkBodyImages(fsys fs.FS, doc *content.Document, images []markdown.Image, diags *diag.List) []markdown.Image {
	if len(images) == 0 {
		return nil
	}
	refs := make([]schema.BodyImage, len(images))
	for i, im := range images {
		refs[i] = schema.BodyImage{Name: im.Name, Line: doc.BodyLine + im.Line - 1, Col: im.Col}
	}
	good := schema.CheckBodyImages(doc, refs, diags)
	var kept []markdown.Image
	for _, im := range images {
		i := slices.Index(good, im.Name)
		if i < 0 {
			continue
		}
		good[i] = "" // once each
		pos := diag.Position{File: doc.Path, Line: doc.BodyLine + im.Line - 1, Col: im.Col}
		found := photo.Check(fsys, path.Join(path.Dir(doc.Path), im.Name), photo.PhotoUse, pos)
		*diags = append(*diags, found...)
		if !found.HasErrors() {
			kept = append(kept, im)
		}
	}
	return kept
}

// bodyImageNames are the names of the bundle files a body shows.
func bodyImageNames(images []markdown.Image) []string {
	var names []string
	for _, im := range images {
		names = append(names, im.Name)
	}
	return names
}
