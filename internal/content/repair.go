package content

import (
	"unicode/utf8"

	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

// applySlips returns a copy of data with the slips for which use reports
// true replaced by their ASCII forms. The slips' byte ranges start at base
// in data (the length of a leading byte order mark the scan did not see).
// No slip spans a line break, so every line stays where it was.
func applySlips(data []byte, slips []Slip, base int, use func(Slip) bool) []byte {
	out := make([]byte, 0, len(data))
	at := 0
	for _, s := range slips {
		if !use(s) || base+s.Off < at {
			continue
		}
		out = append(out, data[at:base+s.Off]...)
		out = append(out, s.To...)
		at = base + s.End
	}
	return append(out, data[at:]...)
}

// columnMap turns the columns of a repaired file back into columns of the
// file as written: a full-width colon that became ": " or a byte order mark
// that was dropped moves what follows it on its line.
type columnMap map[int][]Slip

// newColumnMap maps the columns of the lines the repaired slips changed.
func newColumnMap(slips []Slip) columnMap {
	m := columnMap{}
	for _, s := range slips {
		if s.Repair && utf8.RuneCountInString(s.From) != utf8.RuneCountInString(s.To) {
			m[s.Line] = append(m[s.Line], s)
		}
	}
	return m
}

// col returns the column in the written file of column c of line in the
// repaired one. A column inside a replacement maps to the slip's start.
func (m columnMap) col(line, c int) int {
	delta := 0
	for _, s := range m[line] {
		start := s.Col + delta
		if c < start {
			break
		}
		to := utf8.RuneCountInString(s.To)
		if c < start+to {
			return s.Col
		}
		delta += to - utf8.RuneCountInString(s.From)
	}
	return c - delta
}

// nodes moves the columns of every node of the tree under n.
func (m columnMap) nodes(n *yaml.Node, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	n.Column = m.col(n.Line, n.Column)
	for _, c := range n.Content {
		m.nodes(c, seen)
	}
}

// findings moves the columns of findings made on the repaired text.
func (m columnMap) findings(l diag.List) {
	for i := range l {
		if l[i].Pos.Col > 0 {
			l[i].Pos.Col = m.col(l[i].Pos.Line, l[i].Pos.Col)
		}
	}
}
