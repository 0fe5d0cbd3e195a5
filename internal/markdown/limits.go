package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// goldmark's parser takes time that grows with the square of a few shapes
// of input: emphasis delimiters that find no partner (each closer walks
// back over every opener of the paragraph, so "*a_" repeated is
// quadratic), link brackets (each "](" scans forward for the destination
// and each "]" back over the open brackets), and block nesting (each line
// walks every open block quote and list). Render measures these shapes
// before goldmark sees the body and, when one is over its limit, reports
// it at the line and renders the body as plain paragraphs instead.
//
// Every inline-parsed block (paragraph, heading, table) lies inside one run
// of non-blank lines, so counting per run bounds the count per block. With
// at most maxRunDelimiters delimiters and maxRunBrackets brackets per run,
// the quadratic work per run is bounded by a constant, and the work for a
// body is linear in its size (see BenchmarkPathological for the figures).
const (
	// maxRunDelimiters is the most emphasis delimiter runs (*, _, ~) a
	// run of non-blank lines may hold. A long paragraph with heavy bold
	// use has a few dozen.
	maxRunDelimiters = 500
	// maxRunBrackets is the most "[" a run of non-blank lines may hold.
	maxRunBrackets = 100
	// maxPrefix is the widest a line's lead of spaces, tabs, ">" and
	// list markers may be: 60 columns is 15 levels of nested lists.
	maxPrefix = 60
)

// Kinds of Finding about the shape of a body.
const (
	kindDelimiters = "delimiters"
	kindBrackets   = "brackets"
	kindNesting    = "nesting"
	kindControl    = "control"
)

// maxShapeFindings is the most findings of one kind a body gets: a body
// of a thousand bad lines needs its first few pointed out, not all.
const maxShapeFindings = 20

// checkShape returns a finding for each run of non-blank lines that holds
// too many delimiters or brackets, each line nested too deep, and each
// line holding a control character other than tab and carriage return
// (goldmark would replace a NUL with U+FFFD without a word), at most
// maxShapeFindings of each kind.
func checkShape(src []byte) []Finding {
	var s shapeScan
	for line := 1; len(src) > 0; line++ {
		var text []byte
		text, src, _ = bytes.Cut(src, []byte("\n"))
		s.line(line, text)
	}
	return s.found
}

// shapeScan is checkShape's count through the body.
type shapeScan struct {
	found              []Finding
	kinds              map[string]int
	delims, brackets   int  // in the current run of non-blank lines
	delimsOver, brOver bool // already reported for this run
}

// add records a finding unless its kind has had its share.
func (s *shapeScan) add(f Finding) {
	if s.kinds == nil {
		s.kinds = map[string]int{}
	}
	if s.kinds[f.Kind]++; s.kinds[f.Kind] <= maxShapeFindings {
		s.found = append(s.found, f)
	}
}

// line counts one line of the body.
func (s *shapeScan) line(n int, text []byte) {
	if isBlank(text) {
		s.delims, s.brackets, s.delimsOver, s.brOver = 0, 0, false, false
		return
	}
	if prefixWidth(text) > maxPrefix {
		s.add(Finding{Line: n, Col: 1, Kind: kindNesting, Detail: excerpt(string(text))})
	}
	control := false
	prev := byte(0)
	for i, c := range text {
		switch {
		case (c == '*' || c == '_' || c == '~') && c != prev:
			if s.delims++; s.delims > maxRunDelimiters && !s.delimsOver {
				s.delimsOver = true
				s.add(Finding{Line: n, Col: column(text, i), Kind: kindDelimiters, Detail: string(c)})
			}
		case c == '[':
			if s.brackets++; s.brackets > maxRunBrackets && !s.brOver {
				s.brOver = true
				s.add(Finding{Line: n, Col: column(text, i), Kind: kindBrackets, Detail: "["})
			}
		case (c < ' ' && c != '\t' && c != '\r' || c == 0x7f) && !control:
			control = true
			s.add(Finding{Line: n, Col: column(text, i), Kind: kindControl, Detail: codePoint(rune(c))})
		}
		prev = c
	}
}

// blocksRender reports whether a finding stops goldmark from parsing the
// body.
func (f Finding) blocksRender() bool {
	return f.Kind == kindDelimiters || f.Kind == kindBrackets || f.Kind == kindNesting
}

// isBlank reports whether a line holds only spaces and tabs, which ends
// every paragraph.
func isBlank(line []byte) bool {
	return len(bytes.Trim(line, " \t\r")) == 0
}

// prefixWidth measures a line's lead of spaces, tabs, block quote markers
// and list markers in columns, tabs counting four: the room goldmark walks
// through the open blocks for that line.
func prefixWidth(line []byte) int {
	w := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '>':
			w++
			i++
		case c == '\t':
			w += 4
			i++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return w
			}
			w++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || line[j] != '.' && line[j] != ')' {
				return w
			}
			w += j + 1 - i
			i = j + 1
		default:
			return w
		}
	}
	return w
}

// column is the 1-based character column of byte i of line.
func column(line []byte, i int) int {
	return utf8.RuneCount(line[:i]) + 1
}

// codePoint names a character as U+XXXX.
func codePoint(r rune) string {
	return fmt.Sprintf("U+%04X", r)
}

// plainHTML renders a body that goldmark must not parse as escaped
// paragraphs, one per run of non-blank lines, so the preview still shows
// the words.
func plainHTML(src []byte) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>")
			b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>\n"))
			b.WriteString("</p>\n")
		}
	}
	return b.String()
}
