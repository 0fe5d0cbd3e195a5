package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"showcase/internal/diag"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v4"
)

// parseTOML parses TOML front matter into the same node tree YAML gives, so
// the schema has one representation to check. go-toml's unstable parser is
// used because it keeps the byte range of every key and value.
func parseTOML(file string, raw []byte, offset int, diags *diag.List) *yaml.Node {
	t := tomlConverter{raw: raw, offset: offset}
	t.p.Reset(raw)
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: offset + 1, Column: 1}
	table := root
	for t.p.NextExpression() {
		e := t.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			t.addKeyValue(table, e)
		case unstable.Table, unstable.ArrayTable:
			table = t.openTable(root, e)
		}
	}
	if err := t.p.Error(); err != nil {
		t.report(file, err, diags)
		return nil
	}
	return root
}

// report turns a TOML parser error into a finding at the text the parser
// highlights. The parser names a character by its first byte only, so the
// Chinese message quotes the text itself.
func (t *tomlConverter) report(file string, err error, diags *diag.List) {
	pos := diag.Position{File: file, Line: t.offset}
	near := ""
	var pe *unstable.ParserError
	if errors.As(err, &pe) && len(pe.Highlight) > 0 {
		r := t.p.Range(pe.Highlight)
		p := t.pos(r)
		pos.Line, pos.Col = p.Line, p.Column
		near = excerpt(t.raw[min(int(r.Offset), len(t.raw)):])
	}
	msg := diag.T("TOML 格式有误：%s", "malformed TOML: %s", err.Error())
	if near != "" {
		msg.ZH = fmt.Sprintf("TOML 格式有误：无法识别从“%s”开始的内容", near)
	}
	diags.Errorf(pos, "content/toml-syntax", msg,
		diag.T("每个字段写成 名称 = \"值\"，文字要用双引号括起来，日期写成 2020-06-30", "write key = \"value\" with quotes around text and dates as 2020-06-30"))
}

// excerpt returns the first few characters of b's first line.
func excerpt(b []byte) string {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		b = b[:i]
	}
	var out []rune
	for len(b) > 0 && len(out) < 8 {
		r, size := utf8.DecodeRune(b)
		out = append(out, r)
		b = b[size:]
	}
	return strings.TrimSpace(string(out))
}

type tomlConverter struct {
	p      unstable.Parser
	raw    []byte
	offset int
}

// pos returns the file position of a byte range, with the column counted in
// characters.
func (t *tomlConverter) pos(r unstable.Range) yaml.Node {
	s := t.p.Shape(r).Start
	lineStart := s.Offset - (s.Column - 1)
	col := utf8.RuneCount(t.raw[lineStart:s.Offset]) + 1
	return yaml.Node{Line: s.Line + t.offset, Column: col}
}

func (t *tomlConverter) keyNode(k *unstable.Node) *yaml.Node {
	p := t.pos(k.Raw)
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(k.Data), Line: p.Line, Column: p.Column}
}

// descend finds or creates the mapping for each key part but the last.
func (t *tomlConverter) descend(m *yaml.Node, it unstable.Iterator) (*yaml.Node, *yaml.Node) {
	var last *yaml.Node
	for it.Next() {
		k := it.Node()
		if last != nil {
			m = childMapping(m, last)
		}
		last = t.keyNode(k)
	}
	return m, last
}

func (t *tomlConverter) addKeyValue(m *yaml.Node, e *unstable.Node) {
	m, key := t.descend(m, e.Key())
	if key == nil {
		return
	}
	m.Content = append(m.Content, key, t.value(e.Value()))
}

func (t *tomlConverter) openTable(root *yaml.Node, e *unstable.Node) *yaml.Node {
	m, key := t.descend(root, e.Key())
	if key == nil {
		return root
	}
	if e.Kind == unstable.Table {
		return childMapping(m, key)
	}
	seq := lookup(m, key.Value)
	if seq == nil || seq.Kind != yaml.SequenceNode {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: key.Line, Column: key.Column}
		m.Content = append(m.Content, key, seq)
	}
	item := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: key.Line, Column: key.Column}
	seq.Content = append(seq.Content, item)
	return item
}

// childMapping returns the mapping under key in m, creating it if needed.
func childMapping(m *yaml.Node, key *yaml.Node) *yaml.Node {
	if c := lookup(m, key.Value); c != nil && c.Kind == yaml.MappingNode {
		return c
	}
	c := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: key.Line, Column: key.Column}
	m.Content = append(m.Content, key, c)
	return c
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var tomlTags = map[unstable.Kind]string{
	unstable.String: "!!str", unstable.Bool: "!!bool", unstable.Integer: "!!int",
	unstable.Float: "!!float", unstable.LocalDate: "!!timestamp",
	unstable.LocalDateTime: "!!timestamp", unstable.DateTime: "!!timestamp", unstable.LocalTime: "!!str",
}

func (t *tomlConverter) value(v *unstable.Node) *yaml.Node {
	p := t.pos(v.Raw)
	n := &yaml.Node{Line: p.Line, Column: p.Column}
	switch v.Kind {
	case unstable.Array:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for it := v.Children(); it.Next(); {
			n.Content = append(n.Content, t.value(it.Node()))
		}
	case unstable.InlineTable:
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		for it := v.Children(); it.Next(); {
			t.addKeyValue(n, it.Node())
		}
	default:
		n.Kind, n.Tag = yaml.ScalarNode, tomlTags[v.Kind]
		n.Value = strings.ReplaceAll(string(v.Data), "_", "")
		if v.Kind == unstable.String {
			n.Value = string(v.Data)
		}
	}
	return n
}
