package build

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
)

// bodyFindings reports what the Markdown renderer left out of a body, at
// its line in the file, so an author learns why a link or some HTML
// vanished from the page.
func bodyFindings(doc *content.Document, found []markdown.Finding, diags *diag.List) {
	for _, f := range found {
		pos := diag.Position{File: doc.Path, Line: doc.BodyLine + f.Line - 1, Col: f.Col}
		switch f.Kind {
		case "url":
			diags.Warnf(pos, "markdown/unsafe-url",
				diag.T("链接 %q 的协议不允许使用，已按普通文字显示", "link %q uses a scheme that is not allowed; it is shown as plain text", f.Detail),
				diag.T("只能链接 http、https、mailto、tel 开头的网址或站内相对地址", "link only to http, https, mailto or tel URLs, or to relative paths"))
		case "html":
			diags.Warnf(pos, "markdown/raw-html",
				diag.T("正文中的 HTML 代码 %q 不会显示", "raw HTML %q in the body is left out of the page", f.Detail),
				diag.T("请用 Markdown 写格式：**加粗**、## 标题、- 列表；从 Word 粘贴时先粘贴为纯文本", "use Markdown for formatting (**bold**, ## heading, - list); paste from a word processor as plain text"))
		}
	}
}
