package serve

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"showcase/internal/render"
	"showcase/internal/site"

	"golang.org/x/sync/errgroup"
)

// state is one version of the site in memory. Files that need no
// rendering (theme assets, logos, photos) are held as bytes; pages are
// rendered when first asked for, or by the warmer, and kept.
type state struct {
	base  string
	site  *site.Site
	files map[string][]byte
	jobs  map[string]render.Job

	mu    sync.Mutex
	cache map[string]*entry
	// warmFilter, when set, limits warming to the files it accepts.
	warmFilter func(file string) bool
}

// entry renders one page once, however many requests ask at the same time.
type entry struct {
	once sync.Once
	data []byte
	err  error
}

func newState(base string, s *site.Site, files map[string][]byte, jobs []render.Job) *state {
	st := &state{base: base, site: s, files: files, jobs: make(map[string]render.Job, len(jobs)), cache: map[string]*entry{}}
	for _, j := range jobs {
		st.jobs[j.File] = j
	}
	return st
}

// lookup returns a file's bytes, rendering the page if need be.
func (st *state) lookup(file string) ([]byte, error) {
	if data, ok := st.files[file]; ok {
		return data, nil
	}
	job, ok := st.jobs[file]
	if !ok {
		return nil, errNotFound
	}
	st.mu.Lock()
	e := st.cache[file]
	if e == nil {
		e = &entry{}
		st.cache[file] = e
	}
	st.mu.Unlock()
	e.once.Do(func() { e.data, e.err = job.Render() })
	return e.data, e.err
}

// inherit keeps the rendered pages of old that the change did not touch.
func (st *state) inherit(old *state, touched func(file string) bool) (kept int) {
	old.mu.Lock()
	defer old.mu.Unlock()
	for file, e := range old.cache {
		if _, still := st.jobs[file]; still && !touched(file) && e.err == nil && e.data != nil {
			st.cache[file] = e
			kept++
		}
	}
	return kept
}

// warm renders every page not yet rendered, on all cores, until ctx ends:
// the next change cancels it. A request for a page still renders it at
// once, so warming only ever saves time.
func (st *state) warm(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for file := range st.jobs {
		if ctx.Err() != nil {
			break
		}
		if st.warmFilter != nil && !st.warmFilter(file) {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, err := st.lookup(file)
			return err
		})
	}
	return g.Wait()
}

// touchedBy returns which pages a reload of the given units can have
// changed, judged by path: the pages of every brand in those units, before
// and after, and of their partners; those units' own pages; and every page
// that gathers brands from all over (home, lists, search, feed, sitemap).
// Other brands' and units' pages are kept.
func touchedBy(old, new *site.Site, units []string) func(string) bool {
	unitSet := map[string]bool{}
	for _, u := range units {
		unitSet[u] = true
	}
	brands := map[string]bool{}
	for _, s := range []*site.Site{old, new} {
		for _, b := range s.Brands {
			if !unitSet[b.Unit.ID] {
				continue
			}
			brands[b.ID] = true
			for _, p := range b.Paired {
				brands[p.ID] = true
			}
		}
	}
	return func(file string) bool {
		unit, brand, ok := entityOf(file)
		switch {
		case !ok:
			return true
		case brand != "":
			return brands[unit+"/"+brand] || unitSet[unit]
		}
		return unitSet[unit]
	}
}

// warmOnly limits warming to the files keep accepts.
func (st *state) warmOnly(keep func(file string) bool) { st.warmFilter = keep }

// isEntityPage reports whether file is the page of one brand or one unit
// (or its plaques), as opposed to a page that gathers the whole site.
func isEntityPage(file string) bool {
	_, _, ok := entityOf(file)
	return ok
}

// entityOf reads which unit, and which brand within it, a page belongs
// to: brands/<u>/<b>/, plaques/<u>/<b>/, units/<u>/ or plaques/<u>/. Any
// other page belongs to the whole site.
func entityOf(file string) (unit, brand string, ok bool) {
	parts := strings.Split(strings.TrimSuffix(file, "/index.html"), "/")
	switch {
	case len(parts) == 3 && (parts[0] == "brands" || parts[0] == "plaques"):
		return parts[1], parts[2], true
	case len(parts) == 2 && (parts[0] == "units" || parts[0] == "plaques"):
		return parts[1], "", true
	}
	return "", "", false
}
