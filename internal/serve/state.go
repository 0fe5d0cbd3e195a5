package serve

import (
	"context"
	"errors"
	"maps"
	"runtime"
	"strings"
	"sync"

	"showcase/internal/build"
	"showcase/internal/publish"
	"showcase/internal/reach"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"

	"golang.org/x/sync/errgroup"
)

// state is one version of the site in memory. Files that need no
// rendering (theme assets, logos, photos) are held as bytes; pages are
// rendered when first asked for, or by the warmer, and kept.
//
// Nothing is planned ahead: the page of a unit or a brand is made from
// the site when asked for, so an edit's page is served as soon as the
// site is assembled, and the whole site's plan is made only when a page
// that gathers the whole site, or the warmer, needs it.
type state struct {
	base string
	site *site.Site
	th   *theme.Theme
	opts render.Options
	mn   *publish.Minifier
	// static are the theme's files and bundles the brands'; neither map
	// changes once a state holds it.
	static, bundles map[string][]byte

	planOnce sync.Once
	jobs     map[string]render.Job

	mu sync.Mutex
	// pages are the rendered pages of units and brands, wide those of
	// the pages that gather the whole site, kept apart so that an edit
	// drops the latter without looking at the former.
	pages, wide map[string]*entry
	// warmFiles, when set, limits warming to those files.
	warmFiles []string
}

// entry renders one page once, however many requests ask at the same time.
type entry struct {
	once   sync.Once
	render func() ([]byte, error)
	data   []byte
	err    error
}

// get renders the page the first time. The job is dropped once done: a
// kept page must not keep the site it was rendered from, since the states
// after an edit keep it.
func (e *entry) get() ([]byte, error) {
	e.once.Do(func() {
		e.data, e.err = e.render()
		e.render = nil
	})
	return e.data, e.err
}

func newState(base string, s *site.Site, th *theme.Theme, opts render.Options, mn *publish.Minifier, static, bundles map[string][]byte) *state {
	return &state{base: base, site: s, th: th, opts: opts, mn: mn, static: static, bundles: bundles,
		pages: map[string]*entry{}, wide: map[string]*entry{}}
}

// plan returns every job of the site by file, planned the first time.
func (st *state) plan() map[string]render.Job {
	st.planOnce.Do(func() {
		jobs := render.Plan(st.site, st.th, st.opts)
		st.jobs = make(map[string]render.Job, len(jobs))
		for _, j := range jobs {
			st.jobs[j.File] = j
		}
	})
	return st.jobs
}

// job finds the job of a page: a unit's or a brand's without planning
// the site, any other from the plan.
func (st *state) job(file string) (render.Job, bool) {
	if strings.HasSuffix(file, "/index.html") && isEntityPage(file) {
		return render.EntityJob(st.site, st.th, st.opts, file)
	}
	job, ok := st.plan()[file]
	return job, ok
}

// lookup returns a file's bytes, rendering the page if need be.
func (st *state) lookup(file string) ([]byte, error) {
	if data, ok := st.static[file]; ok {
		return data, nil
	}
	if data, ok := st.bundles[file]; ok {
		return data, nil
	}
	cache := st.wide
	if isEntityPage(file) {
		cache = st.pages
	}
	st.mu.Lock()
	e := cache[file]
	st.mu.Unlock()
	if e == nil {
		job, ok := st.job(file)
		if !ok {
			return nil, errNotFound
		}
		st.mu.Lock()
		if e = cache[file]; e == nil {
			e = &entry{render: func() ([]byte, error) { return build.RenderFile(job, st.mn) }}
			cache[file] = e
		}
		st.mu.Unlock()
	}
	return e.get()
}

// inherit keeps the rendered pages of units and brands of old that the
// change did not reach: every other unit and brand is as it was.
func (st *state) inherit(old *state, reached reach.Reached) {
	old.mu.Lock()
	pages := maps.Clone(old.pages)
	old.mu.Unlock()
	for _, file := range entityFiles(reached) {
		delete(pages, file)
	}
	st.mu.Lock()
	st.pages = pages
	st.mu.Unlock()
}

// warm renders every page not yet rendered, on all cores, until ctx ends:
// the next change cancels it. A request for a page still renders it at
// once, so warming only ever saves time.
func (st *state) warm(ctx context.Context) error {
	files := st.warmFiles
	if files == nil {
		for file := range st.plan() {
			files = append(files, file)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, file := range files {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := st.lookup(file); err != nil && !errors.Is(err, errNotFound) {
				return err
			}
			return nil
		})
	}
	return g.Wait()
}

// warmOnly limits warming to the given files.
func (st *state) warmOnly(files []string) { st.warmFiles = append([]string{}, files...) }

// isEntityPage reports whether file is the page of one brand or one unit
// (or its plaques), as opposed to a page that gathers the whole site.
func isEntityPage(file string) bool {
	_, _, ok := reach.EntityOf(file)
	return ok
}
