package fields

import (
	"showcase/internal/diag"

	"go.yaml.in/yaml/v4"
)

// Bounds on the shape of a YAML document. Front matter needs three or four
// levels and a few hundred nodes; these leave ample room while a crafted
// file fails at once instead of costing memory or time.
const (
	MaxDepth = 16
	MaxNodes = 20000
)

// CheckShape refuses anchors and aliases (an alias bomb needs them and no
// author does), nesting deeper than MaxDepth and more than MaxNodes nodes.
// It reports the first problem and says whether the tree is acceptable.
func CheckShape(file string, root *yaml.Node, diags *diag.List) bool {
	count := 0
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		count++
		pos := diag.Position{File: file, Line: n.Line, Col: n.Column}
		switch {
		case n.Kind == yaml.AliasNode || n.Anchor != "":
			diags.Errorf(pos, "content/yaml-alias",
				diag.T("不支持 YAML 的锚点和别名（& 和 *）", "YAML anchors and aliases (& and *) are not supported"),
				diag.T("把每个值完整写出来", "write each value out in full"))
			return false
		case depth > MaxDepth:
			diags.Errorf(pos, "content/yaml-depth",
				diag.T("前置信息嵌套超过 %d 层", "the front matter nests more than %d levels deep", MaxDepth),
				diag.T("字段最多嵌套三四层，检查缩进和括号", "fields nest three or four levels at most: check the indentation and brackets"))
			return false
		case count > MaxNodes:
			diags.Errorf(pos, "content/yaml-size",
				diag.T("前置信息的条目超过 %d 个", "the front matter has more than %d items", MaxNodes),
				diag.T("前置信息只写字段，长内容写进正文", "keep long text in the body, not the front matter"))
			return false
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	return walk(root, 1)
}
