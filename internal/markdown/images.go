package markdown

import (
	"bytes"
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Image is an image a body shows from its own folder: a relative
// destination, at its place in the body (1-based line and column, columns
// in characters). The body's HTML holds a placeholder for it that
// ResolveImages turns into an <img> of the published file.
type Image struct {
	Line, Col int
	// Name is the destination as a path relative to the body's folder:
	// percent-escapes decoded, a leading "./", a query and a fragment
	// dropped. Whether it names a file of the bundle is for the caller to
	// check.
	Name string
}

// kindRemoteImage is the Finding kind of an image from another host.
const kindRemoteImage = "remote-image"

// KindBodyImage is the kind of a BodyImage node.
var KindBodyImage = ast.NewNodeKind("BodyImage")

// BodyImage stands for a relative image: its children are the alt text.
type BodyImage struct {
	ast.BaseInline
	Name  string
	Title []byte
}

// Kind returns KindBodyImage.
func (n *BodyImage) Kind() ast.NodeKind { return KindBodyImage }

// Dump prints the node for debugging, as goldmark's nodes do.
func (n *BodyImage) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// imageName turns a relative image destination into a bundle path.
func imageName(dest string) string {
	d := strings.TrimSpace(dest)
	if i := strings.IndexAny(d, "?#"); i >= 0 {
		d = d[:i]
	}
	if u, err := url.PathUnescape(d); err == nil {
		d = u
	}
	for strings.HasPrefix(d, "./") {
		d = d[2:]
	}
	return d
}

// toBodyImage puts a BodyImage where the relative image n was.
func toBodyImage(n *ast.Image, name string) {
	bi := &BodyImage{Name: name, Title: n.Title}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		bi.AppendChild(bi, c)
		c = next
	}
	n.Parent().ReplaceChild(n.Parent(), n, bi)
}

// placeholder starts the tag a BodyImage is written as. It has no src, so
// it loads nothing until ResolveImages gives it one.
const placeholder = `<img data-body-image="`

// bodyImageRenderer writes a BodyImage as a placeholder <img> with its
// alt text and title.
type bodyImageRenderer struct{}

func (bodyImageRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindBodyImage, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		bi := n.(*BodyImage)
		_, _ = w.WriteString(placeholder + html.EscapeString(bi.Name) + `" alt="`)
		var alt textBuilder
		_ = ast.Walk(bi, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				switch c := c.(type) {
				case *ast.Text:
					alt.write(c.Value(src))
				case *ast.String:
					alt.write(c.Value)
				}
			}
			return ast.WalkContinue, nil
		})
		_, _ = w.WriteString(html.EscapeString(alt.b.String()) + `"`)
		if len(bi.Title) > 0 {
			_, _ = w.WriteString(` title="` + html.EscapeString(string(bi.Title)) + `"`)
		}
		_, _ = w.WriteString(">")
		return ast.WalkSkipChildren, nil
	})
}

// ResolveImages gives each image placeholder in a rendered page (or body)
// its attributes: attrs returns them for the image's bundle path, for
// example `src="…" srcset="…" width="…" height="…"`, already escaped.
func ResolveImages(page []byte, attrs func(name string) string) []byte {
	tag := []byte(placeholder)
	if !bytes.Contains(page, tag) {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + 256)
	for {
		i := bytes.Index(page, tag)
		if i < 0 {
			out.Write(page)
			return out.Bytes()
		}
		rest := page[i+len(tag):]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			out.Write(page)
			return out.Bytes()
		}
		out.Write(page[:i])
		out.WriteString("<img " + attrs(html.UnescapeString(string(rest[:end]))))
		page = rest[end+1:]
	}
}
