package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"showcase/internal/config"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// What "showcase print" makes: the office's paper products. They are
// rendered here, a batch of sheets at a time, through the theme's "print"
// page, and never planned into the published site (see Plan): the
// application form in particular is for the office only.

// PrintKind names a paper product.
type PrintKind string

// The paper products.
const (
	// PrintPlaques are the plaques (挂牌), one sheet per brand whose
	// status has plaque: true.
	PrintPlaques PrintKind = "plaques"
	// PrintForms are the application forms (申报表), A4 portrait.
	PrintForms PrintKind = "forms"
	// PrintBoards are the exhibition display boards (展板) at the
	// configured size.
	PrintBoards PrintKind = "boards"
)

// PrintPath is the site path print pages are rendered under. The print
// command writes them into its own temporary copy of the site.
const PrintPath = "print/"

// PrintOptions configure one page of sheets to print.
type PrintOptions struct {
	Kind PrintKind
	// Assets maps a theme static file's logical name to its published
	// name, as the build that published the site's files made it.
	Assets map[string]string
	// Boards are the layouts of the boards to print, by brand ID; the
	// caller chose their photos at print resolution (see LayoutBoard).
	Boards map[string]*BoardLayout
	// Unit, for boards, prints the unit's board: its brands, given to
	// PrintPage, on one board (see UnitBoardCapacity).
	Unit *site.Unit
}

// PrintPage renders one page holding the sheets of brands, in order, to
// be printed by a browser at the paper size its style asks for.
func PrintPage(s *site.Site, th *theme.Theme, opts PrintOptions, brands []*site.Brand) ([]byte, error) {
	ctx := &pageContext{target: Web, assets: opts.Assets, theme: th}
	p := newPage(s, ctx, "print", PrintPath+string(opts.Kind)+".html", printTitle(s.Config, opts.Kind))
	p.Brands = brands
	p.print = &opts
	out, err := th.Render("print", p)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", opts.Kind, err)
	}
	return out, nil
}

// printTitle names a print page.
func printTitle(cfg *config.Config, kind PrintKind) string {
	switch kind {
	case PrintForms:
		return cfg.Print.Form.Title
	case PrintBoards:
		return "展板"
	}
	return "品牌牌匾"
}

// PrintKind says which sheets a print page holds: "plaques", "forms" or
// "boards".
func (p *Page) PrintKind() string {
	if p.print == nil {
		return ""
	}
	return string(p.print.Kind)
}

// FormIdea is one of the six ideas on the application form, which lists
// all six, empty or not.
type FormIdea struct {
	Label, Text string
}

// FormIdeas lists brand b's six ideas in the form's order.
func (p *Page) FormIdeas(b *site.Brand) []FormIdea {
	i := b.Brand.Ideas
	texts := []string{i.Learning, i.Conduct, i.Work, i.Style, i.Innovation, i.Service}
	labels := []string{"学习理念", "行为理念", "工作理念", "作风理念", "创新理念", "服务理念"}
	out := make([]FormIdea, len(texts))
	for n := range texts {
		out[n] = FormIdea{Label: labels[n], Text: texts[n]}
	}
	return out
}

// BodySection returns the part of brand b's body under the second-level
// heading that contains any of the words in words (separated by "|"),
// without its images: "内涵" finds 品牌内涵, "成效|成果" finds 工作成效.
// It is empty when the body has no such heading.
func (p *Page) BodySection(b *site.Brand, words string) template.HTML {
	return bodySection(b.Body().HTML, strings.Split(words, "|"))
}

// h2 matches a second-level heading of a body's HTML.
var h2 = regexp.MustCompile(`(?s)<h2[^>]*>(.*?)</h2>`)

// tagRE matches any tag, to take a section's plain text.
var tagRE = regexp.MustCompile(`<[^>]*>`)

// imgTag matches an image of a body's HTML; print pages leave them out.
var imgTag = regexp.MustCompile(`<img[^>]*>`)

func bodySection(body template.HTML, words []string) template.HTML {
	html := string(body)
	heads := h2.FindAllStringSubmatchIndex(html, -1)
	for k, m := range heads {
		title := html[m[2]:m[3]]
		if !containsAny(title, words) {
			continue
		}
		end := len(html)
		if k+1 < len(heads) {
			end = heads[k+1][0]
		}
		// Taken from the sanitized body, cut at tag boundaries.
		return template.HTML(strings.TrimSpace(imgTag.ReplaceAllString(html[m[1]:end], "")))
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if w != "" && strings.Contains(s, w) {
			return true
		}
	}
	return false
}
