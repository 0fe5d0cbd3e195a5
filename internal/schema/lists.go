package schema

import (
	"strings"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// decodeLists decodes carriers, partners, tags, goals and the timeline.
func (bd *brandDecoder) decodeLists(m fields.Map) {
	if v := m.Value("carriers"); v != nil {
		bd.decodeCarriers(v)
	}
	if v := m.Value("partners"); v != nil {
		bd.decodePartners(v)
	}
	if v := m.Value("tags"); v != nil {
		bd.b.Tags, _ = bd.Strings(v, "tags")
		bd.visibleItems(v, diag.T("标签", "the tag"), false)
	}
	if v := m.Value("goals"); v != nil {
		items, _ := bd.Seq(v, "goals")
		for _, it := range items {
			bd.decodeGoal(it)
		}
	}
	if v := m.Value("timeline"); v != nil {
		items, _ := bd.Seq(v, "timeline")
		for _, it := range items {
			bd.decodeEvent(it)
		}
	}
}

func (bd *brandDecoder) decodeCarriers(v *yaml.Node) {
	items, ok := bd.Seq(v, "carriers")
	if ok && len(items) == 0 {
		bd.Errorf(v, "schema/carriers",
			diag.T("至少要写一个品牌载体", "at least one carrier is required"),
			diag.T("写成 - name: 载体名称，下一行 description: 说明", "add \"- name: …\" with a \"description: …\" line"))
	}
	for _, it := range items {
		bd.decodeCarrier(it)
	}
}

func (bd *brandDecoder) decodeCarrier(n *yaml.Node) {
	what := diag.T("载体", "the carrier")
	m, ok := bd.Mapping(n, what, carrierKeys)
	if !ok {
		return
	}
	bd.Require(m, what, "name")
	var c Carrier
	c.Name, _ = bd.text(m, "name")
	c.Description, _ = bd.text(m, "description")
	if c.Name != "" {
		bd.b.Carriers = append(bd.b.Carriers, c)
	}
}

// decodePartners checks that each partner is written unit-id/brand-id;
// whether that brand exists is checked when the site is assembled.
func (bd *brandDecoder) decodePartners(v *yaml.Node) {
	items, _ := bd.Seq(v, "partners")
	for _, it := range items {
		id, ok := bd.String(it, "partners")
		if !ok {
			continue
		}
		unit, brand, found := strings.Cut(id, "/")
		if !found || !fields.ValidID(unit) || !fields.ValidID(brand) {
			bd.Errorf(it, "schema/partner-id",
				diag.T("结对品牌 %q 的写法不对", "partner %q is not a brand id", id),
				diag.T("写成 单位id/品牌id（即对方品牌文件夹的位置），例如 tax/lanqiao", "write unit-id/brand-id, the partner's folder, for example tax/lanqiao"))
			continue
		}
		bd.b.Partners = append(bd.b.Partners, Ref{ID: id, Pos: bd.Pos(it)})
	}
}

func (bd *brandDecoder) decodeGoal(n *yaml.Node) {
	what := diag.T("年度目标", "the goal")
	m, ok := bd.Mapping(n, what, goalKeys)
	if !ok {
		return
	}
	bd.Require(m, what, "year", "items")
	var g Goal
	if v := m.Value("year"); v != nil {
		if y, ok := bd.Int(v, "year"); ok {
			if y < fields.FirstYear || y > fields.LastYear {
				bd.Errorf(v, "schema/year",
					diag.T("年份 %d 不合理", "year %d is out of range", y),
					diag.T("写四位年份，例如 2021", "write a four-digit year, for example 2021"))
			}
			g.Year = y
		}
	}
	if v := m.Value("items"); v != nil {
		g.Items, _ = bd.Strings(v, "items")
		bd.visibleItems(v, diag.T("年度目标", "the goal"), true)
	}
	bd.b.Goals = append(bd.b.Goals, g)
}

func (bd *brandDecoder) decodeEvent(n *yaml.Node) {
	what := diag.T("大事记", "the timeline entry")
	m, ok := bd.Mapping(n, what, eventKeys)
	if !ok {
		return
	}
	bd.Require(m, what, "date", "event")
	var e Event
	if v := m.Value("date"); v != nil {
		e.Date, _ = bd.Date(v, "date")
	}
	e.Event, _ = bd.text(m, "event")
	bd.b.Timeline = append(bd.b.Timeline, e)
}

// visibleItems reports the invisible characters in the text items of the
// list v, which Strings has decoded (and reported when it is not a list).
func (bd *brandDecoder) visibleItems(v *yaml.Node, what diag.Text, lines bool) {
	if v.Kind != yaml.SequenceNode {
		return
	}
	for _, it := range v.Content {
		if it.Kind == yaml.ScalarNode {
			bd.Visible(it, what, lines)
		}
	}
}
