package svgsafe

import (
	"errors"
	"strings"
	"testing"
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
// no script-capable construct and cleans to itself.
func FuzzClean(f *testing.F) {
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"><a href="javascript:x"><rect/></a></svg>`)
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(#a)" fill="url(#b)"/></svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		res, err := Clean([]byte(in))
		if err != nil {
			return
		}
		low := strings.ToLower(string(res.SVG))
		for _, bad := range []string{"<script", "<foreignobject", " on", "javascript:", "<style", "@import"} {
			if strings.Contains(low, bad) && !strings.Contains(low, "<text") {
				t.Fatalf("cleaned SVG holds %q: %s", bad, res.SVG)
			}
		}
		again, err := Clean(res.SVG)
		if err != nil || string(again.SVG) != string(res.SVG) {
			t.Fatalf("cleaning is not stable: %v\n%s\n%s", err, res.SVG, again.SVG)
		}
	})
}
