package build_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/cputime"
	"showcase/internal/diag"
	"showcase/internal/render"
)

// testPhoto draws a deterministic photo-like image: gradients with fine
// detail, different for every seed, so each has its own cache key and JPEG
// has real work to do.
func testPhoto(w, h, seed int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			v := (x*7 + y*13 + seed*31) ^ (x * y >> 6)
			m.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(v), uint8(y*255/h + seed), 255})
		}
	}
	return m
}

func jpegBytes(tb testing.TB, m image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// writePhotoSite writes a site of brands brands with perBrand generated
// photos of w×h each, encoding them on every core.
func writePhotoSite(tb testing.TB, brands, perBrand, w, h int) string {
	tb.Helper()
	dir := tb.TempDir()
	files := map[string][]byte{
		"showcase.yaml":      []byte(testConfig),
		"content/u/_unit.md": []byte(unitFile("测试单位", "")),
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for b := range brands {
		var names []string
		for i := range perBrand {
			name := fmt.Sprintf("photos/%d.jpg", i+1)
			names = append(names, name)
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				data := jpegBytes(tb, testPhoto(w, h, b*perBrand+i))
				<-sem
				mu.Lock()
				files[fmt.Sprintf("content/u/b%d/%s", b, name)] = data
				mu.Unlock()
			}()
		}
		logo := "logo.svg"
		switch b {
		case 0:
			logo = "logo.png"
		case 1:
			logo = "logo.jpg"
		}
		index := strings.Replace(brandFile("测试品牌"+string(rune('甲'+b)), "cultivating", "2020-06-30", "photos: ["+strings.Join(names, ", ")+"]"),
			"logo: logo.svg", "logo: "+logo, 1)
		// The photos' goroutines write the map too.
		mu.Lock()
		if logo == "logo.svg" {
			files[fmt.Sprintf("content/u/b%d/logo.svg", b)] = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#9e1b1e"/></svg>`)
		}
		files[fmt.Sprintf("content/u/b%d/index.md", b)] = []byte(index)
		mu.Unlock()
	}
	wg.Wait()
	transparent := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	transparent.SetNRGBA(150, 150, color.NRGBA{158, 27, 30, 255})
	var logo bytes.Buffer
	if err := png.Encode(&logo, transparent); err != nil {
		tb.Fatal(err)
	}
	files["content/u/b0/logo.png"] = logo.Bytes()
	files["content/u/b1/logo.jpg"] = jpegBytes(tb, testPhoto(400, 400, 99))
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func buildWithCache(tb testing.TB, source, dest, cache string) build.Result {
	tb.Helper()
	// Fresh: a rebuild would keep the photos of the last output and never
	// ask the image cache.
	res, err := build.Run(context.Background(), build.Options{Source: source, Dest: dest, Target: render.Web, CacheDir: cache, Fresh: true})
	if err != nil {
		tb.Fatalf("build: %v (%v)", err, res.Diagnostics)
	}
	return res
}

// TestSecondBuildDecodesNothing builds a site with photos and raster logos
// twice on one cache: the second build decodes no image and publishes the
// same bytes.
func TestSecondBuildDecodesNothing(t *testing.T) {
	src := writePhotoSite(t, 3, 2, 900, 600)
	cache := t.TempDir()
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")

	first := buildWithCache(t, src, a, cache)
	if want := (build.Result{}).Images; first.Images.Decoded != 3*2+2 || first.Images.Reused != want.Reused {
		t.Fatalf("first build: %+v, want 8 decoded (6 photos, 2 raster logos) and none reused", first.Images)
	}
	second := buildWithCache(t, src, b, cache)
	if second.Images.Decoded != 0 || second.Images.Reused != 8 {
		t.Fatalf("second build: %+v, want nothing decoded and 8 reused", second.Images)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("builds wrote %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between the cold and the warm build", name)
		}
	}
}

// TestPhotosPublished checks what a brand page and its folder get: sizes
// with srcset, width and height, lazy loading and the gallery script; no
// original photo; logos under their own names, without metadata.
func TestPhotosPublished(t *testing.T) {
	src := writePhotoSite(t, 3, 1, 1700, 850)
	dest := filepath.Join(t.TempDir(), "public")
	buildWithCache(t, src, dest, t.TempDir())
	out := readTree(t, dest)
	page := string(out["brands/u/b2/index.html"])
	for _, want := range []string{`srcset="/brands/u/b2/photos/1-480w.`, ` 480w, /brands/u/b2/photos/1-960w.`, `1600w"`,
		`sizes="`, `width="1600" height="800"`, `loading="lazy"`, `src="/js/gallery.`, `data-gallery`} {
		if !strings.Contains(page, want) {
			t.Errorf("brand page lacks %q", want)
		}
	}
	if _, ok := out["brands/u/b2/photos/1.jpg"]; ok {
		t.Error("the original photo is published")
	}
	var sizes int
	for name, data := range out {
		if strings.HasPrefix(name, "brands/u/b2/photos/") {
			sizes++
		}
		if (strings.HasSuffix(name, ".jpg") || strings.HasSuffix(name, ".png")) && bytes.Contains(data, []byte("Exif")) {
			t.Errorf("%s holds EXIF metadata", name)
		}
	}
	if sizes != 3 {
		t.Errorf("brand b2 has %d published photo files, want 3 (one photo in 3 sizes)", sizes)
	}
	if logo := out["brands/u/b0/logo.png"]; !bytes.HasPrefix(logo, []byte("\x89PNG")) {
		t.Error("the PNG logo is not published as a PNG under its own name")
	}
	if logo := out["brands/u/b1/logo.jpg"]; !bytes.HasPrefix(logo, []byte("\xff\xd8")) {
		t.Error("the JPEG logo is not published as a JPEG under its own name")
	}
}

// TestCheckImages reports a broken photo as an error and a small one as a
// warning, each at its item in the photos list.
func TestCheckImages(t *testing.T) {
	fsys := testSite(map[string]string{
		"content/u/_unit.md":   unitFile("测试单位", ""),
		"content/u/b/index.md": brandFile("测试品牌甲", "cultivating", "2020-06-30", "photos:\n  - photos/ok.jpg\n  - photos/broken.jpg\n  - photos/small.jpg"),
	})
	fsys["content/u/b/photos/ok.jpg"] = mapFile(jpegBytes(t, testPhoto(1200, 800, 1)))
	// It starts like a JPEG, so it passes the schema's sniffing, but is not one.
	fsys["content/u/b/photos/broken.jpg"] = mapFile([]byte("\xff\xd8\xff\xe0 the rest is not a JPEG"))
	fsys["content/u/b/photos/small.jpg"] = mapFile(jpegBytes(t, testPhoto(400, 300, 2)))
	_, diags, err := build.Load(context.Background(), fsys, build.LoadOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		if strings.HasPrefix(d.Rule, "photo/") {
			got = append(got, fmt.Sprintf("%s %s %s", d.Pos, d.Severity, d.Rule))
		}
	}
	// photos: is line 12 of the file, its items lines 13 to 15.
	want := []string{
		"content/u/b/index.md:14:5 " + diag.Error.String() + " photo/undecodable",
		"content/u/b/index.md:15:5 " + diag.Warning.String() + " photo/small",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// BenchmarkPhotos200 builds a site of 20 brands with 10 photos each,
// 2400×1600 like a photo sent through a messaging app: cold, on an empty
// image cache, and warm, on the cache the last cold build filled. Besides
// wall time it reports the process's CPU time, which a busy machine does
// not inflate as much.
func BenchmarkPhotos200(b *testing.B) {
	src := writePhotoSite(b, 20, 10, 2400, 1600)
	dest := filepath.Join(b.TempDir(), "public")
	caches := b.TempDir()
	var filled string
	b.Run("cold", func(b *testing.B) {
		cpu := cputime.Used()
		for b.Loop() {
			cache, err := os.MkdirTemp(caches, "cold-")
			if err != nil {
				b.Fatal(err)
			}
			res := buildWithCache(b, src, dest, cache)
			b.ReportMetric(float64(res.Images.Decoded), "decoded/op")
			filled = cache
		}
		cputime.Report(b, b.N, cpu)
	})
	b.Run("warm", func(b *testing.B) {
		if filled == "" { // the cold run was filtered out
			filled = filepath.Join(caches, "warm")
			buildWithCache(b, src, dest, filled)
		}
		cpu := cputime.Used()
		for b.Loop() {
			res := buildWithCache(b, src, dest, filled)
			if res.Images.Decoded != 0 {
				b.Fatalf("warm build decoded %d images", res.Images.Decoded)
			}
			b.ReportMetric(float64(res.Images.Decoded), "decoded/op")
		}
		cputime.Report(b, b.N, cpu)
	})
}

func mapFile(data []byte) *fstest.MapFile { return &fstest.MapFile{Data: data} }
