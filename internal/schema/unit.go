package schema

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

var unitKeys = []string{"name", "parent", "weight"}

// DecodeUnit decodes a unit's front matter, reporting problems into diags.
func DecodeUnit(doc *content.Document, diags *diag.List) Unit {
	var u Unit
	if doc.Meta == nil {
		return u
	}
	d := &fields.Decoder{File: doc.Path, Diags: diags}
	m, ok := d.Mapping(doc.Meta, "单位", unitKeys)
	if !ok {
		return u
	}
	d.Require(m, "单位", "name")
	if v := m.Value("name"); v != nil {
		u.Name, _ = d.String(v, "name")
	}
	if v := m.Value("parent"); v != nil {
		u.Parent, _ = d.String(v, "parent")
	}
	if v := m.Value("weight"); v != nil {
		u.Weight, _ = d.Int(v, "weight")
	}
	return u
}
