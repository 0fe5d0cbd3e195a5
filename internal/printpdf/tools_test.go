package printpdf_test

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// requireTool returns the path of a command-line tool the test inspects
// PDFs with, or ends the test: skipped normally, failed under CI=true, like
// a missing browser, so CI can never pass by skipping.
func requireTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := name + " is not installed: install Debian's " + pkg + " package (apt-get install " + pkg + ")"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// run runs a tool and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

// pdfPage is what pdfinfo says of a PDF.
type pdfPage struct {
	pages         int
	width, height float64 // points
}

// pageSizeRE matches pdfinfo's line for each page's size.
var pageSizeRE = regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)

// pdfInfo reads a PDF's page count and the size of its pages; it fails the
// test if the pages differ in size.
func pdfInfo(t *testing.T, file string) pdfPage {
	t.Helper()
	pdfinfo := requireTool(t, "pdfinfo", "poppler-utils")
	out := run(t, pdfinfo, "-l", "-1", file)
	var info pdfPage
	sizes := map[string]bool{}
	for _, m := range pageSizeRE.FindAllStringSubmatch(out, -1) {
		info.pages++
		sizes[m[1]+" x "+m[2]] = true
		info.width, _ = strconv.ParseFloat(m[1], 64)
		info.height, _ = strconv.ParseFloat(m[2], 64)
	}
	if len(sizes) > 1 {
		t.Errorf("%s: pages differ in size: %v", file, sizes)
	}
	return info
}

// paper is a paper size in points, portrait.
var paper = map[string][2]float64{
	"A3": {841.89, 1190.55},
	"A4": {595.28, 841.89},
}

// checkPaper fails the test unless info's pages are size and orientation,
// to within the 1 pt Chromium rounds page sizes by.
func checkPaper(t *testing.T, info pdfPage, size, orientation string) {
	t.Helper()
	w, h := paper[size][0], paper[size][1]
	if orientation == "landscape" {
		w, h = h, w
	}
	if math.Abs(info.width-w) > 1.5 || math.Abs(info.height-h) > 1.5 {
		t.Errorf("page size %.2f x %.2f pt, want %s %s (%.2f x %.2f pt)", info.width, info.height, size, orientation, w, h)
	}
}

// pdfText returns the text of one page (counting from 1) of a PDF.
func pdfText(t *testing.T, file string, page int) string {
	t.Helper()
	pdftotext := requireTool(t, "pdftotext", "poppler-utils")
	n := strconv.Itoa(page)
	return run(t, pdftotext, "-f", n, "-l", n, "-enc", "UTF-8", file, "-")
}

// decodeQRCode renders the lower right part of one page (counting from 1)
// of a PDF, where a plaque's QR code is, and returns the text of the QR
// codes zbarimg finds there. Rendering only that part, and only the pages
// asked for, keeps the test fast: the CJK glyphs of a sheet are slow to draw.
func decodeQRCode(t *testing.T, file string, info pdfPage, page, dpi int) []string {
	t.Helper()
	pdftoppm := requireTool(t, "pdftoppm", "poppler-utils")
	zbarimg := requireTool(t, "zbarimg", "zbar-tools")
	px := func(pt float64) int { return int(pt / 72 * float64(dpi)) }
	w, h := px(info.width), px(info.height)
	img := filepath.Join(t.TempDir(), "qr")
	n := strconv.Itoa(page)
	run(t, pdftoppm, "-r", strconv.Itoa(dpi), "-gray", "-png", "-singlefile", "-f", n, "-l", n,
		"-x", strconv.Itoa(w/2), "-y", strconv.Itoa(h*7/10), "-W", strconv.Itoa(w-w/2), "-H", strconv.Itoa(h-h*7/10),
		file, img)
	// zbarimg exits 4 when it finds nothing: an empty result, which the
	// caller reports, not a failure to run.
	out, err := exec.Command(zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", img+".png").Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 4) {
		t.Fatalf("zbarimg %s: %v", img, err)
	}
	return strings.Fields(string(out))
}
