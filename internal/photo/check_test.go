package photo

import (
	"testing"
	"testing/fstest"

	"showcase/internal/diag"
)

func TestCheck(t *testing.T) {
	big := encodeJPEG(t, quadrants(1000, 600, upright))
	portrait := encodeJPEG(t, quadrants(600, 1000, upright))
	small := encodeJPEG(t, quadrants(640, 480, upright))
	fsys := fstest.MapFS{
		"big.jpg":       {Data: big},
		"portrait.jpg":  {Data: portrait},
		"small.jpg":     {Data: small},
		"broken.jpg":    {Data: []byte("not a photo")},
		"bomb.png":      {Data: bomb()},
		"truncated.png": {Data: encodePNG(t, quadrants(900, 900, upright))[:20]},
	}
	pos := diag.Position{File: "content/u/b/index.md", Line: 7, Col: 11}
	for _, c := range []struct {
		file string
		use  Use
		rule string
		sev  diag.Severity
	}{
		{"big.jpg", PhotoUse, "", 0},
		{"portrait.jpg", PhotoUse, "", 0},
		{"small.jpg", PhotoUse, "photo/small", diag.Warning},
		{"small.jpg", LogoUse, "", 0},
		{"broken.jpg", PhotoUse, "photo/undecodable", diag.Error},
		{"broken.jpg", LogoUse, "logo/undecodable", diag.Error},
		{"truncated.png", PhotoUse, "photo/undecodable", diag.Error},
		{"bomb.png", PhotoUse, "photo/too-large", diag.Error},
		{"missing.jpg", PhotoUse, "", 0},
	} {
		got := Check(fsys, c.file, c.use, pos)
		if c.rule == "" {
			if len(got) != 0 {
				t.Errorf("%s: unexpected findings %v", c.file, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Rule != c.rule || got[0].Severity != c.sev || got[0].Pos != pos {
			t.Errorf("%s: got %v, want one %s %s at %s", c.file, got, c.sev, c.rule, pos)
		}
	}
}
