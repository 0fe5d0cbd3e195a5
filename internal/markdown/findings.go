package markdown

import "showcase/internal/diag"

// Diagnostic turns a finding into a diagnostic for the file the body came
// from; bodyLine is the file's line where the body starts.
func (f Finding) Diagnostic(file string, bodyLine int) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Position{File: file, Line: bodyLine + f.Line - 1, Col: f.Col}, Severity: diag.Error}
	switch f.Kind {
	case "url":
		d.Severity, d.Rule = diag.Warning, "markdown/unsafe-url"
		d.Message = diag.T("链接 %q 的协议不允许使用，已按普通文字显示", "link %q uses a scheme that is not allowed; it is shown as plain text", f.Detail)
		d.Hint = diag.T("只能链接 http、https、mailto、tel 开头的网址或站内相对地址", "link only to http, https, mailto or tel URLs, or to relative paths")
	case "html":
		d.Severity, d.Rule = diag.Warning, "markdown/raw-html"
		d.Message = diag.T("正文中的 HTML 代码 %q 不会显示", "raw HTML %q in the body is left out of the page", f.Detail)
		d.Hint = diag.T("请用 Markdown 写格式：**加粗**、## 标题、- 列表；从 Word 粘贴时先粘贴为纯文本", "use Markdown for formatting (**bold**, ## heading, - list); paste from a word processor as plain text")
	case kindRemoteImage:
		d.Rule = "markdown/remote-image"
		d.Message = diag.T("图片 %q 来自其他网站，网站不加载外部图片，它不会显示", "image %q comes from another host; the site loads nothing from elsewhere, so it would not show", f.Detail)
		d.Hint = diag.T("把图片下载后放进品牌文件夹（例如 photos/），再写相对路径：![说明](photos/图片.jpg)", "download the image into the brand folder (for example photos/) and give its relative path: ![caption](photos/image.jpg)")
	case kindDelimiters:
		d.Rule = "markdown/too-many-marks"
		d.Message = diag.T("这一段里的 * _ ~ 符号太多（超过 %d 处），正文无法排版", "this paragraph holds more than %d runs of * _ ~; the body cannot be laid out", maxRunDelimiters)
		d.Hint = diag.T("用空行把长段落分开，或删去多余的 * _ ~ 符号（需要原样显示时写成 \\*）", "split the paragraph with blank lines, or remove the stray * _ ~ (write \\* to show one as is)")
	case kindBrackets:
		d.Rule = "markdown/too-many-brackets"
		d.Message = diag.T("这一段里的方括号 [ 太多（超过 %d 个），正文无法排版", "this paragraph holds more than %d [ brackets; the body cannot be laid out", maxRunBrackets)
		d.Hint = diag.T("用空行把长段落分开，或删去多余的 [（需要原样显示时写成 \\[）", "split the paragraph with blank lines, or remove the stray [ (write \\[ to show one as is)")
	case kindNesting:
		d.Rule = "markdown/too-deep"
		d.Message = diag.T("这一行的缩进、引用符号 > 或列表符号太多（超过 %d 列），正文无法排版", "this line's indent, > quote marks or list marks run past %d columns; the body cannot be laid out", maxPrefix)
		d.Hint = diag.T("列表和引用最多嵌套几层即可，删去行首多余的空格、> 和 -", "nest lists and quotes a few levels at most; remove the extra spaces, > and - at the start of the line")
	case kindControl:
		d.Rule = "markdown/control-char"
		d.Message = diag.T("正文中有看不见的控制字符 %s，请删除", "the body holds the invisible control character %s; delete it", f.Detail)
		d.Hint = diag.T("多半是从其他软件复制时带进来的；在编辑器里删去这个位置的字符", "it usually comes with text copied from another program; delete the character at this place in an editor")
	}
	return d
}
