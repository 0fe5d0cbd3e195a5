// Package fields decodes position-carrying YAML nodes into typed values for
// the site configuration and the content schema. Every problem becomes a
// finding at the node that caused it, and decoding goes on, so one run
// reports every mistake in a file.
package fields

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// Map is a decoded mapping: its node and the value node of each known key.
type Map struct {
	Node   *yaml.Node
	Keys   map[string]*yaml.Node
	values map[string]*yaml.Node
}

// Value returns the value node of key, or nil when the key is absent.
func (m Map) Value(key string) *yaml.Node { return m.values[key] }

// Has reports whether key is present.
func (m Map) Has(key string) bool { return m.values[key] != nil }

// Mapping checks that n is a mapping whose keys are all in known, reporting
// unknown keys (with a "did you mean" hint) and duplicate keys. what names the
// mapping in messages, for example "品牌" or "ideas".
func (d *Decoder) Mapping(n *yaml.Node, what string, known []string) (Map, bool) {
	m := Map{Node: n, Keys: map[string]*yaml.Node{}, values: map[string]*yaml.Node{}}
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.Errorf(n, "schema/type",
			diag.T("%s 应是“字段: 值”的映射", "%s must be a mapping of fields", what),
			diag.T("在下一行缩进两个空格，逐行写出各字段", "write its fields on the following lines, indented by two spaces"))
		return m, false
	}
	m.Node = n
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		switch {
		case !contains(known, key):
			hint := diag.T("允许的字段：%s", "allowed keys: %s", strings.Join(known, ", "))
			if s := Suggest(key, known); s != "" {
				hint = diag.T("是不是想写 %q？", "did you mean %q?", s)
			}
			d.Errorf(k, "schema/unknown-key",
				diag.T("未知字段 %q", "unknown key %q", key), hint)
		case m.values[key] != nil:
			d.Errorf(k, "schema/duplicate-key",
				diag.T("字段 %q 重复出现（第一次在第 %d 行）", "key %q appears twice (first on line %d)", key, m.Keys[key].Line),
				diag.T("删除其中一个", "remove one of them"))
		default:
			m.Keys[key] = k
			m.values[key] = resolve(v)
		}
	}
	return m, true
}

// Require reports each key of keys that m lacks, at the mapping's first line.
func (d *Decoder) Require(m Map, what string, keys ...string) {
	for _, k := range keys {
		if m.Has(k) {
			continue
		}
		pos := d.Pos(m.Node)
		pos.Col = 1
		d.Diags.Errorf(pos, "schema/required",
			diag.T("%s缺少必填字段 %q", "%s is missing the required key %q", what, k),
			diag.T("添加一行 %s: …", "add a line \"%s: …\"", k))
	}
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 8; depth++ {
		n = n.Alias
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *Decoder) typeError(n *yaml.Node, key, wantZH, wantEN string) {
	d.Errorf(n, "schema/type",
		diag.Text{ZH: fmt.Sprintf("字段 %q 应是%s", key, wantZH), EN: fmt.Sprintf("%q must be %s", key, wantEN)},
		diag.T("按字段说明改写这个值", "rewrite the value as the field's description says"))
}

// String decodes a scalar as text. Numbers and dates are accepted as their
// text, since authors write a title like 2021 without quotes.
func (d *Decoder) String(n *yaml.Node, key string) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.typeError(n, key, "一段文字", "text")
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// Int decodes a whole number.
func (d *Decoder) Int(n *yaml.Node, key string) (int, bool) {
	if n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	d.typeError(n, key, "一个整数，例如 23", "a whole number, for example 23")
	return 0, false
}

// Bool decodes true or false.
func (d *Decoder) Bool(n *yaml.Node, key string) (bool, bool) {
	if n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		if v, err := strconv.ParseBool(n.Value); err == nil {
			return v, true
		}
	}
	d.typeError(n, key, " true 或 false", "true or false")
	return false, false
}

// Date decodes a calendar date written YYYY-MM-DD and checks that the day
// exists.
func (d *Decoder) Date(n *yaml.Node, key string) (time.Time, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		d.typeError(n, key, "日期，格式为 2020-06-30", "a date written YYYY-MM-DD")
		return time.Time{}, false
	}
	v := strings.TrimSpace(n.Value)
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		d.Errorf(n, "schema/date",
			diag.T("%q 不是有效日期：%q", "%q is not a valid date: %q", key, v),
			diag.T("写成 年-月-日，例如 2020-06-30，并确认这一天存在", "write YYYY-MM-DD, for example 2020-06-30, and check the day exists"))
		return time.Time{}, false
	}
	return t, true
}

// Seq checks that n is a sequence and returns its items.
func (d *Decoder) Seq(n *yaml.Node, key string) ([]*yaml.Node, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		d.Errorf(n, "schema/type",
			diag.T("字段 %q 应是列表", "%q must be a list", key),
			diag.T("写成 [甲, 乙]，或在下面逐行以“- ”开头列出", "write [a, b], or one item per line starting with \"- \""))
		return nil, false
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		items[i] = resolve(c)
	}
	return items, true
}

// Strings decodes a list of text items.
func (d *Decoder) Strings(n *yaml.Node, key string) ([]string, bool) {
	items, ok := d.Seq(n, key)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, good := d.String(it, key); good {
			out = append(out, s)
		} else {
			ok = false
		}
	}
	return out, ok
}

// Len counts the characters of s, the way a reader counts them.
func Len(s string) int { return utf8.RuneCountInString(s) }
