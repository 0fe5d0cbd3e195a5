package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		safe bool
	}{
		{"https://example.org/a", true},
		{"http://example.org", true},
		{"mailto:office@example.org", true},
		{"tel:+86-10-12345678", true},
		{"../ledger/", true},
		{"photos/1.jpg", true},
		{"#concept", true},
		{"?q=1", true},
		{"//example.org/x", true},
		{"/a:b", true},
		{"javascript:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{" javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"&#106;avascript:alert(1)", false},
		{"&#x6A;avascript:alert(1)", false},
		{"javascript&colon;alert(1)", false},
		{"\u0000javascript:alert(1)", false},
		{"vbscript:msgbox(1)", false},
		{"VBScript:msgbox(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"data:image/png;base64,AAAA", false},
		{"file:///etc/passwd", false},
		{"ftp://example.org", false},
		{"blob:https://example.org/x", false},
	}
	for _, tt := range tests {
		if got := SafeURL(tt.url); got != tt.safe {
			t.Errorf("SafeURL(%q) = %v, want %v", tt.url, got, tt.safe)
		}
	}
}

func TestRenderFindings(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []Finding
		html    string // must be in the output
		notHTML string // must not be in the output
	}{
		{"javascript link", "正文 [点我](javascript:alert(1)) 结束",
			[]Finding{{1, 4, "url", "javascript:alert(1)"}}, "点我", "href"},
		{"entity javascript link", "x\n\n[a](&#106;avascript:alert(1))",
			[]Finding{{3, 1, "url", "&#106;avascript:alert(1)"}}, ">a<", "href"},
		{"data image", "![图](data:image/svg+xml;base64,PHN2Zz4=)",
			[]Finding{{1, 1, "url", "data:image/svg+xml;base64,PHN2Zz4="}}, "图", "<img"},
		{"autolink", "<vbscript:msgbox(1)>",
			[]Finding{{1, 1, "url", "vbscript:msgbox(1)"}}, "vbscript:msgbox(1)", "href"},
		{"html block", "段落\n\n<script>alert(1)</script>\n",
			[]Finding{{3, 1, "html", "<script>alert(1)</script>"}}, "段落", "<script"},
		{"inline html", "你好 <b onclick=\"x()\">粗</b>",
			[]Finding{{1, 4, "html", "<b onclick=\"x()\">"}}, "粗", "onclick"},
		{"safe link", "[官网](https://example.org)", nil, `href="https://example.org"`, ""},
		{"table alignment", "| a |\n|--:|\n| 1 |", nil, `align="right"`, "style="},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Findings) != len(tt.want) {
				t.Fatalf("findings = %+v, want %+v", doc.Findings, tt.want)
			}
			for i, f := range doc.Findings {
				if f != tt.want[i] {
					t.Errorf("finding %d = %+v, want %+v", i, f, tt.want[i])
				}
			}
			out := string(doc.HTML)
			if !strings.Contains(out, tt.html) {
				t.Errorf("output lacks %q:\n%s", tt.html, out)
			}
			if tt.notHTML != "" && strings.Contains(out, tt.notHTML) {
				t.Errorf("output holds %q:\n%s", tt.notHTML, out)
			}
		})
	}
}

// TestCJKLineBreaks checks a line break between Chinese characters adds no
// space, as it would in English.
func TestCJKLineBreaks(t *testing.T) {
	doc, err := New().Render([]byte("党建品牌\n创建工作"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc.HTML), "党建品牌创建工作") {
		t.Errorf("got %s", doc.HTML)
	}
	if doc.Text != "党建品牌创建工作" {
		t.Errorf("text = %q", doc.Text)
	}
}

// checkSafeHTML parses out as HTML and reports a script-capable element,
// an event-handler attribute or a URL attribute with a disallowed scheme.
func checkSafeHTML(out []byte) string {
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "base", "form", "meta", "link", "svg", "math":
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
					return "attribute " + a.Key
				}
				if (key == "href" || key == "src" || key == "action" || key == "xlink:href") && !SafeURL(a.Val) {
					return key + "=" + a.Val
				}
			}
		}
	}
}

// FuzzRender renders arbitrary Markdown and fails if the output could run
// script. The seeds cover the attack classes of the untrusted-content rules.
func FuzzRender(f *testing.F) {
	seeds := []string{
		"[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](&#106;avascript:alert(1))",
		"[x](java\tscript:alert(1))", "[x](<javascript:alert(1)>)", "<javascript:alert(1)>",
		"![x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)", "<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>", "<a href=\"javascript:x\">a</a>", "<svg onload=alert(1)>",
		"<iframe src=//example.org></iframe>", "<style>body{background:url(javascript:x)}</style>",
		"[x]: javascript:alert(1)\n\n[y][x]", "`<script>`", "```\n<script>\n```", "{{ .Site }}",
		"| a |\n|--:|\n| <b onclick=x> |", "www.example.org/<script>", "https://a.example/\"onmouseover=x",
		"[a](https://example.org \"t\\\" onclick=x\")", "<!-- x --><script>", "&lt;script&gt;",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	for _, c := range pathological() {
		f.Add(c.src[:min(len(c.src), 16<<10)])
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		start := now()
		doc, err := r.Render([]byte(src))
		if took, budget := now()-start, renderBudget(len(src)); took > budget {
			t.Fatalf("%d bytes took %v, over the budget of %v (1 s per 100 KB)", len(src), took, budget)
		}
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, f := range doc.Findings {
			if f.Line < 1 || f.Line > lines || f.Col < 1 {
				t.Fatalf("finding %+v outside the body of %d lines", f, lines)
			}
		}
		if bad := checkSafeHTML([]byte(doc.HTML)); bad != "" {
			t.Fatalf("unsafe output (%s) from %q:\n%s", bad, src, doc.HTML)
		}
	})
}

// renderBudget is the most time rendering n bytes may take: a second per
// 100 KB, and never less than a second, so a busy machine does not fail a
// small input.
func renderBudget(n int) time.Duration {
	return max(time.Second, time.Duration(n)*time.Second/(100<<10)) * raceSlowdown
}
