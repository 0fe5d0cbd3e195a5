package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"time"

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
	// Fresh builds everything, ignoring what the last build of Dest left
	// (see state.go); the build still leaves its own state.
	Fresh bool
	// Stateless neither reads nor leaves a build state: for an output
	// that is thrown away after use, where keeping one is wasted work.
	Stateless bool
	// Compress names the compressed copies kept beside each text file
	// of the output (see publish.Compression).
	Compress publish.Compression
	LoadOptions
	// racyWindow, when set, replaces racyWindow; tests shorten it rather
	// than wait.
	racyWindow time.Duration
}

// Result describes a finished build.
type Result struct {
	Files       int
	Brands      int
	Diagnostics diag.List
	Timings     Timings
	// Images counts the images decoded and those reused from the cache.
	Images photo.Stats
	// Units is the number of units, and KeptUnits those the build took
	// from the last build as they were, their files unchanged.
	Units, KeptUnits int
	// KeptFiles is the number of files taken from the last output.
	KeptFiles int
}

// Output receives the files of a build. publish.Dir writes them to disk;
// the preview server keeps them in memory.
type Output interface {
	Write(file string, data []byte) error
}

// Run builds the site in opts.Source into opts.Dest. When the content has an
// error it publishes nothing and returns a *diag.ListError; the findings
// are in Result.Diagnostics either way.
//
// A build of the web target leaves its state beside the output, and the
// next build reads, decodes and renders only what changed since (see
// incremental.go); its output is the same, byte for byte, as a build
// from nothing.
func Run(ctx context.Context, opts Options) (Result, error) {
	res, err := run(ctx, opts)
	if errors.Is(err, errLostOutput) && !opts.Fresh {
		opts.Fresh = true
		return run(ctx, opts)
	}
	return res, err
}

func run(ctx context.Context, opts Options) (Result, error) {
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
	inc, err := openIncremental(fsys, opts, &res.Timings)
	if err != nil {
		return res, err
	}
	var s *site.Site
	var loader *Loader
	var diags diag.List
	if inc != nil {
		loader = NewLoader(fsys, lo)
		s, diags, err = loader.loadKeeping(inc, lo.bodies, &res.Timings)
		res.KeptUnits = len(inc.kept)
	} else {
		s, diags, err = Load(ctx, fsys, lo, &res.Timings)
	}
	res.Diagnostics = diags
	if err != nil {
		return res, err
	}
	if err := diags.Err(); err != nil {
		return res, err
	}
	res.Brands, res.Units = len(s.Brands), len(s.Units)
	dir, reuse, err := inc.output(s, opts.Dest, &res.Timings)
	if err != nil {
		return res, err
	}
	dir.SetCompression(opts.Compress)
	sheets, err := newSheetSpool(dir, len(s.Brands))
	if err != nil {
		dir.Abort()
		return res, err
	}
	defer sheets.Close()
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		cacheDir = DefaultCacheDir(opts.Source)
	}
	images := photo.NewProcessor(cacheDir)
	r := renderer{fsys: fsys, target: opts.Target, out: dir, timings: &res.Timings, images: images,
		bodies: lo.bodies, sheets: sheets, reuse: reuse}
	n, err := r.render(ctx, s)
	res.Files, res.KeptFiles, res.Images = n, r.kept, images.Stats()
	if err != nil {
		dir.Abort()
		return res, err
	}
	// Timed before returning: a deferred stop would record the phase in a
	// copy of res the caller never sees. A build that kept units keeps
	// the output it replaces, whose files are mostly its own, for the
	// next build to start from.
	stop := res.Timings.Start("commit")
	spare := ""
	if reuse != nil {
		spare = inc.spareDir()
	}
	err = dir.CommitKeeping(spare)
	if err == nil {
		err = inc.save(loader, s, opts.Dest, lo.bodies, sheets, reuse)
	}
	stop()
	return res, err
}

// Render writes every output file of site s to out, rendering, minifying
// and writing on all cores. Photos and raster logos are derived through
// images (nil derives without a cache). It returns the number of files
// written.
func Render(ctx context.Context, fsys fs.FS, s *site.Site, target render.Target, out Output, timings *Timings, images *photo.Processor) (int, error) {
	if images == nil {
		images = photo.NewProcessor("")
	}
	sheets, err := newSheetSpool(out, len(s.Brands))
	if err != nil {
		return 0, err
	}
	defer sheets.Close()
	r := renderer{fsys: fsys, target: target, out: out, timings: timings, images: images, sheets: sheets}
	return r.render(ctx, s)
}

// renderer is one rendering of a site into an output.
type renderer struct {
	fsys    fs.FS
	target  render.Target
	out     Output
	timings *Timings
	images  *photo.Processor
	// bodies, when set, holds the brands' bodies (see LoadOptions).
	bodies *bodySpool
	sheets *sheetSpool
	// reuse, when set, names the files taken from the last output.
	reuse *reuse
	// kept counts the files taken from the last output.
	kept int
}

// render writes every file of s and returns how many it wrote or kept.
func (r *renderer) render(ctx context.Context, s *site.Site) (int, error) {
	stop := r.timings.Start("theme")
	th, err := LoadTheme(r.fsys, s.Config.Theme)
	if err != nil {
		return 0, err
	}
	mn := publish.NewMinifier()
	assets, err := WriteStatic(th, mn, r.out)
	if err != nil {
		return 0, err
	}
	stop()

	if r.reuse != nil {
		stop = r.timings.Start("keep")
		if r.kept, err = r.reuse.link(ctx, s, r.out); err != nil {
			return 0, err
		}
		if err := r.reuse.fillSheets(s, r.sheets); err != nil {
			return 0, err
		}
		stop()
	}

	stop = r.timings.Start("images")
	brands := s.Brands
	if r.reuse != nil {
		brands = slices.DeleteFunc(slices.Clone(brands), func(b *site.Brand) bool { return !r.reuse.publishes(b) })
	}
	photos, bundled, err := PublishBundles(ctx, r.fsys, brands, r.images, mn, r.out)
	if err != nil {
		return 0, err
	}
	stop()

	stop = r.timings.Start("render")
	defer stop()
	opts := render.Options{
		Target: r.target, Assets: assets, Images: photos,
		Splice: true, Sheets: r.sheets, Minify: mn.Minify,
	}
	if r.bodies != nil {
		opts.BrandBody, opts.BrandText = r.bodies.html, r.bodies.text
	}
	jobs := slices.DeleteFunc(render.Plan(s, th, opts), func(j render.Job) bool { return r.reuse.keeps(j.File) })
	if err := runJobs(ctx, jobs, mn, r.out, r.sheets); err != nil {
		return 0, err
	}
	if r.bodies != nil {
		if err := r.bodies.Err(); err != nil {
			return 0, err
		}
	}
	return len(jobs) + len(assets) + bundled + r.kept, nil
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
