package fields

import (
	"errors"
	"regexp"

	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

var idPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// ValidID reports whether s is a valid id for a unit, brand, stage or status:
// lower-case ASCII letters, digits and hyphens, as used in URLs.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// ParseYAML parses YAML (front matter, or a whole configuration file when
// offset is 0) into a mapping node whose lines are lines of the file.
func ParseYAML(file string, raw []byte, offset int, diags *diag.List) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Load(raw, &doc); err != nil {
		line, col := 0, 0
		msg := err.Error()
		var le *yaml.LoadError
		if errors.As(err, &le) {
			line, col, msg = le.Mark.Line, le.Mark.Column, le.Message
		}
		if line > 0 {
			line += offset
		} else {
			line = offset
		}
		diags.Errorf(diag.Position{File: file, Line: line, Col: col}, "content/yaml-syntax",
			diag.T("前置信息的 YAML 格式有误：%s", "malformed YAML front matter: %s", msg),
			diag.T("检查这一行的缩进和冒号：每个字段写成“名称: 值”，冒号后留一个空格；含冒号的值用引号括起来", "check the indentation and colons on this line; write \"key: value\" with a space after the colon and quote values that contain a colon"))
		return nil
	}
	if doc.Kind == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: offset + 1, Column: 1}
	}
	node := &doc
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		node = node.Content[0]
	}
	shiftLines(node, offset, map[*yaml.Node]bool{})
	if node.Kind != yaml.MappingNode {
		diags.Errorf(diag.Position{File: file, Line: node.Line, Col: node.Column}, "content/not-mapping",
			diag.T("前置信息应是“字段: 值”的列表", "front matter must be a list of \"key: value\" fields"),
			diag.T("每行写一个字段，例如 name: 红色账本", "write one field per line, for example \"name: 红色账本\""))
		return nil
	}
	return node
}

// shiftLines turns front-matter lines into file lines.
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
