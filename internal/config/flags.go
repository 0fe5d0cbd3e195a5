package config

import (
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Review is one result of the yearly review (年度复查验收), such as 优秀,
// 合格 or 不合格; ID is ASCII.
type Review struct {
	ID   string
	Name string
}

// ReviewByID returns the review result with id, or nil.
func (c *Config) ReviewByID(id string) *Review {
	for i := range c.Campaign.Reviews {
		if c.Campaign.Reviews[i].ID == id {
			return &c.Campaign.Reviews[i]
		}
	}
	return nil
}

// decodeFlags decodes a status's plaque, featured and listed flags.
func decodeFlags(d *fields.Decoder, m fields.Map, s *Status) {
	if f := m.Value("featured"); f != nil {
		s.Featured, _ = d.Bool(f, "featured")
	}
	if f := m.Value("plaque"); f != nil {
		s.Plaque, _ = d.Bool(f, "plaque")
	}
	if f := m.Value("listed"); f != nil {
		listed, _ := d.Bool(f, "listed")
		s.Unlisted = !listed
	}
	if s.Featured && s.Unlisted {
		d.Errorf(m.Value("listed"), "config/featured-unlisted",
			diag.T("状态 %q 既是示范（featured）又不在列表中显示（listed: false）", "status %q is featured but not listed", s.ID),
			diag.T("删除其中一个标记", "remove one of the two flags"))
	}
}

// plaqueFlags reports whether some status sets its plaque flag.
func (c *Config) plaqueFlags() bool {
	for _, s := range c.Campaign.Statuses {
		if s.Plaque {
			return true
		}
	}
	return false
}

// Plaqued reports whether a brand of status st gets a plaque (挂牌): a
// listed status with the plaque flag, or, in a configuration that sets no
// plaque flag, every listed status, as before the flags existed.
func (c *Config) Plaqued(st *Status) bool {
	return st != nil && !st.Unlisted && (st.Plaque || !c.plaqueFlags())
}

// Names reports whether status st names a brand (命名), so that a brand
// given it has a naming date: a status with the plaque flag, or, in a
// configuration that sets none, every listed status but the first.
func (c *Config) Names(st *Status) bool {
	if st == nil || st.Unlisted {
		return false
	}
	if c.plaqueFlags() {
		return st.Plaque
	}
	return len(c.Campaign.Statuses) > 0 && st.ID != c.Campaign.Statuses[0].ID
}

// decodeReviews decodes the campaign's review results.
func decodeReviews(d *fields.Decoder, n *yaml.Node, c *Campaign) {
	items, _ := d.Seq(n, "reviews")
	seen := map[string]bool{}
	for _, it := range items {
		var r Review
		if decodeEntry(d, it, "reviews", []string{"id", "name"}, &r.ID, &r.Name, seen, func(fields.Map) {}) {
			c.Reviews = append(c.Reviews, r)
		}
	}
}
