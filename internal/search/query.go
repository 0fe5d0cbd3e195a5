package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the reference implementation of the search that
// search-engine.js runs in the browser; the browser tests check that both
// rank the same brands in the same order. The browser gets there lazily:
// it settles the candidates of the first page first and checks the rest
// afterwards, but its complete result is this one.

// Filter restricts a search to the brands of a stage, a status and a unit,
// each by id; an empty id matches every brand.
type Filter struct {
	Stage, Status, Unit string
}

// Hit is one brand found.
type Hit struct {
	// ID is the brand's URL id.
	ID   string
	Name string
	// Tier is where the weakest of the query's terms was found.
	Tier Tier
	// Score orders the hits: three per tier, less for a name that equals
	// or starts with the term.
	Score int
}

// Terms splits a query into the terms a brand must all contain: folded,
// split at spaces, with punctuation trimmed from both ends.
func Terms(query string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(FoldString(query), unicode.IsSpace) {
		t = strings.TrimFunc(t, func(r rune) bool { return classify(r) == other })
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Search returns the brands holding every term of query, in rank order:
// by the worst score of a term, then the sum of the scores, then site
// order. A brand is returned only if it really holds each term, as a run
// of text in one field, or for a term of letters as the pinyin of its name
// or its unit's name.
func (x *Index) Search(query string, f Filter) []Hit {
	terms := Terms(query)
	if len(terms) == 0 {
		return nil
	}
	sr := &searcher{x: x, shards: map[int]map[string]*postings{}}
	worst := map[int]int{}
	sum := map[int]int{}
	for n, term := range terms {
		scores := sr.term(term)
		for d, s := range scores {
			if n > 0 {
				if _, ok := worst[d]; !ok {
					continue
				}
			}
			worst[d] = max(worst[d], s)
			sum[d] += s
		}
		if n > 0 {
			for d := range worst {
				if _, ok := scores[d]; !ok {
					delete(worst, d)
				}
			}
		}
	}
	var hits []Hit
	var order []int
	for d := range worst {
		if x.keep(d, f) {
			order = append(order, d)
		}
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if worst[a] != worst[b] {
			return worst[a] < worst[b]
		}
		if sum[a] != sum[b] {
			return sum[a] < sum[b]
		}
		return a < b
	})
	for _, d := range order {
		hits = append(hits, Hit{ID: x.docs[d].id, Name: x.docs[d].name, Tier: Tier(worst[d] / 3), Score: worst[d]})
	}
	return hits
}

// keep applies the filter to document d.
func (x *Index) keep(d int, f Filter) bool {
	doc := &x.docs[d]
	ok := func(id string, list []group, i int) bool {
		return id == "" || i >= 0 && list[i].id == id
	}
	return ok(f.Stage, x.stages, doc.stage) && ok(f.Status, x.statuses, doc.status) &&
		(f.Unit == "" || x.units[doc.unit].id == f.Unit)
}

// searcher runs one search, keeping the shards it built.
type searcher struct {
	x      *Index
	shards map[int]map[string]*postings
}

func (sr *searcher) shard(k int) map[string]*postings {
	m, ok := sr.shards[k]
	if !ok {
		m = sr.x.shard(k)
		sr.shards[k] = m
	}
	return m
}

// plan is how a term is looked up: the tokens whose postings are
// intersected, and whether they decide the match alone.
type plan struct {
	tokens []string
	// prefix is a word the term ends with, looked up as the prefix of
	// words; "" for none.
	prefix string
	// exact is true when the postings alone decide: a term of one or two
	// Chinese characters, or of one word.
	exact bool
}

// planTerm chooses the tokens for a term: for a run of Chinese characters
// the bigrams that cover it without overlap (and the last one, which
// overlaps, for a run of odd length), or the character alone; every word,
// the last as a prefix when the term ends with it.
func planTerm(term string) plan {
	var p plan
	for _, run := range hanRuns(term) {
		r := []rune(run)
		if len(r) == 1 {
			p.tokens = append(p.tokens, run)
			continue
		}
		for i := 0; i+1 < len(r); i += 2 {
			p.tokens = append(p.tokens, string(r[i:i+2]))
		}
		if len(r)%2 == 1 {
			p.tokens = append(p.tokens, string(r[len(r)-2:]))
		}
	}
	var words []string
	scan(term, func(key) {}, func(w string) { words = append(words, w) })
	last, _ := utf8.DecodeLastRuneInString(term)
	if len(words) > 0 && classify(last) == word {
		p.prefix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	p.tokens = append(p.tokens, words...)
	n := len(p.tokens)
	if p.prefix != "" {
		n++
	}
	p.exact = n == 1 && (p.prefix != "" || utf8.RuneCountInString(p.tokens[0]) <= 2)
	return p
}

// hanRuns returns the runs of Chinese characters of s.
func hanRuns(s string) []string {
	var runs []string
	start := -1
	for i, r := range s {
		if classify(r) == han {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			runs = append(runs, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, s[start:])
	}
	return runs
}

// candidate is a document that holds every token of a term, with the worst
// of the best tiers of its tokens: the term cannot be found in a better
// tier than that.
type candidate struct {
	tier Tier
}

// term returns the score of every document holding term.
func (sr *searcher) term(term string) map[int]int {
	x := sr.x
	p := planTerm(term)
	cands := sr.candidates(p)
	scores := map[int]int{}
	for d, c := range cands {
		tier, ok := c.tier, p.exact
		if !ok {
			tier, ok = x.verify(d, term)
		}
		if ok {
			scores[d] = x.score(d, term, tier)
		}
	}
	if isPinyin(term) {
		for d := range x.docs {
			doc := &x.docs[d]
			s := -1
			if at := MatchPinyin(doc.pinyin, term); at == 0 {
				s = 1
			} else if at > 0 {
				s = 2
			} else if MatchPinyin(x.units[doc.unit].pinyin, term) >= 0 {
				s = int(TierDetail) * 3
			}
			if old, ok := scores[d]; s >= 0 && (!ok || s < old) {
				scores[d] = s
			}
		}
	}
	return scores
}

// candidates intersects the postings of the plan's tokens.
func (sr *searcher) candidates(p plan) map[int]candidate {
	var lists []map[int]Tier
	for _, tok := range p.tokens {
		lists = append(lists, flatten(sr.shard(sr.x.tokenShard(tok))[tok]))
	}
	if p.prefix != "" {
		m := map[int]Tier{}
		for tok, ps := range sr.shard(sr.x.tokenShard(p.prefix)) {
			if !strings.HasPrefix(tok, p.prefix) {
				continue
			}
			for d, t := range flatten(ps) {
				if old, ok := m[d]; !ok || t < old {
					m[d] = t
				}
			}
		}
		lists = append(lists, m)
	}
	out := map[int]candidate{}
	if len(lists) == 0 {
		return out
	}
	for d, t := range lists[0] {
		c := candidate{tier: t}
		ok := true
		for _, l := range lists[1:] {
			lt, in := l[d]
			if !in {
				ok = false
				break
			}
			c.tier = max(c.tier, lt)
		}
		if ok {
			out[d] = c
		}
	}
	return out
}

// flatten maps each document of p to its tier.
func flatten(p *postings) map[int]Tier {
	m := map[int]Tier{}
	if p == nil {
		return m
	}
	for t, docs := range p {
		for _, d := range docs {
			m[d] = Tier(t)
		}
	}
	return m
}

// verify finds the best tier in which document d holds term.
func (x *Index) verify(d int, term string) (Tier, bool) {
	best, found := Tier(0), false
	blk := x.blockOf(d)
	x.docs[d].fields(x.units, &blk, func(text string, tier Tier) {
		if (!found || tier < best) && contains(FoldString(text), term) {
			best, found = tier, true
		}
	})
	return best, found
}

// contains reports whether text holds term where a word may start: a term
// that starts with a letter or digit is not found inside a longer word,
// which is what the word postings can promise.
func contains(text, term string) bool {
	first, _ := utf8.DecodeRuneInString(term)
	needStart := classify(first) == word
	for off := 0; ; {
		i := strings.Index(text[off:], term)
		if i < 0 {
			return false
		}
		i += off
		if !needStart {
			return true
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 || classify(prev) != word {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		off = i + size
	}
}

// score ranks a match of term in tier: three points a tier, and within the
// name tier 0 when the name is the term, 1 when it starts with it.
func (x *Index) score(d int, term string, tier Tier) int {
	if tier != TierName {
		return int(tier) * 3
	}
	name := FoldString(x.docs[d].name)
	switch {
	case name == term:
		return 0
	case strings.HasPrefix(name, term):
		return 1
	}
	return 2
}

// isPinyin reports whether term could be pinyin: ASCII letters and digits.
func isPinyin(term string) bool {
	for i := 0; i < len(term); i++ {
		c := term[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
