package build

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"sort"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/reach"
	"showcase/internal/site"
)

// Loader is the one way a site is read: it loads a site and keeps what it
// decoded, unit by unit, so that after an edit only the units the edit was
// in are read and decoded again. A unit holds a handful of documents, so
// a reload costs a few files however large the site is. The build seeds
// it with the units its state kept; the preview server keeps it between
// edits.
type Loader struct {
	fsys  fs.FS
	opts  LoadOptions
	cfg   *config.Config
	top   diag.List // the configuration's findings and the content walk's outside any unit
	units map[string]*loadedUnit
	keys  site.SortKeys
	// decisions are the documents of decisions/, read whole.
	decisions *loadedDecisions
}

// loadedUnit is one unit's folder as last loaded.
type loadedUnit struct {
	walk   diag.List // findings of the folder walk
	unit   *decodedUnit
	brands []*decodedBrand // in folder order
	// brandDocs are the brands' documents, beside brands, for the site
	// size check, which reads their bundles.
	brandDocs []*content.Document
	// assets is the size of the brands' logos and photos, so that the
	// site size check sums a number per unit.
	assets int64
}

// NewLoader returns a Loader for the site in fsys.
func NewLoader(fsys fs.FS, opts LoadOptions) *Loader {
	return &Loader{fsys: fsys, opts: opts}
}

// Load reads the whole site again: configuration and every unit.
func (l *Loader) Load(ctx context.Context) (*site.Site, diag.List, error) {
	return l.load(ctx, nil, nil)
}

// load reads the configuration and every unit but those in kept, which it
// takes as they are, and assembles the site. A site over the size limit
// is read whole, since the finding names the largest bundle, which only a
// reading of every unit knows.
func (l *Loader) load(ctx context.Context, kept map[string]*loadedUnit, timings *Timings) (*site.Site, diag.List, error) {
	stop := timings.Start("load")
	ok, diags, err := l.read(kept)
	if ok && err == nil && len(kept) > 0 && l.assets() > MaxSiteAssets {
		ok, diags, err = l.read(nil)
	}
	stop()
	if !ok || err != nil {
		return nil, diags, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("load: %w", err)
	}
	defer timings.Start("assemble")()
	return l.assemble()
}

// read reads the configuration and every unit but those in kept. It
// reports false, with the findings, when the configuration could not be
// read.
func (l *Loader) read(kept map[string]*loadedUnit) (bool, diag.List, error) {
	cfg, cfgDiags, err := loadConfig(l.fsys, l.opts)
	if err != nil || cfg == nil {
		return false, cfgDiags, err
	}
	dec := newDecoder(l.fsys, cfg, l.opts)
	skip := func(id string) bool { return kept[id] != nil }
	docs, walk, err := content.LoadEachExcept(l.fsys, skip, dec.visit)
	if err != nil {
		return false, nil, fmt.Errorf("load content: %w", err)
	}
	if dec.err != nil {
		return false, nil, dec.err
	}
	decisions, err := readDecisions(l.fsys, cfg, l.opts)
	if err != nil {
		return false, nil, err
	}
	l.cfg, l.top, l.units, l.decisions = cfg, cfgDiags, maps.Clone(kept), decisions
	for _, d := range walk {
		if id := reach.UnitOf(d.Pos.File); id != "" {
			l.unit(id).walk = append(l.unit(id).walk, d)
		} else {
			l.top = append(l.top, d)
		}
	}
	l.keep(dec, docs)
	return true, nil, nil
}

// Update reads the given units again and assembles the site. A Loader that
// has not loaded a configuration yet loads everything.
func (l *Loader) Update(ctx context.Context, units []string) (*site.Site, diag.List, error) {
	if l.cfg == nil {
		return l.Load(ctx)
	}
	ids := append([]string(nil), units...)
	sort.Strings(ids)
	for _, id := range ids {
		if err := l.reloadUnit(id); err != nil {
			return nil, nil, err
		}
	}
	return l.assemble()
}

func (l *Loader) reloadUnit(id string) error {
	dec := newDecoder(l.fsys, l.cfg, l.opts)
	docs, walk, err := content.LoadUnitEach(l.fsys, id, dec.visit)
	if err != nil {
		return fmt.Errorf("load %s: %w", id, err)
	}
	if dec.err != nil {
		return dec.err
	}
	// The map is replaced, not changed: a unit map handed out before
	// (the build state's) stays as it was.
	l.units = maps.Clone(l.units)
	delete(l.units, id)
	if len(docs.Units)+len(docs.Brands)+len(walk) > 0 {
		l.unit(id).walk = walk
		l.keep(dec, docs)
	}
	return nil
}

// keep files decoded documents under their units.
func (l *Loader) keep(dec *decoder, docs *content.Site) {
	for _, doc := range docs.Units {
		u := l.unit(doc.UnitID)
		u.unit = dec.units[doc]
	}
	for _, doc := range docs.Brands {
		u := l.unit(doc.UnitID)
		b := dec.brands[doc]
		u.brands = append(u.brands, b)
		u.brandDocs = append(u.brandDocs, doc)
		u.assets += bundleSize(doc, b.in.Meta.Logo, b.in.Meta.Photos)
	}
}

func (l *Loader) unit(id string) *loadedUnit {
	if l.units == nil {
		l.units = map[string]*loadedUnit{}
	}
	u := l.units[id]
	if u == nil {
		u = &loadedUnit{}
		l.units[id] = u
	}
	return u
}

// assemble builds the site from every unit, in unit-id order as a full
// load reads them, and gathers the findings.
func (l *Loader) assemble() (*site.Site, diag.List, error) {
	ids := make([]string, 0, len(l.units))
	for id := range l.units {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// The lists are sized first: a site of thousands of brands would
	// otherwise copy them over and over as they grow.
	var units, brands int
	for _, u := range l.units {
		brands += len(u.brands)
		if u.unit != nil {
			units++
		}
	}
	in := site.Input{Config: l.cfg, Drafts: l.opts.Drafts, SortKeys: &l.keys,
		Units: make([]site.UnitInput, 0, units), Brands: make([]site.BrandInput, 0, brands)}
	diags := append(diag.List(nil), l.top...)
	for _, id := range ids {
		u := l.units[id]
		diags = append(diags, u.walk...)
		if u.unit != nil {
			in.Units = append(in.Units, u.unit.in)
			diags = append(diags, u.unit.diags...)
		}
		for _, b := range u.brands {
			in.Brands = append(in.Brands, b.in)
			diags = append(diags, b.diags...)
		}
	}
	if l.assets() > MaxSiteAssets {
		// Over the limit: the check words the finding.
		var brandDocs []*content.Document
		for _, id := range ids {
			brandDocs = append(brandDocs, l.units[id].brandDocs...)
		}
		checkSiteSize(brandDocs, in.Brands, &diags)
	}
	l.addDecisions(&in, &diags)
	s, siteDiags := site.Assemble(in)
	diags = append(diags, siteDiags...)
	diags.Sort()
	return s, diags, nil
}

// assets is the size of every brand's logo and photos.
func (l *Loader) assets() int64 {
	var n int64
	for _, u := range l.units {
		n += u.assets
	}
	return n
}
