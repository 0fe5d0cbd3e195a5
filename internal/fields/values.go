package fields

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

// Placeholder starts the text that "showcase new" writes where the author
// must fill something in. A value that still holds it is an error, so a
// template cannot be published half filled.
const Placeholder = "【待填写"

// Years bound the dates a brand's file may give; anything outside is a typo.
const (
	FirstYear = 1921
	LastYear  = 2100
)

func (d *Decoder) typeError(n *yaml.Node, key, wantZH, wantEN string) {
	d.Errorf(n, "schema/type",
		diag.Text{ZH: fmt.Sprintf("字段 %q 应是%s", key, wantZH), EN: fmt.Sprintf("%q must be %s", key, wantEN)},
		diag.T("按字段说明改写这个值", "rewrite the value as the field's description says"))
}

// placeholder reports a value that still holds template text.
func (d *Decoder) placeholder(n *yaml.Node, key string) bool {
	if n == nil || n.Kind != yaml.ScalarNode || !strings.Contains(n.Value, Placeholder) {
		return false
	}
	d.Errorf(n, "schema/placeholder",
		diag.T("字段 %q 还是模板里的占位文字", "%q still holds the template's placeholder text", key),
		diag.T("把整段“【待填写……】”换成实际内容；不需要的可选字段可以整行删掉", "replace the whole 【待填写…】 text with the real value; delete the line of an optional key you do not need"))
	return true
}

// String decodes a scalar as text. Numbers and dates are accepted as their
// text, since authors write a title like 2021 without quotes.
func (d *Decoder) String(n *yaml.Node, key string) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.typeError(n, key, "一段文字", "text")
		return "", false
	}
	if d.placeholder(n, key) {
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// Int decodes a whole number.
func (d *Decoder) Int(n *yaml.Node, key string) (int, bool) {
	n = resolve(n)
	if d.placeholder(n, key) {
		return 0, false
	}
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
	n = resolve(n)
	if n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		if v, err := strconv.ParseBool(n.Value); err == nil {
			return v, true
		}
	}
	d.typeError(n, key, " true 或 false", "true or false")
	return false, false
}

// Date decodes a calendar date written YYYY-MM-DD and checks that the day
// exists and that the year is plausible.
func (d *Decoder) Date(n *yaml.Node, key string) (time.Time, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.typeError(n, key, "日期，格式为 2020-06-30", "a date written YYYY-MM-DD")
		return time.Time{}, false
	}
	if d.placeholder(n, key) {
		return time.Time{}, false
	}
	v := strings.TrimSpace(n.Value)
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		d.Errorf(n, "schema/date",
			diag.T("字段 %q 的日期 %q 无效", "%q is not a valid date: %q", key, v),
			diag.T("写成 年-月-日，例如 2020-06-30（月、日都用两位数），并确认这一天存在", "write YYYY-MM-DD, for example 2020-06-30, and check the day exists"))
		return time.Time{}, false
	}
	if y := t.Year(); y < FirstYear || y > LastYear {
		d.Errorf(n, "schema/date",
			diag.T("字段 %q 的年份 %d 不合理", "%q has an implausible year %d", key, y),
			diag.T("检查年份是否写错", "check the year for a typo"))
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
