package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		removed string // comma-joined, sorted
		has     []string
		hasNot  []string
	}{
		{"plain drawing", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#b71c1c"/></svg>`,
			"", []string{`viewBox="0 0 10 10"`, `<circle cx="5" cy="5" r="4" fill="#b71c1c">`}, nil},
		{"script element", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>`,
			"<script>", []string{"<rect"}, []string{"script", "alert"}},
		{"event handler", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect ONCLICK="x()"/></svg>`,
			"onclick=,onload=", []string{"<rect>"}, []string{"alert", "x()"}},
		{"foreignObject", `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"/></body></foreignObject></svg>`,
			"<foreignObject>", nil, []string{"iframe", "javascript"}},
		{"external use", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://evil.example/x.svg#a"/><use href="#a"/></svg>`,
			"href to another file", []string{`<use href="#a">`}, []string{"evil"}},
		{"javascript href in link", `<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>`,
			"<a>", nil, []string{"javascript", "<rect"}},
		{"style element", `<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>`,
			"<style>", nil, []string{"import", "evil"}},
		{"style with url", `<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(javascript:alert(1))"/><rect style="fill:red"/></svg>`,
			"style with url(), @import or expression", []string{`<rect style="fill:red">`}, []string{"javascript"}},
		{"css escape", `<svg xmlns="http://www.w3.org/2000/svg"><rect style="background:u\72l(x)"/></svg>`,
			"style with url(), @import or expression", nil, []string{`\72`}},
		{"local gradient kept", `<svg xmlns="http://www.w3.org/2000/svg"><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><rect fill="url(#g)"/></svg>`,
			"", []string{`fill="url(#g)"`}, nil},
		{"external fill", `<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/#g)"/></svg>`,
			"fill with url(), @import or expression", nil, []string{"evil"}},
		{"image element", `<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/a.png"/></svg>`,
			"<image>", nil, []string{"evil"}},
		{"animation that sets href", `<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a><animate attributeName="onload"/></svg>`,
			"<a>,<animate>", nil, []string{"javascript", "set"}},
		{"doctype and entities", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"><title>a</title></svg>`,
			"DOCTYPE", []string{"<title>a</title>"}, []string{"ENTITY"}},
		{"editor metadata", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1"><inkscape:grid/><path d="M0 0"/></svg>`,
			"<grid>,version=", []string{`<path d="M0 0">`}, []string{"inkscape"}},
		{"text escaped", `<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;script&gt;</text></svg>`,
			"", []string{"<text>&lt;script&gt;</text>"}, []string{"<script>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Clean([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(res.Removed, ","); got != tt.removed {
				t.Errorf("removed %q, want %q", got, tt.removed)
			}
			out := string(res.SVG)
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(out, s) {
					t.Errorf("output holds %q:\n%s", s, out)
				}
			}
			if _, err := Clean(res.SVG); err != nil {
				t.Errorf("cleaned output does not parse again: %v", err)
			}
			// A build holds every logo until it is published: no spare room.
			if cap(res.SVG) != len(res.SVG) {
				t.Errorf("cleaned output holds %d bytes in %d", len(res.SVG), cap(res.SVG))
			}
		})
	}
}

func TestCleanRefuses(t *testing.T) {
	deep := strings.Repeat("<g>", MaxDepth+1) + strings.Repeat("</g>", MaxDepth+1)
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"html", `<html><body>x</body></html>`, ErrNotSVG},
		{"empty", ``, ErrNotSVG},
		{"png bytes", "\x89PNG\r\n\x1a\n", nil},
		{"unclosed", `<svg xmlns="http://www.w3.org/2000/svg"><g>`, nil},
		{"too deep", `<svg xmlns="http://www.w3.org/2000/svg">` + deep + `</svg>`, nil},
		{"billion laughs", `<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean([]byte(tt.in))
			if err == nil {
				t.Fatal("accepted")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// FuzzClean checks that any input either fails or gives an SVG that holds
// nothing a browser would run or load, whether the SVG is inlined in a page
// (parsed as HTML) or opened as a file (parsed as XML), and that it cleans
// to itself. Text that merely reads like script, such as "javascript:" in
// a <text>, is harmless and allowed.
func FuzzClean(f *testing.F) {
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"><a href="javascript:x"><rect/></a></svg>`)
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(#a)" fill="url(#b)"/></svg>`)
	f.Add(`<svg>jAvAsCript:</svg>`)
	f.Add(`<svg><use href=" &#x6A;avascript:alert(1)"/><text>&lt;script&gt; onload=</text></svg>`)
	f.Add(`<svg><g fill="url( 'https://evil.example/x' )" style="fill:u\72l(x)"/><font color="red"/></svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		res, err := Clean([]byte(in))
		if err != nil {
			return
		}
		if bad := runsInHTML(res.SVG); bad != "" {
			t.Fatalf("cleaned SVG inlined in a page holds %s: %s", bad, res.SVG)
		}
		if bad := runsInXML(res.SVG); bad != "" {
			t.Fatalf("cleaned SVG as a file holds %s: %s", bad, res.SVG)
		}
		again, err := Clean(res.SVG)
		if err != nil || string(again.SVG) != string(res.SVG) {
			t.Fatalf("cleaning is not stable: %v\n%s\n%s", err, res.SVG, again.SVG)
		}
	})
}

// TestOracle checks that the fuzz oracle tells harmless output from what a
// browser would run, so that FuzzClean can fail.
func TestOracle(t *testing.T) {
	tests := []struct {
		svg  string
		safe bool
	}{
		{`<svg xmlns="http://www.w3.org/2000/svg">jAvAsCript:</svg>`, true},
		{`<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;script&gt;alert(1) onload=x @import</text></svg>`, true},
		{`<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(#g)" style="fill:url( '#g' )"/><use href="#a"/></svg>`, true},
		{`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><use href=" &#x6A;ava&#9;script:alert(1)"/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><rect fill="URL(https://evil.example/x)"/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:u\72l(x)"/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><font color="red"><img src="x" onerror="alert(1)"/></font></svg>`, false},
		{`<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x"/></svg>`, false},
	}
	for _, tt := range tests {
		bad := runsInHTML([]byte(tt.svg)) + runsInXML([]byte(tt.svg))
		if (bad == "") != tt.safe {
			t.Errorf("%s: oracle says %q, want safe=%v", tt.svg, bad, tt.safe)
		}
	}
}

// dangerousElements are elements that run script, load other documents or
// style sheets, or change attributes (and so links) over time.
var dangerousElements = map[string]bool{
	"script": true, "style": true, "foreignobject": true, "iframe": true, "frame": true, "object": true,
	"embed": true, "a": true, "image": true, "img": true, "animate": true, "set": true,
	"animatetransform": true, "animatemotion": true, "handler": true, "listener": true,
	"link": true, "meta": true, "base": true, "form": true, "audio": true, "video": true,
}

// runsInHTML parses svg as a page's HTML parser does for inline SVG and
// returns what in it a browser would run or load, or "".
func runsInHTML(svg []byte) string {
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + string(svg)))
	if err != nil {
		return "unparsable HTML: " + err.Error()
	}
	var bad string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && bad == "" {
			if n.Namespace == "" && n.Data != "html" && n.Data != "head" && n.Data != "body" {
				bad = "an HTML element <" + n.Data + "> outside the SVG"
				return
			}
			bad = elementRuns(n.Data, attrsOf(n.Attr))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad
}

func attrsOf(attrs []html.Attribute) [][2]string {
	var out [][2]string
	for _, a := range attrs {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		out = append(out, [2]string{key, a.Val})
	}
	return out
}

// runsInXML reads svg as a browser reads an SVG file and returns what in
// it would run or load, or "".
func runsInXML(svg []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "malformed XML: " + err.Error()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var attrs [][2]string
			for _, a := range t.Attr {
				attrs = append(attrs, [2]string{a.Name.Local, a.Value})
			}
			if bad := elementRuns(t.Name.Local, attrs); bad != "" {
				return bad
			}
		case xml.Directive, xml.ProcInst:
			if p, ok := t.(xml.ProcInst); ok && p.Target == "xml" {
				continue
			}
			return "a directive or processing instruction"
		}
	}
}

// elementRuns judges one element with its decoded attributes.
func elementRuns(name string, attrs [][2]string) string {
	if dangerousElements[strings.ToLower(name)] {
		return "<" + name + ">"
	}
	for _, a := range attrs {
		key, val := strings.ToLower(a[0]), a[1]
		local := key[strings.LastIndex(key, ":")+1:]
		switch {
		case strings.HasPrefix(local, "on"):
			return "event handler " + key
		case local == "href" || local == "src" || local == "action" || local == "formaction":
			if u := squeeze(val); !strings.HasPrefix(u, "#") {
				return key + "=" + val
			}
		default:
			if loads(val) {
				return key + "=" + val
			}
		}
	}
	return ""
}

// squeeze drops what browsers ignore in a URL or CSS value (white space,
// control characters) and lower-cases it.
func squeeze(v string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v))
}

// loads reports whether an attribute value (a presentation attribute or a
// style) could load something or run script: url() other than url(#id),
// @import, expression(), a javascript: URL, or a CSS escape that could
// spell one of them.
func loads(v string) bool {
	u := squeeze(v)
	if strings.Contains(u, "\\") || strings.Contains(u, "@import") || strings.Contains(u, "expression(") || strings.Contains(u, "javascript:") {
		return true
	}
	for rest := u; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[i+4:], "'\"")
		if !strings.HasPrefix(rest, "#") {
			return true
		}
	}
}
