// Package fields decodes position-carrying YAML nodes into typed values for
// the site configuration and the content schema. Every problem becomes a
// finding at the node that caused it, and decoding goes on, so one run
// reports every mistake in a file.
package fields

import (
	"strings"

	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

// Decoder decodes nodes of one file and collects findings about them.
type Decoder struct {
	File  string
	Diags *diag.List
}

// Pos returns the file position of a node.
func (d *Decoder) Pos(n *yaml.Node) diag.Position {
	if n == nil {
		return diag.Position{File: d.File}
	}
	return diag.Position{File: d.File, Line: n.Line, Col: n.Column}
}

// Errorf reports an error at node n.
func (d *Decoder) Errorf(n *yaml.Node, rule string, msg, hint diag.Text) {
	d.Diags.Errorf(d.Pos(n), rule, msg, hint)
}

// Warnf reports a warning at node n.
func (d *Decoder) Warnf(n *yaml.Node, rule string, msg, hint diag.Text) {
	d.Diags.Warnf(d.Pos(n), rule, msg, hint)
}

// Keys describes the keys a mapping may hold.
type Keys struct {
	// Known are the allowed keys, in the order hints list them.
	Known []string
	// Labels maps words an author may write instead of a key, such as the
	// Chinese label 品牌名称, to the key, so the hint can name the key.
	Labels map[string]string
}

// Map is a decoded mapping: its node and the key and value nodes of each
// known key. The nodes stand in slices in the order of Keys.Known rather
// than in maps: a brand's front matter holds a dozen mappings, and two
// maps each were a fifth of what loading a brand allocated.
type Map struct {
	Node   *yaml.Node
	known  []string
	keys   []*yaml.Node
	values []*yaml.Node
}

// Key returns the key node of key, or nil when the key is absent.
func (m Map) Key(key string) *yaml.Node {
	if i := index(m.known, key); i >= 0 {
		return m.keys[i]
	}
	return nil
}

// Value returns the value node of key, or nil when the key is absent or
// left empty (key: with nothing after it), so empty optional keys count as
// not given.
func (m Map) Value(key string) *yaml.Node {
	if i := index(m.known, key); i >= 0 && !isNull(m.values[i]) {
		return m.values[i]
	}
	return nil
}

// Has reports whether key is present with a value.
func (m Map) Has(key string) bool { return m.Value(key) != nil }

// Mapping checks that n is a mapping whose keys are all known, reporting
// unknown keys (with a "did you mean" hint) and duplicate keys. what names
// the mapping in messages, for example 品牌/brand or ideas.
func (d *Decoder) Mapping(n *yaml.Node, what diag.Text, keys Keys) (Map, bool) {
	slots := make([]*yaml.Node, 2*len(keys.Known))
	m := Map{Node: n, known: keys.Known, keys: slots[:len(keys.Known)], values: slots[len(keys.Known):]}
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.Errorf(n, "schema/type",
			diag.T("%[1]s 应是“字段: 值”的映射", "%[2]s must be a mapping of fields", what.ZH, what.EN),
			diag.T("在下一行缩进两个空格，逐行写出各字段", "write its fields on the following lines, indented by two spaces"))
		return m, false
	}
	m.Node = n
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch key, i := k.Value, index(keys.Known, k.Value); {
		case i < 0:
			d.Errorf(k, "schema/unknown-key", diag.T("未知字段 %q", "unknown key %q", key), unknownKeyHint(key, keys))
		case m.keys[i] != nil:
			d.Errorf(k, "schema/duplicate-key",
				diag.T("字段 %q 重复出现（第一次在第 %d 行）", "key %q appears twice (first on line %d)", key, m.keys[i].Line),
				diag.T("删除其中一个", "remove one of them"))
		default:
			m.keys[i] = k
			m.values[i] = resolve(v)
		}
	}
	return m, true
}

// unknownKeyHint names the key the author most likely meant, or lists the
// allowed keys when none is close.
func unknownKeyHint(key string, keys Keys) diag.Text {
	if s := keys.Labels[strings.TrimSpace(key)]; s != "" {
		return diag.T("“%s”请写成字段名 %q", "write the key %[2]q for %[1]s", key, s)
	}
	if s := Suggest(key, keys.Known); s != "" {
		return diag.T("是不是想写 %q？", "did you mean %q?", s)
	}
	return diag.T("允许的字段：%s", "allowed keys: %s", strings.Join(keys.Known, ", "))
}

// Require reports each of keys that m lacks: an absent key at the start of
// the mapping, a key left empty at its value.
func (d *Decoder) Require(m Map, what diag.Text, keys ...string) {
	for _, k := range keys {
		i := index(m.known, k)
		switch {
		case i < 0 || m.keys[i] == nil:
			d.Errorf(m.Node, "schema/required",
				diag.T("%[1]s缺少必填字段 %[2]q", "%[3]s is missing the required key %[2]q", what.ZH, k, what.EN),
				diag.T("添加一行 %s: …", "add a line \"%s: …\"", k))
		case isNull(m.values[i]):
			d.Errorf(m.values[i], "schema/empty",
				diag.T("必填字段 %q 没有填写内容", "the required key %q has no value", k),
				diag.T("在 %s: 后面空一格写上内容", "write the value after \"%s: \"", k))
		}
	}
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 8; depth++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// index is the place of s in list, or -1.
func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
