package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Print sets the office's paper products other than the plaque: the
// application form (申报表) and the exhibition display board (展板).
type Print struct {
	Form  PrintForm
	Board Board
}

// PrintForm sets the application form, printed on A4 portrait.
type PrintForm struct {
	// Title heads every form: 市直机关党建品牌申报表.
	Title string
}

// Board is the size of an exhibition display board, in centimetres:
// roll-up banners are 80×200, boards 120×90, A0 84.1×118.9.
type Board struct {
	Width, Height float64
}

// Board sides, in centimetres. The upper bound is the largest page a PDF
// can hold (200 inches); below the lower one a board is a leaflet.
const (
	MinBoardSide = 20.0
	MaxBoardSide = 500.0
)

// DefaultFormTitle is the application form's title when print.form.title
// is not set.
const DefaultFormTitle = "党建品牌申报表"

// defaultPrint is the print section of a site that does not set one: the
// roll-up banner most exhibitions use.
func defaultPrint() Print {
	return Print{Form: PrintForm{Title: DefaultFormTitle}, Board: Board{Width: 80, Height: 200}}
}

// CSS returns a length in centimetres as CSS: "80cm", "84.1cm".
func CSS(cm float64) string {
	return strconv.FormatFloat(cm, 'f', -1, 64) + "cm"
}

func decodePrint(d *fields.Decoder, n *yaml.Node, p *Print) {
	m, ok := d.Mapping(n, diag.T("print（打印）", "print"), fields.Keys{Known: []string{"form", "board"}})
	if !ok {
		return
	}
	if v := m.Value("form"); v != nil {
		fm, ok := d.Mapping(v, diag.T("print.form（申报表）", "print.form"), fields.Keys{Known: []string{"title"}})
		if ok {
			if t := fm.Value("title"); t != nil {
				if s, ok := d.String(t, "title"); ok && s != "" {
					p.Form.Title = s
				}
			}
		}
	}
	if v := m.Value("board"); v != nil {
		bm, ok := d.Mapping(v, diag.T("print.board（展板）", "print.board"), fields.Keys{Known: []string{"width", "height"}})
		if ok {
			d.Require(bm, diag.T("print.board（展板）", "print.board"), "width", "height")
			boardSide(d, bm, "width", &p.Board.Width)
			boardSide(d, bm, "height", &p.Board.Height)
		}
	}
}

// boardSide decodes one side of the board: a length in cm, mm or m
// ("80cm", "800mm", "1.2m"), or a bare number of centimetres.
func boardSide(d *fields.Decoder, m fields.Map, key string, dst *float64) {
	v := m.Value(key)
	if v == nil {
		return
	}
	s, ok := d.String(v, key)
	if !ok {
		return
	}
	cm, err := ParseLength(s)
	if err != nil {
		d.Errorf(v, "config/board-size",
			diag.T("展板的 %s 写成了 %q，看不出是多长", "board %s %q is not a length", key, s),
			diag.T("写成 80cm、800mm 或 1.2m 这样的长度", "write a length such as 80cm, 800mm or 1.2m"))
		return
	}
	if cm < MinBoardSide || cm > MaxBoardSide {
		d.Errorf(v, "config/board-size",
			diag.T("展板的 %s 是 %s，应在 %s 到 %s 之间", "board %s is %s; it must be between %s and %s", key, CSS(cm), CSS(MinBoardSide), CSS(MaxBoardSide)),
			diag.T("常见尺寸：易拉宝 80cm×200cm，展板 120cm×90cm，A0 84.1cm×118.9cm", "common sizes: roll-up banner 80cm×200cm, board 120cm×90cm, A0 84.1cm×118.9cm"))
		return
	}
	*dst = cm
}

// ParseLength reads a length in cm, mm or m, or a bare number of
// centimetres, and returns it in centimetres.
func ParseLength(s string) (float64, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	scale := 1.0
	switch {
	case strings.HasSuffix(s, "cm"):
		s = strings.TrimSuffix(s, "cm")
	case strings.HasSuffix(s, "mm"):
		s, scale = strings.TrimSuffix(s, "mm"), 0.1
	case strings.HasSuffix(s, "m"):
		s, scale = strings.TrimSuffix(s, "m"), 100
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || f <= 0 || f > 1e6 {
		return 0, fmt.Errorf("length %q is not a positive number", s)
	}
	return f * scale, nil
}

// decodePlaqueText decodes the plaque's words: its heading and the
// awarding body (授牌单位).
func decodePlaqueText(d *fields.Decoder, m fields.Map, p *Plaque) {
	for _, f := range []struct {
		key string
		dst *string
	}{{"title", &p.Title}, {"issuer", &p.Issuer}} {
		if v := m.Value(f.key); v != nil {
			if s, ok := d.String(v, f.key); ok {
				*f.dst = s
			}
		}
	}
}
