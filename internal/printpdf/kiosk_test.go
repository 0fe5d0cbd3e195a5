package printpdf_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/printpdf"
	"showcase/internal/render"
)

// printBuilt builds the sample for target, prints its every-plaque page
// as a browser's print dialog would, and returns the PDF's file.
func printBuilt(t *testing.T, ctx context.Context, target render.Target) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: repoRoot, Dest: dest, Target: target, Stateless: true}); err != nil {
		t.Fatal(err)
	}
	base := "/"
	page := "plaques/"
	if target == render.Web {
		base = loadSite(t, repoRoot).Config.BasePath()
	} else {
		page = "plaques/index.html"
	}
	url, stop, err := printpdf.Serve(dest, base)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	pdf, _, err := printpdf.Print(ctx, url+page)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), string(target)+".pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestKioskPlaquesPrintAsWeb prints the sample's every-plaque page from
// the kiosk folder and from the web site: the same number of sheets, one
// per brand whose status has a plaque (the kiosk's bar and attract loop
// once added a blank one), at the same paper, with the same text on each.
func TestKioskPlaquesPrintAsWeb(t *testing.T) {
	ctx := browsertest.New(t)
	s := loadSite(t, repoRoot)
	var plaqued int
	for _, b := range s.Brands {
		if b.Status != nil && b.Status.Plaque && b.Listed() {
			plaqued++
		}
	}
	if plaqued == 0 || plaqued == len(s.Brands) {
		t.Fatalf("%d of %d brands have a plaque status: the sample should mix both", plaqued, len(s.Brands))
	}
	web, kiosk := printBuilt(t, ctx, render.Web), printBuilt(t, ctx, render.Kiosk)
	wi, ki := pdfInfo(t, web), pdfInfo(t, kiosk)
	if wi.pages != plaqued || ki.pages != plaqued {
		t.Fatalf("web prints %d sheets, kiosk %d; want %d, one per brand whose status has a plaque", wi.pages, ki.pages, plaqued)
	}
	checkPaper(t, ki, s.Config.Plaque.Size, s.Config.Plaque.Orientation)
	for page := 1; page <= wi.pages; page++ {
		if w, k := squash(pdfText(t, web, page)), squash(pdfText(t, kiosk, page)); w != k {
			t.Errorf("sheet %d differs:\nweb:   %s\nkiosk: %s", page, w, k)
		}
	}
}
