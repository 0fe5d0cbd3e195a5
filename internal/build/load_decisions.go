package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
	"showcase/internal/markdown"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// DecisionsDir is the folder, beside content/, of the office's decisions.
const DecisionsDir = "decisions"

// loadedDecisions are the decisions/ folder as last loaded: a handful of
// documents, read whole whenever one of them changes.
type loadedDecisions struct {
	// has is set when the site has a decisions/ folder.
	has   bool
	list  []site.DecisionInput
	diags diag.List
}

// readDecisions reads and decodes every document of decisions/.
func readDecisions(fsys fs.FS, cfg *config.Config, opts LoadOptions) (*loadedDecisions, error) {
	ld := &loadedDecisions{}
	entries, err := fs.ReadDir(fsys, DecisionsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return ld, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", DecisionsDir, err)
	}
	ld.has = true
	md := markdown.New(markdownOptions(opts)...)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		p := path.Join(DecisionsDir, e.Name())
		id, isDoc := strings.CutSuffix(e.Name(), ".md")
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case !e.Type().IsRegular() || !isDoc:
			ld.diags.Warnf(diag.Position{File: p}, "decision/stray",
				diag.T("decisions/ 里只放决定文件（.md），这个不会被读取", "decisions/ holds decision documents (.md) only; this is not read"),
				diag.T("移走它，或把决定写成 decisions/<id>.md", "move it away, or write the decision as decisions/<id>.md"))
		default:
			if err := ld.read(fsys, cfg, md, p, id); err != nil {
				return nil, err
			}
		}
	}
	return ld, nil
}

// read reads and decodes one decision document.
func (ld *loadedDecisions) read(fsys fs.FS, cfg *config.Config, md *markdown.Renderer, p, id string) error {
	if !fields.ValidID(id) {
		ld.diags.Errorf(diag.Position{File: p}, "decision/bad-id",
			diag.T("决定文件名 %q 不合规", "decision file name %q is not a valid id", id+".md"),
			diag.T("文件名用于网址，只能用小写英文字母、数字和连字符，例如 2020-12-20-first-naming.md", "the name is used in URLs: use lower-case letters, digits and hyphens, for example 2020-12-20-first-naming.md"))
		return nil
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	if info.Size() > content.MaxFileSize {
		ld.diags.Errorf(diag.Position{File: p}, "content/too-large",
			diag.T("文件有 %d 字节，超过上限 %d 字节", "the file has %d bytes, over the limit of %d", info.Size(), content.MaxFileSize),
			diag.T("决定正文写要点即可", "keep the document's text to its points"))
		return nil
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	doc := &content.Document{Path: p}
	var diags diag.List
	content.Parse(doc, data, &diags)
	body, err := md.Render(doc.Body)
	if err != nil {
		return fmt.Errorf("check: %s: %w", p, err)
	}
	bodyFindings(doc, body.Findings, &diags)
	body.Findings = nil
	meta := schema.DecodeDecision(doc, cfg, &diags)
	ld.diags = append(ld.diags, diags...)
	ld.list = append(ld.list, site.DecisionInput{ID: id, Source: p, Meta: meta, Body: body})
	return nil
}

// checkDay is the day dates are checked against: SOURCE_DATE_EPOCH when
// set, so a reproducible build checks alike, or else today. It only
// decides findings, never the output.
func checkDay() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// UpdateDecisions reads decisions/ again, with the given units, and
// assembles the site: a change of a decision reads the decisions only.
func (l *Loader) UpdateDecisions(ctx context.Context, units []string) (*site.Site, diag.List, error) {
	if l.cfg == nil {
		return l.Load(ctx)
	}
	d, err := readDecisions(l.fsys, l.cfg, l.opts)
	if err != nil {
		return nil, nil, err
	}
	l.decisions = d
	return l.Update(ctx, units)
}

// addDecisions puts the decisions into the site's input.
func (l *Loader) addDecisions(in *site.Input, diags *diag.List) {
	in.Today = checkDay()
	if l.decisions == nil {
		return
	}
	in.Decisions, in.HasDecisions = l.decisions.list, l.decisions.has
	*diags = append(*diags, l.decisions.diags...)
}
