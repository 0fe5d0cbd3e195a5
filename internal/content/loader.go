package content

import (
	"runtime"

	"showcase/internal/diag"

	"golang.org/x/sync/errgroup"
)

// loader reads the content on every core. Walking the unit folders is
// quick and stays in order; reading and parsing each unit file and brand
// bundle, most of the work, is queued as a task. Results are put back
// together in walk order, so the site and its findings come out the same
// as from a sequential walk.
type loader struct {
	r       reader
	visit   func(*Document)
	results []*result
	tasks   []func() error
}

// result is one step of the walk: findings made while walking, or what a
// task read.
type result struct {
	diags diag.List
	unit  *Document
	brand *Document
}

// add records findings made while walking.
func (l *loader) add(d ...diag.Diagnostic) {
	if len(d) > 0 {
		l.results = append(l.results, &result{diags: d})
	}
}

// errorf records an error found while walking.
func (l *loader) errorf(pos diag.Position, rule string, msg, hint diag.Text) {
	var d diag.List
	d.Errorf(pos, rule, msg, hint)
	l.add(d...)
}

// visited hands a parsed document to the caller's visit, if any.
func (l *loader) visited(doc *Document) {
	if l.visit != nil {
		l.visit(doc)
	}
}

// task queues work whose result takes the next place in walk order.
func (l *loader) task(f func(*result) error) {
	r := &result{}
	l.results = append(l.results, r)
	l.tasks = append(l.tasks, func() error { return f(r) })
}

// run does the queued work and assembles the site.
func (l *loader) run() (*Site, diag.List, error) {
	var g errgroup.Group
	// Reading waits on the file system as well as parsing; a few more
	// workers than cores keep the cores busy.
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, t := range l.tasks {
		g.Go(t)
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	site := &Site{}
	var diags diag.List
	for _, r := range l.results {
		diags = append(diags, r.diags...)
		if r.unit != nil {
			site.Units = append(site.Units, r.unit)
		}
		if r.brand != nil {
			site.Brands = append(site.Brands, r.brand)
		}
	}
	return site, diags, nil
}
