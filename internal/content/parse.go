package content

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

var bom = []byte("\xef\xbb\xbf")

// Parse splits data into front matter and body and parses the front matter
// into doc.Meta, reporting every problem as a finding on doc.Path. It never
// panics on any input. A leading byte order mark is dropped first: editors
// do not show it, so it shifts no line or column. A lone carriage return
// counts as a line break, as it does in YAML and in editors.
func Parse(doc *Document, data []byte, diags *diag.List) {
	file := doc.Path
	data = fields.NormalizeBreaks(bytes.TrimPrefix(data, bom))
	if len(bytes.TrimSpace(data)) == 0 {
		diags.Errorf(diag.Position{File: file, Line: 1, Col: 1}, "content/empty",
			diag.T("文件是空的", "the file is empty"),
			diag.T("文件应以 --- 开头的前置信息（front matter）开始，可用 showcase new 生成模板", "start the file with front matter between --- lines; \"showcase new\" writes a template"))
		return
	}
	if line, col, ok := firstInvalidUTF8(data); !ok {
		diags.Errorf(diag.Position{File: file, Line: line, Col: col}, "content/encoding",
			diag.T("文件不是有效的 UTF-8 编码", "the file is not valid UTF-8"),
			diag.T("请用 UTF-8 编码另存此文件（不要用 GBK/GB2312）", "save the file as UTF-8 (not GBK or GB2312)"))
		return
	}
	// Input-method slips are reported at their characters, and the file
	// is read as if the unambiguous ones were corrected, so one full-width
	// colon hides no other finding. Columns are mapped back below.
	slips := FindSlips(data)
	reportSlips(file, slips, diags)
	if slices.ContainsFunc(slips, func(s Slip) bool { return s.Repair }) {
		// Only a file with a slip to repair is copied.
		data = applySlips(data, slips, 0, func(s Slip) bool { return s.Repair })
	}
	cols := newColumnMap(slips)
	open, delim := firstLine(data)
	if delim != "---" && delim != "+++" {
		diags.Errorf(diag.Position{File: file, Line: open, Col: 1}, "content/no-front-matter",
			diag.T("文件开头没有前置信息（front matter）", "the file does not start with front matter"),
			diag.T("第一行应为 ---，接着写 name: 等字段，再以一行 --- 结束", "begin the file with a --- line, the fields, and another --- line"))
		return
	}
	raw, body, found := split(data)
	if !found {
		diags.Errorf(diag.Position{File: file, Line: open, Col: 1}, "content/unclosed-front-matter",
			diag.T("前置信息从这里开始，但没有结束行 %s", "front matter opened here is never closed with %s", delim),
			diag.T("在最后一个字段之后、正文之前加一行 %s", "add a %s line after the last field, before the body", delim))
		return
	}
	doc.Body = body
	doc.BodyLine = bytes.Count(data[:len(data)-len(body)], []byte("\n")) + 1
	if !withinLimits(doc, raw, open, diags) {
		return
	}
	// The front matter starts on the line after the opening delimiter.
	var metaDiags diag.List
	if delim == "+++" {
		doc.Meta = parseTOML(file, raw, open, &metaDiags)
		if doc.Meta != nil && !fields.CheckShape(file, doc.Meta, &metaDiags) {
			doc.Meta = nil
		}
	} else {
		doc.Meta = fields.ParseYAML(file, raw, open, "content/yaml-syntax", &metaDiags)
	}
	if len(cols) > 0 {
		cols.nodes(doc.Meta, map[*yaml.Node]bool{})
		cols.findings(metaDiags)
	}
	*diags = append(*diags, metaDiags...)
}

// Limits on the parts of a content file, below MaxFileSize for the whole:
// a brand's front matter is a few kilobytes and its body a few pages.
const (
	MaxFrontMatter = 64 << 10
	MaxBody        = 512 << 10
)

// withinLimits reports a front matter or body over its limit, at the line
// where it starts, and then the file is not parsed further.
func withinLimits(doc *Document, raw []byte, open int, diags *diag.List) bool {
	ok := true
	if len(raw) > MaxFrontMatter {
		diags.Errorf(diag.Position{File: doc.Path, Line: open, Col: 1}, "content/front-matter-too-large",
			diag.T("前置信息太长（%d 字节，上限 %d 字节）", "the front matter is too large (%d bytes, limit %d)", len(raw), MaxFrontMatter),
			diag.T("前置信息只写字段，长文字写进正文", "keep the fields short and put long text in the body"))
		ok = false
	}
	if len(doc.Body) > MaxBody {
		diags.Errorf(diag.Position{File: doc.Path, Line: doc.BodyLine, Col: 1}, "content/body-too-large",
			diag.T("正文太长（%d 字节，上限 %d 字节）", "the body is too large (%d bytes, limit %d)", len(doc.Body), MaxBody),
			diag.T("正文写品牌内涵、主要做法和工作成效即可，控制在几千字以内", "keep the body to the brand's meaning, practice and results, a few thousand characters"))
		ok = false
	}
	return ok
}

// firstLine returns the 1-based number and trimmed text of the first
// non-blank line, the way adrg/frontmatter looks for a delimiter.
func firstLine(data []byte) (int, string) {
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		text := data
		if i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if t := bytes.TrimSpace(text); len(t) > 0 {
			return line, string(t)
		}
		line++
	}
	return line, ""
}

// split cuts data into the raw front matter and the body, both slices of
// data: nothing is copied. It finds them where adrg/frontmatter did (the
// first non-blank line opens with --- or +++, the first later line that
// is the same delimiter, spaces trimmed, closes; a last line without a
// line break opens nothing), which FuzzSplit checks against it.
func split(data []byte) (raw, body []byte, found bool) {
	var delim []byte
	start := 0
	for start < len(data) {
		line, next, last := nextLine(data, start)
		if last {
			return nil, nil, false
		}
		start = next
		if len(line) == 0 {
			continue
		}
		if string(line) != "---" && string(line) != "+++" {
			return nil, nil, false
		}
		delim = line
		break
	}
	if delim == nil {
		return nil, nil, false
	}
	for at := start; ; {
		line, next, last := nextLine(data, at)
		if string(line) == string(delim) {
			return data[start:at:at], data[next:], true
		}
		if last {
			return nil, nil, false
		}
		at = next
	}
}

// nextLine returns the line of data that starts at i with spaces trimmed,
// where the next one starts, and whether it is the last, with no line
// break after it.
func nextLine(data []byte, i int) (line []byte, next int, last bool) {
	j := bytes.IndexByte(data[i:], '\n')
	if j < 0 {
		return bytes.TrimSpace(data[i:]), len(data), true
	}
	return bytes.TrimSpace(data[i : i+j]), i + j + 1, false
}

// firstInvalidUTF8 finds the position of the first invalid byte sequence.
func firstInvalidUTF8(data []byte) (line, col int, ok bool) {
	if utf8.Valid(data) {
		return 0, 0, true
	}
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col, true
}
