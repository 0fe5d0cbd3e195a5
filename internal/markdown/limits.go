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

// checkShape returns a finding for each run of non-blank lines that holds
// too many delimiters or brackets, each line nested too deep, and each
// control character other than tab, line feed and carriage return (goldmark
// would replace a NUL with U+FFFD without a word).
func checkShape(src []byte) []Finding {
	var found []Finding
	var delims, brackets int
	var delimReported, bracketReported bool
	line := 1
	for len(src) > 0 {
		text, rest, _ := bytes.Cut(src, []byte("\n"))
		src = rest
		if isBlank(text) {
			delims, brackets = 0, 0
			delimReported, bracketReported = false, false
			line++
			continue
		}
		if w := prefixWidth(text); w > maxPrefix {
			found = append(found, Finding{Line: line, Col: 1, Kind: kindNesting, Detail: excerpt(string(text))})
		}
		prev := byte(0)
		for i, c := range text {
			switch c {
			case '*', '_', '~':
				if c != prev {
					delims++
					if delims > maxRunDelimiters && !delimReported {
						delimReported = true
						found = append(found, Finding{Line: line, Col: column(text, i), Kind: kindDelimiters, Detail: string(c)})
					}
				}
			case '[':
				brackets++
				if brackets > maxRunBrackets && !bracketReported {
					bracketReported = true
					found = append(found, Finding{Line: line, Col: column(text, i), Kind: kindBrackets, Detail: "["})
				}
			default:
				if c < ' ' && c != '\t' && c != '\r' || c == 0x7f {
					found = append(found, Finding{Line: line, Col: column(text, i), Kind: kindControl, Detail: codePoint(rune(c))})
				}
			}
			prev = c
		}
		line++
	}
	return found
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
