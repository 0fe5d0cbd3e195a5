package markdown

import (
	"strings"
	"testing"
)

func TestPlainExternalLinks(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // in the kiosk HTML
		wantWeb   string // in the web HTML
	}{
		{"link", "见[财政局官网](https://example.org/a)。", `见<span class="external-link">财政局官网</span>。`, `<a href="https://example.org/a">财政局官网</a>`},
		{"http", "[旧站](http://example.org)", `<span class="external-link">旧站</span>`, `<a href="http://example.org">`},
		{"protocol relative", "[站](//example.org/x)", `<span class="external-link">站</span>`, `<a href="//example.org/x">`},
		{"mailto", "[来信](mailto:office@example.org)", `<span class="external-link">来信</span>`, `<a href="mailto:`},
		{"autolink", "<https://example.org/b>", `<span class="external-link">https://example.org/b</span>`, `<a href="https://example.org/b">`},
		{"linkify", "访问 www.example.org 了解", `<span class="external-link">www.example.org</span>`, `<a href="http://www.example.org">`},
		{"image from another host is left out on both", "![活动照片](https://example.org/p.jpg)", `<p>活动照片</p>`, `<p>活动照片</p>`},
		{"emphasis inside", "[**重点**链接](https://example.org)", `<span class="external-link"><strong>重点</strong>链接</span>`, `<a href="https://example.org"><strong>`},
		{"relative kept", "[蓝桥](../lanqiao/)", `<a href="../lanqiao/">蓝桥</a>`, `<a href="../lanqiao/">蓝桥</a>`},
		{"anchor kept", "[理念](#concept)", `<a href="#concept">理念</a>`, `<a href="#concept">理念</a>`},
		{"unsafe still dropped", "[点我](javascript:alert(1))", `<p>点我</p>`, `<p>点我</p>`},
	}
	kiosk, web := New(PlainExternalLinks()), New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := kiosk.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := string(doc.HTML)
			if !strings.Contains(got, tt.want) {
				t.Errorf("kiosk HTML %q does not contain %q", got, tt.want)
			}
			if strings.Contains(got, "<a ") && strings.Contains(tt.want, "external-link") {
				t.Errorf("kiosk HTML %q still links", got)
			}
			if strings.Contains(got, "<img") {
				t.Errorf("kiosk HTML %q shows an external image", got)
			}
			wdoc, err := web.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(wdoc.HTML), tt.wantWeb) {
				t.Errorf("web HTML %q does not contain %q", wdoc.HTML, tt.wantWeb)
			}
			// The web's plain text leaves autolinks out (they have no Text
			// child); the kiosk's keeps them as words.
			if doc.Text != wdoc.Text && !strings.Contains(tt.name, "autolink") && tt.name != "linkify" {
				t.Errorf("plain text differs: kiosk %q, web %q", doc.Text, wdoc.Text)
			}
		})
	}
}

func TestExternal(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://example.org": true, "HTTP://x": true, "//cdn.example.org/a.js": true,
		"mailto:a@b": true, "../a/": false, "a/b.jpg": false, "#x": false, "?q=1": false, "/a:b": false, "": false,
	} {
		if got := External(dest); got != want {
			t.Errorf("External(%q) = %v, want %v", dest, got, want)
		}
	}
}
