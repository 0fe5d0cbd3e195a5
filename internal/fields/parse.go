package fields

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

// ParseYAML parses YAML into a mapping node whose lines are lines of the
// file: raw starts on file line offset+1 (offset is 0 for a whole file, the
// opening delimiter's line for front matter). Syntax errors are reported
// under rule at the best position the parser knows. Empty YAML is an empty
// mapping, so the schema can name the keys it lacks.
func ParseYAML(file string, raw []byte, offset int, rule string, diags *diag.List) *yaml.Node {
	raw = NormalizeBreaks(raw)
	if node, ok := fastYAML(raw, offset); ok {
		if !CheckShape(file, node, diags) {
			return nil
		}
		return node
	}
	node, err := loadOne(raw)
	if err != nil {
		reportYAMLError(file, raw, offset, rule, err, diags)
		return nil
	}
	if node == nil {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: offset + 1, Column: 1}
	}
	shiftLines(node, offset, map[*yaml.Node]bool{})
	if !CheckShape(file, node, diags) {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		line, col := clamp(raw, node.Line-offset, node.Column)
		diags.Errorf(diag.Position{File: file, Line: line + offset, Col: col}, "content/not-mapping",
			diag.T("YAML 内容应是一行一个的“字段: 值”", "the YAML must be \"key: value\" fields, one per line"),
			diag.T("每行写一个字段，例如 name: 红色账本", "write one field per line, for example \"name: 红色账本\""))
		return nil
	}
	return node
}

// NormalizeBreaks returns data with each carriage return that is not part
// of a CRLF pair turned into a line feed. YAML and editors take a lone CR
// for a line break; with it made a line feed, every line count agrees, and
// no byte moves.
func NormalizeBreaks(data []byte) []byte {
	i := bytes.IndexByte(data, '\r')
	if i < 0 {
		return data
	}
	out := bytes.Clone(data)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// loadOne parses the single document of raw; it returns nil for a document
// with nothing in it, and an error for a second document.
func loadOne(raw []byte) (*yaml.Node, error) {
	l, err := yaml.NewLoader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := l.Load(&doc); err == io.EOF {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var extra yaml.Node
	if err := l.Load(&extra); err != io.EOF {
		if err == nil {
			err = &yaml.LoadError{Message: "more than one document", Mark: markOf(&extra)}
		}
		return nil, err
	}
	node := &doc
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) != 1 {
			return nil, nil
		}
		node = node.Content[0]
	}
	if node.Kind == 0 || isNull(node) {
		return nil, nil
	}
	return node, nil
}

func markOf(n *yaml.Node) yaml.Mark {
	return yaml.Mark{Line: n.Line, Column: n.Column}
}

// reportYAMLError turns a parser error into a finding. An error at the very
// end of the input, or inside a [ ] or { } collection, is about something
// left open, such as a quote or a bracket, so it is reported where that was
// opened: the parser only notices later, often lines later.
func reportYAMLError(file string, raw []byte, offset int, rule string, err error, diags *diag.List) {
	le := firstLoadError(err)
	pos := diag.Position{File: file, Line: offset}
	msg := err.Error()
	if le != nil {
		msg = le.Message
		mark := le.Mark
		atEnd := mark.Index >= utf8.RuneCount(raw)
		inFlow := strings.HasPrefix(le.ContextMsg, "while parsing a flow")
		if le.ContextMark.Line > 0 && (atEnd || inFlow) {
			mark = le.ContextMark
		}
		if mark.Line == 0 {
			// The reader, which checks characters, gives a byte offset only.
			mark.Line, mark.Column = lineCol(raw, mark.Index)
		}
		line, col := clamp(raw, mark.Line, mark.Column)
		pos.Line, pos.Col = line+offset, col
	}
	diags.Errorf(pos, rule,
		diag.T("YAML 格式有误：%[1]s", "malformed YAML: %[2]s", explainYAML(msg), msg),
		diag.T("每个字段写成“名称: 值”，冒号后留一个空格；只用空格缩进；含冒号、# 或引号的值整体用引号括起来", "write \"key: value\" with a space after the colon, indent with spaces only, and quote values that contain a colon, # or quotes"))
}

// lineCol turns a byte offset into raw into a line and a column counted
// in characters.
func lineCol(raw []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(raw))
	start := bytes.LastIndexByte(raw[:offset], '\n') + 1
	return bytes.Count(raw[:offset], []byte("\n")) + 1, utf8.RuneCount(raw[start:offset]) + 1
}

// clamp keeps a parser's position inside raw: at the end of input the
// parser may point one line past the last.
func clamp(raw []byte, line, col int) (int, int) {
	lines := bytes.Split(raw, []byte("\n"))
	if line > len(lines) {
		line, col = len(lines), utf8.RuneCount(lines[len(lines)-1])+1
	}
	return line, col
}

// firstLoadError finds the positioned error inside err, if any.
func firstLoadError(err error) *yaml.LoadError {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		return le
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		return les.Errors[0]
	}
	return nil
}

// shiftLines turns lines of raw into lines of the file.
func shiftLines(n *yaml.Node, offset int, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	n.Line += offset
	for _, c := range n.Content {
		shiftLines(c, offset, seen)
	}
}
