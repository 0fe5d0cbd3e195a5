package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"showcase/internal/diag"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"
	"showcase/themes"
)

// Options configure a build.
type Options struct {
	// Source is the site folder holding showcase.yaml and content/.
	Source string
	// Dest is the output folder; it is replaced only by a complete build.
	Dest   string
	Target render.Target
	// CacheDir holds derived images between builds; empty means
	// DefaultCacheDir(Source).
	CacheDir string
	LoadOptions
}

// Result describes a finished build.
type Result struct {
	Files       int
	Brands      int
	Diagnostics diag.List
	Timings     Timings
	// Images counts the images decoded and those reused from the cache.
	Images photo.Stats
}

// Output receives the files of a build. publish.Dir writes them to disk;
// the preview server keeps them in memory.
type Output interface {
	Write(file string, data []byte) error
}

// Run builds the site in opts.Source into opts.Dest. When the content has an
// error it publishes nothing and returns a *diag.ListError; the findings
// are in Result.Diagnostics either way.
func Run(ctx context.Context, opts Options) (Result, error) {
	var res Result
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return res, fmt.Errorf("open site %s: %w", opts.Source, err)
	}
	defer root.Close()
	fsys := root.FS()
	lo := opts.LoadOptions
	lo.Kiosk = lo.Kiosk || opts.Target == render.Kiosk
	// Brand bodies wait for their pages in a file beside the output.
	parent := filepath.Dir(filepath.Clean(opts.Dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, fmt.Errorf("create output parent %s: %w", parent, err)
	}
	if lo.bodies, err = newBodySpool(parent); err != nil {
		return res, err
	}
	defer lo.bodies.Close()
	s, diags, err := Load(ctx, fsys, lo, &res.Timings)
	res.Diagnostics = diags
	if err != nil {
		return res, err
	}
	if err := diags.Err(); err != nil {
		return res, err
	}
	res.Brands = len(s.Brands)
	dir, err := publish.Create(opts.Dest)
	if err != nil {
		return res, err
	}
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		cacheDir = DefaultCacheDir(opts.Source)
	}
	images := photo.NewProcessor(cacheDir)
	n, err := renderSite(ctx, fsys, s, opts.Target, dir, &res.Timings, images, lo.bodies)
	res.Files, res.Images = n, images.Stats()
	if err != nil {
		dir.Abort()
		return res, err
	}
	// Timed before returning: a deferred stop would record the phase in a
	// copy of res the caller never sees.
	stop := res.Timings.Start("commit")
	err = dir.Commit()
	stop()
	return res, err
}

// Render writes every output file of site s to out, rendering, minifying
// and writing on all cores. Photos and raster logos are derived through
// images (nil derives without a cache). It returns the number of files
// written.
func Render(ctx context.Context, fsys fs.FS, s *site.Site, target render.Target, out Output, timings *Timings, images *photo.Processor) (int, error) {
	return renderSite(ctx, fsys, s, target, out, timings, images, nil)
}

// renderSite is Render for a site whose brand bodies may wait in bodies.
func renderSite(ctx context.Context, fsys fs.FS, s *site.Site, target render.Target, out Output, timings *Timings, images *photo.Processor, bodies *bodySpool) (int, error) {
	stop := timings.Start("theme")
	th, err := LoadTheme(fsys, s.Config.Theme)
	if err != nil {
		return 0, err
	}
	mn := publish.NewMinifier()
	assets, err := WriteStatic(th, mn, out)
	if err != nil {
		return 0, err
	}
	stop()

	stop = timings.Start("images")
	if images == nil {
		images = photo.NewProcessor("")
	}
	photos, bundled, err := PublishBundles(ctx, fsys, s.Brands, images, mn, out)
	if err != nil {
		return 0, err
	}
	stop()

	stop = timings.Start("render")
	defer stop()
	sheets, err := newSheetSpool(out, len(s.Brands))
	if err != nil {
		return 0, err
	}
	defer sheets.Close()
	opts := render.Options{
		Target: target, Assets: assets, Images: photos,
		Splice: true, Sheets: sheets, Minify: mn.Minify,
	}
	if bodies != nil {
		opts.BrandBody = bodies.html
	}
	jobs := render.Plan(s, th, opts)
	if err := runJobs(ctx, jobs, mn, out, sheets); err != nil {
		return 0, err
	}
	return len(jobs) + len(assets) + bundled, nil
}

// LoadTheme loads the named theme: the built-in default theme, overridden
// file by file by the site's themes/<name>/ folder when there is one.
func LoadTheme(fsys fs.FS, name string) (*theme.Theme, error) {
	var override fs.FS
	dir := path.Join("themes", name)
	if info, err := fs.Stat(fsys, dir); err == nil && info.IsDir() {
		override, err = fs.Sub(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("open theme %s: %w", dir, err)
		}
	} else if name != "default" {
		return nil, fmt.Errorf("theme %q: no folder %s", name, dir)
	}
	th, err := theme.Load(themes.Default(), override)
	if err != nil {
		return nil, fmt.Errorf("load theme %q: %w", name, err)
	}
	return th, nil
}

// WriteStatic publishes the theme's static files, fingerprinting CSS and
// JavaScript, and returns the map from logical to published names.
func WriteStatic(th *theme.Theme, mn *publish.Minifier, out Output) (map[string]string, error) {
	assets := map[string]string{}
	for _, f := range th.Static {
		data, err := mn.Minify(f.Path, f.Data)
		if err != nil {
			return nil, err
		}
		name := f.Path
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			name = publish.Fingerprint(name, data)
		}
		assets[f.Path] = name
		if err := out.Write(name, data); err != nil {
			return nil, err
		}
	}
	return assets, nil
}

// bundleFiles lists the files of a brand's bundle that are published: the
// logo and the photos, and nothing else.
func bundleFiles(b *site.Brand) []string {
	names := append([]string{b.Logo}, b.Photos...)
	sort.Strings(names)
	return names
}

func copyBundleFile(fsys fs.FS, b *site.Brand, name string, mn *publish.Minifier, out Output) error {
	src := path.Join(path.Dir(b.Source), name)
	data := b.LogoSVG
	if name != b.Logo || data == nil {
		var err error
		if data, err = fs.ReadFile(fsys, src); err != nil {
			return fmt.Errorf("copy %s: %w", src, err)
		}
	}
	var err error
	if data, err = mn.Minify(name, data); err != nil {
		return err
	}
	return out.Write(b.File(name), data)
}

// IsContentError reports whether err is a failed check, as opposed to an
// I/O or theme failure.
func IsContentError(err error) bool {
	var le *diag.ListError
	return errors.As(err, &le)
}
