package fields

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"showcase/internal/diag"

	"github.com/rivo/uniseg"
	"go.yaml.in/yaml/v4"
)

// Len counts the characters of s the way a reader sees them: grapheme
// clusters (so an emoji family or a letter with its accents is one), and
// only those that show something. White space, ideographic space included,
// and invisible characters do not count, so neither padding a name with
// U+3000 nor adding a U+200B makes a 3-character name 4.
func Len(s string) int {
	n := 0
	state := -1
	var cluster string
	for s != "" {
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if shows(cluster) {
			n++
		}
	}
	return n
}

// shows reports whether a grapheme cluster puts something visible on the
// page: a character that is neither white space nor invisible.
func shows(cluster string) bool {
	for _, r := range cluster {
		if !unicode.IsSpace(r) && invisibleKind(r) == "" {
			return true
		}
	}
	return false
}

// Invisible is a character that shows nothing where it stands: a control
// character, a line break, a zero-width character, a bidi control, or a
// variation selector or joiner without a character it applies to.
type Invisible struct {
	// Index is the character's index (in code points) in the text.
	Index int
	Rune  rune
	Name  diag.Text
}

// CodePoint returns the character as U+XXXX.
func (c Invisible) CodePoint() string { return fmt.Sprintf("U+%04X", c.Rune) }

// FindInvisible returns the invisible characters of s. Line breaks count
// only when lines is false, for one-line text such as a name, and only
// inside the text: a block scalar's final line break is not part of it. A zero-width
// joiner between two emoji and a variation selector after the character it
// selects a form of (an emoji, or an ideograph for U+FE00–U+FE0D and
// U+E0100–U+E01EF) are part of what is shown and are not reported.
func FindInvisible(s string, lines bool) []Invisible {
	var found []Invisible
	runes := []rune(s)
	first, last := len(runes), -1 // the text between is what String keeps
	for i, r := range runes {
		if !unicode.IsSpace(r) {
			first, last = min(first, i), i
		}
	}
	for i, r := range runes {
		if (r == '\n' || r == '\r') && (lines || i < first || i > last) {
			continue
		}
		var prev, next rune
		if i > 0 {
			prev = runes[i-1]
		}
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		if isVariationSelector(r) && hasBase(prev, r) || r == 0x200d && emoji(prev) && emoji(next) {
			continue
		}
		if r == 0x200d && isVariationSelector(prev) && i > 1 && emoji(runes[i-2]) && emoji(next) {
			continue
		}
		if name := invisibleName(r); name.ZH != "" {
			found = append(found, Invisible{Index: i, Rune: r, Name: name})
		}
	}
	return found
}

// invisibleName names what kind of invisible character r is, or returns
// an empty Text for a character that shows.
func invisibleName(r rune) diag.Text {
	switch invisibleKind(r) {
	case "line":
		return diag.T("换行", "line break")
	case "control":
		return diag.T("控制字符", "control character")
	case "bidi":
		return diag.T("文字方向控制符", "bidi control")
	case "selector":
		return diag.T("没有作用对象的变体选择符", "variation selector without a base")
	case "joiner":
		return diag.T("零宽连接符", "zero-width joiner")
	case "zero-width":
		return diag.T("零宽字符", "zero-width character")
	}
	return diag.Text{}
}

// invisibleKind sorts the characters that show nothing on their own.
func invisibleKind(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
		return "line"
	case unicode.IsControl(r):
		return "control"
	case r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "bidi"
	case isVariationSelector(r):
		return "selector"
	case r == 0x200d:
		return "joiner"
	case r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0 || r == 0x034f || r == 0x180e:
		return "zero-width" // fillers and joiners that draw nothing
	case unicode.Is(unicode.Cf, r) && !(r >= 0x0600 && r <= 0x0605) && r != 0x06dd && r != 0x070f && r != 0x08e2 && r != 0x110bd && r != 0x110cd:
		return "zero-width" // U+200B, U+2060, U+FEFF, soft hyphen, tags…
	}
	return ""
}

func isVariationSelector(r rune) bool {
	return r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef || r >= 0x180b && r <= 0x180d || r == 0x180f
}

// hasBase reports whether prev is a character the variation selector vs
// may follow: an emoji for U+FE0E and U+FE0F, an ideograph for the others.
func hasBase(prev, vs rune) bool {
	if vs == 0xfe0e || vs == 0xfe0f {
		return emoji(prev)
	}
	if vs >= 0x180b && vs <= 0x180f {
		return unicode.Is(unicode.Mongolian, prev)
	}
	return unicode.Is(unicode.Han, prev)
}

// emoji reports whether r can take part in an emoji sequence: a symbol, a
// skin-tone modifier, a keycap base, or a character that has an emoji form.
func emoji(r rune) bool {
	return unicode.Is(unicode.So, r) || r >= 0x1f3fb && r <= 0x1f3ff ||
		r == '#' || r == '*' || r >= '0' && r <= '9' || r == 0x203c || r == 0x2049 || r == 0x2122 || r == 0x2139 ||
		r >= 0x2194 && r <= 0x21aa || r == 0x20e3
}

// Visible reports each invisible character in the text value n as an
// error at its column, naming it, and returns whether there was none.
// what names the value in messages (名称/the name). One-line text (lines
// false) may not hold line breaks either.
func (d *Decoder) Visible(n *yaml.Node, what diag.Text, lines bool) bool {
	if n == nil || n.Kind != yaml.ScalarNode {
		return true
	}
	found := FindInvisible(n.Value, lines)
	for _, c := range found {
		pos := d.Pos(n)
		pos.Line, pos.Col = valuePosition(n, c.Index)
		d.Diags.Errorf(pos, "schema/invisible-char",
			diag.Text{
				ZH: fmt.Sprintf("%s中有看不见的字符 %s（%s），请删除", what.ZH, c.CodePoint(), c.Name.ZH),
				EN: fmt.Sprintf("%s holds the invisible character %s (%s); delete it", what.EN, c.CodePoint(), c.Name.EN),
			},
			diag.T("这类字符多半是从网页、微信或文档里复制时带进来的，在编辑器里把光标移到这个位置删去它，或重新输入这几个字", "such characters come with text copied from web pages, chat or documents; delete it at this place, or type the text again"))
	}
	return len(found) == 0
}

// valuePosition returns the file line and column of the code point at
// index i of a scalar's value. It follows the scalar's quoting on one
// line; for a block or multi-line scalar it gives the scalar's own
// position. In a double-quoted scalar, characters that YAML lets one write
// as they are count one column and the others their escape's width.
func valuePosition(n *yaml.Node, i int) (line, col int) {
	col = n.Column
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		return n.Line, n.Column
	case yaml.SingleQuotedStyle:
		col++
	case yaml.DoubleQuotedStyle:
		col++
	default:
		if containsBreak(n.Value) {
			return n.Line, n.Column
		}
	}
	for _, r := range []rune(n.Value)[:i] {
		col += rawWidth(n.Style, r)
	}
	return n.Line, col
}

func containsBreak(s string) bool {
	for _, r := range s {
		if r == '\n' || r == '\r' {
			return true
		}
	}
	return false
}

// rawWidth is how many columns r takes in a scalar of the given style.
func rawWidth(style yaml.Style, r rune) int {
	switch style {
	case yaml.SingleQuotedStyle:
		if r == '\'' {
			return 2
		}
	case yaml.DoubleQuotedStyle:
		switch {
		case r == '"' || r == '\\' || r == 0 || r == '\a' || r == '\b' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == 0x1b || r == 0x85:
			return 2
		case r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f:
			return 4 // \xXX
		case r == utf8.RuneError:
			return 6 // \uFFFD
		}
	}
	return 1
}
