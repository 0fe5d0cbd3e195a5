package config

import (
	"time"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Target is one aim of the campaign (campaign.targets): Count brands of
// a status by a date, such as 10 demonstration brands by 2020-12-31. A
// brand counts towards it when its status is Status, or one listed after
// it that names brands too, since a demonstration brand is also named.
type Target struct {
	Status string
	Count  int
	// By is the day the target is due; zero when the entry gives none.
	By time.Time
}

// decodeTargets decodes campaign.targets, reporting an unknown status
// at its value. It runs after the statuses are decoded.
func decodeTargets(d *fields.Decoder, n *yaml.Node, c *Campaign) {
	items, _ := d.Seq(n, "targets")
	for _, it := range items {
		m, ok := d.Mapping(it, diag.T("targets 的一项", "an entry of targets"), fields.Keys{Known: []string{"status", "count", "by"}})
		if !ok {
			continue
		}
		d.Require(m, diag.T("targets 的这一项", "this entry of targets"), "status", "count")
		var t Target
		if v := m.Value("status"); v != nil {
			t.Status, _ = d.String(v, "status")
			if t.Status != "" && !hasStatus(c, t.Status) {
				hint := diag.T("写 campaign.statuses 中的一个 id", "name an id of campaign.statuses")
				if near := fields.Suggest(t.Status, statusIDs(c)); near != "" {
					hint = diag.T("是不是想写 %q？", "did you mean %q?", near)
				}
				d.Errorf(v, "config/target-status", diag.T("目标里的状态 %q 不存在", "the target's status %q does not exist", t.Status), hint)
				continue
			}
		}
		if v := m.Value("count"); v != nil {
			if k, ok := d.Int(v, "count"); ok && k >= 1 {
				t.Count = k
			} else if ok {
				d.Errorf(v, "config/target-count", diag.T("目标数量至少是 1", "a target's count must be at least 1"), diag.T("写要达到的品牌个数，例如 10", "write how many brands, for example 10"))
			}
		}
		if v := m.Value("by"); v != nil {
			t.By, _ = d.Date(v, "by")
		}
		if t.Status != "" && t.Count > 0 {
			c.Targets = append(c.Targets, t)
		}
	}
}

func hasStatus(c *Campaign, id string) bool {
	for _, s := range c.Statuses {
		if s.ID == id {
			return true
		}
	}
	return false
}

func statusIDs(c *Campaign) []string {
	ids := make([]string, len(c.Statuses))
	for i, s := range c.Statuses {
		ids[i] = s.ID
	}
	return ids
}
