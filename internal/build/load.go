// Package build runs the pipeline that turns a site's source into output:
// load, check, assemble, render and publish, each a named and timed phase.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/schema"
	"showcase/internal/site"

	"golang.org/x/sync/errgroup"
)

// LoadOptions configure loading a site.
type LoadOptions struct {
	// BaseURL, when set, replaces the configuration's baseURL.
	BaseURL string
	// Drafts includes brands marked draft.
	Drafts bool
}

// Load reads, checks and assembles the site in fsys. Every finding about the
// content comes back in the list; the error is for I/O failures only. The
// site is nil when the configuration could not be read.
func Load(ctx context.Context, fsys fs.FS, opts LoadOptions, timings *Timings) (*site.Site, diag.List, error) {
	var diags diag.List
	stop := timings.Start("load")
	cfg, cfgDiags, err := config.Load(fsys)
	if err != nil {
		return nil, nil, fmt.Errorf("load configuration: %w", err)
	}
	diags = append(diags, cfgDiags...)
	if cfg == nil {
		return nil, diags, nil
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	docs, contentDiags, err := content.Load(fsys)
	if err != nil {
		return nil, nil, fmt.Errorf("load content: %w", err)
	}
	diags = append(diags, contentDiags...)
	stop()

	stop = timings.Start("check")
	in, decodeDiags, err := decode(ctx, fsys, cfg, docs)
	if err != nil {
		return nil, nil, err
	}
	diags = append(diags, decodeDiags...)
	checkSiteSize(docs.Brands, in.Brands, &diags)
	stop()

	stop = timings.Start("assemble")
	in.Drafts = opts.Drafts
	s, siteDiags := site.Assemble(in)
	diags = append(diags, siteDiags...)
	stop()
	diags.Sort()
	return s, diags, nil
}

// decode checks every document against the schema and renders its Markdown,
// spread over all cores. Results keep the documents' order.
func decode(ctx context.Context, fsys fs.FS, cfg *config.Config, docs *content.Site) (site.Input, diag.List, error) {
	md := markdown.New()
	in := site.Input{
		Config: cfg,
		Units:  make([]site.UnitInput, len(docs.Units)),
		Brands: make([]site.BrandInput, len(docs.Brands)),
	}
	unitDiags := make([]diag.List, len(docs.Units))
	brandDiags := make([]diag.List, len(docs.Brands))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, doc := range docs.Units {
		g.Go(func() error {
			body, err := md.Render(doc.Body)
			if err != nil {
				return fmt.Errorf("%s: %w", doc.Path, err)
			}
			bodyFindings(doc, body.Findings, &unitDiags[i])
			meta := schema.DecodeUnit(doc, &unitDiags[i])
			in.Units[i] = site.UnitInput{ID: doc.UnitID, Source: doc.Path, Meta: meta, Intro: body}
			return ctx.Err()
		})
	}
	for i, doc := range docs.Brands {
		g.Go(func() error {
			body, err := md.Render(doc.Body)
			if err != nil {
				return fmt.Errorf("%s: %w", doc.Path, err)
			}
			bodyFindings(doc, body.Findings, &brandDiags[i])
			meta := schema.DecodeBrand(doc, cfg, &brandDiags[i])
			logo := cleanLogo(fsys, doc, meta.Logo, &brandDiags[i])
			in.Brands[i] = site.BrandInput{UnitID: doc.UnitID, Slug: doc.BrandID, Source: doc.Path, Meta: meta, Body: body, LogoSVG: logo}
			return ctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return in, nil, fmt.Errorf("check: %w", err)
	}
	var diags diag.List
	for _, l := range append(unitDiags, brandDiags...) {
		diags = append(diags, l...)
	}
	return in, diags, nil
}
