package render

import (
	"fmt"
	"html/template"
	"math"
	"unicode/utf8"

	"showcase/internal/config"
	"showcase/internal/site"
)

// A display board (展板) is read from three metres, so its lengths are set
// in centimetres from the board's size, not in pixels: u is a hundredth of
// the board's shorter side (0.8 cm on an 80 cm roll-up banner), and every
// length in the "Boards" part of print.css is a multiple of it. A tall
// board stacks its parts; a wide one puts the photos in a column of their
// own. The numbers here mirror print.css: change them together.

// MaxBoardPhotos is the most photos a board shows.
const MaxBoardPhotos = 4

// BoardPPI is the least resolution a photo is printed at on a board.
const BoardPPI = 150

// boardSteps are the sizes of the board's running text (carriers and
// results), in u, largest first; the smallest is still 1.4 cm on an 80 cm
// banner.
var boardSteps = []float64{3.2, 2.8, 2.4, 2.1, 1.8}

// The board's fixed parts, in u, as print.css sets them.
const (
	boardPad       = 5 // padding, each side
	boardPhotoGap  = 3
	boardColumnGap = 5 // between a wide board's columns
)

// BoardLayout is how one board is laid out.
type BoardLayout struct {
	// Width and Height are the board's size, in cm.
	Width, Height float64
	// Wide boards put the photos beside the text.
	Wide bool
	// Unit is u, in cm.
	Unit float64
	// Step is the class of the running text's size, "step-1" largest.
	Step string
	// Cols is the number of columns of photos.
	Cols   int
	Photos []BoardPhoto
	// NoResults leaves the body's results out, when even the smallest
	// type would not fit them beside the carriers.
	NoResults bool
}

// BoardPhoto is one photo placed on a board.
type BoardPhoto struct {
	// Src is the site path of the file printed.
	Src string
	// Width and Height are the size it is placed at, in cm: its slot, or
	// less when the photo has too few pixels for the slot at BoardPPI.
	Width, Height float64
}

// CSS returns a length in cm as CSS, rounded to a tenth of a millimetre.
func (l *BoardLayout) CSS(cm float64) string {
	return config.CSS(math.Round(cm*1000) / 1000)
}

// BoardSlot returns, for a board of size b showing n photos, the number of
// columns of photos and the size of each photo's slot in cm (4:3).
func BoardSlot(b config.Board, n int) (cols int, w, h float64) {
	u := min(b.Width, b.Height) / 100
	inner := b.Width - 2*boardPad*u
	if wideBoard(b) {
		// The right column: 45 parts of 100 after the columns' gap.
		inner = (inner - boardColumnGap*u) * 0.45
	}
	switch {
	case n <= 1:
		cols = 1
	case n == 3 && !wideBoard(b):
		cols = 3
	default:
		cols = 2
	}
	// A hair under the exact share, so rounding never wraps a row.
	w = (inner - float64(cols-1)*boardPhotoGap*u) / float64(cols) * 0.99
	if n <= 1 && !wideBoard(b) {
		w = inner * 0.6
	}
	return cols, w, w * 3 / 4
}

// wideBoard reports whether a board is laid out in two columns.
func wideBoard(b config.Board) bool { return b.Width > b.Height*1.1 }

// LayoutBoard lays out brand b's board of size size with photos placed.
func LayoutBoard(size config.Board, b *site.Brand, photos []BoardPhoto) *BoardLayout {
	l := &BoardLayout{Width: size.Width, Height: size.Height, Wide: wideBoard(size), Unit: min(size.Width, size.Height) / 100, Photos: photos}
	l.Cols, _, _ = BoardSlot(size, len(photos))
	carriers, results := boardChars(b)
	step, fits := boardStep(size, l, carriers+results)
	if !fits && results > 0 {
		l.NoResults = true
		step, _ = boardStep(size, l, carriers)
	}
	l.Step = fmt.Sprintf("step-%d", step+1)
	return l
}

// boardChars is how many characters of running text brand b's board has:
// its carriers', and its results'.
func boardChars(b *site.Brand) (carriers, results int) {
	for _, c := range b.Carriers {
		carriers += utf8.RuneCountInString(c.Name) + utf8.RuneCountInString(c.Description) + 4
	}
	return carriers, utf8.RuneCountInString(bodySectionText(b, resultWords))
}

// resultWords find the section of the body that tells the results.
var resultWords = []string{"成效", "成果", "成绩", "效果"}

// boardStep picks the largest step of the running text at which it fits
// the room the fixed parts leave, estimated as lines of full width, and
// says whether it fits at all.
func boardStep(size config.Board, l *BoardLayout, chars int) (int, bool) {
	u := l.Unit
	w := size.Width/u - 2*boardPad
	h := size.Height/u - 2*boardPad
	// The fixed parts: band, name and logo, concept, photos and foot.
	fixed := 12.0 + 40 + 24 + 26
	rows := (len(l.Photos) + l.Cols - 1) / max(l.Cols, 1)
	if len(l.Photos) > 0 {
		fixed += float64(rows) * (l.Photos[0].Height/u + boardPhotoGap)
	}
	if l.Wide {
		// The left column; the photos and the foot are on the right.
		w = (w - boardColumnGap) * 0.55
		fixed = 12 + 28 + 22
	}
	room := (h - fixed) * 0.85
	for i, f := range boardSteps {
		perLine := math.Floor(w / f)
		lines := math.Ceil(float64(chars)/perLine) + 6 // headings, paragraph ends
		if lines*f*1.5 <= room {
			return i, true
		}
	}
	return len(boardSteps) - 1, false
}

// bodySectionText is the plain text of a section of brand b's body.
func bodySectionText(b *site.Brand, words []string) string {
	return tagRE.ReplaceAllString(string(bodySection(b.Body().HTML, words)), "")
}

// Board returns the layout of brand b's board on a print page of boards.
func (p *Page) Board(b *site.Brand) *BoardLayout {
	if p.print == nil {
		return nil
	}
	return p.print.Boards[b.ID]
}

// BoardSize is the configured board size.
func (p *Page) BoardSize() config.Board { return p.Site.Config.Print.Board }

// ResultsHTML is the part of brand b's body that tells its results.
func (p *Page) ResultsHTML(b *site.Brand) template.HTML {
	return bodySection(b.Body().HTML, resultWords)
}

// A unit board puts a unit's brands on one board: a card for each, with
// its logo, name, slogan, concept and QR code, in a grid. The numbers
// mirror the "Unit board" part of print.css.
const (
	unitCardHeight = 40 // u, with the gap below it
	unitBoardHead  = 34 // u: band, the unit's name and padding
	unitBoardFoot  = 12 // u
)

// unitBoardMaxColumns is the most columns of cards a unit board has.
func unitBoardMaxColumns(size config.Board) int {
	if wideBoard(size) {
		return 3
	}
	return 2
}

// unitBoardRows is the number of rows of cards a unit board has room for.
func unitBoardRows(size config.Board) int {
	u := min(size.Width, size.Height) / 100
	return max(int((size.Height/u-unitBoardHead-unitBoardFoot)/unitCardHeight), 0)
}

// UnitBoardColumns is the number of columns of cards for n brands on a
// unit board: as few as hold them, so each card is as wide as it can be.
func UnitBoardColumns(size config.Board, n int) int {
	rows := max(unitBoardRows(size), 1)
	return min(max((n+rows-1)/rows, 1), unitBoardMaxColumns(size))
}

// UnitBoardCapacity is how many brands fit on one unit board of size.
func UnitBoardCapacity(size config.Board) int {
	return unitBoardRows(size) * unitBoardMaxColumns(size)
}

// PrintUnit is the unit whose board a print page shows, or nil.
func (p *Page) PrintUnit() *site.Unit {
	if p.print == nil {
		return nil
	}
	return p.print.Unit
}

// UnitBoard is the layout of the unit board on a print page.
func (p *Page) UnitBoard() *BoardLayout {
	size := p.Site.Config.Print.Board
	return &BoardLayout{Width: size.Width, Height: size.Height, Wide: wideBoard(size), Unit: min(size.Width, size.Height) / 100, Cols: UnitBoardColumns(size, len(p.Brands))}
}
