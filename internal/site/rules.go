package site

import (
	"time"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

// writtenStatus is what a brand's own file said of its status, kept to
// compare with what the decisions say.
type writtenStatus struct {
	status string
	named  time.Time
}

// checkStatuses checks each brand's own status and naming date: against
// the decisions in a site that has them (the office decides these), or
// for being given and consistent in a site without.
func (s *Site) checkStatuses(hasDecisions bool, diags *diag.List) {
	for _, b := range s.Brands {
		if hasDecisions {
			s.checkWritten(b, diags)
		} else {
			s.checkOwn(b, diags)
		}
	}
}

// checkWritten reports a status or a naming date a brand's file gives that
// differs from what the decisions say.
func (s *Site) checkWritten(b *Brand, diags *diag.List) {
	p := b.Places
	if w := b.written.status; w != "" && w != b.Brand.Status {
		diags.Errorf(p.Status, "schema/status-decided",
			diag.T("品牌状态由市直机关工委的决定文件确定：按 decisions/ 中的决定，本品牌现在是 %q，不是 %q", "the office's decisions set the status: they make this brand %q, not %q", b.Brand.Status, w),
			diag.T("删除这一行 status:，状态以 decisions/ 中的决定为准", "remove the status: line; the decisions under decisions/ set it"))
	}
	if w := b.written.named; !w.IsZero() && !w.Equal(b.Brand.Named) {
		got := diag.T("没有命名", "not named")
		if !b.Brand.Named.IsZero() {
			got = diag.T("命名日期为 %s", "named on %s", day(b.Brand.Named))
		}
		diags.Errorf(p.Named, "schema/named-decided",
			diag.T("命名日期由决定文件确定：按 decisions/ 中的决定，本品牌%s，不是 %s", "the decisions set the naming date: they say %s, not %s", got.ZH, day(w)),
			diag.T("删除这一行 named:，命名日期以决定文件为准", "remove the named: line; the decisions set it"))
	}
}

// checkOwn checks the status a brand's file gives in a site without
// decisions: it is required, a naming status needs its date, and a brand
// still in the campaign's first status has none.
func (s *Site) checkOwn(b *Brand, diags *diag.List) {
	p := b.Places
	switch {
	case p.Meta.File == "":
		// The front matter could not be read: the file says why.
	case b.Brand.Status == "" && p.Status.Line == 0:
		diags.Errorf(p.Meta, "schema/required",
			diag.T("%[1]s缺少必填字段 %[2]q", "%[3]s is missing the required key %[2]q", "品牌", "status", "the brand"),
			diag.T("添加一行 %s: …", "add a line \"%s: …\"", "status"))
	case hasPlaqueFlags(s.Config) && s.Config.Names(b.Status) && b.Named.IsZero():
		diags.Errorf(p.Status, "schema/named-date",
			diag.T("状态 %q 是已命名的品牌，但没有写命名日期 named", "status %q is a named brand's, but no naming date (named) is given", b.Status.ID),
			diag.T("添加一行 named: 命名日期，例如 named: 2020-12-20", "add a line \"named: 2020-12-20\" with the naming date"))
	case b.Status != nil && !b.Named.IsZero() && s.unnamed(b.Status):
		diags.Errorf(p.Named, "schema/named-status",
			diag.T("写了命名日期，但状态 %q 表示尚未命名", "a naming date is given, but status %q means the brand is not named", b.Status.ID),
			diag.T("命名后把 status 改为命名后的状态；尚未命名则删除 named 这一行", "change the status once named, or remove the named: line"))
	}
}

// checkSite reports the rules a reviewer expects across brands: a name
// used twice, one organization with more brands than the campaign
// allows, an organization its unit does not list, and a declaration dated
// after today.
func (s *Site) checkSite(today time.Time, diags *diag.List) {
	names := map[string]*Brand{}
	orgs := map[string][]*Brand{}
	for _, b := range s.Brands {
		if first := names[b.Name]; first != nil && b.Name != "" {
			diags.Errorf(b.Places.Name, "schema/name-taken",
				diag.T("品牌名称“%s”已被 %s 使用", "brand name %q is already used by %s", b.Name, first.ID),
				diag.T("每个品牌的名称应各不相同", "every brand needs a name of its own"))
		} else {
			names[b.Name] = b
		}
		if b.Organization != "" {
			key := b.Unit.ID + "\x00" + b.Organization
			orgs[key] = append(orgs[key], b)
			if n, most := len(orgs[key]), max(s.Config.Campaign.BrandsPerOrganization, 1); n == most+1 {
				diags.Warnf(b.Places.Organization, "schema/organization-twice",
					diag.T("党组织“%s”已有品牌 %s，每个党组织最多 %d 个品牌", "organization %q already has brand %s; an organization has at most %d", b.Organization, orgs[key][0].ID, most),
					diag.T("确认是否同一党组织创建了多个品牌；活动允许时可在 showcase.yaml 设置 campaign.brandsPerOrganization", "check whether one organization really created more brands; campaign.brandsPerOrganization in showcase.yaml allows more"))
			}
		}
		s.checkOrganization(b, diags)
		if !today.IsZero() && b.Declared.After(today) {
			diags.Errorf(b.Places.Declared, "schema/declared-future",
				diag.T("申报日期 %s 晚于今天（%s）", "declared %s is after today (%s)", day(b.Declared), day(today)),
				diag.T("检查日期是否写错", "check the date for a typo"))
		}
	}
}

// checkOrganization reports a brand's organization that its unit's list
// of organizations, when it has one, does not hold.
func (s *Site) checkOrganization(b *Brand, diags *diag.List) {
	list := b.Unit.Organizations
	if list == nil || b.Organization == "" {
		return
	}
	names := make([]string, len(list))
	for i, o := range list {
		if o.Name == b.Organization {
			return
		}
		names[i] = o.Name
	}
	hint := diag.T("写成单位 _unit.md 中 organizations 列出的名称之一，或在那里补上它", "write one of the names the unit's organizations list gives, or add it there")
	if near := fields.Suggest(b.Organization, names); near != "" {
		hint = diag.T("是不是想写“%s”？", "did you mean %q?", near)
	}
	diags.Errorf(b.Places.Organization, "schema/organization-unknown",
		diag.T("党组织“%s”不在本单位 _unit.md 的 organizations 列表中", "organization %q is not in the unit's organizations list", b.Organization),
		hint)
}

// hasPlaqueFlags reports whether the configuration sets a plaque flag:
// only then does it say which statuses name a brand, so a site from
// before the flags keeps its brands as they were written.
func hasPlaqueFlags(cfg *config.Config) bool {
	for _, st := range cfg.Campaign.Statuses {
		if st.Plaque {
			return true
		}
	}
	return false
}

// unnamed reports whether status st is the campaign's first, a new
// brand's, which no brand has once it is named: a campaign of one status
// is exempt, as is a first status with a plaque.
func (s *Site) unnamed(st *config.Status) bool {
	all := s.Config.Campaign.Statuses
	return len(all) > 1 && st.ID == all[0].ID && !st.Plaque
}
