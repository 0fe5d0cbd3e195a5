package search

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"showcase/internal/config"
	"showcase/internal/markdown"
	"showcase/internal/schema"
	"showcase/internal/site"
)

// testBrand is a brand of the test site; id is unit-id/brand-id.
type testBrand struct {
	id, name, slogan, concept, org, body string
	tags                                 []string
	carriers                             []schema.Carrier
	stage, status                        string
}

// testSite assembles a site of the brands in the order given, under units
// finance (示例市财政局) and tax (示例市税务局).
func testSite(brands ...testBrand) *site.Site {
	stages := []config.Stage{{ID: "declare", Name: "品牌申报阶段"}, {ID: "improve", Name: "品牌提升阶段"}}
	statuses := []config.Status{{ID: "cultivating", Name: "培育中"}, {ID: "named", Name: "已命名"}}
	s := &site.Site{Config: &config.Config{}}
	units := map[string]*site.Unit{}
	for _, u := range []struct{ id, name string }{{"finance", "示例市财政局"}, {"tax", "示例市税务局"}} {
		units[u.id] = &site.Unit{ID: u.id, Unit: schema.Unit{Name: u.name}}
		s.Units = append(s.Units, units[u.id])
	}
	groups := map[string]*site.Group{}
	for _, g := range stages {
		groups[g.ID] = &site.Group{ID: g.ID, Name: g.Name, Kind: "stages"}
		s.Stages = append(s.Stages, groups[g.ID])
	}
	for _, g := range statuses {
		groups[g.ID] = &site.Group{ID: g.ID, Name: g.Name, Kind: "statuses"}
		s.Statuses = append(s.Statuses, groups[g.ID])
	}
	for _, tb := range brands {
		unitID, _, _ := cut(tb.id)
		b := &site.Brand{
			ID:   tb.id,
			Unit: units[unitID],
			Brand: schema.Brand{
				Name: tb.name, Slogan: tb.slogan, Concept: tb.concept, Organization: tb.org,
				Tags: tb.tags, Carriers: tb.carriers,
			},
			ReadBody: func() markdown.Document { return markdown.Document{Text: tb.body} },
		}
		stage, status := tb.stage, tb.status
		if stage == "" {
			stage = "declare"
		}
		if status == "" {
			status = "cultivating"
		}
		b.Stage = &stages[slices.IndexFunc(stages, func(g config.Stage) bool { return g.ID == stage })]
		b.Status = &statuses[slices.IndexFunc(statuses, func(g config.Status) bool { return g.ID == status })]
		s.Brands = append(s.Brands, b)
		s.Listed = append(s.Listed, b)
	}
	return s
}

func cut(id string) (string, string, bool) {
	for i := range id {
		if id[i] == '/' {
			return id[:i], id[i+1:], true
		}
	}
	return id, "", false
}

func ids(hits []Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// rankingSite has a brand for every tier of 账本, in an order unlike the
// ranking, and brands that hold the halves of words apart.
func rankingSite() *site.Site {
	return testSite(
		testBrand{id: "finance/body", name: "清风正气", concept: "清正廉洁。", body: "开办账本夜校，逐户讲解。"},
		testBrand{id: "finance/detail", name: "惠企直通", concept: "直达快享。", carriers: []schema.Carrier{{Name: "党员账本", Description: "记录服务。"}}},
		testBrand{id: "finance/lead", name: "精算先锋", slogan: "一本账本算清为民心", concept: "精打细算。", stage: "improve"},
		testBrand{id: "finance/ledger", name: "红色账本", slogan: "一心向党", concept: "以账本为镜。", org: "中共示例市财政局机关第一支部委员会", status: "named"},
		testBrand{id: "tax/apart", name: "蓝色连心桥", concept: "红色引擎，色彩斑斓，账目清楚，本色不改。", body: "红色的账，色账本子。"},
		testBrand{id: "tax/exact", name: "账本", concept: "简单。"},
		testBrand{id: "tax/app", name: "云端办税", concept: "用APP办税，5G党建。", tags: []string{"数字化"}, body: "Appointment 无关。"},
	)
}

func TestSearchRanking(t *testing.T) {
	x := New(rankingSite(), Options{Shards: 4, Block: 2})
	tests := []struct {
		query string
		f     Filter
		want  []string
	}{
		// A name equal to the query first, then a name holding it, then
		// slogan and concept, then details (unit, organization, tags,
		// carriers, ideas), then the body; site order breaks ties.
		{"账本", Filter{}, []string{"tax/exact", "finance/ledger", "finance/lead", "finance/detail", "finance/body", "tax/apart"}},
		// Every result holds the query as one run: tax/apart has 红色, 色账
		// and 账本 but not 红色账本.
		{"红色账本", Filter{}, []string{"finance/ledger"}},
		{"色账本", Filter{}, []string{"finance/ledger", "tax/apart"}},
		{"账本夜校", Filter{}, []string{"finance/body"}},
		// One character.
		{"桥", Filter{}, []string{"tax/apart"}},
		// A unit's name finds its brands, then brands that name it elsewhere.
		{"示例市税务局", Filter{}, []string{"tax/apart", "tax/exact", "tax/app"}},
		{"示例市财政局", Filter{}, []string{"finance/body", "finance/detail", "finance/lead", "finance/ledger"}},
		// Pinyin initials and full pinyin of names, also cut short.
		{"hszb", Filter{}, []string{"finance/ledger"}},
		{"zhangben", Filter{}, []string{"tax/exact", "finance/ledger"}},
		{"HongSe", Filter{}, []string{"finance/ledger"}},
		{"lsl", Filter{}, []string{"tax/apart"}},
		// Pinyin of a unit's name.
		{"slsswj", Filter{}, []string{"tax/apart", "tax/exact", "tax/app"}},
		// Latin words are matched from their start, lower-cased.
		{"app", Filter{}, []string{"tax/app"}},
		{"5g党建", Filter{}, []string{"tax/app"}},
		{"pp", Filter{}, nil},
		// Several terms must all be found; the weakest decides the rank.
		{"账本 夜校", Filter{}, []string{"finance/body"}},
		{"账本 红色", Filter{}, []string{"finance/ledger", "tax/apart"}},
		// Filters.
		{"账本", Filter{Stage: "improve"}, []string{"finance/lead"}},
		{"账本", Filter{Status: "named"}, []string{"finance/ledger"}},
		{"账本", Filter{Unit: "tax"}, []string{"tax/exact", "tax/apart"}},
		// Nothing.
		{"驿站", Filter{}, nil},
		{"", Filter{}, nil},
		{"，", Filter{}, nil},
	}
	for _, tt := range tests {
		got := x.Search(tt.query, tt.f)
		if !slices.Equal(ids(got), tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("Search(%q, %+v) = %q, want %q", tt.query, tt.f, ids(got), tt.want)
		}
	}
}

func TestSearchTiers(t *testing.T) {
	x := New(rankingSite(), Options{})
	var got []Tier
	for _, h := range x.Search("账本", Filter{}) {
		got = append(got, h.Tier)
	}
	want := []Tier{TierName, TierName, TierLead, TierDetail, TierBody, TierBody}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tiers of 账本 = %v, want %v", got, want)
	}
}

// TestSearchMatchesScan checks the index against reading every field:
// for every piece of text of the site, the search finds exactly the brands
// whose fields hold it, whatever the number of shards.
func TestSearchMatchesScan(t *testing.T) {
	s := rankingSite()
	queries := map[string]bool{}
	for _, b := range s.Brands {
		for _, text := range []string{b.Name, b.Slogan, b.Concept, b.Body().Text} {
			r := []rune(text)
			for i := range r {
				for n := 1; n <= 5 && i+n <= len(r); n++ {
					queries[string(r[i:i+n])] = true
				}
			}
		}
	}
	for _, shards := range []int{1, 3, 64} {
		x := New(s, Options{Shards: shards, Block: 3})
		for q := range queries {
			terms := Terms(q)
			if len(terms) != 1 || isPinyin(terms[0]) {
				continue
			}
			var want []string
			for d := range x.docs {
				if _, ok := x.verify(d, terms[0]); ok {
					want = append(want, x.docs[d].id)
				}
			}
			got := ids(x.Search(q, Filter{}))
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) && len(want)+len(got) > 0 {
				t.Errorf("%d shards: Search(%q) found %q, the fields hold it in %q", shards, q, got, want)
			}
		}
	}
}

func TestIndexFiles(t *testing.T) {
	x := New(rankingSite(), Options{Shards: 4, Block: 3})
	if x.Shards() != 4 || x.Blocks() != 3 {
		t.Fatalf("Shards, Blocks = %d, %d; want 4, 3", x.Shards(), x.Blocks())
	}
	// Every token is in the shard its first character hashes to, and the
	// shard files hold every token once.
	seen := map[string]bool{}
	for k := range x.Shards() {
		for tok := range x.shard(k) {
			if x.tokenShard(tok) != k {
				t.Errorf("token %q in shard %d, hashes to %d", tok, k, x.tokenShard(tok))
			}
			if seen[tok] {
				t.Errorf("token %q in two shards", tok)
			}
			seen[tok] = true
		}
	}
	for _, tok := range []string{"账本", "账", "app", "5g", "appointment", "清风"} {
		if !seen[tok] {
			t.Errorf("no shard holds %q", tok)
		}
	}
	// The version depends on the content.
	other := rankingSite()
	text := other.Brands[0].Body().Text + "。"
	other.Brands[0].ReadBody = func() markdown.Document { return markdown.Document{Text: text} }
	if v := New(other, Options{Shards: 4, Block: 3}).Version(); v == x.Version() {
		t.Errorf("version %s did not change with the content", v)
	}
	if v := New(rankingSite(), Options{Shards: 4, Block: 3}).Version(); v != x.Version() {
		t.Errorf("version %s of the same content differs from %s", v, x.Version())
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		brands int
		opts   Options
		shards int
	}{
		{0, Options{}, 8}, {17, Options{}, 8}, {400, Options{}, 32}, {10000, Options{}, 512},
		{100000, Options{}, 1024}, {17, Options{Shards: 3}, 4}, {17, Options{Shards: 1}, 1},
	}
	for _, tt := range tests {
		bits, block := sizes(tt.brands, tt.opts)
		if 1<<bits != tt.shards || block != defaultBlock {
			t.Errorf("sizes(%d, %+v) = %d shards, block %d; want %d, %d", tt.brands, tt.opts, 1<<bits, block, tt.shards, defaultBlock)
		}
	}
}

func TestEmptySite(t *testing.T) {
	x := New(testSite(), Options{})
	meta := string(x.MetaJS())
	for _, want := range []string{`"n":0,"lead":64,"ids":""`, `"unit":[]`, `"shards":8`, `"stages":[["declare",`} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta.js of a site without brands lacks %s: %s", want, meta)
		}
	}
	if x.Blocks() != 0 || len(x.Search("账本", Filter{})) != 0 {
		t.Errorf("a site without brands has %d blocks and finds something", x.Blocks())
	}
	if got, want := string(x.ShardJS(3)), "showcaseSearch.shard(3,{});\n"; got != want {
		t.Errorf("empty shard = %q, want %q", got, want)
	}
}

// TestFilesConcurrent writes every file of the index at once, as the
// build does, and again one by one: the same bytes either way.
func TestFilesConcurrent(t *testing.T) {
	files := func(x *Index, parallel bool) [][]byte {
		leads := LeadBlocks(len(x.docs))
		n := 1 + x.Shards() + x.Blocks() + leads
		out := make([][]byte, n)
		fill := func(i int) {
			switch {
			case i == 0:
				out[i] = x.MetaJS()
			case i <= x.Shards():
				out[i] = x.ShardJS(i - 1)
			case i <= x.Shards()+leads:
				out[i] = x.LeadJS(i - 1 - x.Shards())
			default:
				out[i] = x.BlockJS(i - 1 - x.Shards() - leads)
			}
		}
		var wg sync.WaitGroup
		for i := range n {
			if parallel {
				wg.Go(func() { fill(i) })
			} else {
				fill(i)
			}
		}
		wg.Wait()
		return out
	}
	a := files(New(rankingSite(), Options{Shards: 4, Block: 2}), true)
	b := files(New(rankingSite(), Options{Shards: 4, Block: 2}), false)
	if !reflect.DeepEqual(a, b) {
		t.Error("the index files differ when written concurrently")
	}
}
