package fields

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// fastYAML parses raw when it is written in the plain part of YAML that
// front matter uses: block mappings and sequences indented with spaces,
// one-line plain or quoted scalars without escapes, one-line flow
// sequences and mappings of such scalars, no comments, anchors, tags or
// multi-line scalars. It returns the tree the YAML parser would, lines
// already shifted by offset, and false for anything else, which the
// parser then reads: every error and every unusual shape goes the slow
// way, so findings are worded and placed as before. FuzzFastYAML holds
// the two to the same trees.
//
// The YAML parser builds a token and an event for every scalar on the way
// to a node, and was a third of a brand's load; this reads each line once.
func fastYAML(raw []byte, offset int) (*yaml.Node, bool) {
	if !plainText(raw) {
		return nil, false
	}
	p := fastParser{raw: raw, offset: offset}
	p.splitLines()
	li := p.skipBlank(0)
	if li == len(p.lines) {
		return nil, false // empty: the parser's way
	}
	n, li, ok := p.mapping(li, p.lines[li].indent, p.lines[li].indent)
	if !ok || p.skipBlank(li) != len(p.lines) {
		return nil, false
	}
	return n, true
}

// plainText reports whether raw holds none of what fastYAML leaves to the
// parser anywhere in it: comments, tabs, carriage returns but those of
// CRLF line ends, characters YAML does not print, and invalid UTF-8.
func plainText(raw []byte) bool {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n' && (c != '\r' || i+1 == len(raw) || raw[i+1] != '\n')) || c == '#' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError || r < 0xa0 || (r >= 0xd800 && r < 0xe000) || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

// fastLine is one line of the YAML: where it starts in raw, its end (no
// line break) and its indentation in spaces.
type fastLine struct {
	start, end, indent int
	blank              bool
}

type fastParser struct {
	raw    []byte
	offset int
	lines  []fastLine
	nodes  []yaml.Node // allocated in slabs, one allocation for many nodes
}

func (p *fastParser) splitLines() {
	p.lines = make([]fastLine, 0, bytes.Count(p.raw, []byte{'\n'})+1)
	for start := 0; start <= len(p.raw); {
		end := bytes.IndexByte(p.raw[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(p.raw), len(p.raw)+1
		} else {
			end += start
		}
		if end > start && p.raw[end-1] == '\r' {
			end-- // a CRLF line end, as Windows editors write
		}
		indent := 0
		for start+indent < end && p.raw[start+indent] == ' ' {
			indent++
		}
		p.lines = append(p.lines, fastLine{start: start, end: end, indent: indent, blank: start+indent == end})
		start = next
	}
	// A line holds a key and a value, or an entry and its value; a flow
	// collection a node for itself and one or two an item.
	n := 2*len(p.lines) + 2*bytes.Count(p.raw, []byte{','}) + bytes.Count(p.raw, []byte{'{'}) + bytes.Count(p.raw, []byte{'['}) + 4
	p.nodes = make([]yaml.Node, 0, n)
}

// node returns a new node at byte at of line li.
func (p *fastParser) node(kind yaml.Kind, tag string, li, at int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, max(16, cap(p.nodes)/4))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Tag: tag, Line: li + 1 + p.offset, Column: p.col(li, at)})
	return &p.nodes[len(p.nodes)-1]
}

// col is the column, in characters from 1, of byte at of line li.
func (p *fastParser) col(li, at int) int {
	l := p.lines[li]
	return utf8.RuneCount(p.raw[l.start:l.start+at]) + 1
}

// text is line li from byte at on.
func (p *fastParser) text(li, at int) []byte {
	l := p.lines[li]
	return p.raw[l.start+at : l.end]
}

func (p *fastParser) skipBlank(li int) int {
	for li < len(p.lines) && p.lines[li].blank {
		li++
	}
	return li
}

// mapping reads a block mapping whose keys stand at indent; the first key
// is on line li at byte first (the indentation, or after "- " in a
// sequence). It returns the line after it.
func (p *fastParser) mapping(li, indent, first int) (*yaml.Node, int, bool) {
	m := p.node(yaml.MappingNode, "!!map", li, first)
	at := first
	for {
		text := p.text(li, at)
		colon := keyEnd(text)
		if colon <= 0 || !plainStart(text) || text[colon-1] == ' ' {
			return nil, 0, false
		}
		m.Content = append(m.Content, p.scalar(text[:colon], li, at))
		// The value: the rest of the line, or the block below it.
		rest := at + colon + 1
		for rest < p.lines[li].end-p.lines[li].start && p.raw[p.lines[li].start+rest] == ' ' {
			rest++
		}
		var v *yaml.Node
		var ok bool
		if rest == p.lines[li].end-p.lines[li].start {
			v, li, ok = p.block(li+1, indent)
		} else {
			v, ok = p.inline(li, rest)
			li++
		}
		if !ok {
			return nil, 0, false
		}
		m.Content = append(m.Content, v)
		li = p.skipBlank(li)
		if li == len(p.lines) || p.lines[li].indent < indent {
			return m, li, true
		}
		if p.lines[li].indent > indent {
			return nil, 0, false // a continued scalar, or a mistake
		}
		at = indent
	}
}

// block reads the value of a key written below it, starting at line li:
// a mapping or sequence indented further than the key, or a sequence at
// the key's own indentation.
func (p *fastParser) block(li, indent int) (*yaml.Node, int, bool) {
	li = p.skipBlank(li)
	if li == len(p.lines) {
		return nil, 0, false // an empty value
	}
	l := p.lines[li]
	switch {
	case isEntry(p.text(li, l.indent)) && l.indent >= indent:
		return p.sequence(li, l.indent)
	case l.indent > indent:
		return p.mapping(li, l.indent, l.indent)
	}
	return nil, 0, false
}

// sequence reads a block sequence whose "-" stand at indent.
func (p *fastParser) sequence(li, indent int) (*yaml.Node, int, bool) {
	s := p.node(yaml.SequenceNode, "!!seq", li, indent)
	for {
		at := indent + 1
		for at < p.lines[li].end-p.lines[li].start && p.raw[p.lines[li].start+at] == ' ' {
			at++
		}
		text := p.text(li, at)
		if len(text) == 0 || isEntry(text) || text[0] == '-' {
			return nil, 0, false
		}
		var v *yaml.Node
		var ok bool
		if c := keyEnd(text); c > 0 && text[0] != '[' && text[0] != '{' && text[0] != '"' && text[0] != '\'' {
			v, li, ok = p.mapping(li, at, at)
		} else {
			v, ok = p.inline(li, at)
			li++
		}
		if !ok {
			return nil, 0, false
		}
		s.Content = append(s.Content, v)
		li = p.skipBlank(li)
		if li == len(p.lines) || p.lines[li].indent < indent {
			return s, li, true
		}
		if p.lines[li].indent > indent {
			return nil, 0, false
		}
		if !isEntry(p.text(li, indent)) {
			return s, li, true // the mapping the sequence is a value of goes on
		}
	}
}

// isEntry reports whether text starts a sequence entry.
func isEntry(text []byte) bool {
	return len(text) >= 2 && text[0] == '-' && text[1] == ' '
}

// keyEnd returns the index of the colon that ends a key in text (": " or
// a colon at the end), or -1; a quote or bracket first means no key.
func keyEnd(text []byte) int {
	for i := 0; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ') {
			return i
		}
	}
	return -1
}

// inline reads the scalar or flow collection that fills the rest of line
// li from byte at.
func (p *fastParser) inline(li, at int) (*yaml.Node, bool) {
	text := p.text(li, at)
	switch text[0] {
	case '[', '{':
		n, end, ok := p.flow(li, at)
		if !ok || len(bytes.TrimRight(p.text(li, end), " ")) != 0 {
			return nil, false
		}
		return n, true
	case '"', '\'':
		n, end, ok := p.quoted(li, at)
		if !ok || len(bytes.TrimRight(p.text(li, end), " ")) != 0 {
			return nil, false
		}
		return n, true
	}
	if !plainStart(text) || keyEnd(text) >= 0 {
		return nil, false
	}
	return p.scalar(bytes.TrimRight(text, " "), li, at), true
}

// quoted reads a one-line quoted scalar without escapes at byte at of
// line li, and returns the byte after it.
func (p *fastParser) quoted(li, at int) (*yaml.Node, int, bool) {
	text := p.text(li, at)
	q := text[0]
	end := bytes.IndexByte(text[1:], q)
	if end < 0 {
		return nil, 0, false
	}
	value := text[1 : end+1]
	if q == '"' && bytes.IndexByte(value, '\\') >= 0 {
		return nil, 0, false
	}
	if q == '\'' && end+2 < len(text) && text[end+2] == '\'' {
		return nil, 0, false // '' is a quote inside
	}
	n := p.node(yaml.ScalarNode, "!!str", li, at)
	n.Value = string(value)
	if q == '"' {
		n.Style = yaml.DoubleQuotedStyle
	} else {
		n.Style = yaml.SingleQuotedStyle
	}
	return n, at + end + 2, true
}

// flow reads a one-line flow sequence or mapping of scalars at byte at of
// line li, and returns the byte after it.
func (p *fastParser) flow(li, at int) (*yaml.Node, int, bool) {
	line := p.text(li, 0)
	open := line[at]
	closer := byte(']')
	kind, tag := yaml.SequenceNode, "!!seq"
	if open == '{' {
		closer, kind, tag = '}', yaml.MappingNode, "!!map"
	}
	n := p.node(kind, tag, li, at)
	n.Style = yaml.FlowStyle
	i := skipSpaces(line, at+1)
	if i < len(line) && line[i] == closer {
		return n, i + 1, true
	}
	for {
		if open == '{' {
			k, j, ok := p.flowScalar(li, i)
			if !ok || j >= len(line) || line[j] != ':' || j+1 >= len(line) || line[j+1] != ' ' {
				return nil, 0, false
			}
			n.Content = append(n.Content, k)
			i = skipSpaces(line, j+1)
		}
		v, j, ok := p.flowScalar(li, i)
		if !ok || j >= len(line) {
			return nil, 0, false
		}
		n.Content = append(n.Content, v)
		switch line[j] {
		case closer:
			return n, j + 1, true
		case ',':
			i = skipSpaces(line, j+1)
			if i >= len(line) || line[i] == closer {
				return nil, 0, false
			}
		default:
			return nil, 0, false
		}
	}
}

// flowScalar reads a scalar inside a flow collection at byte at of line
// li and returns the byte after it and the spaces after it.
func (p *fastParser) flowScalar(li, at int) (*yaml.Node, int, bool) {
	line := p.text(li, 0)
	if at >= len(line) {
		return nil, 0, false
	}
	if line[at] == '"' || line[at] == '\'' {
		n, end, ok := p.quoted(li, at)
		return n, skipSpaces(line, end), ok
	}
	if !plainStart(line[at:]) {
		return nil, 0, false
	}
	end := at
	for end < len(line) && !strings.ContainsRune(",[]{}:", rune(line[end])) {
		end++
	}
	if end < len(line) && line[end] == ':' && (end+1 == len(line) || line[end+1] != ' ') {
		return nil, 0, false
	}
	value := bytes.TrimRight(line[at:end], " ")
	if len(value) == 0 {
		return nil, 0, false
	}
	return p.scalar(value, li, at), end, true
}

func skipSpaces(line []byte, i int) int {
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}

// plainStart reports whether text may start a plain scalar: not empty,
// no indicator first but the minus of a number, not a document's end.
func plainStart(text []byte) bool {
	if len(text) > 1 && text[0] == '-' && (text[1] == '.' || (text[1] >= '0' && text[1] <= '9')) {
		return true // a negative number
	}
	return len(text) > 0 && !strings.ContainsRune("-?:,[]{}#&*!|>'\"%@` ", rune(text[0])) &&
		!bytes.HasPrefix(text, []byte("..."))
}

// scalar is a plain scalar with value at byte at of line li, its tag
// resolved as the YAML parser resolves it.
func (p *fastParser) scalar(value []byte, li, at int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "", li, at)
	n.Value = string(value)
	n.Tag = plainTag(n.Value)
	return n
}

// plainTag is the tag the YAML parser gives a plain scalar: the YAML 1.1
// words for booleans and null, integers in Go's notations, floats and
// dates, else a string.
func plainTag(s string) string {
	if s == "" {
		return "!!null"
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || (c >= '0' && c <= '9'):
		switch s {
		case "-0", "-0.0":
			return "!!float"
		case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
			return "!!float"
		}
		if isTimestamp(s) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return "!!int"
		}
		if yamlFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	default:
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case "<<":
			return "!!merge"
		}
	}
	return "!!str"
}

var yamlFloat = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// timestampLayouts are the layouts the YAML parser reads a date in.
var timestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether the YAML parser reads s as a date: four
// digits, a hyphen, and one of its layouts.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	if !strings.ContainsAny(s, "Tt ") {
		// Every layout but the last needs a T or a space: trying them
		// first only made errors.
		_, err := time.Parse(timestampLayouts[len(timestampLayouts)-1], s)
		return err == nil
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
