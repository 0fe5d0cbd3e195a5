package schema

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

// unitWhat names a unit's front matter in messages.
var unitWhat = diag.T("单位", "the unit")

// DecodeUnit decodes a unit's front matter, reporting problems into diags.
func DecodeUnit(doc *content.Document, diags *diag.List) Unit {
	var u Unit
	d := &fields.Decoder{File: doc.Path, Diags: diags}
	checkBody(d, doc)
	if doc.Meta == nil {
		return u
	}
	m, ok := d.Mapping(doc.Meta, unitWhat, unitKeys)
	if !ok {
		return u
	}
	d.Require(m, unitWhat, "name")
	if v := m.Value("name"); v != nil {
		if u.Name, ok = d.String(v, "name"); ok {
			d.Visible(v, diag.T("单位名称", "the unit's name"), false)
		}
		if ok && u.Name == "" {
			d.Errorf(v, "schema/empty",
				diag.T("必填字段 %q 没有填写内容", "the required key %q has no value", "name"),
				diag.T("写上单位的全称，例如 示例市财政局", "write the unit's full name"))
		}
	}
	if v := m.Value("parent"); v != nil {
		u.Parent, _ = d.String(v, "parent")
	}
	if v := m.Value("weight"); v != nil {
		u.Weight, _ = d.Int(v, "weight")
	}
	if v := m.Value("organizations"); v != nil {
		decodeOrganizations(d, v, &u)
	}
	return u
}
