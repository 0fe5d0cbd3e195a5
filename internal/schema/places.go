package schema

import (
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Places are the positions of a brand's front matter and of the values
// that rules spanning files report on; a position is zero when its key is
// absent.
type Places struct {
	Meta, Name, Organization, Status, Declared, Named diag.Position
}

// Organization is one Party organization of a unit (党委, 党总支, 党支部).
type Organization struct {
	Name    string
	Kind    string
	Members int
	Pos     diag.Position
}

// decodePlaces keeps where the brand's keys are, and reports a photo or
// a partner listed twice.
func (bd *brandDecoder) decodePlaces(m fields.Map) {
	at := func(key string) diag.Position {
		if v := m.Value(key); v != nil {
			return bd.Pos(v)
		}
		return diag.Position{}
	}
	bd.b.Places = Places{Meta: bd.Pos(m.Node), Name: at("name"), Organization: at("organization"),
		Status: at("status"), Declared: at("declared"), Named: at("named")}
	bd.twice(m.Value("photos"), diag.T("照片", "photo"))
	bd.twice(m.Value("partners"), diag.T("结对品牌", "partner"))
}

// twice reports each item of a list that repeats an earlier one.
func (bd *brandDecoder) twice(n *yaml.Node, what diag.Text) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	seen := map[string]int{}
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode {
			continue
		}
		if line, ok := seen[it.Value]; ok {
			bd.Errorf(it, "schema/listed-twice",
				diag.T("%[1]s %[2]q 重复列出（第一次在第 %[3]d 行）", "%[4]s %[2]q is listed twice (first on line %[3]d)", what.ZH, it.Value, line, what.EN),
				diag.T("删除重复的这一项", "remove the repeated entry"))
			continue
		}
		seen[it.Value] = it.Line
	}
}

// orgKeys are the keys of one organization in a unit's list.
var orgKeys = fields.Keys{Known: []string{"name", "kind", "members"}, Labels: map[string]string{"名称": "name", "类型": "kind", "党员人数": "members", "人数": "members"}}

// decodeOrganizations decodes a unit's list of Party organizations.
func decodeOrganizations(d *fields.Decoder, n *yaml.Node, u *Unit) {
	items, ok := d.Seq(n, "organizations")
	if !ok {
		return
	}
	u.Organizations = []Organization{}
	seen := map[string]int{}
	what := diag.T("党组织", "the organization")
	for _, it := range items {
		m, ok := d.Mapping(it, what, orgKeys)
		if !ok {
			continue
		}
		d.Require(m, what, "name")
		o := Organization{Pos: d.Pos(it)}
		if v := m.Value("name"); v != nil {
			o.Name, _ = d.String(v, "name")
			if line, dup := seen[o.Name]; dup && o.Name != "" {
				d.Errorf(v, "schema/listed-twice",
					diag.T("党组织 %q 重复列出（第一次在第 %d 行）", "organization %q is listed twice (first on line %d)", o.Name, line),
					diag.T("删除重复的这一项", "remove the repeated entry"))
				continue
			}
			seen[o.Name] = v.Line
		}
		if v := m.Value("kind"); v != nil {
			o.Kind, _ = d.String(v, "kind")
		}
		if v := m.Value("members"); v != nil {
			o.Members, _ = d.Int(v, "members")
		}
		if o.Name != "" {
			u.Organizations = append(u.Organizations, o)
		}
	}
}
