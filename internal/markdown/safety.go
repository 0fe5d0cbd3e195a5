package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Finding is something in a body that was left out of the page, with its
// place in the body (1-based line and column, columns in characters).
type Finding struct {
	Line int
	Col  int
	// Kind is "url" for a link or image whose scheme is not allowed, or
	// "html" for raw HTML.
	Kind string
	// Detail is the offending URL or the start of the HTML.
	Detail string
}

// allowedSchemes are the URL schemes a body may link to; a URL without a
// scheme is relative and always allowed.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// SafeURL reports whether a link destination may reach the page. It decodes
// HTML entities and drops the characters browsers ignore inside a scheme
// (controls, white space) before case-folding, so "&#106;ava&#x09;script:"
// and " JaVaScRiPt:" are both seen for what they are.
func SafeURL(dest string) bool {
	u := html.UnescapeString(dest)
	u = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r == '\u00a0' || r == '\ufeff' {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(u)
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true // no scheme: a relative URL
	}
	return allowedSchemes[u[:i]]
}

// guard is an AST transformer that removes unsafe links and images and
// records them, together with raw HTML, as findings. An image from another
// host is removed too (the site loads nothing from elsewhere), and a
// relative one becomes a BodyImage, recorded with its place.
type guard struct{}

// findingsKey is where a document's findings are kept during parsing.
var findingsKey = parser.NewContextKey()

// imagesKey is where a document's relative images are kept during parsing.
var imagesKey = parser.NewContextKey()

func (guard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var findings []Finding
	add := func(pos int, kind, detail string) {
		line, col := position(src, pos)
		findings = append(findings, Finding{Line: line, Col: col, Kind: kind, Detail: detail})
	}
	var unsafe []ast.Node
	var images []Image
	type localImage struct {
		n    *ast.Image
		name string
	}
	var local []localImage
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				add(nodePos(n), "url", string(n.Destination))
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			dest := string(n.Destination)
			switch {
			case !SafeURL(dest):
				add(nodePos(n), "url", dest)
				unsafe = append(unsafe, n)
			case External(dest):
				add(nodePos(n), kindRemoteImage, dest)
				unsafe = append(unsafe, n)
			default:
				line, col := position(src, nodePos(n))
				name := imageName(dest)
				images = append(images, Image{Line: line, Col: col, Name: name})
				local = append(local, localImage{n, name})
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(src))) {
				add(nodePos(n), "url", string(n.URL(src)))
				unsafe = append(unsafe, n)
			}
		case *ast.RawHTML:
			var b bytes.Buffer
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
			// A closing tag was reported with its opening tag.
			if !bytes.HasPrefix(b.Bytes(), []byte("</")) {
				add(nodePos(n), "html", excerpt(b.String()))
			}
		case *ast.HTMLBlock:
			var b bytes.Buffer
			if n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				b.Write(seg.Value(src))
			}
			add(blockPos(n, src), "html", excerpt(b.String()))
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		replaceWithText(n, src)
	}
	for _, li := range local {
		toBodyImage(li.n, li.name)
	}
	pc.Set(findingsKey, findings)
	pc.Set(imagesKey, images)
}

// replaceWithText puts a link's text (or an image's alt text, or an
// autolink's URL as text) where the link was.
func replaceWithText(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func nodePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Pos() >= 0 {
			return p.Pos()
		}
	}
	return 0
}

func blockPos(n ast.Node, src []byte) int {
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return nodePos(n)
}

// position turns a byte offset into a 1-based line and character column.
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}

func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
