package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape shows every character of s that could act on a terminal or a log
// reader as an escape instead: line breaks and tabs as \n, \r and \t, other
// control characters, line and paragraph separators and bidi controls as
// \uXXXX, and bytes that are not UTF-8 as \xXX. Text from a file (a name, a
// path) then cannot start a line of its own, move the cursor, colour the
// terminal or reorder what is shown. The text and GitHub formats pass all
// they print through it.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || unsafeRune(r) {
			return true
		}
	}
	return false
}

// unsafeRune reports whether r is a control character (C0, DEL, C1), a
// line or paragraph separator, or a bidi control.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// safeLine keeps a printed line from being read as a GitHub Actions
// workflow command, which is a line starting with "::" (after white
// space): the first ':' is shown as \u003a.
func safeLine(line string) string {
	trimmed := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(trimmed, "::") {
		return line
	}
	lead := len(line) - len(trimmed)
	return line[:lead] + `\u003a` + trimmed[1:]
}
