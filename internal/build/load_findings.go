package build

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
)

// bodyFindings reports what the Markdown renderer found in a body (links
// and HTML left out, shapes it would not parse, images), at its line in
// the file; the renderer words each finding.
func bodyFindings(doc *content.Document, found []markdown.Finding, diags *diag.List) {
	for _, f := range found {
		diags.Add(f.Diagnostic(doc.Path, doc.BodyLine))
	}
}
