package printpdf_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/printpdf"
	"showcase/internal/render"
	"showcase/internal/site"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// repoRoot is the sample site: the repository itself.
const repoRoot = "../.."

// loadSite loads a site's model, for the brands a print should hold.
func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	s, diags, err := build.Load(context.Background(), os.DirFS(dir), build.LoadOptions{}, nil)
	if err != nil || s == nil || diags.Err() != nil {
		t.Fatalf("load %s: %v %v", dir, err, diags)
	}
	return s
}

// printSite prints a site's plaques through Run and writes the PDF into
// the test's folder.
func printSite(t *testing.T, opts printpdf.Options) (string, printpdf.Result) {
	t.Helper()
	opts.Chromium = browsertest.Require(t)
	// As the browser tests do, so both run wherever either runs.
	opts.NoSandbox = true
	pdf, res, err := printpdf.Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("print %s: %v\n%v", opts.Source, err, res.Build.Diagnostics)
	}
	file := filepath.Join(t.TempDir(), "plaques.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file, res
}

// squash drops white space, which pdftotext puts between letter-spaced
// characters as it likes.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// checkSheets checks that a PDF has one sheet per brand, in order, at the
// site's paper, each holding its brand's name.
func checkSheets(t *testing.T, file string, s *site.Site, brands []*site.Brand) {
	t.Helper()
	info := pdfInfo(t, file)
	if info.pages != len(brands) {
		t.Fatalf("%d pages, want one per brand: %d", info.pages, len(brands))
	}
	checkPaper(t, info, s.Config.Plaque.Size, s.Config.Plaque.Orientation)
	for i, b := range brands {
		if text := squash(pdfText(t, file, i+1)); !strings.Contains(text, squash(b.Name)) {
			t.Errorf("sheet %d does not hold %s's name %q:\n%s", i+1, b.ID, b.Name, text)
		}
	}
}

// checkQRCodes checks that the sheets at indexes hold one QR code each,
// and that it decodes to its brand's page under the site's base URL.
func checkQRCodes(t *testing.T, file string, s *site.Site, brands []*site.Brand, dpi int, indexes ...int) {
	t.Helper()
	info := pdfInfo(t, file)
	for _, i := range indexes {
		want := strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + brands[i].Path()
		if got := decodeQRCode(t, file, info, i+1, dpi); !slices.Equal(got, []string{want}) {
			t.Errorf("sheet %d: QR codes %q, want %q", i+1, got, want)
		}
	}
}

// TestSamplePlaques prints every plaque of the sample site: one sheet per
// named brand (a status with plaque: true) at the configured paper, in unit order, with no blank sheet, each
// holding its brand's name. The first and the last sheet are rendered, and
// their QR codes decode to their own brands' pages, so the codes are
// readable in print and the sheets are not shifted.
func TestSamplePlaques(t *testing.T) {
	s := loadSite(t, repoRoot)
	file, res := printSite(t, printpdf.Options{Source: repoRoot})
	if res.Sheets != len(s.Plaqued) {
		t.Errorf("printed %d plaques, want %d", res.Sheets, len(s.Plaqued))
	}
	checkSheets(t, file, s, s.Plaqued)
	checkQRCodes(t, file, s, s.Plaqued, 100, 0, len(s.Plaqued)-1)
}

// TestUnitPlaques prints one unit's plaques only.
func TestUnitPlaques(t *testing.T) {
	s := loadSite(t, repoRoot)
	u := s.UnitByID("hospital")
	if u == nil || len(u.Plaqued) == 0 {
		t.Fatal("the sample has no unit hospital with plaques")
	}
	file, res := printSite(t, printpdf.Options{Source: repoRoot, Unit: u.ID})
	if res.Sheets != len(u.Plaqued) {
		t.Errorf("printed %d plaques, want %d", res.Sheets, len(u.Plaqued))
	}
	checkSheets(t, file, s, u.Plaqued)
}

// TestUnknownUnit names the units that can be printed; it needs no browser.
func TestUnknownUnit(t *testing.T) {
	_, _, err := printpdf.Run(context.Background(), printpdf.Options{Source: repoRoot, Unit: "nowhere"})
	var ue *printpdf.UnitError
	if !errors.As(err, &ue) {
		t.Fatalf("error %v, want a *UnitError", err)
	}
	if !slices.Contains(ue.Known, "finance") {
		t.Errorf("known units %q, want finance among them", ue.Known)
	}
}

// TestNoChromium reports a missing browser as ErrNoChromium.
func TestNoChromium(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "chromium")
	_, _, err := printpdf.Run(context.Background(), printpdf.Options{Source: repoRoot, Chromium: missing})
	if !errors.Is(err, printpdf.ErrNoChromium) {
		t.Fatalf("error %v, want ErrNoChromium", err)
	}
}

// TestDensePlaqueA4Portrait prints the most a plaque must hold, an
// eight-character name, a 300-character concept and all six ideas, beside
// a plaque with only the required fields, on A4 portrait: one sheet each,
// both with working QR codes, and the dense plaque's own page prints alone
// on one sheet.
func TestDensePlaqueA4Portrait(t *testing.T) {
	dir := writeSite(t, "A4", "portrait", denseBrand(), sparseBrand())
	s := loadSite(t, dir)
	dense := s.BrandByID("unit/dense")
	if n := len([]rune(dense.Concept)); n != 300 || len(dense.Ideas()) != 6 || len([]rune(dense.Name)) != 8 {
		t.Fatalf("dense brand has a %d-character concept, %d ideas, name %q", n, len(dense.Ideas()), dense.Name)
	}
	file, _ := printSite(t, printpdf.Options{Source: dir})
	checkSheets(t, file, s, s.Brands)
	checkQRCodes(t, file, s, s.Brands, 150, 0, 1)

	ctx, base := serveBuild(t, dir)
	pdf, sheets, err := printpdf.Print(ctx, base+dense.PlaquePath())
	if err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(t.TempDir(), "dense.pdf")
	if err := os.WriteFile(one, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if sheets != 1 {
		t.Errorf("the plaque page has %d plaques, want 1", sheets)
	}
	checkSheets(t, one, s, []*site.Brand{dense})
}

// serveBuild builds the site in dir, serves it on loopback under its base
// path and returns a browser tab and the site's URL.
func serveBuild(t *testing.T, dir string) (context.Context, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: dir, Dest: dest, Target: render.Web}); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	base, stop, err := printpdf.Serve(dest, loadSite(t, dir).Config.BasePath())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return ctx, base
}

// overflows lists, for every plaque on the page, each part that does not
// lie inside the content box of the part holding it, and each one-line
// text wider than its box: text the sheet would clip or push off the page.
// Boxes are compared rather than scroll sizes, because a CJK face's ascent
// reaches past a tight line height without any ink leaving the line.
const overflows = `document.fonts.ready.then(() => {
  const content = e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e), px = v => parseFloat(v) || 0;
    return {
      top: r.top + px(s.borderTopWidth) + px(s.paddingTop), bottom: r.bottom - px(s.borderBottomWidth) - px(s.paddingBottom),
      left: r.left + px(s.borderLeftWidth) + px(s.paddingLeft), right: r.right - px(s.borderRightWidth) - px(s.paddingRight),
    };
  };
  const nests = [[".sheet", ".sheet-frame"], [".sheet-frame", ":scope > *"], [".sheet-head", ":scope > *"],
    [".sheet-title", ":scope > *"], [".sheet-body", ":scope > *"], [".sheet-concept", ":scope > *"],
    [".sheet-ideas", ":scope > *"], [".sheet-foot", ":scope > *"], [".sheet-org", ":scope > *"], [".sheet-qr", ":scope > *"]];
  return [...document.querySelectorAll(".sheet")].flatMap(sheet => {
    const name = sheet.querySelector(".sheet-name").textContent, bad = [];
    for (const [outer, inner] of nests) {
      const o = outer === ".sheet" ? sheet : sheet.querySelector(outer);
      if (!o) continue;
      const b = content(o);
      for (const e of o.querySelectorAll(inner)) {
        const r = e.getBoundingClientRect();
        if (r.top < b.top - .5 || r.bottom > b.bottom + .5 || r.left < b.left - .5 || r.right > b.right + .5) {
          bad.push(name + ": " + (typeof e.className === "string" && e.className || e.tagName) + " leaves " + outer);
        }
      }
    }
    for (const e of sheet.querySelectorAll(".sheet-campaign, .sheet-name, .sheet-slogan")) {
      if (e.scrollWidth > e.clientWidth + 1) bad.push(name + ": " + e.className + " is too wide");
    }
    return bad;
  });
})`

// TestPlaquesFit lays out plaques from sparse to dense, Latin text
// included, on both orientations as printed, and expects every part of
// every sheet to hold its text: the type scale chosen in render must keep
// the browser's layout inside the sheet.
func TestPlaquesFit(t *testing.T) {
	for _, paper := range [][2]string{{"A3", "landscape"}, {"A4", "portrait"}} {
		t.Run(paper[0]+"-"+paper[1], func(t *testing.T) {
			dir := writeSite(t, paper[0], paper[1], variedBrands()...)
			ctx, base := serveBuild(t, dir)
			var (
				bad    []string
				sheets int
			)
			err := chromedp.Run(ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					return emulation.SetEmulatedMedia().WithMedia("print").Do(ctx)
				}),
				chromedp.Navigate(base+"plaques/"),
				chromedp.Evaluate(`document.querySelectorAll(".sheet").length`, &sheets),
				chromedp.Evaluate(overflows, &bad, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
					return p.WithAwaitPromise(true)
				}),
			)
			if err != nil {
				t.Fatal(err)
			}
			if sheets != len(variedBrands()) {
				t.Errorf("%d sheets, want %d", sheets, len(variedBrands()))
			}
			for _, b := range bad {
				t.Errorf("overflows: %s", b)
			}
		})
	}
}
