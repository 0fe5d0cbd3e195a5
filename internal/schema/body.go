package schema

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

func containsPlaceholder(s string) bool { return strings.Contains(s, fields.Placeholder) }

// checkBody reports template placeholders left in the Markdown body, at the
// line and column where each starts.
func checkBody(d *fields.Decoder, doc *content.Document) {
	marker := []byte(fields.Placeholder)
	for i, line := range bytes.Split(doc.Body, []byte("\n")) {
		at := bytes.Index(line, marker)
		if at < 0 {
			continue
		}
		pos := diag.Position{File: doc.Path, Line: doc.BodyLine + i, Col: utf8.RuneCount(line[:at]) + 1}
		d.Diags.Errorf(pos, "schema/placeholder",
			diag.T("正文里还有模板的占位文字", "the body still holds the template's placeholder text"),
			diag.T("把整段“【待填写……】”换成实际内容", "replace the whole 【待填写…】 text with the real content"))
	}
}
