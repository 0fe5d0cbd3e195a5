package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/render"

	"golang.org/x/net/html"
)

// kioskSite copies the sample site with the attract loop's idle time set
// to idle seconds and its interval to one, and with external links in a
// brand's body, which the kiosk must show as text.
func kioskSite(t *testing.T, idle int) string {
	t.Helper()
	src := copySite(t)
	yml := filepath.Join(src, "showcase.yaml")
	cfg, err := os.ReadFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	kiosk := regexp.MustCompile(`(?m)^kiosk:.*\n(?:[ \t]+.*\n)*`)
	if !kiosk.Match(cfg) {
		t.Fatalf("showcase.yaml has no kiosk section:\n%s", cfg)
	}
	cfg = kiosk.ReplaceAll(cfg, fmt.Appendf(nil, "kiosk: {idle: %d, interval: 1}\n", idle))
	if err := os.WriteFile(yml, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(src, "content/finance/ledger/index.md")
	body, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	body = append(body, "\n详见[财政局网站](https://czj.example.org/)、<https://example.org/a> 与 www.example.org。\n\n![讲堂照片](photos/2.jpg)\n"...)
	if err := os.WriteFile(md, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

// buildKiosk builds kioskSite for the kiosk target and returns the folder.
func buildKiosk(t *testing.T, idle int) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "kiosk")
	opts := build.Options{Source: kioskSite(t, idle), Dest: dest, Target: render.Kiosk, CacheDir: t.TempDir()}
	if _, err := build.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	return dest
}

// TestKioskLinksStayInFolder checks every link of every kiosk page: it
// must be relative, name a file, and that file must exist in the folder,
// so the folder works from file:// at any path. External links in content
// must appear as text.
func TestKioskLinksStayInFolder(t *testing.T) {
	dest := buildKiosk(t, 90)
	var pages int
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dest, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, link := range pageLinks(data) {
			checkKioskLink(t, dest, filepath.ToSlash(rel), link)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 40 {
		t.Fatalf("checked only %d pages", pages)
	}
	ledger, err := os.ReadFile(filepath.Join(dest, "brands/finance/ledger/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<span class="external-link">财政局网站</span>`, `<span class="external-link">https://example.org/a</span>`} {
		if !bytes.Contains(ledger, []byte(want)) {
			t.Errorf("ledger's page lacks %s", want)
		}
	}
	// The body's own image is a file of the folder, in its sizes (the
	// links above are checked to exist).
	if !regexp.MustCompile(`<img [^>]*srcset=[^>]*alt="?讲堂照片`).Match(ledger) || bytes.Contains(ledger, []byte("data-body-image")) {
		t.Errorf("ledger's page does not show its body image in its sizes")
	}
}

// pageLinks returns the href and src values of a page, with srcset
// candidates split out.
func pageLinks(data []byte) []string {
	var links []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return links
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				switch a.Key {
				case "href", "src", "action", "poster":
					links = append(links, a.Val)
				case "srcset":
					for c := range strings.SplitSeq(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							links = append(links, f[0])
						}
					}
				}
			}
		}
	}
}

func checkKioskLink(t *testing.T, dest, page, link string) {
	t.Helper()
	if strings.HasPrefix(link, "#") {
		return
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: bad link %q: %v", page, link, err)
		return
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(link, "/") {
		t.Errorf("%s: link %q leaves the folder", page, link)
		return
	}
	target := path.Join(path.Dir(page), u.Path)
	if strings.HasPrefix(target, "../") {
		t.Errorf("%s: link %q climbs out of the folder", page, link)
		return
	}
	info, err := os.Stat(filepath.Join(dest, filepath.FromSlash(target)))
	if err != nil || info.IsDir() {
		t.Errorf("%s: link %q names no file (%s)", page, link, target)
	}
}

// TestKioskAttractData checks the attract loop's data: every brand once,
// demonstration brands first, each file it names present in the folder.
func TestKioskAttractData(t *testing.T) {
	dest := buildKiosk(t, 90)
	data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(render.AttractPath)))
	if err != nil {
		t.Fatal(err)
	}
	js, ok := bytes.CutPrefix(bytes.TrimSpace(data), []byte("window.showcaseAttract="))
	if !ok || !bytes.HasSuffix(js, []byte(";")) {
		t.Fatalf("attract.js is not an assignment: %.80s", data)
	}
	var slides []struct{ Name, Unit, Concept, Logo, Photo, Href string }
	if err := json.Unmarshal(bytes.TrimSuffix(js, []byte(";")), &slides); err != nil {
		t.Fatal(err)
	}
	// The sample has 17 brands; the two delisted ones (listed: false)
	// leave the attract loop.
	if len(slides) != 15 {
		t.Fatalf("%d slides, want the sample's 15 listed brands", len(slides))
	}
	for _, s := range slides {
		if s.Name == "悦读驿站" || s.Name == "抢修尖兵" {
			t.Errorf("delisted brand %s is in the attract loop", s.Name)
		}
	}
	// The sample's demonstration brands, in site order.
	featured := map[string]bool{"红色账本": true, "蓝色连心桥": true, "仁心党旗红": true}
	seen := map[string]bool{}
	var photos int
	for i, s := range slides {
		if seen[s.Href] {
			t.Errorf("%s twice", s.Href)
		}
		seen[s.Href] = true
		if (i < len(featured)) != featured[s.Name] {
			t.Errorf("slide %d is %s: demonstration brands must come first", i, s.Name)
		}
		if s.Name == "" || s.Concept == "" || s.Unit == "" {
			t.Errorf("slide %d lacks text: %+v", i, s)
		}
		for _, f := range []string{s.Logo, s.Photo, s.Href} {
			if f == "" {
				continue
			}
			if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
				t.Errorf("slide %d names missing file %s", i, f)
			}
		}
		if s.Photo != "" {
			photos++
			if !strings.Contains(s.Photo, "w.") {
				t.Errorf("slide %d photo %s is not a published size", i, s.Photo)
			}
		}
	}
	if photos == 0 {
		t.Error("no slide has a photo")
	}
}
