package render

import (
	"bytes"
	"strings"
	"testing"

	rscqr "rsc.io/qr"
)

// TestEncodeQRMatchesLibrary holds encodeQR, which keeps one plan per
// version, to the code rsc.io/qr's own Encode makes: every data encoding
// (digits, upper case, bytes), versions small and large, and the error for
// a text too long for any version.
func TestEncodeQRMatchesLibrary(t *testing.T) {
	texts := []string{
		"", "0", "0123456789", "HTTPS://BRANDS.EXAMPLE.ORG/", "x",
		"https://brands.example.org/brands/finance/ledger/",
		"https://示例市.example.org/品牌/党建引领/",
		strings.Repeat("9", 7089), strings.Repeat("9", 7090),
		strings.Repeat("AB", 1000), strings.Repeat("ab/", 900),
	}
	for n := 1; n < 400; n += 13 {
		texts = append(texts, strings.Repeat("u", n), strings.Repeat("7", n*3))
	}
	for _, text := range texts {
		checkEncodeQR(t, text)
	}
}

func FuzzEncodeQR(f *testing.F) {
	f.Add("https://brands.example.org/brands/u0001/b00001/")
	f.Add("0123")
	f.Add("ABC 123")
	f.Fuzz(checkEncodeQR)
}

func checkEncodeQR(t *testing.T, text string) {
	want, wantErr := rscqr.Encode(text, rscqr.M)
	got, err := encodeQR(text)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%.40q: error %v, want %v", text, err, wantErr)
	}
	if err != nil {
		return
	}
	if got.c.Size != want.Size || got.c.Stride != want.Stride || got.c.Scale != want.Scale || !bytes.Equal(got.c.Bitmap, want.Bitmap) {
		t.Fatalf("%.40q: code differs from rsc.io/qr's (size %d, want %d)", text, got.c.Size, want.Size)
	}
}
