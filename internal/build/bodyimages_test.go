package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"
)

// TestBodyImagesChecked checks every way a body image can go wrong, on
// both targets, each at its line and column in the file.
func TestBodyImagesChecked(t *testing.T) {
	// brandFile's body starts on line 14.
	body := strings.Join([]string{
		/* 15 */ "",
		/* 16 */ "![讲堂](photos/big.jpg)",
		/* 17 */ "",
		/* 18 */ "见 ![外链](https://other.host/x.png)",
		/* 19 */ "",
		/* 20 */ "![上级](../other/x.jpg)",
		/* 21 */ "",
		/* 22 */ "![文档](notes.txt)",
		/* 23 */ "",
		/* 24 */ "  ![坏图](photos/broken.jpg)",
		/* 25 */ "",
		/* 26 */ "![好图](photos/ok.jpg) ![好图](./photos/ok.jpg)",
	}, "\n")
	fsys := testSite(map[string]string{
		"content/u/_unit.md":    unitFile("测试单位", "") + "\n![单位](a.jpg)\n",
		"content/u/b/index.md":  brandFile("测试品牌甲", "cultivating", "2020-06-30") + body + "\n",
		"content/u/b/notes.txt": "x",
	})
	fsys["content/u/b/photos/ok.jpg"] = mapFile(jpegBytes(t, testPhoto(1200, 800, 1)))
	fsys["content/u/b/photos/broken.jpg"] = mapFile([]byte("\xff\xd8\xff\xe0 the rest is not a JPEG"))
	want := []string{
		"content/u/_unit.md:5:1 error schema/body-image",
		"content/u/b/index.md:16:1 error schema/missing-file",
		"content/u/b/index.md:18:3 error markdown/remote-image",
		"content/u/b/index.md:20:1 error schema/file-path",
		"content/u/b/index.md:22:1 error schema/file-kind",
		"content/u/b/index.md:24:3 error photo/undecodable",
	}
	for _, kiosk := range []bool{false, true} {
		t.Run(fmt.Sprint("kiosk=", kiosk), func(t *testing.T) {
			s, diags, err := build.Load(context.Background(), fsys, build.LoadOptions{Kiosk: kiosk}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%s %s %s", d.Pos, d.Severity, d.Rule))
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			if b := s.Brands[0]; len(b.BodyImages) != 1 || b.BodyImages[0] != "photos/ok.jpg" {
				t.Errorf("images to publish: %+v", b.BodyImages)
			}
		})
	}
}

// TestBodyImagePublished checks that an image of the bundle shown in the
// body, and in no photos list, is published resized like a photo and
// shown with its sizes, on both targets.
func TestBodyImagePublished(t *testing.T) {
	src := writePhotoSite(t, 3, 1, 1700, 850)
	if err := os.WriteFile(filepath.Join(src, "content/u/b2/photos/extra.jpg"), jpegBytes(t, testPhoto(1600, 1200, 7)), 0o644); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(src, "content/u/b2/index.md")
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\n![讲堂全景](photos/extra.jpg \"2023 年\")\n\n![同一张照片](photos/1.jpg)\n"...)
	if err := os.WriteFile(index, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []render.Target{render.Web, render.Kiosk} {
		t.Run(string(target), func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest, Target: target, CacheDir: t.TempDir()})
			if err != nil {
				t.Fatalf("build: %v (%v)", err, res.Diagnostics)
			}
			out := readTree(t, dest)
			page := string(out["brands/u/b2/index.html"])
			img := regexp.MustCompile(`<img [^>]*alt="?讲堂全景"?[^>]*>`).FindString(page)
			if img == "" {
				t.Fatalf("no body image in the page:\n%s", page)
			}
			unquoted := strings.ReplaceAll(img, `"`, "")
			for _, want := range []string{`photos/extra-480w.`, `photos/extra-1600w.`, `1600w`, `width=1600`, `height=1200`, `sizes=`, `title=2023 年`} {
				if !strings.Contains(unquoted, want) {
					t.Errorf("body image %s lacks %q", img, want)
				}
			}
			if strings.Contains(page, "data-body-image") {
				t.Error("a placeholder is left in the page")
			}
			var sizes int
			for name := range out {
				if strings.HasPrefix(name, "brands/u/b2/photos/extra-") {
					sizes++
				}
			}
			if sizes != 3 {
				t.Errorf("%d sizes of the body image published, want 3", sizes)
			}
			if _, ok := out["brands/u/b2/photos/extra.jpg"]; ok {
				t.Error("the original body image is published")
			}
			// Every image the page shows is a file of the output.
			for _, m := range regexp.MustCompile(`<img [^>]*src="?([^" >]+)`).FindAllStringSubmatch(page, -1) {
				file := strings.TrimPrefix(m[1], "/")
				if target == render.Kiosk {
					file = filepath.ToSlash(filepath.Join("brands/u/b2", m[1]))
				}
				if _, ok := out[file]; !ok && !strings.HasPrefix(m[1], "data:") {
					t.Errorf("page shows %s, which is not in the output", m[1])
				}
			}
		})
	}
}
