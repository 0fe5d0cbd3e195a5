package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestBodyImages(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		images   []string // "line:col name"
		findings []string // "line:col kind"
		html     string   // in the output
	}{
		{"relative", "正文\n\n![讲堂](photos/big.jpg)", []string{"3:1 photos/big.jpg"}, nil,
			`<img data-body-image="photos/big.jpg" alt="讲堂">`},
		{"dot slash, escapes, query", "前言 ![a *b*](./photos/%E8%AE%B2%20x.jpg?v=2 \"标题\")", []string{"1:4 photos/讲 x.jpg"}, nil,
			`<img data-body-image="photos/讲 x.jpg" alt="a b" title="标题">`},
		{"outside the bundle is recorded for the check", "![x](../other/x.jpg)", []string{"1:1 ../other/x.jpg"}, nil, `data-body-image="../other/x.jpg"`},
		{"reference image", "![图][p]\n\n[p]: photos/1.jpg", []string{"1:1 photos/1.jpg"}, nil, `data-body-image="photos/1.jpg"`},
		{"https", "第一行\n  ![外链](https://other.host/x.png)", nil, []string{"2:3 remote-image"}, "<p>第一行外链</p>"},
		{"protocol relative", "![x](//other.host/x.png)", nil, []string{"1:1 remote-image"}, "<p>x</p>"},
		{"http in a table", "| a |\n|---|\n| ![x](http://h/x.png) |", nil, []string{"3:3 remote-image"}, "<td>x</td>"},
		{"data stays an unsafe URL", "![x](data:image/png;base64,AAAA)", nil, []string{"1:1 url"}, "<p>x</p>"},
		{"quote in the name is escaped", `![x](a%22onerror=alert(1).jpg)`, []string{`1:1 a"onerror=alert(1).jpg`}, nil, `data-body-image="a&#34;onerror=alert(1).jpg"`},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var images, findings []string
			for _, im := range doc.Images {
				images = append(images, fmt.Sprintf("%d:%d %s", im.Line, im.Col, im.Name))
			}
			for _, f := range doc.Findings {
				findings = append(findings, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Kind))
			}
			if !slices.Equal(images, tt.images) {
				t.Errorf("images %q, want %q", images, tt.images)
			}
			if !slices.Equal(findings, tt.findings) {
				t.Errorf("findings %q, want %q", findings, tt.findings)
			}
			if !strings.Contains(string(doc.HTML), tt.html) {
				t.Errorf("HTML %q lacks %q", doc.HTML, tt.html)
			}
			if strings.Contains(string(doc.HTML), "src=") {
				t.Errorf("HTML %q loads something before it is resolved", doc.HTML)
			}
		})
	}
}

func TestResolveImages(t *testing.T) {
	doc, err := New().Render([]byte("![讲堂](photos/big.jpg) 和 ![&\"](a%26b.jpg)"))
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	got := ResolveImages([]byte("<main>"+string(doc.HTML)+"</main>"), func(name string) string {
		asked = append(asked, name)
		return `src="/b/` + name + `" width="1"`
	})
	want := `<main><p><img src="/b/photos/big.jpg" width="1" alt="讲堂"> 和 <img src="/b/a&b.jpg" width="1" alt="&amp;&#34;"></p>` + "\n</main>"
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !slices.Equal(asked, []string{"photos/big.jpg", "a&b.jpg"}) {
		t.Errorf("asked for %q", asked)
	}
	page := []byte("<p>no images</p>")
	if out := ResolveImages(page, nil); &out[0] != &page[0] {
		t.Errorf("a page without images was copied")
	}
}
