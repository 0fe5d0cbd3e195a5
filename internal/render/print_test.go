package render

import (
	"html/template"
	"testing"

	"showcase/internal/config"
)

// TestUnitBoardColumns puts as few columns of cards on a unit board as
// hold its brands, and says how many fit at most.
func TestUnitBoardColumns(t *testing.T) {
	tall, wide := config.Board{Width: 80, Height: 200}, config.Board{Width: 120, Height: 90}
	for _, c := range []struct {
		size       config.Board
		n, cols    int
		capacityAt int
	}{
		{tall, 1, 1, 10}, {tall, 5, 1, 10}, {tall, 6, 2, 10}, {tall, 10, 2, 10},
		{wide, 1, 1, 3}, {wide, 2, 2, 3}, {wide, 3, 3, 3},
	} {
		if got := UnitBoardColumns(c.size, c.n); got != c.cols {
			t.Errorf("%v with %d brands: %d columns, want %d", c.size, c.n, got, c.cols)
		}
		if got := UnitBoardCapacity(c.size); got != c.capacityAt {
			t.Errorf("%v holds %d brands, want %d", c.size, got, c.capacityAt)
		}
	}
}

// TestBodySection finds a body's section by a word of its heading and
// leaves its images out.
func TestBodySection(t *testing.T) {
	body := `<h2 id="a">品牌内涵</h2><p>内涵。</p><h2>工作成效</h2><p>成效<img data-body-image="x.jpg" alt="">。</p>`
	for _, c := range []struct {
		words []string
		want  string
	}{
		{[]string{"内涵"}, "<p>内涵。</p>"},
		{resultWords, "<p>成效。</p>"},
		{[]string{"做法"}, ""},
	} {
		if got := string(bodySection(template.HTML(body), c.words)); got != c.want {
			t.Errorf("%q: %q, want %q", c.words, got, c.want)
		}
	}
}
