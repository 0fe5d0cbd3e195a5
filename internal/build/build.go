// Package build runs the pipeline that turns a site's source into output:
// load and check, decide what the change reaches, publish images, render,
// and commit, each a named and timed step. The files of the package fall
// in groups by job: build.go and session.go orchestrate; load*.go read,
// check and decode a site (the one Loader); images*.go publish logos and
// photos; render*.go run the render jobs; cache*.go are the rebuild cache,
// the state a build leaves beside its output.
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

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/reach"
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
	// (see cache_plan.go); the build still leaves its own state.
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
	// Files is the number of files in the output: written or kept.
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
	// Warnings are problems that did not stop the build, such as a
	// state that could not be saved.
	Warnings []string
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
// next build reads, decodes and renders only what changed since; its
// output is the same, byte for byte, as a build from nothing.
func Run(ctx context.Context, opts Options) (Result, error) {
	var res Result
	b := &diskBuild{opts: opts, res: &res}
	defer b.close()
	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"prepare", b.prepare},
		{"keys", b.readState},
		{"", b.load}, // times its own load and assemble
		{"output", b.startOutput},
		{"theme", b.writeTheme},
		{"images", b.publishImages},
		{"render", b.render},
		{"commit", b.commit},
		{"state", b.saveState},
	}
	for _, step := range steps {
		stop := func() {}
		if step.name != "" {
			stop = res.Timings.Start(step.name)
		}
		err := step.run(ctx)
		stop()
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// diskBuild is one run of the build into a folder on disk.
type diskBuild struct {
	opts Options
	res  *Result

	root    *os.Root
	fsys    fs.FS
	closeFS func()
	scratch string
	bodies  *bodySpool
	sheets  *sheetSpool
	inc     *incremental
	session *Session
	update  *Update
	before  []reach.Brand
	reuse   *reuse
	dir     *publish.Dir
	mn      *publish.Minifier
	assets  map[string]string
	images  *photo.Processor
	photos  map[string]render.Image
	written int
}

// prepare opens the site, removes what an interrupted build of the same
// output left, and makes the scratch folder for the build's spools.
func (b *diskBuild) prepare(context.Context) error {
	var err error
	if b.root, err = os.OpenRoot(b.opts.Source); err != nil {
		return fmt.Errorf("open site %s: %w", b.opts.Source, err)
	}
	b.fsys, b.closeFS = content.FastReads(b.root.FS())
	if err := publish.RemoveStale(b.opts.Dest); err != nil {
		return err
	}
	if b.scratch, err = publish.Scratch(b.opts.Dest); err != nil {
		return err
	}
	if b.bodies, err = newBodySpool(b.scratch); err != nil {
		return err
	}
	cacheDir := b.opts.CacheDir
	if cacheDir == "" {
		cacheDir = DefaultCacheDir(b.opts.Source)
	}
	b.images, b.mn = photo.NewProcessor(cacheDir), publish.NewMinifier()
	return nil
}

// readState reads what of the last build's state still holds.
func (b *diskBuild) readState(context.Context) error {
	var err error
	b.inc, err = openIncremental(b.fsys, b.opts)
	return err
}

// load loads the site, reading again only the units the state did not
// keep, and decides what the change reached.
func (b *diskBuild) load(ctx context.Context) error {
	lo := b.opts.LoadOptions
	lo.bodies = b.bodies
	b.session = NewSession(b.fsys, b.opts.Target, lo)
	change := reach.Change{Everything: true}
	var kept map[string]*loadedUnit
	if b.inc != nil {
		change, kept = b.inc.change(), b.inc.loaded(b.bodies)
		b.res.KeptUnits = len(kept)
	}
	if !change.Everything {
		var ok bool
		if b.before, ok = b.inc.before(change); !ok {
			change.Everything = true
		}
	}
	st, diags, err := b.session.loader.load(ctx, kept, &b.res.Timings)
	b.res.Diagnostics = diags
	if err != nil {
		return err
	}
	b.update, diags, err = b.session.finish(st, diags, change, b.before)
	b.res.Diagnostics = diags
	if err != nil {
		return err
	}
	b.res.Brands, b.res.Units = len(st.Brands), len(st.Units)
	return nil
}

// startOutput plans what to keep of the last output and starts the new
// one with it.
func (b *diskBuild) startOutput(ctx context.Context) error {
	s := b.update.Site
	var err error
	if b.inc != nil {
		b.reuse = b.inc.planReuse(s, b.update.Reached, b.before, b.opts.Dest)
	}
	if b.reuse != nil {
		b.dir, err = b.inc.output(ctx, s, b.opts.Dest, b.reuse, b.opts.Compress)
	} else if b.dir, err = publish.Create(b.opts.Dest); err == nil {
		b.dir.SetCompression(b.opts.Compress)
	}
	if err != nil {
		return err
	}
	if b.sheets, err = newSheetSpool(b.scratch, len(s.Brands)); err != nil {
		return err
	}
	if b.reuse != nil {
		b.res.KeptFiles = b.reuse.files
		return b.reuse.fillSheets(s, b.sheets)
	}
	return nil
}

// writeTheme publishes the theme's static files.
func (b *diskBuild) writeTheme(context.Context) error {
	var err error
	b.assets, err = WriteStatic(b.update.Theme, b.mn, b.dir)
	b.written += len(b.assets)
	return err
}

// publishImages publishes the logos and photos of the brands whose files
// are not kept.
func (b *diskBuild) publishImages(ctx context.Context) error {
	brands := slices.DeleteFunc(slices.Clone(b.update.Site.Brands), func(br *site.Brand) bool { return !b.reuse.publishes(br) })
	var n int
	var err error
	b.photos, n, err = PublishBundles(ctx, b.fsys, brands, b.images, b.mn, b.dir)
	b.written += n
	b.res.Images = b.images.Stats()
	return err
}

// render renders, minifies and writes every page the build does not keep.
func (b *diskBuild) render(ctx context.Context) error {
	opts := render.Options{
		Target: b.opts.Target, Assets: b.assets, Images: b.photos,
		Splice: true, Sheets: b.sheets, Minify: b.mn.MinifyOwned,
	}
	jobs := slices.DeleteFunc(render.Plan(b.update.Site, b.update.Theme, opts), func(j render.Job) bool { return b.reuse.keeps(j.File) })
	if err := runJobs(ctx, jobs, b.mn, b.dir, b.sheets); err != nil {
		return err
	}
	b.written += len(jobs)
	b.res.Files = b.written + b.res.KeptFiles
	return b.bodies.Err()
}

// commit swaps the new output in. A build that kept units keeps the
// output it replaces, whose files are mostly its own, for the next build
// to start from.
func (b *diskBuild) commit(context.Context) error {
	spare := ""
	if b.reuse != nil {
		spare = b.inc.spareDir()
	}
	err := b.dir.CommitKeeping(spare)
	b.dir = nil
	return err
}

// saveState leaves the build's state beside the output. The output is
// already published, so a state that cannot be saved is a warning: the
// next build then builds everything.
func (b *diskBuild) saveState(context.Context) error {
	if b.inc == nil {
		return nil
	}
	if err := b.inc.save(b.session.loader, b.update.Site, b.opts.Dest, b.bodies, b.sheets, b.reuse); err != nil {
		_ = os.Remove(filepath.Join(b.inc.dir, headerFile))
		b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("the build state could not be saved, so the next build will build everything: %v", err))
	}
	return nil
}

// close removes what the build kept only while it ran, and the output of
// a build that did not get to commit.
func (b *diskBuild) close() {
	if b.dir != nil {
		b.dir.Abort()
	}
	if b.sheets != nil {
		b.sheets.Close()
	}
	if b.bodies != nil {
		b.bodies.Close()
	}
	if b.scratch != "" {
		_ = os.RemoveAll(b.scratch)
	}
	if b.closeFS != nil {
		b.closeFS()
	}
	if b.root != nil {
		_ = b.root.Close()
	}
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
// logo, the photos and the images the body shows, each once, and nothing
// else.
func bundleFiles(b *site.Brand) []string {
	names := append([]string{b.Logo}, b.Photos...)
	names = append(names, b.BodyImages...)
	sort.Strings(names)
	return slices.Compact(names)
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
