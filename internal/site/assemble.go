package site

import (
	"slices"
	"sort"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/schema"
)

// UnitInput is a decoded unit file.
type UnitInput struct {
	ID     string
	Source string
	Meta   schema.Unit
	Intro  markdown.Document
}

// BrandInput is a decoded brand file.
type BrandInput struct {
	UnitID string
	Slug   string
	Source string
	Meta   schema.Brand
	Body   markdown.Document
	// LogoSVG is the cleaned SVG logo, nil for a raster logo.
	LogoSVG []byte
}

// Input is everything Assemble needs.
type Input struct {
	Config *config.Config
	Units  []UnitInput
	Brands []BrandInput
	// Drafts includes brands marked draft.
	Drafts bool
	// SortKeys, when set, keeps name collation keys for the next Assemble.
	SortKeys *SortKeys
}

// LatestCount is how many brands the home page lists as latest changes.
const LatestCount = 8

// Assemble links units and brands into a Site, orders every list, and
// reports rules that span files, such as partners that do not exist.
func Assemble(in Input) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: in.Config, brandByID: map[string]*Brand{}, unitByID: map[string]*Unit{}}
	for _, ui := range in.Units {
		u := &Unit{ID: ui.ID, Source: ui.Source, Unit: ui.Meta, Intro: ui.Intro.HTML}
		s.Units = append(s.Units, u)
		s.unitByID[u.ID] = u
	}
	order := newCollation(in.SortKeys)
	order.sortUnits(s.Units)
	var all []*Brand
	// unpublished are the drafts left out: a partner may name one, and
	// the pairing shows once the draft is published.
	unpublished := map[string]bool{}
	for _, bi := range in.Brands {
		u := s.unitByID[bi.UnitID]
		if u == nil || (bi.Meta.Draft && !in.Drafts) {
			unpublished[bi.UnitID+"/"+bi.Slug] = u != nil
			continue
		}
		b := &Brand{
			ID: bi.UnitID + "/" + bi.Slug, Slug: bi.Slug, Source: bi.Source, Unit: u,
			Brand: bi.Meta, Body: bi.Body, LogoSVG: bi.LogoSVG,
			Stage:  in.Config.StageByID(bi.Meta.Stage),
			Status: in.Config.StatusByID(bi.Meta.Status),
		}
		b.Updated = lastDate(b)
		all = append(all, b)
		s.brandByID[b.ID] = b
	}
	order.sortBrands(all)
	for _, b := range all {
		b.Unit.Brands = append(b.Unit.Brands, b)
	}
	for _, u := range s.Units {
		for _, b := range u.Brands {
			b.order = len(s.Brands)
			s.Brands = append(s.Brands, b)
		}
	}
	s.linkPartners(&diags, unpublished)
	s.group(in.Config)
	s.latest()
	return s, diags
}

// linkPartners resolves partner ids and links both sides of each pairing.
func (s *Site) linkPartners(diags *diag.List, unpublished map[string]bool) {
	for _, b := range s.Brands {
		for _, ref := range b.Partners {
			p := s.brandByID[ref.ID]
			switch {
			case ref.ID == b.ID:
				diags.Errorf(ref.Pos, "schema/partner-self",
					diag.T("品牌不能与自己结对", "a brand cannot be paired with itself"),
					diag.T("删除这一项", "remove this entry"))
			case p == nil && unpublished[ref.ID]:
				// Checked with drafts included; not linked while a draft.
			case p == nil:
				diags.Errorf(ref.Pos, "schema/partner-missing",
					diag.T("结对品牌 %q 不存在", "partner %q does not exist", ref.ID),
					diag.T("写成 单位id/品牌id，与对方品牌文件夹的位置一致", "write unit-id/brand-id as the partner's folder is named"))
			default:
				b.Paired = appendOnce(b.Paired, p)
				p.Paired = appendOnce(p.Paired, b)
			}
		}
	}
	for _, b := range s.Brands {
		sort.Slice(b.Paired, func(i, j int) bool { return b.Paired[i].order < b.Paired[j].order })
	}
}

func appendOnce(list []*Brand, b *Brand) []*Brand {
	if slices.Contains(list, b) {
		return list
	}
	return append(list, b)
}

// group fills the stage and status lists in the campaign's order.
func (s *Site) group(cfg *config.Config) {
	for _, st := range cfg.Campaign.Stages {
		s.Stages = append(s.Stages, s.collect("stages", st.ID, st.Name, func(b *Brand) bool { return b.Brand.Stage == st.ID }))
		s.Stages[len(s.Stages)-1].Ends = st.Ends
	}
	for _, st := range cfg.Campaign.Statuses {
		g := s.collect("statuses", st.ID, st.Name, func(b *Brand) bool { return b.Brand.Status == st.ID })
		g.Featured = st.Featured
		s.Statuses = append(s.Statuses, g)
		if st.Featured {
			s.Featured = append(s.Featured, g.Brands...)
		}
	}
	sort.SliceStable(s.Featured, func(i, j int) bool { return s.Featured[i].order < s.Featured[j].order })
}

func (s *Site) collect(kind, id, name string, in func(*Brand) bool) *Group {
	g := &Group{ID: id, Name: name, Kind: kind}
	for _, u := range s.Units {
		var ub UnitBrands
		for _, b := range u.Brands {
			if in(b) {
				ub.Brands = append(ub.Brands, b)
			}
		}
		if len(ub.Brands) > 0 {
			ub.Unit = u
			g.Units = append(g.Units, ub)
			g.Brands = append(g.Brands, ub.Brands...)
		}
	}
	return g
}

func (s *Site) latest() {
	s.Latest = append([]*Brand(nil), s.Brands...)
	sort.SliceStable(s.Latest, func(i, j int) bool { return s.Latest[i].Updated.After(s.Latest[j].Updated) })
	if len(s.Latest) > LatestCount {
		s.Latest = s.Latest[:LatestCount]
	}
}
