package content

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SlipKind names a kind of input-method slip: a character a Chinese input
// method types where YAML needs its ASCII form.
type SlipKind string

// The slips FindSlips recognises.
const (
	SlipColon   SlipKind = "colon"   // full-width colon after a key: name：红色账本
	SlipSpace   SlipKind = "space"   // ideographic or no-break space after a colon or a list marker
	SlipIndent  SlipKind = "indent"  // ideographic or no-break spaces in the indentation
	SlipBOM     SlipKind = "bom"     // a byte order mark after the start of the file
	SlipMarker  SlipKind = "marker"  // full-width hyphen as a list marker: － 账本夜校
	SlipDigit   SlipKind = "digit"   // full-width digits in a date or a number: ２０２０-06-30
	SlipDash    SlipKind = "dash"    // a full-width or typographic dash in a date: 2020－06－30
	SlipComma   SlipKind = "comma"   // a Chinese comma between the items of [ ] or { }
	SlipBracket SlipKind = "bracket" // full-width brackets around a list: ［便民服务］
	SlipQuote   SlipKind = "quote"   // curly quotes around a value that holds ": "
)

// Slip is one input-method slip found in a content file.
type Slip struct {
	Kind SlipKind
	// Line and Col are where the slip starts in the file, Col counted in
	// characters as diag.Position counts them.
	Line, Col int
	// Off and End are the slip's byte range in the data FindSlips scanned.
	Off, End int
	// From is the text found there, To what it should be.
	From, To string
	// Fix is set when the slip is unambiguous: check --fix rewrites it.
	Fix bool
	// Repair is set when the file is read as if the slip were replaced,
	// so the rest of it is still checked. Every Fix slip is repaired.
	Repair bool
	// Warning is set when the slip may be meant; it is then reported as a
	// warning and left as written.
	Warning bool
	// Part is set on the second half of a pair (a closing quote or
	// bracket), which is reported with the first.
	Part bool
}

// char is a character of a line with its place.
type char struct {
	r        rune
	off, end int // byte range in the scanned data
	col      int // 1-based column in characters
}

// slipScanner walks a content file line by line and collects its slips.
type slipScanner struct {
	slips []Slip
	line  int
	// phase is where the scan is: before the front matter, in YAML or
	// TOML front matter, or in the body.
	phase int
	delim string
	// block is the indentation of a key whose value is a block scalar
	// (| or >), whose lines are text; -1 outside one.
	block int
	// quote is the quote character of a scalar still open at the end of
	// the previous line; 0 when none is.
	quote rune
	// levels holds the indentation widths of the keys and list items
	// open at the lines above, outermost first; opens says the previous
	// line was a key with its value on the lines below, last its width.
	levels []int
	opens  bool
	last   int
	// vis is scanLine's buffer.
	vis []char
}

const (
	phaseBefore = iota
	phaseYAML
	phaseTOML
	phaseBody
)

// FindSlips returns the input-method slips of a content file, in order.
// data is the file without its leading byte order mark, with lone
// carriage returns made line feeds (as Parse reads it). Slips are looked
// for in YAML front matter, except byte order marks, which are looked for
// everywhere.
func FindSlips(data []byte) []Slip { return findSlips(data, true) }

// findSlips is FindSlips; with fast, it looks for byte order marks in the
// body, nearly all of a file, without decoding it a character at a time.
// The tests compare both ways.
func findSlips(data []byte, fast bool) []Slip {
	bp := charBufs.Get().(*[]char)
	s := &slipScanner{block: -1, vis: (*bp)[:0]}
	defer func() { *bp = s.vis[:0]; charBufs.Put(bp) }()
	for off := 0; off < len(data); {
		if fast && s.phase == phaseBody {
			s.bodyBOMs(data, off)
			break
		}
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end < 0 {
			end = len(data)
		} else {
			end += off
			next = end + 1
		}
		s.line++
		s.scanLine(data, off, end)
		off = next
	}
	sort.SliceStable(s.slips, func(i, j int) bool { return s.slips[i].Off < s.slips[j].Off })
	return s.slips
}

// charBufs hold the characters of a line for scanLine, one buffer a
// file being scanned: grown afresh for each file, they were 5 KB a brand.
var charBufs = sync.Pool{New: func() any { b := make([]char, 0, 256); return &b }}

// bodyBOMs finds the slips of the body, data[off:], which starts the line
// after s.line: byte order marks, the only slips looked for there.
func (s *slipScanner) bodyBOMs(data []byte, off int) {
	start := off // of the line of the mark
	s.line++
	for {
		i := bytes.Index(data[off:], bom)
		if i < 0 {
			return
		}
		i += off
		for {
			nl := bytes.IndexByte(data[start:i], '\n')
			if nl < 0 {
				break
			}
			start += nl + 1
			s.line++
		}
		c := char{r: '\ufeff', off: i, end: i + len(bom), col: 1 + utf8.RuneCount(data[start:i])}
		s.add(Slip{Kind: SlipBOM, From: "\ufeff", Fix: true}, c)
		off = c.end
	}
}

// scanLine finds the slips of one line, data[off:end].
func (s *slipScanner) scanLine(data []byte, off, end int) {
	// The characters of one line at a time are kept, in a buffer used
	// again for the next.
	vis := s.vis[:0]
	defer func() { s.vis = vis[:0] }()
	col := 1
	for i := off; i < end; {
		r, size := utf8.DecodeRune(data[i:end])
		if r == '\r' && i+size == end {
			break
		}
		c := char{r: r, off: i, end: i + size, col: col}
		if r == '\ufeff' {
			s.add(Slip{Kind: SlipBOM, From: "\ufeff", Fix: true, Repair: s.phase != phaseBody}, c)
		} else {
			vis = append(vis, c)
		}
		i += size
		col++
	}
	switch s.phase {
	case phaseBefore:
		text := strings.TrimSpace(runes(vis))
		switch text {
		case "":
		case "---":
			s.phase, s.delim = phaseYAML, text
		case "+++":
			s.phase, s.delim = phaseTOML, text
		default:
			s.phase = phaseBody
		}
	case phaseYAML, phaseTOML:
		if trimmedIs(vis, s.delim) {
			s.phase = phaseBody
		} else if s.phase == phaseYAML {
			s.yamlLine(vis)
		}
	}
}

// add records a slip found at c.
func (s *slipScanner) add(sl Slip, c char) {
	sl.Line, sl.Col, sl.Off, sl.End = s.line, c.col, c.off, c.end
	if sl.Fix {
		sl.Repair = sl.Repair || sl.Fix
	}
	s.slips = append(s.slips, sl)
}

// addRun records a slip spanning the characters cs.
func (s *slipScanner) addRun(sl Slip, cs []char) {
	s.add(sl, cs[0])
	s.slips[len(s.slips)-1].End = cs[len(cs)-1].end
}

// trimmedIs reports whether the text of cs, spaces trimmed as
// strings.TrimSpace trims them, is text; it copies nothing, as the front
// matter's every line is asked whether it closes it.
func trimmedIs(cs []char, text string) bool {
	i, j := 0, len(cs)
	for i < j && unicode.IsSpace(cs[i].r) {
		i++
	}
	for j > i && unicode.IsSpace(cs[j-1].r) {
		j--
	}
	if j-i > len(text) {
		return false
	}
	k := 0
	for _, r := range text {
		if i+k == j || cs[i+k].r != r {
			return false
		}
		k++
	}
	return i+k == j
}

// runes returns the text of cs.
func runes(cs []char) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteRune(c.r)
	}
	return b.String()
}

// isBlank reports whether r is a space YAML takes for one (ASCII) or an
// input method types instead of one.
func isBlank(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' }

// yamlLine finds the slips of a line of YAML front matter.
func (s *slipScanner) yamlLine(vis []char) {
	ind := 0
	for ind < len(vis) && isBlank(vis[ind].r) {
		ind++
	}
	if s.block >= 0 {
		if ind == len(vis) || ind > s.block {
			return
		}
		s.block = -1
	}
	if s.quote != 0 {
		if closeQuote(vis, 0, s.quote) >= 0 {
			s.quote = 0
		}
		return
	}
	if ind == len(vis) || vis[ind].r == '#' {
		return
	}
	width := s.indent(vis[:ind])
	s.push(width)
	i := ind
	for i < len(vis) && (vis[i].r == '-' || vis[i].r == '－') && (i+1 == len(vis) || isBlank(vis[i+1].r)) {
		if vis[i].r == '－' {
			s.add(Slip{Kind: SlipMarker, From: "－", To: "-", Fix: true}, vis[i])
		}
		i = s.blanks(vis, i+1)
		s.push(width + i - ind)
	}
	keyWidth := width + i - ind
	key, j := s.key(vis, i)
	s.opens = len(key) > 0 && restIsEmpty(vis, j)
	s.last = keyWidth
	s.value(vis, j, key, keyWidth)
}

// push records a line's indentation width: the levels deeper than it are
// closed, so levels stays a short increasing stack.
func (s *slipScanner) push(w int) {
	for len(s.levels) > 0 && s.levels[len(s.levels)-1] > w {
		s.levels = s.levels[:len(s.levels)-1]
	}
	if len(s.levels) == 0 || s.levels[len(s.levels)-1] < w {
		s.levels = append(s.levels, w)
	}
}

// restIsEmpty reports whether nothing but spaces or a comment follows i.
func restIsEmpty(vis []char, i int) bool {
	for ; i < len(vis); i++ {
		if vis[i].r == '#' {
			return true
		}
		if !isBlank(vis[i].r) {
			return false
		}
	}
	return true
}

// blanks records the ideographic and no-break spaces from i on as slips
// and returns the index after the spaces.
func (s *slipScanner) blanks(vis []char, i int) int {
	start := i
	for i < len(vis) && isBlank(vis[i].r) {
		i++
	}
	for k := start; k < i; {
		if vis[k].r == ' ' {
			k++
			continue
		}
		e := k
		for e < i && vis[e].r == vis[k].r {
			e++
		}
		s.addRun(Slip{Kind: SlipSpace, From: runes(vis[k:e]), To: strings.Repeat(" ", e-k), Fix: true}, vis[k:e])
		k = e
	}
	return i
}

// indent records ideographic or no-break spaces in an indentation and
// returns its width in ASCII spaces. An ideographic space is as wide as
// two letters, so it may stand for one space or two: the width chosen is
// one the lines above use, two spaces each first. When neither fits,
// the slip is reported but not repaired.
func (s *slipScanner) indent(ind []char) int {
	n, wide := 0, 0
	for _, c := range ind {
		n++
		if c.r == '\u3000' {
			wide++
		}
	}
	if n == 0 || (wide == 0 && !hasRune(ind, '\u00a0')) {
		return n
	}
	width, ok := n+wide, false
	for _, w := range []int{n + wide, n} {
		if s.fits(w) {
			width, ok = w, true
			break
		}
	}
	s.addRun(Slip{Kind: SlipIndent, From: runes(ind), To: strings.Repeat(" ", width), Fix: ok}, ind)
	return width
}

// fits reports whether an indentation of width w lines up with the lines
// above: as a sibling of a key or marker, or deeper than a key whose value
// follows on the next lines.
func (s *slipScanner) fits(w int) bool {
	if s.opens && w > s.last {
		return true
	}
	for _, l := range s.levels {
		if l == w {
			return true
		}
	}
	return false
}

func hasRune(cs []char, r rune) bool {
	for _, c := range cs {
		if c.r == r {
			return true
		}
	}
	return false
}

// isKeyStart and isKeyChar say which characters make a plain ASCII key.
func isKeyStart(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' }
func isKeyChar(r rune) bool  { return isKeyStart(r) || r >= '0' && r <= '9' || r == '-' }

// key reads a key at i and records a full-width colon after it and any
// ideographic space after the colon. It returns the key ("" when there
// is none) and the index where the value starts. A full-width colon
// directly followed by text is taken for a key's only at the start of a
// line or list item, and never before a slash (a URL's "http：//").
func (s *slipScanner) key(vis []char, i int) ([]char, int) {
	j := i
	if j == len(vis) || !isKeyStart(vis[j].r) {
		return nil, i
	}
	for j < len(vis) && isKeyChar(vis[j].r) {
		j++
	}
	key := vis[i:j]
	for j < len(vis) && vis[j].r == ' ' {
		j++
	}
	if j == len(vis) {
		return nil, i
	}
	spaced := j+1 == len(vis) || isBlank(vis[j+1].r)
	switch vis[j].r {
	case ':':
		if !spaced {
			return nil, i
		}
	case '：':
		if !spaced && (vis[j+1].r == '/' || vis[j+1].r == '：') {
			return nil, i
		}
		to := ":"
		if !spaced {
			to = ": "
		}
		s.add(Slip{Kind: SlipColon, From: "：", To: to, Fix: true}, vis[j])
	default:
		return nil, i
	}
	return key, s.blanks(vis, j+1)
}

// value finds the slips of the value that starts at i.
func (s *slipScanner) value(vis []char, i int, key []char, width int) {
	for i < len(vis) && vis[i].r == ' ' {
		i++
	}
	if i == len(vis) {
		return
	}
	switch r := vis[i].r; r {
	case '|', '>':
		s.block = width
	case '"', '\'':
		if closeQuote(vis, i+1, r) < 0 {
			s.quote = r
		}
	case '“', '‘':
		s.curly(vis[i:])
	case '［', '｛':
		s.fullBrackets(vis, i)
	case '[', '{':
		s.flow(vis, i)
	default:
		s.scalar(plainEnd(vis[i:]), key)
	}
}

// closeQuote returns the index of the quote that closes a scalar opened
// with q, looking from i, or -1.
func closeQuote(vis []char, i int, q rune) int {
	for ; i < len(vis); i++ {
		switch {
		case q == '"' && vis[i].r == '\\':
			i++
		case vis[i].r == q && q == '\'' && i+1 < len(vis) && vis[i+1].r == '\'':
			i++
		case vis[i].r == q:
			return i
		}
	}
	return -1
}

// plainEnd cuts a plain value at its comment and trailing spaces.
func plainEnd(vis []char) []char {
	for i := 1; i < len(vis); i++ {
		if vis[i].r == '#' && isBlank(vis[i-1].r) {
			vis = vis[:i]
			break
		}
	}
	for len(vis) > 0 && isBlank(vis[len(vis)-1].r) {
		vis = vis[:len(vis)-1]
	}
	return vis
}

// trimBlank cuts the spaces around vis.
func trimBlank(vis []char) []char {
	for len(vis) > 0 && isBlank(vis[0].r) {
		vis = vis[1:]
	}
	for len(vis) > 0 && isBlank(vis[len(vis)-1].r) {
		vis = vis[:len(vis)-1]
	}
	return vis
}

// numberKeys are the fields whose values are whole numbers.
var numberKeys = map[string]bool{"year": true, "members": true, "weight": true, "count": true}

// asciiDigit maps a full-width digit to its ASCII form.
func asciiDigit(r rune) (rune, bool) {
	if r >= '０' && r <= '９' {
		return r - '０' + '0', true
	}
	return r, false
}

// isDash reports a character typed for a hyphen in a date.
func isDash(r rune) bool {
	switch r {
	case '－', '—', '–', '‐', '‑', '―', '−':
		return true
	}
	return false
}

// scalar records full-width digits and dashes in a plain value that reads
// as a date (2020-06-30) once they are replaced, or as a whole number for
// a number field.
func (s *slipScanner) scalar(vis []char, key []char) {
	if !slices.ContainsFunc(vis, func(c char) bool { _, fw := asciiDigit(c.r); return fw || isDash(c.r) }) {
		return // nothing typed full-width: the common case, decided without copying
	}
	var norm []rune
	changed := false
	for _, c := range vis {
		r, fw := asciiDigit(c.r)
		if isDash(c.r) {
			r, fw = '-', true
		}
		changed = changed || fw
		norm = append(norm, r)
	}
	if !changed || !(isDate(norm) || numberKeys[runes(key)] && isNumber(norm)) {
		return
	}
	for k := 0; k < len(vis); {
		switch {
		case isDash(vis[k].r):
			s.add(Slip{Kind: SlipDash, From: string(vis[k].r), To: "-", Fix: true}, vis[k])
			k++
		case vis[k].r >= '０' && vis[k].r <= '９':
			e := k
			for e < len(vis) && vis[e].r >= '０' && vis[e].r <= '９' {
				e++
			}
			s.addRun(Slip{Kind: SlipDigit, From: runes(vis[k:e]), To: string(norm[k:e]), Fix: true}, vis[k:e])
			k = e
		default:
			k++
		}
	}
}

// isDate reports whether r is a date as YYYY-M-D.
func isDate(r []rune) bool {
	parts := strings.Split(string(r), "-")
	return len(parts) == 3 && len(parts[0]) == 4 && isNumber([]rune(parts[0])) &&
		len(parts[1]) <= 2 && isNumber([]rune(parts[1])) && len(parts[2]) <= 2 && isNumber([]rune(parts[2]))
}

// isNumber reports whether r is one or more ASCII digits.
func isNumber(r []rune) bool {
	for _, c := range r {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(r) > 0
}

// curly records curly quotes around a value that holds ": ", where Word
// turned the author's quotes into typographic ones and the value no
// longer parses. Whether the author wants the quotes shown is unknown,
// so the slip is not fixed; the file is read with ASCII quotes, the
// quoted text as the value, when that is safe.
func (s *slipScanner) curly(vis []char) {
	vis = plainEnd(vis)
	open := vis[0].r
	closing := map[rune]rune{'“': '”', '‘': '’'}[open]
	if len(vis) < 2 || vis[len(vis)-1].r != closing {
		return
	}
	inner := runes(vis[1 : len(vis)-1])
	if !strings.Contains(inner, ": ") {
		return
	}
	to := "\""
	if open == '‘' {
		to = "'"
	}
	safe := !strings.ContainsAny(inner, "\"\\'")
	s.add(Slip{Kind: SlipQuote, From: string(open), To: to, Repair: safe}, vis[0])
	s.add(Slip{Kind: SlipQuote, From: string(closing), To: to, Repair: safe, Part: true}, vis[len(vis)-1])
}

// fullBrackets records full-width brackets around a whole value and reads
// the value as the flow collection they mean.
func (s *slipScanner) fullBrackets(vis []char, i int) {
	end := plainEnd(vis[i:])
	want := map[rune]rune{'［': '］', '｛': '｝'}[vis[i].r]
	last := len(end) - 1
	if last < 1 || end[last].r != want {
		return
	}
	ascii := map[rune]string{'［': "[", '］': "]", '｛': "{", '｝': "}"}
	open, closing := end[0], end[last]
	s.add(Slip{Kind: SlipBracket, From: string(open.r), To: ascii[open.r], Fix: true}, open)
	s.add(Slip{Kind: SlipBracket, From: string(closing.r), To: ascii[closing.r], Fix: true, Part: true}, closing)
	line := append([]char(nil), vis...)
	line[i].r, line[i+last].r = []rune(ascii[open.r])[0], []rune(ascii[closing.r])[0]
	s.flow(line, i)
}

// flowLevel is an open [ ] or { } collection.
type flowLevel struct {
	seq    bool
	start  int   // index after the opening bracket
	commas []int // Chinese commas directly inside a sequence
	ascii  bool  // an ASCII comma separates items
	nested bool
}

// flow records the slips of a flow collection that opens at i and closes
// on the same line: Chinese commas between items, full-width colons after
// keys, and the dates among its values.
func (s *slipScanner) flow(vis []char, i int) {
	var stack []*flowLevel
	item := i + 1
	for j := i; j < len(vis); j++ {
		r := vis[j].r
		switch {
		case r == '"' || r == '\'':
			if j = closeQuote(vis, j+1, r); j < 0 {
				return
			}
		case r == '[' || r == '{':
			if len(stack) > 0 {
				stack[len(stack)-1].nested = true
			}
			stack = append(stack, &flowLevel{seq: r == '[', start: j + 1})
			item = j + 1
		case r == ']' || r == '}':
			if len(stack) == 0 {
				return
			}
			top := stack[len(stack)-1]
			s.flowItem(vis[item:j])
			if top.seq {
				s.seqCommas(vis, top, j)
			}
			stack, item = stack[:len(stack)-1], j+1
			if len(stack) == 0 {
				return
			}
		case len(stack) == 0:
			return
		case r == ',':
			s.flowItem(vis[item:j])
			stack[len(stack)-1].ascii, item = true, j+1
		case r == '，' && stack[len(stack)-1].seq:
			stack[len(stack)-1].commas = append(stack[len(stack)-1].commas, j)
		case r == '，' && startsKey(vis[j+1:]):
			s.add(Slip{Kind: SlipComma, From: "，", To: ",", Fix: true}, vis[j])
			s.flowItem(vis[item:j])
			item = j + 1
		case r == '#' && isBlank(vis[j-1].r):
			return
		}
	}
}

// startsKey reports whether vis starts, after spaces, with "key:" or
// "key：".
func startsKey(vis []char) bool {
	vis = trimBlank(vis)
	k := 0
	for k < len(vis) && isKeyChar(vis[k].r) {
		k++
	}
	return k > 0 && isKeyStart(vis[0].r) && k < len(vis) && (vis[k].r == ':' || vis[k].r == '：')
}

// flowItem records the slips of one item of a flow collection: a key's
// full-width colon and a date or number value.
func (s *slipScanner) flowItem(vis []char) {
	vis = trimBlank(vis)
	if len(vis) == 0 || vis[0].r == '[' || vis[0].r == '{' || vis[0].r == '"' || vis[0].r == '\'' {
		return
	}
	var key []char
	j := 0
	if startsKey(vis) {
		k := 0
		for isKeyChar(vis[k].r) {
			k++
		}
		if vis[k].r == '：' {
			to := ":"
			if k+1 < len(vis) && !isBlank(vis[k+1].r) {
				to = ": "
			}
			s.add(Slip{Kind: SlipColon, From: "：", To: to, Fix: true}, vis[k])
		}
		key, j = vis[:k], s.blanks(vis, k+1)
	}
	s.scalar(trimBlank(vis[j:]), key)
}

// seqCommas records the Chinese commas directly inside a sequence that
// closes at end. They are fixed when they plainly separate short items
// (tags: [便民服务，志愿服务]); in longer text a comma may belong to the
// item, and the slip is only a warning.
func (s *slipScanner) seqCommas(vis []char, l *flowLevel, end int) {
	if len(l.commas) == 0 {
		return
	}
	sure := !l.ascii && !l.nested
	from := l.start
	for _, c := range append(l.commas, end) {
		piece := trimBlank(vis[from:c])
		if len(piece) == 0 || len(piece) > 10 {
			sure = false
		}
		from = c + 1
	}
	for _, c := range l.commas {
		s.add(Slip{Kind: SlipComma, From: "，", To: ",", Fix: sure, Warning: !sure}, vis[c])
	}
}
