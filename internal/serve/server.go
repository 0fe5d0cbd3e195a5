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
	"unicode"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/photo"
	"showcase/internal/publish"
	"showcase/internal/reach"
	"showcase/internal/render"
	"showcase/internal/site"
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
	// Lang is the language of the terminal lines and findings: "zh"
	// (the default) or "en".
	Lang string
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
		session: build.NewSession(root.FS(), render.Web, build.LoadOptions{Drafts: opts.Drafts}),
		images:  photo.NewProcessor(cacheDir),
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
	s.say(opts.Stdout, diag.T("showcase: 正在预览 %[1]s（按 Ctrl-C 停止）：%[2]s", "showcase: serving %s at %s (Ctrl-C to stop)", filepath.ToSlash(source), url))
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
				s.say(opts.Stderr, diag.T("showcase: 警告：监视文件出错：%v", "showcase: warning: watching files: %v", err))
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
		s.say(opts.Stdout, diag.T("showcase: 已停止", "showcase: stopped"))
		return nil
	case err := <-served:
		return err
	}
}

// server is the running preview. What it serves comes from a build
// session, the same as "showcase build" runs, rendered by the same jobs and
// minified alike, only kept in memory and rendered when first asked for.
type server struct {
	opts    Options
	fsys    fs.FS
	hub     *hub
	mn      *publish.Minifier
	session *build.Session
	images  *photo.Processor

	mu       sync.RWMutex
	state    *state
	assets   map[string]string
	static   map[string][]byte
	photos   map[string]render.Image
	bundles  map[string][]byte
	stopWarm context.CancelFunc
}

// lang is the language of what the server says.
func (s *server) lang() string {
	if s.opts.Lang == "en" {
		return "en"
	}
	return "zh"
}

// say prints one line in the server's language. Paths in it come from
// file names, which may hold anything: control characters are shown
// escaped, so no name can write a line of its own to the terminal.
func (s *server) say(w io.Writer, t diag.Text) {
	fmt.Fprintln(w, escapeControls(t.In(s.lang())))
}

// escapeControls shows control characters and line breaks as escapes.
func escapeControls(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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
		s.say(s.opts.Stderr, diag.T("showcase: 错误：%v", "showcase: error: %v", err))
		s.hub.fail(diag.List{{Pos: diag.Position{File: "showcase"}, Severity: diag.Error, Rule: "serve/build",
			Message: diag.T("重建失败：%v", "rebuild failed: %v", err)}})
	default:
		if changed != nil {
			s.say(s.opts.Stdout, diag.T("showcase: 已重建（%s）：%s", "showcase: rebuilt in %s: %s", time.Since(start).Round(time.Millisecond), strings.Join(changed, ", ")))
		}
		s.hub.reload()
	}
	if s.opts.Rebuilt != nil {
		s.opts.Rebuilt(changed, ok)
	}
}

// update brings the session up to date with what changed and swaps in a
// new state, which keeps the rendered pages the change did not reach.
func (s *server) update(ctx context.Context, changed []string) error {
	up, _, err := s.session.Update(ctx, changed)
	if err != nil {
		return err
	}
	old := s.current()
	if up.ThemeLoaded || s.static == nil {
		out := newMemOutput()
		assets, err := build.WriteStatic(up.Theme, s.mn, out)
		if err != nil {
			return err
		}
		s.assets, s.static = assets, out.files
	}
	if err := s.publishBundles(ctx, up.Site, up.Reached); err != nil {
		return err
	}
	next := newState(up.Site.Config.BasePath(), up.Site, up.Theme,
		render.Options{Target: render.Web, Assets: s.assets, Images: s.photos}, s.mn, s.static, s.bundles)
	if !up.Reached.All && old != nil {
		next.inherit(old, up.Reached)
		// Only the reached pages of brands and units are rendered ahead;
		// the lists, home and search are rendered when asked for, since
		// the largest of them (every plaque, the search index) take
		// seconds on a big site and would slow the next edit.
		next.warmOnly(entityFiles(up.Reached))
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

// entityFiles lists the pages of the units and brands a change reached.
func entityFiles(r reach.Reached) []string {
	var files []string
	for u := range r.Units {
		files = append(files, reach.UnitFiles(u)...)
	}
	for b := range r.Brands {
		files = append(files, "brands/"+b+"/index.html", "plaques/"+b+"/index.html")
	}
	return files
}

// publishBundles derives the logos and photos of the brands a change
// reached (all brands when it reached everything), through the image cache
// the builds share. The maps it leaves in s.bundles and s.photos are new
// ones whenever they change: the states already made keep the old.
func (s *server) publishBundles(ctx context.Context, st *site.Site, reached reach.Reached) error {
	var brands []*site.Brand
	for _, b := range st.Brands {
		if reached.All || reached.Brands[b.ID] {
			brands = append(brands, b)
		}
	}
	out := newMemOutput()
	photos, _, err := build.PublishBundles(ctx, s.fsys, brands, s.images, s.mn, out)
	if err != nil {
		return err
	}
	if reached.All || s.bundles == nil {
		s.bundles, s.photos = out.files, photos
		return nil
	}
	s.bundles = replaceFiles(s.bundles, out.files, reached.Stale)
	s.photos = replaceFiles(s.photos, photos, reached.Stale)
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
