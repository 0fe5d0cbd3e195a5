package content

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// ErrFixUnsafe is returned by Fix when the corrected file would not read
// back as check read the file as written, for instance because a slip that
// cannot be fixed by itself keeps the front matter from parsing.
var ErrFixUnsafe = errors.New("the corrected file would not read back the same")

// Fix corrects the unambiguous input-method slips of a content file (see
// FindSlips) and returns the corrected file with the slips it corrected,
// positioned in the file. Nothing else changes: every other byte and every
// line stays as it was. With nothing to fix it returns data and no slips.
// It refuses, with ErrFixUnsafe, a correction whose front matter does not
// parse, or parses to other fields, values or lines than check read from
// the file as written.
func Fix(data []byte) ([]byte, []Slip, error) {
	if !utf8.Valid(data) {
		return data, nil, nil
	}
	lead := 0
	if bytes.HasPrefix(data, bom) {
		lead = len(bom)
	}
	var fix []Slip
	for _, s := range FindSlips(fields.NormalizeBreaks(data[lead:])) {
		if s.Fix {
			fix = append(fix, s)
		}
	}
	if len(fix) == 0 {
		return data, nil, nil
	}
	out := applySlips(data, fix, lead, func(Slip) bool { return true })
	before, after := readBack(data), readBack(out)
	if after.Meta == nil || !sameTree(before.Meta, after.Meta) ||
		!bytes.Equal(bytes.ReplaceAll(before.Body, bom, nil), bytes.ReplaceAll(after.Body, bom, nil)) {
		return data, nil, ErrFixUnsafe
	}
	return out, fix, nil
}

// Describe says in both languages what correcting slips[i] does; the
// second half of a pair is described with the first.
func Describe(slips []Slip, i int) diag.Text {
	msg, _ := slipText(slips[i], slips[i+1:])
	return msg
}

// readBack parses data as check does.
func readBack(data []byte) *Document {
	doc := &Document{Path: "f.md"}
	var l diag.List
	Parse(doc, data, &l)
	return doc
}

// sameTree reports whether two front matters hold the same fields and
// values on the same lines. Columns may differ: a full-width colon
// corrected to ": " moves the value after it.
func sameTree(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameTree(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
