// Package build runs the pipeline that turns a site's source into output:
// load, check, assemble, render and publish, each a named and timed phase.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"sync"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// LoadOptions configure loading a site.
type LoadOptions struct {
	// BaseURL, when set, replaces the configuration's baseURL.
	BaseURL string
	// Drafts includes brands marked draft.
	Drafts bool
	// Kiosk renders external links in bodies as plain text, since a kiosk
	// folder must not lead anywhere outside itself. Run sets it for the
	// kiosk target.
	Kiosk bool
	// bodies, when set, keeps brand bodies in a file rather than in
	// memory; Run sets it.
	bodies *bodySpool
}

// Load reads, checks and assembles the site in fsys, through a Loader.
// Every finding about the content comes back in the list; the error is for
// I/O failures only. The site is nil when the configuration could not be
// read.
func Load(ctx context.Context, fsys fs.FS, opts LoadOptions, timings *Timings) (*site.Site, diag.List, error) {
	return NewLoader(fsys, opts).load(ctx, nil, timings)
}

// decoder checks documents against the schema, renders their Markdown
// and checks their images, as content.LoadEach hands them over on its
// workers.
type decoder struct {
	fsys fs.FS
	cfg  *config.Config
	md   *markdown.Renderer
	// bodies, when set, keeps brand bodies; see LoadOptions.
	bodies *bodySpool

	mu     sync.Mutex
	units  map[*content.Document]*decodedUnit
	brands map[*content.Document]*decodedBrand
	err    error
}

type decodedUnit struct {
	in    site.UnitInput
	diags diag.List
}

type decodedBrand struct {
	in    site.BrandInput
	diags diag.List
}

func newDecoder(fsys fs.FS, cfg *config.Config, opts LoadOptions) *decoder {
	return &decoder{
		fsys: fsys, cfg: cfg, md: markdown.New(markdownOptions(opts)...), bodies: opts.bodies,
		units: map[*content.Document]*decodedUnit{}, brands: map[*content.Document]*decodedBrand{},
	}
}

// visit decodes one document and then drops its front matter tree and
// body, which nothing needs once they are decoded.
func (d *decoder) visit(doc *content.Document) {
	var diags diag.List
	body, err := d.md.Render(doc.Body)
	if err != nil {
		d.mu.Lock()
		if d.err == nil {
			d.err = fmt.Errorf("check: %s: %w", doc.Path, err)
		}
		d.mu.Unlock()
		return
	}
	bodyFindings(doc, body.Findings, &diags)
	body.Images = checkBodyImages(d.fsys, doc, body.Images, &diags)
	var unit *decodedUnit
	var brand *decodedBrand
	if doc.Kind == content.UnitKind {
		meta := schema.DecodeUnit(doc, &diags)
		unit = &decodedUnit{in: site.UnitInput{ID: doc.UnitID, Source: doc.Path, Meta: meta, Intro: body}, diags: diags}
	} else {
		meta := schema.DecodeBrand(doc, d.cfg, &diags)
		logo := cleanLogo(d.fsys, doc, meta.Logo, &diags)
		diags = append(diags, checkBrandImages(d.fsys, doc, meta)...)
		brand = &decodedBrand{
			in:    site.BrandInput{UnitID: doc.UnitID, Slug: doc.BrandID, Source: doc.Path, Meta: meta, BodyImages: bodyImageNames(body.Images), LogoSVG: logo},
			diags: diags,
		}
		brand.in.Body, brand.in.Text = d.keepBody(doc.Path, body)
	}
	doc.Meta, doc.Body = nil, nil
	d.mu.Lock()
	defer d.mu.Unlock()
	if unit != nil {
		d.units[doc] = unit
	} else {
		d.brands[doc] = brand
	}
}

// keepBody keeps a brand's body, in the spool when there is one, and
// returns how the site reads it back.
func (d *decoder) keepBody(source string, body markdown.Document) (func() markdown.Document, func() string) {
	body.Findings = nil
	if d.bodies != nil {
		return d.bodies.put(source, body)
	}
	return func() markdown.Document { return body }, nil
}

// markdownOptions are the Markdown renderer's options for a load.
func markdownOptions(opts LoadOptions) []markdown.Option {
	if opts.Kiosk {
		return []markdown.Option{markdown.PlainExternalLinks()}
	}
	return nil
}

// loadConfig reads showcase.yaml and applies the options that override
// it. The configuration is nil when it could not be read; the findings say
// why.
func loadConfig(fsys fs.FS, opts LoadOptions) (*config.Config, diag.List, error) {
	cfg, diags, err := config.Load(fsys)
	if err != nil {
		return nil, nil, fmt.Errorf("load configuration: %w", err)
	}
	if cfg != nil && opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	return cfg, diags, nil
}
