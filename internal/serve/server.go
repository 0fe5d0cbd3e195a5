// Package serve is the preview server: it keeps the site in memory,
// rebuilds what an edit touched, reloads the open pages and shows build
// errors over them, and never writes public/.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"time"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// DefaultAddr is where the server listens unless told otherwise: loopback
// only, so a preview is never reachable from the network by accident.
const DefaultAddr = "127.0.0.1:1313"

// Options configure the server.
type Options struct {
	Source   string
	Addr     string
	CacheDir string
	Drafts   bool
	Stdout   io.Writer
	Stderr   io.Writer
	// Listening, when set, is called with the server's URL once it
	// listens; tests use it to find a free port's URL.
	Listening func(url string)
	// Rebuilt, when set, is called after each rebuild with the changed
	// paths and whether it succeeded; tests use it to wait.
	Rebuilt func(changed []string, ok bool)
	// Warmed, when set, is called when every page of a rebuild has been
	// rendered; benchmarks use it to time a whole re-render.
	Warmed func()
}

// WarmDelay is how long after a rebuild the server waits before rendering
// the pages nobody has asked for yet.
const WarmDelay = 300 * time.Millisecond

// ErrAddrInUse is returned when the address is taken.
var ErrAddrInUse = errors.New("address already in use")

// Run serves the site in opts.Source until ctx ends.
func Run(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	source, err := filepath.Abs(opts.Source)
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(source)
	if err != nil {
		return fmt.Errorf("open site %s: %w", source, err)
	}
	defer root.Close()
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		cacheDir = build.DefaultCacheDir(source)
	}
	s := &server{
		opts: opts, fsys: root.FS(), hub: newHub(), mn: publish.NewMinifier(),
		loader: build.NewLoader(root.FS(), build.LoadOptions{Drafts: opts.Drafts}),
		images: photo.NewProcessor(cacheDir),
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%s: %w", opts.Addr, ErrAddrInUse)
		}
		return err
	}
	w, err := newWatcher(source)
	if err != nil {
		ln.Close()
		return fmt.Errorf("watch %s: %w", source, err)
	}
	s.rebuild(ctx, nil)
	url := "http://" + ln.Addr().String() + s.base()
	fmt.Fprintf(opts.Stdout, "showcase: serving %s at %s (Ctrl-C to stop)\n", source, url)
	if opts.Listening != nil {
		opts.Listening(url)
	}
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	changes := make(chan []string)
	watchErrs := make(chan error, 1)
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.run(watchCtx, changes, watchErrs)
	go func() {
		for {
			select {
			case <-watchCtx.Done():
				return
			case batch := <-changes:
				s.rebuild(watchCtx, batch)
			case err := <-watchErrs:
				fmt.Fprintf(opts.Stderr, "showcase: warning: watching files: %v\n", err)
			}
		}
	}()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		stopWatch()
		s.stopWarming()
		_ = srv.Shutdown(shutdown)
		fmt.Fprintln(opts.Stdout, "showcase: stopped")
		return nil
	case err := <-served:
		return err
	}
}

// server is the running preview.
type server struct {
	opts   Options
	fsys   fs.FS
	hub    *hub
	mn     *publish.Minifier
	loader *build.Loader
	images *photo.Processor

	mu       sync.RWMutex
	state    *state
	theme    *theme.Theme
	assets   map[string]string
	static   map[string][]byte
	photos   map[string]render.Image
	bundles  map[string][]byte
	stopWarm context.CancelFunc
}

func (s *server) current() *state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state
}

func (s *server) base() string {
	if st := s.current(); st != nil {
		return st.base
	}
	return "/"
}

func (s *server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.current()
		base, lookup := "/", func(string) ([]byte, error) { return nil, errNotFound }
		if st != nil {
			base, lookup = st.base, st.lookup
		}
		handler(base, lookup, s.hub).ServeHTTP(w, r)
	})
}

func (s *server) stopWarming() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopWarm != nil {
		s.stopWarm()
	}
}

// rebuild brings the site up to date with the changed paths (nil for the
// first build). A failed rebuild leaves the last good site serving and
// shows its findings in the pages and on the terminal.
func (s *server) rebuild(ctx context.Context, changed []string) {
	start := time.Now()
	s.stopWarming()
	err := s.update(ctx, changed)
	ok := err == nil
	var le *diag.ListError
	switch {
	case errors.As(err, &le):
		_ = diag.WriteText(s.opts.Stderr, le.List, "zh")
		errs, _ := le.List.Count()
		fmt.Fprintf(s.opts.Stderr, "showcase: error: %d error(s); the last good site is still served\n", errs)
		s.hub.fail(le.List)
	case err != nil:
		fmt.Fprintf(s.opts.Stderr, "showcase: error: %v\n", err)
		s.hub.fail(diag.List{{Pos: diag.Position{File: "showcase"}, Severity: diag.Error, Rule: "serve/build",
			Message: diag.T("重建失败：%v", "rebuild failed: %v", err)}})
	default:
		if changed != nil {
			fmt.Fprintf(s.opts.Stdout, "showcase: rebuilt in %s: %s\n", time.Since(start).Round(time.Millisecond), strings.Join(changed, ", "))
		}
		s.hub.reload()
	}
	if s.opts.Rebuilt != nil {
		s.opts.Rebuilt(changed, ok)
	}
}

// update loads what changed and swaps in a new state. A change to the
// configuration or the theme renders every page afresh; a content change
// keeps the pages it did not touch.
func (s *server) update(ctx context.Context, changed []string) error {
	full, themeChanged, contentChanged := changed == nil, changed == nil, changed == nil
	for _, p := range changed {
		switch {
		case p == "showcase.yaml":
			full = true
		case strings.HasPrefix(p, "themes/") || p == "themes":
			themeChanged = true
		default:
			contentChanged = true
		}
	}
	old := s.current()
	var (
		st    *site.Site
		diags diag.List
		units []string
		err   error
	)
	switch {
	case full:
		st, diags, err = s.loader.Load(ctx)
	case contentChanged:
		st, diags, units, err = s.loader.Update(ctx, changed)
		if units == nil {
			full = true // the loader read everything again
		}
	default:
		st = old.site
	}
	if err != nil {
		return err
	}
	if err := diags.Err(); err != nil {
		return err
	}
	if st == nil {
		return errors.New("the site could not be loaded")
	}
	if full || themeChanged || s.theme == nil {
		if err := s.loadTheme(st); err != nil {
			return err
		}
	}
	if err := s.publishBundles(ctx, st, full || old == nil, units); err != nil {
		return err
	}
	next := newState(st.Config.BasePath(), st, s.theme,
		render.Options{Target: render.Web, Assets: s.assets, Images: s.photos}, s.static, s.bundles)
	warmAll := full || themeChanged || old == nil
	if !warmAll {
		touched := touchedBy(old.site, st, units)
		next.inherit(old, touched)
		// Only the touched pages of brands and units are rendered ahead;
		// the lists, home and search are rendered when asked for, since
		// the largest of them (every plaque, the search index) take
		// seconds on a big site and would slow the next edit.
		next.warmOnly(touched.files())
	}
	warmCtx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.state, s.stopWarm = next, cancel
	s.mu.Unlock()
	go func() {
		// The page that was open asks for itself again as soon as it
		// hears of the rebuild; warming waits a moment to leave it the
		// processors, and stops when the next edit comes.
		select {
		case <-warmCtx.Done():
			return
		case <-time.After(WarmDelay):
		}
		if next.warm(warmCtx) == nil && s.opts.Warmed != nil {
			s.opts.Warmed()
		}
	}()
	return nil
}

// loadTheme loads the site's theme and publishes its static files.
func (s *server) loadTheme(st *site.Site) error {
	th, err := build.LoadTheme(s.fsys, st.Config.Theme)
	if err != nil {
		return err
	}
	out := newMemOutput()
	assets, err := build.WriteStatic(th, s.mn, out)
	if err != nil {
		return err
	}
	s.theme, s.assets, s.static = th, assets, out.files
	return nil
}

// publishBundles derives the logos and photos of the brands in the
// reloaded units (all brands after a full load), through the image cache
// the builds share. The maps it leaves in s.bundles and s.photos are new
// ones whenever they change: the states already made keep the old.
func (s *server) publishBundles(ctx context.Context, st *site.Site, all bool, units []string) error {
	reload := map[string]bool{}
	for _, u := range units {
		reload[u] = true
	}
	var brands []*site.Brand
	for _, b := range st.Brands {
		if all || reload[b.Unit.ID] {
			brands = append(brands, b)
		}
	}
	out := newMemOutput()
	photos, _, err := build.PublishBundles(ctx, s.fsys, brands, s.images, s.mn, out)
	if err != nil {
		return err
	}
	if all || s.bundles == nil {
		s.bundles, s.photos = out.files, photos
		return nil
	}
	// The files of the reloaded units' brands, before and after, are
	// replaced; a brand's files are published beside its page.
	inReloaded := func(file string) bool {
		rest, ok := strings.CutPrefix(file, "brands/")
		unit, _, _ := strings.Cut(rest, "/")
		return ok && reload[unit]
	}
	s.bundles = replaceFiles(s.bundles, out.files, inReloaded)
	s.photos = replaceFiles(s.photos, photos, inReloaded)
	return nil
}

// replaceFiles returns files with those drop accepts replaced by add,
// as a new map unless it would hold the same.
func replaceFiles[V any](files, add map[string]V, drop func(string) bool) map[string]V {
	var next map[string]V
	for f := range files {
		if _, kept := add[f]; !kept && drop(f) {
			if next == nil {
				next = maps.Clone(files)
			}
			delete(next, f)
		}
	}
	for f, v := range add {
		if old, ok := files[f]; ok && sameFile(old, v) {
			continue
		}
		if next == nil {
			next = maps.Clone(files)
		}
		next[f] = v
	}
	if next == nil {
		return files
	}
	return next
}

// sameFile reports whether a published file is unchanged.
func sameFile[V any](a, b V) bool {
	switch a := any(a).(type) {
	case []byte:
		return bytes.Equal(a, any(b).([]byte))
	case render.Image:
		return reflect.DeepEqual(a, any(b).(render.Image))
	}
	return false
}

// memOutput collects written files in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemOutput() *memOutput { return &memOutput{files: map[string][]byte{}} }

// Write keeps one file; PublishBundles writes from several goroutines.
func (m *memOutput) Write(file string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[file] = data
	return nil
}
