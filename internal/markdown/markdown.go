// Package markdown turns brand and unit bodies into HTML and plain text. It
// is the only package that imports goldmark.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown. It is safe for concurrent use: goldmark's
// parser and renderer hold no per-document state.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with GitHub Flavored Markdown and the CJK
// extension, so a line break between Chinese characters adds no space. Raw
// HTML is left out of the output (goldmark's default, unsafe off), links are
// limited to safe schemes, and table alignment is written as an attribute
// rather than a style, so a strict Content-Security-Policy holds. Options
// such as PlainExternalLinks adjust it for a target.
func New(opts ...Option) *Renderer {
	var set settings
	for _, o := range opts {
		o(&set)
	}
	transformers := []util.PrioritizedValue{util.Prioritized(guard{}, 0)}
	extra := []goldmark.Option{goldmark.WithRendererOptions(
		renderer.WithNodeRenderers(util.Prioritized(bodyImageRenderer{}, 0)))}
	if set.plainExternal {
		// After guard (higher numbers run later), so unsafe links are gone.
		transformers = append(transformers, util.Prioritized(plainLinks{}, 10))
		extra = append(extra, goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(plainLinkRenderer{}, 0))))
	}
	return &Renderer{md: goldmark.New(append([]goldmark.Option{
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough, extension.Linkify, extension.TaskList,
			extension.NewCJK(extension.WithEastAsianLineBreaks(), extension.WithEscapedSpace()),
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(transformers...)),
	}, extra...)...)}
}

// Document is a rendered body.
type Document struct {
	// HTML is safe to place in a page: raw HTML from the source is dropped
	// and dangerous link schemes are not rendered.
	HTML template.HTML
	// Text is the body as plain text, blocks separated by newlines.
	Text string
	// Findings are what was left out (unsafe links, images from other
	// hosts, raw HTML) and shapes of the body too slow to parse.
	Findings []Finding
	// Images are the images the body shows from its own folder, in
	// order; the HTML holds a placeholder for each (see ResolveImages).
	Images []Image
}

// Render converts src. Invalid UTF-8 is replaced with U+FFFD first: the
// content loader already refuses such files, and goldmark's East Asian
// line-break code panics on a stray continuation byte. A body whose shape
// would take goldmark too long (see checkShape) is not parsed: it comes
// back as escaped paragraphs with a finding that says what to change.
func (r *Renderer) Render(src []byte) (Document, error) {
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	shape := checkShape(src)
	for _, f := range shape {
		if f.blocksRender() {
			return Document{HTML: template.HTML(plainHTML(src)), Text: string(src), Findings: shape}, nil
		}
	}
	pc := parser.NewContext()
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	// A body's HTML is its source and a little markup (1.1 times the
	// source in the sample site and the corpus, 1.3 at most). Sized from the
	// source, the builder seldom grows, and String does not copy it as a
	// bytes.Buffer's would.
	var buf htmlBuilder
	buf.Grow(len(src) + len(src)/4 + 256)
	if err := r.md.Renderer().Render(&buf, src, root); err != nil {
		return Document{}, fmt.Errorf("render markdown: %w", err)
	}
	findings, _ := pc.Get(findingsKey).([]Finding)
	findings = append(shape, findings...)
	images, _ := pc.Get(imagesKey).([]Image)
	return Document{HTML: template.HTML(buf.String()), Text: plainText(root, src), Findings: findings, Images: images}, nil
}

// htmlBuilder is a strings.Builder that goldmark takes for a buffered
// writer (util.BufWriter), so it writes into it directly rather than
// through a bufio.Writer of its own, 4 KB a body. Nothing in goldmark
// asks how much is buffered.
type htmlBuilder struct{ strings.Builder }

var _ util.BufWriter = (*htmlBuilder)(nil)

func (b *htmlBuilder) Available() int { return b.Cap() - b.Len() }
func (b *htmlBuilder) Buffered() int  { return 0 }
func (b *htmlBuilder) Flush() error   { return nil }

// plainText collects the text of every text node, a newline after each
// block, so summaries and search see words and not markup. A soft line
// break becomes a space, except between two East Asian wide characters, as
// the CJK extension does for HTML.
func plainText(root ast.Node, src []byte) string {
	var t textBuilder
	// The text is the source less its markup: sized from the source, the
	// builder does not grow through ever larger copies.
	t.b.Grow(len(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				t.write(n.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					t.space = true
				}
			}
		case *ast.String:
			if entering {
				t.write(n.Value)
			}
		case *ast.CodeSpan:
			if entering {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if tx, ok := c.(*ast.Text); ok {
						t.write(tx.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			if !entering && n.Type() == ast.TypeBlock {
				t.endBlock()
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(t.b.String())
}

// textBuilder joins text pieces, deciding at the next piece whether a soft
// line break needs a space.
type textBuilder struct {
	b     strings.Builder
	last  rune
	space bool
}

func (t *textBuilder) write(p []byte) {
	if len(p) == 0 {
		return
	}
	next, _ := utf8.DecodeRune(p)
	if t.space && !(wide(t.last) && wide(next)) {
		t.b.WriteByte(' ')
	}
	t.space = false
	t.b.Write(p)
	t.last, _ = utf8.DecodeLastRune(p)
}

func (t *textBuilder) endBlock() {
	t.space = false
	if t.b.Len() > 0 && t.last != '\n' {
		t.b.WriteByte('\n')
		t.last = '\n'
	}
}

// wide reports whether r is a character that is written without spaces
// around it: Han, kana, Hangul, or full-width punctuation.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
