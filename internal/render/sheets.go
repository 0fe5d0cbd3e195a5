package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"unsafe"

	"showcase/internal/bufpool"

	"showcase/internal/site"
	"showcase/internal/theme"
)

// A brand's plaque sheet appears on three pages: its own plaque page, its
// unit's plaques and the page of every plaque. On the web its links are
// absolute, so the three are the same bytes, and with Options.Sheets each
// is rendered and minified once. Pages are rendered with the "plaque"
// partial replaced by a token; the brand's plaque page renders the sheet
// itself, splices it in and hands it to the SheetStore; the two pages that
// gather plaques run last (Job.Late) and are written as segments: their own
// minified bytes between the sheets the store holds. The kiosk's links are
// relative, and the way up to the root differs from page to page; its
// sheets are rendered and stored with a token for that way up (every link
// is the way up and a path from the root, see relative), which each page
// replaces with its own as it writes the sheet.

// SheetStore keeps the minified sheets of a build for the pages that
// gather them. Sheet i is the sheet of the site's i-th brand.
type SheetStore interface {
	PutSheet(i int, sheet []byte) error
}

// Segment is a part of a file written in parts: bytes, or a stored sheet.
type Segment struct {
	Data    []byte
	Sheet   int
	IsSheet bool
	// LinkRoot, when set, is a token in the stored sheet that the writer
	// replaces with Up, this page's way up to the site's root (see
	// Rebase).
	LinkRoot, Up string
}

// Rebase returns a stored sheet as this segment's page links it: the
// sheet itself on the web, the kiosk's with its way up to the root.
func (seg Segment) Rebase(sheet []byte) []byte {
	if seg.LinkRoot == "" {
		return sheet
	}
	return bytes.ReplaceAll(sheet, []byte(seg.LinkRoot), []byte(seg.Up))
}

// sheetPartial is the partial that draws a plaque sheet.
const sheetPartial = "plaque"

// sheetPlan is what the pages of one plan need to splice sheets.
type sheetPlan struct {
	store  SheetStore
	minify func(file string, data []byte) ([]byte, error)
	// tokens is the theme with the sheet partial replaced by a token;
	// full is the theme as it is, for the sheets themselves.
	tokens, full *theme.Theme
	index        map[*site.Brand]int
	// linkRoot is the kiosk's token for the way up to the root, "" on the
	// web, whose links are absolute.
	linkRoot string
}

// newSheetPlan prepares sheet splicing, or returns nil when it does not
// apply: not asked for, kiosk links, or a theme without the partial or
// one that was already used (and so cannot be cloned).
func newSheetPlan(s *site.Site, th *theme.Theme, ctx *pageContext, opts Options) *sheetPlan {
	if opts.Sheets == nil || opts.Minify == nil || ctx.splice == "" {
		return nil
	}
	token := ctx.splice
	tokens, err := th.Redefine(sheetPartial, `{{define "`+sheetPartial+`"}}{{sheetToken (index . 0) (index . 1)}}{{end}}`,
		template.FuncMap{"sheetToken": func(p *Page, b *site.Brand) template.HTML {
			k := len(p.sheets)
			p.sheets = append(p.sheets, b)
			return template.HTML(`<article id="` + token + "s" + strconv.Itoa(k) + `#"></article>`)
		}})
	if err != nil || !th.Has("plaque") {
		return nil
	}
	sp := &sheetPlan{store: opts.Sheets, minify: opts.Minify, tokens: tokens, full: th, index: map[*site.Brand]int{}}
	if opts.Target == Kiosk {
		// Digits, '#' and '-' pass through URL escaping and the
		// minifier as they are, and no content can guess the number.
		sp.linkRoot = token + "r#"
	}
	for i, b := range s.Brands {
		sp.index[b] = i
	}
	return sp
}

// job returns the job of a page that holds sheets.
func (sp *sheetPlan) job(p *Page) Job {
	job := pageJob(func(p *Page) ([]byte, error) {
		p.sheets = nil
		return sp.tokens.Render(p.Kind, p)
	}, p)
	if p.Kind == "plaque" {
		job.Expand = func(min []byte) ([]byte, error) { return sp.expandOwn(p, min) }
		return job
	}
	job.Expand = nil
	job.Late = true
	job.Compose = func(min []byte) ([]Segment, error) { return sp.compose(p, min) }
	return job
}

// expandOwn renders and stores the sheet of a plaque page's brand and
// splices it into the page.
func (sp *sheetPlan) expandOwn(p *Page, minified []byte) ([]byte, error) {
	min, err := p.expand(minified)
	if err != nil {
		return nil, err
	}
	segs, err := sp.split(p, min)
	if err != nil {
		return nil, err
	}
	// The page is joined once its parts are known, not grown through
	// them.
	parts := make([][]byte, 0, len(segs))
	for _, seg := range segs {
		if !seg.IsSheet {
			parts = append(parts, seg.Data)
			continue
		}
		b := p.sheetBrand(seg.Sheet)
		p.splices = nil
		p.linkRoot = sp.linkRoot
		raw, err := sp.full.RenderTemplate(p.Kind, sheetPartial, []any{p, b})
		p.linkRoot = ""
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", p.Path, err)
		}
		sheet, err := sp.minify(OutputFile(p.Path), raw)
		if err != nil {
			return nil, err
		}
		putBack(raw, sheet)
		if sheet, err = p.expand(sheet); err != nil {
			return nil, err
		}
		if err := sp.store.PutSheet(seg.Sheet, sheet); err != nil {
			return nil, err
		}
		parts = append(parts, sp.segment(p, seg.Sheet).Rebase(sheet))
	}
	page := bytes.Join(parts, nil)
	putBack(min, minified)
	return page, nil
}

// putBack gives a copy the page is done with back to bufpool, unless it
// is the same bytes as the one that replaced it, which live on.
func putBack(done, next []byte) {
	if unsafe.SliceData(done) != unsafe.SliceData(next) {
		bufpool.Put(done)
	}
}

// compose splits a gathering page into its own bytes and stored sheets.
func (sp *sheetPlan) compose(p *Page, min []byte) ([]Segment, error) {
	min, err := p.expand(min)
	if err != nil {
		return nil, err
	}
	return sp.split(p, min)
}

// split cuts a minified page at its sheet tokens. Sheet segments name the
// brand's index in the site.
func (sp *sheetPlan) split(p *Page, min []byte) ([]Segment, error) {
	defer func() { p.sheets = nil }()
	var segs []Segment
	for k, b := range p.sheets {
		token := []byte(`<article id="` + p.ctx.splice + "s" + strconv.Itoa(k) + `#"></article>`)
		at := bytes.Index(min, token)
		if at < 0 {
			return nil, fmt.Errorf("compose %s: plaque %d of %d not found after minifying", p.Path, k+1, len(p.sheets))
		}
		segs = append(segs, Segment{Data: min[:at]}, sp.segment(p, sp.index[b]))
		min = min[at+len(token):]
	}
	return append(segs, Segment{Data: min}), nil
}

// segment is the segment of page p that holds stored sheet i.
func (sp *sheetPlan) segment(p *Page, i int) Segment {
	seg := Segment{Sheet: i, IsSheet: true}
	if sp.linkRoot != "" {
		seg.LinkRoot, seg.Up = sp.linkRoot, upToRoot(p.Path)
	}
	return seg
}

// sheetBrand returns the brand whose sheet has index i in the site.
func (p *Page) sheetBrand(i int) *site.Brand { return p.Site.Brands[i] }
