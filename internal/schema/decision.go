package schema

import (
	"strings"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"
)

// Decision is a decoded decision document (命名文件) of the office: what
// it changed, reviewed and paired. Which brands exist, and the rules that
// span documents, are checked when the site is assembled.
type Decision struct {
	Title  string
	Number string
	Date   time.Time
	// DatePos is where the date is written.
	DatePos diag.Position
	Changes []StatusChange
	Reviews []ReviewResult
	Pairs   []OrgPair
}

// StatusChange gives a brand a status, with the reason for a delisting.
type StatusChange struct {
	Brand  Ref
	Status string
	Reason string
}

// ReviewResult is a brand's result in the yearly review of a year.
type ReviewResult struct {
	Brand  Ref
	Year   int
	Result string
}

// OrgPair pairs a brand with a lagging Party organization (后进党组织),
// which may have no brand of its own.
type OrgPair struct {
	Brand        Ref
	Organization string
	Unit         string
}

// decisionWhat names a decision's front matter in messages.
var decisionWhat = diag.T("决定文件", "the decision")

// decisionKeys are the keys of a decision's front matter.
var decisionKeys = fields.Keys{
	Known: []string{"title", "number", "date", "changes", "reviews", "pairs"},
	Labels: map[string]string{
		"标题": "title", "文件标题": "title", "文号": "number", "发文字号": "number",
		"日期": "date", "发文日期": "date", "印发日期": "date",
		"变更": "changes", "状态变更": "changes", "命名": "changes", "摘牌": "changes",
		"复查": "reviews", "复查验收": "reviews", "年度复查": "reviews",
		"结对": "pairs", "结对共建": "pairs",
	},
}

// Keys of the entries of a decision's lists.
var (
	changeKeys = fields.Keys{Known: []string{"brand", "status", "reason"}, Labels: map[string]string{"品牌": "brand", "状态": "status", "原因": "reason", "理由": "reason"}}
	reviewKeys = fields.Keys{Known: []string{"brand", "year", "result"}, Labels: map[string]string{"品牌": "brand", "年度": "year", "年份": "year", "结果": "result"}}
	pairKeys   = fields.Keys{Known: []string{"brand", "organization", "unit"}, Labels: map[string]string{"品牌": "brand", "党组织": "organization", "组织": "organization", "单位": "unit"}}
)

// decisionDecoder decodes one decision document.
type decisionDecoder struct {
	*fields.Decoder
	cfg *config.Config
	d   Decision
}

// DecodeDecision decodes a decision's front matter against the site's
// campaign, reporting problems into diags at the node that has them.
func DecodeDecision(doc *content.Document, cfg *config.Config, diags *diag.List) Decision {
	dd := &decisionDecoder{Decoder: &fields.Decoder{File: doc.Path, Diags: diags}, cfg: cfg}
	checkBody(dd.Decoder, doc)
	if doc.Meta == nil {
		return dd.d
	}
	m, ok := dd.Mapping(doc.Meta, decisionWhat, decisionKeys)
	if !ok {
		return dd.d
	}
	dd.Require(m, decisionWhat, "title", "date")
	dd.d.Title = dd.text(m, "title")
	dd.d.Number = dd.text(m, "number")
	if v := m.Value("date"); v != nil {
		dd.d.Date, _ = dd.Date(v, "date")
		dd.d.DatePos = dd.Pos(v)
	}
	dd.list(m, "changes", dd.change)
	dd.list(m, "reviews", dd.review)
	dd.list(m, "pairs", dd.pair)
	if len(dd.d.Changes)+len(dd.d.Reviews)+len(dd.d.Pairs) == 0 && !m.Has("changes") && !m.Has("reviews") && !m.Has("pairs") {
		dd.Warnf(m.Node, "schema/decision-empty",
			diag.T("这份决定没有写任何状态变更、复查结果或结对", "the decision changes, reviews and pairs nothing"),
			diag.T("添加 changes:、reviews: 或 pairs: 列表", "add a changes:, reviews: or pairs: list"))
	}
	return dd.d
}

func (dd *decisionDecoder) text(m fields.Map, key string) string {
	v := m.Value(key)
	if v == nil {
		return ""
	}
	s, _ := dd.String(v, key)
	return norm.NFC.String(s)
}

// list decodes each entry of the list under key.
func (dd *decisionDecoder) list(m fields.Map, key string, entry func(*yaml.Node)) {
	v := m.Value(key)
	if v == nil {
		return
	}
	items, _ := dd.Seq(v, key)
	for _, it := range items {
		entry(it)
	}
}

// entry decodes the mapping of one list entry and its brand.
func (dd *decisionDecoder) entry(n *yaml.Node, what diag.Text, keys fields.Keys, required ...string) (fields.Map, Ref, bool) {
	m, ok := dd.Mapping(n, what, keys)
	if !ok {
		return m, Ref{}, false
	}
	dd.Require(m, what, append([]string{"brand"}, required...)...)
	v := m.Value("brand")
	if v == nil {
		return m, Ref{}, false
	}
	id, ok := dd.String(v, "brand")
	if !ok {
		return m, Ref{}, false
	}
	unit, brand, found := strings.Cut(id, "/")
	if !found || !fields.ValidID(unit) || !fields.ValidID(brand) {
		dd.Errorf(v, "schema/decision-brand",
			diag.T("品牌 %q 的写法不对", "brand %q is not a brand id", id),
			diag.T("写成 单位id/品牌id（即品牌文件夹的位置），例如 finance/ledger", "write unit-id/brand-id, the brand's folder, for example finance/ledger"))
		return m, Ref{}, false
	}
	return m, Ref{ID: id, Pos: dd.Pos(v)}, true
}

func (dd *decisionDecoder) change(n *yaml.Node) {
	m, ref, ok := dd.entry(n, diag.T("状态变更", "the change"), changeKeys, "status")
	v := m.Value("status")
	if !ok || v == nil {
		return
	}
	c := StatusChange{Brand: ref, Reason: dd.text(m, "reason")}
	var bad bool
	c.Status, bad = dd.pick(v, "status", statusChoices(dd.cfg), diag.T("状态", "status"))
	if bad {
		return
	}
	if st := dd.cfg.StatusByID(c.Status); st != nil && st.Unlisted && c.Reason == "" {
		dd.Warnf(n, "schema/decision-reason",
			diag.T("摘牌没有写原因", "the delisting gives no reason"),
			diag.T("添加 reason: 原因，例如 年度复查不合格", "add a \"reason: …\", for example 年度复查不合格"))
	}
	dd.d.Changes = append(dd.d.Changes, c)
}

func (dd *decisionDecoder) review(n *yaml.Node) {
	m, ref, ok := dd.entry(n, diag.T("复查结果", "the review"), reviewKeys, "year", "result")
	if !ok || m.Value("year") == nil || m.Value("result") == nil {
		return
	}
	r := ReviewResult{Brand: ref}
	y, ok := dd.Int(m.Value("year"), "year")
	if !ok {
		return
	}
	if y < fields.FirstYear || y > fields.LastYear {
		dd.Errorf(m.Value("year"), "schema/year",
			diag.T("年份 %d 不合理", "year %d is out of range", y),
			diag.T("写四位年份，例如 2021", "write a four-digit year, for example 2021"))
		return
	}
	r.Year = y
	var c choices
	for _, rv := range dd.cfg.Campaign.Reviews {
		c.ids, c.names = append(c.ids, rv.ID), append(c.names, rv.Name)
	}
	if len(c.ids) == 0 {
		dd.Errorf(m.Value("result"), "schema/review",
			diag.T("站点配置没有列出复查结果（campaign.reviews）", "the configuration lists no review results (campaign.reviews)"),
			diag.T("在 showcase.yaml 的 campaign 下添加 reviews:，例如 - {id: pass, name: 合格}", "add reviews: under campaign in showcase.yaml, for example - {id: pass, name: 合格}"))
		return
	}
	var bad bool
	if r.Result, bad = dd.pick(m.Value("result"), "result", c, diag.T("复查结果", "review result")); !bad {
		dd.d.Reviews = append(dd.d.Reviews, r)
	}
}

func (dd *decisionDecoder) pair(n *yaml.Node) {
	m, ref, ok := dd.entry(n, diag.T("结对", "the pairing"), pairKeys, "organization")
	if !ok {
		return
	}
	p := OrgPair{Brand: ref, Organization: dd.text(m, "organization"), Unit: dd.text(m, "unit")}
	if p.Organization != "" {
		dd.d.Pairs = append(dd.d.Pairs, p)
	}
}

// pick decodes an id among choices, reporting one that is not there; bad
// is set when it was reported.
func (dd *decisionDecoder) pick(v *yaml.Node, key string, c choices, what diag.Text) (id string, bad bool) {
	id, ok := dd.String(v, key)
	if !ok {
		return id, true
	}
	if len(c.ids) == 0 || contains(c.ids, id) {
		return id, false
	}
	dd.Errorf(v, "schema/"+key,
		diag.T("未知的%[1]s %[2]q", "unknown %[3]s %[2]q", what.ZH, id, what.EN),
		choiceHint(id, c))
	return id, true
}
