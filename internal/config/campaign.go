package config

import (
	"strings"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

func decodeCampaign(d *fields.Decoder, n *yaml.Node, c *Campaign) {
	m, ok := d.Mapping(n, diag.T("campaign（创建活动）", "campaign"), fields.Keys{Known: []string{"name", "stages", "statuses", "reviews", "brandsPerOrganization", "targets"}})
	if !ok {
		return
	}
	d.Require(m, diag.T("campaign（创建活动）", "campaign"), "name", "stages", "statuses")
	if v := m.Value("name"); v != nil {
		c.Name, _ = d.String(v, "name")
	}
	seen := map[string]bool{}
	if v := m.Value("stages"); v != nil {
		items, _ := d.Seq(v, "stages")
		for _, it := range items {
			var s Stage
			if decodeEntry(d, it, "stages", []string{"id", "name", "ends"}, &s.ID, &s.Name, seen, func(em fields.Map) {
				if ends := em.Value("ends"); ends != nil {
					s.Ends, _ = d.Date(ends, "ends")
				}
			}) {
				c.Stages = append(c.Stages, s)
			}
		}
		if len(items) == 0 {
			d.Errorf(v, "config/stages", diag.T("至少要有一个阶段", "at least one stage is needed"), diag.Text{})
		}
	}
	if v := m.Value("statuses"); v != nil {
		items, _ := d.Seq(v, "statuses")
		for _, it := range items {
			var s Status
			if decodeEntry(d, it, "statuses", []string{"id", "name", "featured", "plaque", "listed"}, &s.ID, &s.Name, seen, func(em fields.Map) {
				decodeFlags(d, em, &s)
			}) {
				c.Statuses = append(c.Statuses, s)
			}
		}
		if len(items) == 0 {
			d.Errorf(v, "config/statuses", diag.T("至少要有一个状态", "at least one status is needed"), diag.Text{})
		}
		markDefaultFeatured(c.Statuses)
	}
	if v := m.Value("reviews"); v != nil {
		decodeReviews(d, v, c)
	}
	if v := m.Value("targets"); v != nil {
		decodeTargets(d, v, c)
	}
	c.BrandsPerOrganization = 1
	if v := m.Value("brandsPerOrganization"); v != nil {
		if n, ok := d.Int(v, "brandsPerOrganization"); ok && n >= 1 {
			c.BrandsPerOrganization = n
		} else if ok {
			d.Errorf(v, "config/brands-per-organization",
				diag.T("brandsPerOrganization 至少是 1", "brandsPerOrganization must be at least 1"),
				diag.T("一组织一品牌写 1；一个支部允许两个品牌写 2", "write 1 for one brand per organization, 2 to allow two"))
		}
	}
}

// markDefaultFeatured makes "exemplary" (示范品牌) the featured status when
// the configuration marks none, so the SPEC's configuration needs no flag.
func markDefaultFeatured(statuses []Status) {
	for _, s := range statuses {
		if s.Featured {
			return
		}
	}
	for i := range statuses {
		if statuses[i].ID == "exemplary" {
			statuses[i].Featured = true
		}
	}
}

// decodeEntry decodes one {id, name, …} entry of stages or statuses. Ids are
// unique across both lists, since both become URL segments and labels.
func decodeEntry(d *fields.Decoder, n *yaml.Node, what string, known []string, id, name *string, seen map[string]bool, rest func(fields.Map)) bool {
	m, ok := d.Mapping(n, diag.T("%s 的一项", "an entry of %s", what), fields.Keys{Known: known})
	if !ok {
		return false
	}
	d.Require(m, diag.T("%s 的这一项", "this entry of %s", what), "id", "name")
	if v := m.Value("id"); v != nil {
		*id, _ = d.String(v, "id")
		switch {
		case !fields.ValidID(*id):
			d.Errorf(v, "config/bad-id",
				diag.T("id %q 不合规", "id %q is not valid", *id),
				diag.T("id 用于网址，只能用小写英文字母、数字和连字符", "ids appear in URLs: use lower-case letters, digits and hyphens"))
		case seen[*id]:
			d.Errorf(v, "config/duplicate-id",
				diag.T("id %q 重复", "id %q is used twice", *id),
				diag.T("每个阶段和状态的 id 必须不同", "every stage and status needs its own id"))
		}
		seen[*id] = true
	}
	if v := m.Value("name"); v != nil {
		*name, _ = d.String(v, "name")
	}
	rest(m)
	return *id != "" && *name != ""
}

func decodePlaque(d *fields.Decoder, n *yaml.Node, p *Plaque) {
	m, ok := d.Mapping(n, diag.T("plaque（挂牌）", "plaque"), fields.Keys{Known: []string{"size", "orientation", "title", "issuer"}})
	if !ok {
		return
	}
	oneOf(d, m, "size", &p.Size, "A3", "A4")
	oneOf(d, m, "orientation", &p.Orientation, "landscape", "portrait")
	decodePlaqueText(d, m, p)
}

func decodeKiosk(d *fields.Decoder, n *yaml.Node, k *Kiosk) {
	m, ok := d.Mapping(n, diag.T("kiosk（展厅触摸屏）", "kiosk"), fields.Keys{Known: []string{"idle", "interval"}})
	if !ok {
		return
	}
	seconds := func(key string, dst *int) {
		v := m.Value(key)
		if v == nil {
			return
		}
		if s, ok := d.Int(v, key); ok {
			if s < 1 || s > 86400 {
				d.Errorf(v, "config/kiosk",
					diag.T("%s 应在 1 到 86400 秒之间", "%s must be between 1 and 86400 seconds", key),
					diag.Text{})
				return
			}
			*dst = s
		}
	}
	seconds("idle", &k.Idle)
	seconds("interval", &k.Interval)
}

func oneOf(d *fields.Decoder, m fields.Map, key string, dst *string, allowed ...string) {
	v := m.Value(key)
	if v == nil {
		return
	}
	s, ok := d.String(v, key)
	if !ok {
		return
	}
	for _, a := range allowed {
		if s == a {
			*dst = s
			return
		}
	}
	hint := diag.T("可选：%s", "choose one of: %s", strings.Join(allowed, ", "))
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			hint = diag.T("是不是想写 %q？", "did you mean %q?", a)
		}
	}
	d.Errorf(v, "config/"+key, diag.T("%s 不能是 %q", "%s cannot be %q", key, s), hint)
}
