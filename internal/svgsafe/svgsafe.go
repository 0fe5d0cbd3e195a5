// Package svgsafe cleans SVG files from untrusted brand bundles. It rebuilds
// the document from an allowlist of drawing elements and attributes, so
// anything unknown is dropped rather than anything known-bad: no script,
// foreignObject, event handlers, external references, or style sheets that
// load URLs survive.
package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// MaxDepth bounds element nesting; a deeper file is refused, not parsed.
const MaxDepth = 64

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
)

// elements are the SVG elements kept. Everything else is dropped with its
// whole subtree: script, foreignObject, style, image, a, iframe, animate…
var elements = set("svg", "g", "defs", "symbol", "use", "title", "desc",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	"text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
	"clipPath", "mask", "pattern", "marker",
	"filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
	"feMerge", "feMergeNode", "feColorMatrix", "feDropShadow")

// attributes are the attributes kept on any kept element.
var attributes = set("id", "class", "viewBox", "preserveAspectRatio", "width", "height",
	"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
	"transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
	"stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
	"opacity", "clip-path", "clip-rule", "mask", "filter", "color", "display", "visibility",
	"offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
	"patternUnits", "patternTransform", "patternContentUnits", "clipPathUnits", "maskUnits", "maskContentUnits",
	"markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits",
	"marker-start", "marker-mid", "marker-end", "pathLength",
	"font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
	"letter-spacing", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
	"stdDeviation", "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4",
	"flood-color", "flood-opacity", "values", "type", "filterUnits", "primitiveUnits",
	"shape-rendering", "vector-effect", "paint-order", "version", "style", "href")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// ErrNotSVG is returned for a file that is not an SVG document.
var ErrNotSVG = errors.New("not an SVG document")

// Result is a cleaned SVG and what was taken out of it.
type Result struct {
	SVG []byte
	// Removed names each kind of thing dropped, sorted, such as
	// "<script>", "onload=", "href to another file" or "DOCTYPE".
	Removed []string
}

// Clean returns src rebuilt from the allowlist. It fails on malformed XML,
// on a root element that is not <svg>, and on nesting deeper than MaxDepth.
func Clean(src []byte) (Result, error) {
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	// No entity is expanded beyond XML's own five; a DTD is dropped.
	dec.Entity = map[string]string{}
	c := &cleaner{removed: map[string]bool{}}
	// The cleaned SVG is about the size of the file: one buffer of that
	// size instead of a buffer grown by doubling from 64 bytes.
	c.out.Grow(len(src))
	if err := c.run(dec); err != nil {
		return Result{}, err
	}
	removed := make([]string, 0, len(c.removed))
	for r := range c.removed {
		removed = append(removed, r)
	}
	sort.Strings(removed)
	// A build keeps every brand's logo until it is published, so the
	// result is cut to its length: the buffer's spare room was about half
	// of the logos' memory at 100,000 brands.
	svg := make([]byte, c.out.Len())
	copy(svg, c.out.Bytes())
	return Result{SVG: svg, Removed: removed}, nil
}

type cleaner struct {
	out     bytes.Buffer
	removed map[string]bool
	depth   int
	skip    int // depth of the dropped subtree being skipped, 0 when none
	root    bool
}

func (c *cleaner) run(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if !c.root {
				return ErrNotSVG
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("malformed SVG: %w", err)
		}
		if err := c.token(tok); err != nil {
			return err
		}
	}
}

func (c *cleaner) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		c.depth++
		if c.depth > MaxDepth {
			return fmt.Errorf("SVG nests elements more than %d deep", MaxDepth)
		}
		if c.depth == 1 {
			if t.Name.Local != "svg" || (t.Name.Space != svgNS && t.Name.Space != "") {
				return ErrNotSVG
			}
			c.root = true
		}
		if c.skip > 0 {
			return nil
		}
		if (t.Name.Space != svgNS && t.Name.Space != "") || !elements[t.Name.Local] {
			c.removed["<"+t.Name.Local+">"] = true
			c.skip = c.depth
			return nil
		}
		c.start(t)
	case xml.EndElement:
		defer func() { c.depth-- }()
		if c.skip > 0 {
			if c.depth == c.skip {
				c.skip = 0
			}
			return nil
		}
		c.out.WriteString("</" + t.Name.Local + ">")
	case xml.CharData:
		if c.skip == 0 && c.depth > 0 {
			_ = xml.EscapeText(&c.out, t)
		}
	case xml.Directive:
		c.removed["DOCTYPE"] = true
	case xml.ProcInst:
		if t.Target != "xml" {
			c.removed["<?"+t.Target+"?>"] = true
		}
	}
	return nil
}

func (c *cleaner) start(t xml.StartElement) {
	c.out.WriteString("<" + t.Name.Local)
	if c.depth == 1 {
		c.out.WriteString(` xmlns="` + svgNS + `"`)
	}
	for _, a := range t.Attr {
		name, ok := c.attribute(a)
		if !ok {
			continue
		}
		c.out.WriteString(" " + name + `="`)
		_ = xml.EscapeText(&c.out, []byte(a.Value))
		c.out.WriteString(`"`)
	}
	c.out.WriteString(">")
}

// attribute decides whether an attribute is kept, and under what name.
func (c *cleaner) attribute(a xml.Attr) (string, bool) {
	local, space := a.Name.Local, a.Name.Space
	switch {
	case space == "xmlns" || (space == "" && local == "xmlns"):
		return "", false // namespaces are written afresh
	case strings.HasPrefix(strings.ToLower(local), "on"):
		c.removed[strings.ToLower(local)+"="] = true
		return "", false
	case local == "href" && (space == "" || space == xlinkNS):
		if !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
			c.removed["href to another file"] = true
			return "", false
		}
		return "href", true
	case space != "" || !attributes[local]:
		c.removed[local+"="] = true
		return "", false
	case !safeValue(a.Value):
		c.removed[local+" with url(), @import or expression"] = true
		return "", false
	}
	return local, true
}

// localURL matches url(#id), the only url() allowed: a reference inside
// the same file, such as a gradient fill.
var localURL = regexp.MustCompile(`(?i)url\(\s*['"]?#[^)'"]*['"]?\s*\)`)

// safeValue rejects values that could load something or run script: any
// url() other than url(#id), @import, expression(), javascript:, and CSS
// escapes that could spell those.
func safeValue(v string) bool {
	l := strings.ToLower(localURL.ReplaceAllString(v, ""))
	for _, bad := range []string{"url(", "@import", "expression(", "javascript:", "\\", "&"} {
		if strings.Contains(l, bad) {
			return false
		}
	}
	return true
}
