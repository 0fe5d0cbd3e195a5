package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Option changes how a Renderer renders.
type Option func(*settings)

type settings struct {
	plainExternal bool
}

// PlainExternalLinks renders every link and image that points outside the
// output folder (an absolute URL, or one starting with "//") as its text in
// a <span class="external-link">. The kiosk needs it: a visitor who taps
// such a link would leave the exhibition for a page that cannot load, and
// an image from another host would be a request out of the folder.
func PlainExternalLinks() Option {
	return func(s *settings) { s.plainExternal = true }
}

// External reports whether a link destination leaves the output folder: it
// has a scheme or names a host.
func External(dest string) bool {
	d := strings.TrimSpace(dest)
	if strings.HasPrefix(d, "//") {
		return true
	}
	i := strings.IndexAny(d, ":/?#")
	return i > 0 && d[i] == ':'
}

// KindPlainLink is the kind of a PlainLink node.
var KindPlainLink = ast.NewNodeKind("PlainLink")

// PlainLink is an external link shown as text: its children are the link's
// content.
type PlainLink struct {
	ast.BaseInline
}

// Kind returns KindPlainLink.
func (n *PlainLink) Kind() ast.NodeKind { return KindPlainLink }

// Dump prints the node for debugging, as goldmark's nodes do.
func (n *PlainLink) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// plainLinks is an AST transformer that turns external links, autolinks
// and images into PlainLink nodes. It runs after guard, which has already
// removed unsafe ones.
type plainLinks struct{}

func (plainLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var found []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if External(string(n.Destination)) {
				found = append(found, n)
			}
		case *ast.Image:
			if External(string(n.Destination)) {
				found = append(found, n)
			}
		case *ast.AutoLink:
			// Every autolink leaves the folder: a URL, "www.…", or an
			// e-mail address that would open a mail program.
			found = append(found, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range found {
		toPlain(n, src)
	}
}

// toPlain puts a PlainLink holding n's content where n was: the text of a
// link, the alt text of an image, the URL of an autolink.
func toPlain(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	pl := &PlainLink{}
	if al, ok := n.(*ast.AutoLink); ok {
		pl.AppendChild(pl, ast.NewString(al.Label(src)))
	} else {
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			pl.AppendChild(pl, c)
			c = next
		}
	}
	parent.ReplaceChild(parent, n, pl)
}

// plainLinkRenderer writes a PlainLink as a span around its content.
type plainLinkRenderer struct{}

func (plainLinkRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindPlainLink, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="external-link">`)
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}
