// Package search indexes the brands of a site for the offline search page
// and writes the index as JavaScript files the page loads with <script>,
// which works from file:// where fetching JSON does not.
//
// Chinese text is indexed as single characters and character bigrams, other
// letters and digits as folded words, and brand and unit names also under
// their pinyin. The index is split five ways so a search loads only what
// it needs: meta.js (every brand's id, name, unit, stage and status),
// p.js (the pinyin of the names, for a query that can be pinyin), token
// shards t/N.js (which brands hold a token, and in which rank of field),
// lead blocks l/N.js (the slogans and concepts of 64 brands) and text
// blocks d/N.js (the remaining text of a few brands, to check a match
// and cut a snippet). The page runs the search in
// search-engine.js; this package holds a reference implementation of the
// same search in Go, so the ranking is tested here.
package search

import (
	"strings"

	"showcase/internal/site"
)

// Tier is the rank of the field a match was found in; a lower tier ranks
// first.
type Tier uint8

// The tiers, best first.
const (
	// TierName is the brand's name and its pinyin.
	TierName Tier = iota
	// TierLead is the slogan and the concept.
	TierLead
	// TierDetail is the unit's name, the organization, tags, carriers and
	// the six ideas.
	TierDetail
	// TierBody is the Markdown body.
	TierBody
	tiers = iota
)

// blockLabels name, in order, the texts of a brand kept in its text
// block; the page shows the label beside a snippet.
var blockLabels = []string{"品牌文化", "品牌载体", "党组织", "标签", "品牌介绍"}

// doc is one brand as the search sees it.
type doc struct {
	id      string // the brand's URL id, unit-id/brand-id
	name    string
	pinyin  [][]string
	unit    int
	stage   int
	status  int
	slogan  string
	concept string
}

// block are the texts of a brand kept in its text block, labelled by
// blockLabels: ideas, carriers, organization, tags, body. They are made
// from the brand whenever they are needed rather than kept, since they
// are most of a brand's text.
type block [5]string

// unit is one unit as the search sees it.
type unit struct {
	id, name string
	pinyin   [][]string
}

// group is a stage or a status.
type group struct{ id, name string }

// blockTier returns the tier of the n-th text of a block.
func blockTier(n int) Tier {
	if n == len(blockLabels)-1 {
		return TierBody
	}
	return TierDetail
}

// newDoc collects what the search needs of a brand.
func newDoc(b *site.Brand, py *pinyinCache, unitIdx, stageIdx, statusIdx map[string]int) doc {
	d := doc{
		id:      b.ID,
		name:    b.Name,
		pinyin:  py.of(b.Name),
		unit:    unitIdx[b.Unit.ID],
		stage:   -1,
		status:  -1,
		slogan:  b.Slogan,
		concept: b.Concept,
	}
	if b.Stage != nil {
		d.stage = stageIdx[b.Stage.ID]
	}
	if b.Status != nil {
		d.status = statusIdx[b.Status.ID]
	}
	return d
}

// blockOf collects the texts of brand d kept in its text block.
func (x *Index) blockOf(d int) block {
	b := x.brands[d]
	body := b.BodyText()
	var ideas, carriers []string
	for _, i := range b.Ideas() {
		ideas = append(ideas, i.Text)
	}
	for _, c := range b.Carriers {
		carriers = append(carriers, c.Name+"："+c.Description)
	}
	return block{
		strings.Join(ideas, "\n"),
		strings.Join(carriers, "\n"),
		b.Organization,
		strings.Join(b.Tags, "、"),
		body,
	}
}

// fields calls fn with every indexed text of the document and its tier,
// best tier first; the unit's name comes from units, the texts of its
// text block from blk.
func (d *doc) fields(units []unit, blk *block, fn func(string, Tier)) {
	fn(d.name, TierName)
	fn(d.slogan, TierLead)
	fn(d.concept, TierLead)
	fn(units[d.unit].name, TierDetail)
	for n, text := range blk {
		fn(text, blockTier(n))
	}
}
