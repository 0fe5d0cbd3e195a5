// Package markdown turns brand and unit bodies into HTML and plain text. It
// is the only package that imports goldmark.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Renderer converts Markdown. It is safe for concurrent use: goldmark's
// parser and renderer hold no per-document state.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with GitHub Flavored Markdown and the CJK
// extension, so a line break between Chinese characters adds no space. Raw
// HTML is left out of the output (goldmark's default, unsafe off).
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewCJK(extension.WithEastAsianLineBreaks(), extension.WithEscapedSpace()),
		),
	)}
}

// Document is a rendered body.
type Document struct {
	// HTML is safe to place in a page: raw HTML from the source is dropped
	// and dangerous link schemes are not rendered.
	HTML template.HTML
	// Text is the body as plain text, blocks separated by newlines.
	Text string
}

// Render converts src.
func (r *Renderer) Render(src []byte) (Document, error) {
	root := r.md.Parser().Parse(text.NewReader(src))
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, root); err != nil {
		return Document{}, fmt.Errorf("render markdown: %w", err)
	}
	return Document{HTML: template.HTML(buf.String()), Text: plainText(root, src)}, nil
}

// plainText collects the text of every text node, a newline after each
// block, so summaries and search see words and not markup.
func plainText(root ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.CodeSpan:
			if entering {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); ok {
						b.Write(t.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			if !entering && n.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
