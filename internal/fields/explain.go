package fields

import "strings"

// yamlExplanations say in plain Chinese what the YAML parser's most common
// complaints mean for someone editing a brand file. They are matched on the
// parser's message only to choose words; positions come from the error's
// marks, never from its text.
var yamlExplanations = []struct{ contains, zh string }{
	{"mapping values are not allowed", "这一行多了一个冒号——值里含有“: ”时，请把整个值用引号括起来"},
	{"tab character", "缩进里有制表符（Tab）——YAML 只能用空格缩进"},
	{"found character that cannot start any token", "这个值以 YAML 不允许的字符开头（如 @、`、Tab）——请把整个值用引号括起来，缩进只用空格"},
	{"found unexpected end of stream", "引号或括号没有闭合——检查从这里开始的引号、[ ] 或 { } 是否成对"},
	{"did not find expected key", "缩进不一致——同一层的字段要左对齐，子项比上一层多缩进两个空格"},
	{"did not find expected ',' or ']'", "方括号列表没有闭合或缺少逗号——写成 [甲, 乙]"},
	{"did not find expected ',' or '}'", "花括号没有闭合或缺少逗号——写成 {name: 甲, description: 乙}"},
	{"could not find expected ':'", "这一行缺少冒号——字段写成“名称: 值”，冒号后留一个空格"},
	{"did not find expected '-' indicator", "列表项没有对齐——每一项都以同样缩进的“- ”开头"},
	{"block sequence entries are not allowed", "这里不能开始“- ”列表——检查上一行的冒号和缩进"},
	{"did not find expected alphabetic or numeric character", "以 * 或 & 开头的值要用引号括起来"},
	{"found unknown escape character", "双引号里的反斜杠 \\ 要写成 \\\\，或改用单引号"},
	{"unknown anchor", "以 * 开头的值要用引号括起来"},
	{"more than one document", "前置信息里只能有一组字段——删除多出的 --- 或 ... 行"},
	{"exceeded max depth", "嵌套层次太深"},
	{"control characters are not allowed", "文件里有看不见的控制字符——删除这一处后重新输入"},
}

// explainYAML returns a Chinese explanation of a YAML parser message, or the
// message itself when it is not a common one.
func explainYAML(msg string) string {
	for _, e := range yamlExplanations {
		if strings.Contains(msg, e.contains) {
			return e.zh
		}
	}
	return msg
}
