package site

import (
	"html/template"
	"sort"
	"time"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/fields"
	"showcase/internal/markdown"
	"showcase/internal/schema"
)

// DecisionInput is a decoded decision document of decisions/.
type DecisionInput struct {
	// ID is the file's name without .md, used in the document's URL.
	ID     string
	Source string
	Meta   schema.Decision
	Body   markdown.Document
}

// Decision is one decision of the office (命名文件) with what it changed.
type Decision struct {
	ID     string
	Source string
	schema.Decision
	Body template.HTML
	// Entries are what the decision did to each brand, in document order:
	// status changes, then reviews, then pairings.
	Entries []*Entry
}

// Entry is one thing a decision did to a brand.
type Entry struct {
	Decision *Decision
	Brand    *Brand
	// Kind is "status", "review" or "pair".
	Kind string
	// Status and Reason are set for a status change.
	Status *config.Status
	Reason string
	// Year and Review are set for a review result.
	Year   int
	Review *config.Review
	// Organization and UnitName are set for a pairing with an
	// organization, which may have no brand.
	Organization string
	UnitName     string
}

// Date is the date of the entry's decision.
func (e *Entry) Date() time.Time { return e.Decision.Date }

// Path is the site path of the decision's page.
func (d *Decision) Path() string { return "decisions/" + d.ID + "/" }

// DecisionYear is a year of decisions, newest first.
type DecisionYear struct {
	Year      int
	Decisions []*Decision
}

// History is one entry of a brand's archive (创建档案): an event of its
// own timeline, or an entry of a decision.
type History struct {
	Date  time.Time
	Event string
	Entry *Entry
}

// DecisionYears groups the decisions by year, newest first.
func (s *Site) DecisionYears() []DecisionYear {
	var years []DecisionYear
	for _, d := range s.Decisions {
		y := d.Date.Year()
		if n := len(years); n == 0 || years[n-1].Year != y {
			years = append(years, DecisionYear{Year: y})
		}
		years[len(years)-1].Decisions = append(years[len(years)-1].Decisions, d)
	}
	return years
}

// decide applies the decisions, oldest first, to the brands: each gets
// the status its latest decision gave it (the campaign's first status
// before any), its naming date and its history. It reports the rules
// that span decisions and brands at the line that breaks them.
func (s *Site) decide(in Input, unpublished map[string]bool, diags *diag.List) {
	list := make([]*Decision, 0, len(in.Decisions))
	for _, di := range in.Decisions {
		list = append(list, &Decision{ID: di.ID, Source: di.Source, Decision: di.Meta, Body: di.Body.HTML})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Date.Equal(list[j].Date) {
			return list[i].Date.Before(list[j].Date)
		}
		return list[i].ID < list[j].ID
	})
	checkFuture(list, in.Today, diags)
	if in.HasDecisions {
		for _, b := range s.Brands {
			s.resetStatus(b)
		}
	}
	changed := map[string]diag.Position{}
	for _, d := range list {
		for _, c := range d.Changes {
			if b := s.decided(d, c.Brand, unpublished, diags); b != nil {
				s.change(d, b, c, changed, diags)
			}
		}
		for _, r := range d.Reviews {
			if b := s.decided(d, r.Brand, unpublished, diags); b != nil {
				s.record(b, &Entry{Decision: d, Brand: b, Kind: "review", Year: r.Year, Review: s.Config.ReviewByID(r.Result)})
			}
		}
		for _, p := range d.Pairs {
			if b := s.decided(d, p.Brand, unpublished, diags); b != nil {
				e := &Entry{Decision: d, Brand: b, Kind: "pair", Organization: p.Organization, UnitName: p.Unit}
				s.record(b, e)
				b.OrgPairs = append(b.OrgPairs, e)
			}
		}
	}
	s.Decisions = make([]*Decision, len(list))
	for i, d := range list {
		s.Decisions[len(list)-1-i] = d
	}
}

// resetStatus gives a brand of a site with decisions the campaign's first
// status, before any decision applies.
func (s *Site) resetStatus(b *Brand) {
	b.written = writtenStatus{status: b.Brand.Status, named: b.Brand.Named}
	b.Brand.Status, b.Brand.Named = "", time.Time{}
	if st := s.Config.Campaign.Statuses; len(st) > 0 {
		b.Brand.Status = st[0].ID
	}
	b.Status = s.Config.StatusByID(b.Brand.Status)
	b.Updated = lastDate(b)
}

// decided returns the brand a decision names, reporting one that does
// not exist or a decision dated before the brand's declaration. A brand
// still a draft is left out without a finding.
func (s *Site) decided(d *Decision, ref schema.Ref, unpublished map[string]bool, diags *diag.List) *Brand {
	b := s.brandByID[ref.ID]
	switch {
	case b == nil && unpublished[ref.ID]:
		return nil
	case b == nil:
		hint := diag.T("写成 单位id/品牌id，与品牌文件夹的位置一致", "write unit-id/brand-id as the brand's folder is named")
		if near := fields.Suggest(ref.ID, s.brandIDs()); near != "" {
			hint = diag.T("是不是想写 %q？", "did you mean %q?", near)
		}
		diags.Errorf(ref.Pos, "decision/unknown-brand", diag.T("品牌 %q 不存在", "brand %q does not exist", ref.ID), hint)
		return nil
	case !d.Date.IsZero() && d.Date.Before(b.Declared):
		diags.Errorf(ref.Pos, "decision/before-declared",
			diag.T("决定日期 %s 早于品牌 %q 的申报日期 %s", "the decision's date %s is before brand %q was declared, %s", day(d.Date), ref.ID, day(b.Declared)),
			diag.T("先申报后命名：检查决定的日期和品牌的 declared", "a brand is declared before it is decided on: check both dates"))
		return nil
	}
	return b
}

// change applies a status change of decision d to brand b.
func (s *Site) change(d *Decision, b *Brand, c schema.StatusChange, changed map[string]diag.Position, diags *diag.List) {
	st := s.Config.StatusByID(c.Status)
	if st == nil {
		return
	}
	key := b.ID + "\x00" + day(d.Date)
	if first, ok := changed[key]; ok {
		diags.Errorf(c.Brand.Pos, "decision/changed-twice",
			diag.T("品牌 %q 在 %s 这一天的状态变更了两次（另一次在 %s 第 %d 行）", "brand %q changes status twice on %s (also at %s line %d)", b.ID, day(d.Date), first.File, first.Line),
			diag.T("同一天只保留一个状态变更", "keep one status change a day"))
		return
	}
	changed[key] = c.Brand.Pos
	if s.Config.Names(st) && !s.Config.Names(b.Status) {
		b.Brand.Named = d.Date
	}
	b.Brand.Status, b.Status = st.ID, st
	e := &Entry{Decision: d, Brand: b, Kind: "status", Status: st, Reason: c.Reason}
	if st.Unlisted {
		b.Delisting = e
	} else {
		b.Delisting = nil
	}
	s.record(b, e)
}

// record adds an entry to the brand's history and to its decision.
func (s *Site) record(b *Brand, e *Entry) {
	e.Decision.Entries = append(e.Decision.Entries, e)
	b.decisions = append(b.decisions, e)
	if e.Date().After(b.Updated) {
		b.Updated = e.Date()
	}
}

// checkFuture reports a decision dated more than a year after both the
// newest other decision and today: a typo in the year, which would
// otherwise decide the brands' statuses for years to come. A yearly
// review a little more than a year after the last one is no typo, since
// it is not in the future.
func checkFuture(list []*Decision, today time.Time, diags *diag.List) {
	if len(list) == 0 {
		return
	}
	last, ref := list[len(list)-1], today
	if len(list) > 1 && list[len(list)-2].Date.After(ref) {
		ref = list[len(list)-2].Date
	}
	if !ref.IsZero() && last.Date.After(ref.AddDate(1, 0, 0)) {
		diags.Errorf(last.DatePos, "decision/far-future",
			diag.T("决定日期 %s 比今天和其他决定都晚一年以上", "the date %s is more than a year after today and every other decision", day(last.Date)),
			diag.T("检查年份是否写错", "check the year for a typo"))
	}
}

// brandIDs lists every brand's id, for hints.
func (s *Site) brandIDs() []string {
	ids := make([]string, 0, len(s.Brands))
	for _, b := range s.Brands {
		ids = append(ids, b.ID)
	}
	return ids
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// History merges the brand's own timeline with what the decisions did to
// it, in date order; on one date the brand's own events come first.
func (b *Brand) History() []History {
	out := make([]History, 0, len(b.Timeline)+len(b.decisions))
	for _, e := range b.Timeline {
		out = append(out, History{Date: e.Date, Event: e.Event})
	}
	for _, e := range b.decisions {
		out = append(out, History{Date: e.Date(), Entry: e})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Decided lists what the decisions did to the brand, oldest first.
func (b *Brand) Decided() []*Entry { return b.decisions }
