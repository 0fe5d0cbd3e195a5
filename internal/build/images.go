package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/schema"
	"showcase/internal/site"

	"go.yaml.in/yaml/v4"
	"golang.org/x/sync/errgroup"
)

// DefaultCacheDir is where derived images are cached, inside the site's
// source folder but outside content/ and the output, so that every build
// and the preview server of the site share it.
func DefaultCacheDir(source string) string {
	return filepath.Join(source, "resources", "_gen", "images")
}

// PublishBundles publishes the files of the given brands' bundles: each photo
// resized to a few widths, raster logos re-encoded (or, for WebP, stripped)
// so that no metadata is published, and SVG logos minified. All of it runs
// on every core. It returns the published sizes of the photos, for the
// templates, and the number of files written.
func PublishBundles(ctx context.Context, fsys fs.FS, brands []*site.Brand, images *photo.Processor, mn *publish.Minifier, out Output) (map[string]render.Image, int, error) {
	var (
		mu     sync.Mutex
		photos = map[string]render.Image{}
		files  int
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, b := range brands {
		for _, name := range bundleFiles(b) {
			g.Go(func() error {
				if err := ctx.Err(); err != nil {
					return err
				}
				var img render.Image
				var n int
				var err error
				if name == b.Logo {
					n, err = 1, publishLogo(fsys, b, images, mn, out)
				} else {
					img, err = publishPhoto(fsys, b, name, images, out)
					n = len(img.Sizes)
				}
				mu.Lock()
				defer mu.Unlock()
				files += n
				if len(img.Sizes) > 0 {
					photos[b.File(name)] = img
				}
				return err
			})
		}
	}
	err := g.Wait()
	return photos, files, err
}

// publishPhoto writes the sizes of one photo beside the brand's page, named
// after the photo, its width and its cache key, so browsers may cache them
// forever.
func publishPhoto(fsys fs.FS, b *site.Brand, name string, images *photo.Processor, out Output) (render.Image, error) {
	src := path.Join(path.Dir(b.Source), name)
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return render.Image{}, fmt.Errorf("read photo %s: %w", src, err)
	}
	d, cached, err := derivePhoto(data, images, out)
	if err != nil {
		return render.Image{}, fmt.Errorf("photo %s: %w", src, err)
	}
	defer closeAll(cached)
	stem := safeName(strings.TrimSuffix(name, path.Ext(name)))
	var img render.Image
	for i, v := range d.Variants {
		file := b.File(stem + "-" + strconv.Itoa(v.Width) + "w." + d.Key[:10] + d.Format.Ext())
		if err := writeVariant(out, file, d, cached, i); err != nil {
			return render.Image{}, err
		}
		img.Sizes = append(img.Sizes, render.ImageSize{File: file, Width: v.Width, Height: v.Height})
	}
	return img, nil
}

// fileCopier is an Output that can copy a file into the output without
// reading it into memory, as publish.Dir can.
type fileCopier interface {
	CopyFile(file string, src *os.File) error
}

// derivePhoto derives a photo's sizes. For an output that copies files, a
// cached photo's sizes come as open files of the cache (the cached
// result), which the caller closes; otherwise as bytes in d.Files.
func derivePhoto(data []byte, images *photo.Processor, out Output) (d *photo.Derived, cached []*os.File, err error) {
	if _, ok := out.(fileCopier); ok {
		return images.DeriveOpen(data, photo.PhotoOptions())
	}
	d, err = images.Derive(data, photo.PhotoOptions())
	return d, nil, err
}

// writeVariant writes size i of a derived photo as file: copied from the
// cache when it came from there, or from its bytes. The output gets a copy
// and never a link, so an edit of the output cannot reach the cache.
func writeVariant(out Output, file string, d *photo.Derived, cached []*os.File, i int) error {
	if cached != nil {
		return out.(fileCopier).CopyFile(file, cached[i])
	}
	return out.Write(file, d.Files[i])
}

// closeAll closes the cache files derivePhoto opened.
func closeAll(files []*os.File) {
	for _, f := range files {
		_ = f.Close()
	}
}

// publishLogo writes a brand's logo under its own name, which every
// template links to. An SVG stays a vector and is copied as before; a JPEG
// or PNG is re-encoded upright, at most LogoOptions wide, without metadata;
// a WebP loses its metadata chunks, since Go has no WebP encoder.
func publishLogo(fsys fs.FS, b *site.Brand, images *photo.Processor, mn *publish.Minifier, out Output) error {
	ext := strings.ToLower(path.Ext(b.Logo))
	if ext == ".svg" {
		return copyBundleFile(fsys, b, b.Logo, mn, out)
	}
	src := path.Join(path.Dir(b.Source), b.Logo)
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return fmt.Errorf("read logo %s: %w", src, err)
	}
	switch ext {
	case ".webp":
		if data, err = photo.StripWebP(data); err != nil {
			return fmt.Errorf("logo %s: %w", src, err)
		}
	default:
		d, err := images.Derive(data, photo.LogoOptions())
		if err != nil {
			return fmt.Errorf("logo %s: %w", src, err)
		}
		data = d.Files[len(d.Files)-1]
	}
	return out.Write(b.File(b.Logo), data)
}

// safeName replaces the characters of a bundle path that would need
// escaping in a srcset list (spaces, commas) or a URL by "-". Two names
// that become the same still publish different files: the cache key is
// part of every published name.
func safeName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '/', r == '-', r == '_', r == '.':
			return r
		}
		return '-'
	}, name)
}

// checkBrandImages reads the header of a brand's photos and raster logo
// the schema accepted and reports undecodable, oversized and too-small
// images at their mention in the front matter. It runs during check, as
// each document is decoded, so a pull request learns of a broken photo
// before any build.
func checkBrandImages(fsys fs.FS, doc *content.Document, meta schema.Brand) diag.List {
	var found diag.List
	dir := path.Dir(doc.Path)
	if meta.Logo != "" && strings.ToLower(path.Ext(meta.Logo)) != ".svg" {
		found = append(found, photo.Check(fsys, path.Join(dir, meta.Logo), photo.LogoUse, mentionOf(doc, "logo", meta.Logo))...)
	}
	for _, name := range meta.Photos {
		found = append(found, photo.Check(fsys, path.Join(dir, name), photo.PhotoUse, mentionOf(doc, "photos", name))...)
	}
	return found
}

// mentionOf returns the position of value under key in a document's front
// matter (the scalar itself, or the item of a list), or the file's when it
// cannot be found.
func mentionOf(doc *content.Document, key, value string) diag.Position {
	pos := diag.Position{File: doc.Path}
	m := doc.Meta
	if m == nil || m.Kind != yaml.MappingNode {
		return pos
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		v := m.Content[i+1]
		nodes := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			nodes = v.Content
		}
		for _, n := range nodes {
			if n.Kind == yaml.ScalarNode && n.Value == value {
				return diag.Position{File: doc.Path, Line: n.Line, Col: n.Column}
			}
		}
		return diag.Position{File: doc.Path, Line: v.Line, Col: v.Column}
	}
	return pos
}
