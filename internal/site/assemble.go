package site

import (
	"slices"
	"sort"
	"time"

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
	// Body returns the brand's body. The loader keeps bodies where it
	// likes (in memory, or spooled to disk for a large build); the site
	// only reads them, and only when a page or the search index does.
	Body func() markdown.Document
	// Text, when set, returns the body's plain text alone.
	Text func() string
	// BodyImages are the files of the bundle the body shows, by name.
	BodyImages []string
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
	// Decisions are the documents of decisions/; HasDecisions is set when
	// the site has that folder, which makes them decide every brand's
	// status.
	Decisions    []DecisionInput
	HasDecisions bool
	// Today, when set, is the day dates are checked against (a
	// declaration after it is a typo); it never shows in the output.
	Today time.Time
}

// LatestCount is how many brands the home page lists as latest changes.
const LatestCount = 8

// Assemble links units and brands into a Site, orders every list, and
// reports rules that span files, such as partners that do not exist.
func Assemble(in Input) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: in.Config, brandByID: make(map[string]*Brand, len(in.Brands)), unitByID: make(map[string]*Unit, len(in.Units))}
	for _, ui := range in.Units {
		u := &Unit{ID: ui.ID, Source: ui.Source, Unit: ui.Meta, Intro: ui.Intro.HTML}
		s.Units = append(s.Units, u)
		s.unitByID[u.ID] = u
	}
	order := newCollation(in.SortKeys)
	order.sortUnits(s.Units)
	all := make([]*Brand, 0, len(in.Brands))
	// The brands are made in one block: a site of thousands of brands
	// allocates once, and its lists are walked in memory order.
	block := make([]Brand, len(in.Brands))
	// unpublished are the drafts left out: a partner may name one, and
	// the pairing shows once the draft is published.
	unpublished := map[string]bool{}
	for _, bi := range in.Brands {
		u := s.unitByID[bi.UnitID]
		if u == nil || (bi.Meta.Draft && !in.Drafts) {
			unpublished[bi.UnitID+"/"+bi.Slug] = u != nil
			continue
		}
		b := &block[len(all)]
		*b = Brand{
			ID: bi.UnitID + "/" + bi.Slug, Slug: bi.Slug, Source: bi.Source, Unit: u,
			Brand: bi.Meta, ReadBody: bi.Body, ReadText: bi.Text, BodyImages: bi.BodyImages, LogoSVG: bi.LogoSVG,
			Stage:  in.Config.StageByID(bi.Meta.Stage),
			Status: in.Config.StatusByID(bi.Meta.Status),
		}
		b.Updated = lastDate(b)
		all = append(all, b)
		s.brandByID[b.ID] = b
	}
	// Each unit's brands are sorted on their own: a stable sort of all
	// brands taken unit by unit gives the same lists, and a site of
	// thousands of brands sorts in small pieces.
	for _, b := range all {
		b.Unit.Brands = append(b.Unit.Brands, b)
	}
	s.Brands = make([]*Brand, 0, len(all))
	for _, u := range s.Units {
		order.sortBrands(u.Brands)
	}
	for _, u := range s.Units {
		for _, b := range u.Brands {
			b.order = len(s.Brands)
			s.Brands = append(s.Brands, b)
		}
	}
	s.decide(in, unpublished, &diags)
	s.checkStatuses(in.HasDecisions, &diags)
	s.checkSite(in.Today, &diags)
	s.linkPartners(&diags, unpublished)
	s.list()
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
			case p == nil && unpublished[ref.ID] || p != nil && p.Draft:
				// Checked with drafts included; not linked while a draft.
				diags.Warnf(ref.Pos, "schema/partner-draft",
					diag.T("结对品牌 %q 还是草稿（draft: true），发布前本页不会链接到它", "partner %q is a draft: this page will not link to it until it is published", ref.ID),
					diag.T("对方品牌发布后链接会自动出现", "the link appears once the partner is published"))
				if p != nil {
					b.Paired = appendOnce(b.Paired, p)
					p.Paired = appendOnce(p.Paired, b)
				}
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
		if len(b.Paired) > 1 {
			sort.Slice(b.Paired, func(i, j int) bool { return b.Paired[i].order < b.Paired[j].order })
		}
	}
}

func appendOnce(list []*Brand, b *Brand) []*Brand {
	if slices.Contains(list, b) {
		return list
	}
	return append(list, b)
}

// group fills the stage and status lists in the campaign's order, in one
// pass over the brands: a brand belongs to every group whose id its stage
// or status names.
func (s *Site) group(cfg *config.Config) {
	stages := cfg.Campaign.Stages
	stageGroups := map[*config.Stage][]*Group{}
	for i, st := range stages {
		g := &Group{ID: st.ID, Name: st.Name, Kind: "stages", Ends: st.Ends, Listed: true}
		s.Stages = append(s.Stages, g)
		first := cfg.StageByID(stages[i].ID)
		stageGroups[first] = append(stageGroups[first], g)
	}
	statuses := cfg.Campaign.Statuses
	statusGroups := map[*config.Status][]*Group{}
	for i, st := range statuses {
		g := &Group{ID: st.ID, Name: st.Name, Kind: "statuses", Featured: st.Featured, Listed: !st.Unlisted}
		s.Statuses = append(s.Statuses, g)
		first := cfg.StatusByID(statuses[i].ID)
		statusGroups[first] = append(statusGroups[first], g)
	}
	for _, u := range s.Units {
		for _, b := range u.Brands {
			if b.Listed() {
				for _, g := range stageGroups[b.Stage] {
					g.add(u, b)
				}
			}
			// A status that is not listed keeps its page: the record
			// of the brands it holds.
			for _, g := range statusGroups[b.Status] {
				g.add(u, b)
			}
		}
	}
	for _, g := range s.Statuses {
		if g.Featured && g.Listed {
			s.Featured = append(s.Featured, g.Brands...)
		}
	}
	sort.SliceStable(s.Featured, func(i, j int) bool { return s.Featured[i].order < s.Featured[j].order })
}

// add puts a brand of unit u, which comes after the brands already added,
// in the group.
func (g *Group) add(u *Unit, b *Brand) {
	if n := len(g.Units); n > 0 && g.Units[n-1].Unit == u {
		g.Units[n-1].Brands = append(g.Units[n-1].Brands, b)
	} else {
		g.Units = append(g.Units, UnitBrands{Unit: u, Brands: []*Brand{b}})
	}
	g.Brands = append(g.Brands, b)
}

// latest picks the LatestCount most recently updated brands, newest
// first and in list order among equals, as a stable sort of every brand
// would, in one pass.
func (s *Site) latest() {
	var top []*Brand
	for _, b := range s.Listed {
		i := len(top)
		for i > 0 && b.Updated.After(top[i-1].Updated) {
			i--
		}
		if i >= LatestCount {
			continue
		}
		top = slices.Insert(top, i, b)
		if len(top) > LatestCount {
			top = top[:LatestCount]
		}
	}
	s.Latest = top
}

// list fills the lists of listed and plaqued brands, of the site and of
// each unit, and each unit's pairings with organizations.
func (s *Site) list() {
	byName := map[string]*Unit{}
	for _, u := range s.Units {
		byName[u.Name] = u
	}
	for _, u := range s.Units {
		for _, b := range u.Brands {
			if !b.Listed() {
				continue
			}
			u.Listed = append(u.Listed, b)
			s.Listed = append(s.Listed, b)
			if b.plaque = s.Config.Plaqued(b.Status) || b.Status == nil; b.plaque {
				u.Plaqued = append(u.Plaqued, b)
				s.Plaqued = append(s.Plaqued, b)
			}
		}
	}
	for _, b := range s.Brands {
		for _, e := range b.OrgPairs {
			b.Unit.OrgPairs = append(b.Unit.OrgPairs, e)
			if u := byName[e.UnitName]; u != nil && u != b.Unit {
				u.OrgPairs = append(u.OrgPairs, e)
			}
		}
	}
}
