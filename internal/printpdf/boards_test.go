package printpdf_test

import (
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"showcase/internal/printpdf"
	"showcase/internal/render"
)

// pdfImage is one image pdfimages lists.
type pdfImage struct {
	page, width, height int
	xppi, yppi          float64
}

// imageRow matches a row of "pdfimages -list": page, num, type, width,
// height, … x-ppi, y-ppi.
var imageRow = regexp.MustCompile(`(?m)^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s+.*?\s(\d+)\s+(\d+)\s+\S+\s+\S+\s*$`)

// pdfImages lists the images of a PDF with the resolution they are
// printed at.
func pdfImages(t *testing.T, file string) []pdfImage {
	t.Helper()
	out := run(t, requireTool(t, "pdfimages", "poppler-utils"), "-list", file)
	var list []pdfImage
	for _, m := range imageRow.FindAllStringSubmatch(out, -1) {
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		list = append(list, pdfImage{page: n(1), width: n(2), height: n(3), xppi: float64(n(4)), yppi: float64(n(5))})
	}
	return list
}

// decodePage renders a whole page at dpi and returns the QR codes on it.
func decodePage(t *testing.T, file string, page, dpi int) []string {
	t.Helper()
	pdftoppm := requireTool(t, "pdftoppm", "poppler-utils")
	zbarimg := requireTool(t, "zbarimg", "zbar-tools")
	img := filepath.Join(t.TempDir(), "page")
	n := strconv.Itoa(page)
	run(t, pdftoppm, "-r", strconv.Itoa(dpi), "-gray", "-png", "-singlefile", "-f", n, "-l", n, file, img)
	out, err := exec.Command(zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", img+".png").Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 4) {
		t.Fatalf("zbarimg %s: %v", img, err)
	}
	return strings.Fields(string(out))
}

// cm is a length in points.
func cm(v float64) float64 { return v / 2.54 * 72 }

// TestBoards prints display boards on a tall and on a wide board: one
// page per brand at the configured size in cm, its name and carriers on
// it, a QR code to its page, and every photo at no less than 150 ppi. A
// large original is placed from a size derived for print, wider than the
// site's largest (1600 px); a small one is placed smaller, not enlarged,
// with a warning. With a unit, the unit's brands come first on one board,
// each with its QR code.
func TestBoards(t *testing.T) {
	brands := []printBrand{
		{id: "big", name: "大图品牌", status: "named", body: body(100, 200), photos: [][2]int{{2000, 1334}, {2000, 1334}, {1700, 2550}}, carriers: 3},
		{id: "small", name: "小图品牌", status: "cultivating", body: body(100, 100), photos: [][2]int{{640, 480}, {640, 480}}},
	}
	for _, c := range []struct {
		board string
		w, h  float64
		// derived is set where a photo's place needs more than 1600 px.
		derived bool
		// unit prints the unit's board first, its brands on one board.
		unit string
		wide bool
	}{{"{width: 100cm, height: 200cm}", 100, 200, true, "", false}, {"{width: 120cm, height: 90cm}", 120, 90, false, "unit", true}} {
		t.Run(c.board, func(t *testing.T) {
			dir := writePrintSite(t, c.board, brands...)
			s := loadSite(t, dir)
			file, res := printSite(t, printpdf.Options{Source: dir, Kind: render.PrintBoards, Unit: c.unit})
			info := pdfInfo(t, file)
			first := 1 // the page of the first brand's board
			if c.unit != "" {
				first = 2
			}
			if want := len(brands) + first - 1; info.pages != want || res.Sheets != want {
				t.Fatalf("%d pages, %d boards; want %d", info.pages, res.Sheets, want)
			}
			if c.unit != "" {
				text := squash(pdfText(t, file, 1))
				var want []string
				for _, b := range s.Brands {
					want = append(want, strings.TrimSuffix(s.Config.BaseURL, "/")+"/"+b.Path())
					if !strings.Contains(text, b.Name) {
						t.Errorf("the unit's board lacks %q:\n%s", b.Name, text)
					}
				}
				got := decodePage(t, file, 1, 40)
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("the unit's board: QR codes %q, want %q", got, want)
				}
			}
			if math.Abs(info.width-cm(c.w)) > 1.5 || math.Abs(info.height-cm(c.h)) > 1.5 {
				t.Errorf("page %.1f × %.1f pt, want %.1f × %.1f pt", info.width, info.height, cm(c.w), cm(c.h))
			}
			images := pdfImages(t, file)
			if len(images) != 5 {
				t.Errorf("%d images, want the 5 photos: %+v", len(images), images)
			}
			var widest int
			for _, im := range images {
				if im.xppi < 150 || im.yppi < 150 {
					t.Errorf("page %d: a %d×%d photo printed at %.0f×%.0f ppi, under 150", im.page, im.width, im.height, im.xppi, im.yppi)
				}
				widest = max(widest, im.width)
			}
			if c.derived && widest <= 1600 {
				t.Errorf("the widest photo printed has %d px: the large originals were not derived at print size", widest)
			}
			if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0].ZH, "photos/1.jpg") || !strings.Contains(res.Warnings[0].ZH, "小图品牌") {
				t.Errorf("warnings %q, want one for each of the small photos", res.Warnings)
			}
			for i, b := range s.Brands {
				text := squash(pdfText(t, file, first+i))
				words := []string{b.Name, b.Unit.Name, "品牌载体", "载体1"}
				if !c.wide {
					// A wide board leaves the results out when its
					// left column has no room for them.
					words = append(words, "工作成效")
				}
				for _, want := range words {
					if !strings.Contains(text, want) {
						t.Errorf("board %d lacks %q:\n%s", i+1, want, text)
					}
				}
				want := strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + b.Path()
				if got := decodePage(t, file, first+i, 40); !slices.Equal(got, []string{want}) {
					t.Errorf("board %d: QR codes %q, want %q", i+1, got, want)
				}
			}
		})
	}
}
