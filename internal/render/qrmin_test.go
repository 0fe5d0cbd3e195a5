package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"showcase/internal/publish"
)

// TestQRPathMinified holds qrPathMinified to what the minifier makes of
// qrPath inside a page, for codes small and large enough to have
// coordinates of 100 and more.
func TestQRPathMinified(t *testing.T) {
	mn := publish.NewMinifier()
	r := rand.New(rand.NewPCG(5, 6))
	texts := []string{"https://brands.example.org/brands/finance/ledger/", "x"}
	for i := 0; i < 60; i++ {
		texts = append(texts, "https://brands.example.org/"+strings.Repeat("abcdefghij/", r.IntN(30)))
	}
	for _, text := range texts {
		code, err := encodeQR(text)
		if err != nil {
			t.Fatal(err)
		}
		page := fmt.Sprintf("<!doctype html><html><body><p>a</p>\n%s\n<p>b</p></body></html>", qrSVG(text, code.Size(), qrPath(code)))
		min, err := mn.Minify("index.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		_, after, _ := bytes.Cut(min, []byte(`<path fill="#000" d="`))
		want, _, _ := bytes.Cut(after, []byte(`"`))
		if got := qrPathMinified(code); !bytes.Equal(got, want) {
			t.Fatalf("%q (size %d):\ngot  %s\nwant %s", text, code.Size(), got, want)
		}
	}
}

func BenchmarkQRSpliced(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		code, err := encodeQR(fmt.Sprintf("https://brands.example.org/brands/u%04d/b%06d/", i%10000, i))
		if err != nil {
			b.Fatal(err)
		}
		qrPathMinified(code)
	}
}
