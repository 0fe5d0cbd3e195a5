package search

import (
	"encoding/binary"
	"slices"
	"strings"
)

// postings are the documents holding a token, by the best tier the token
// occurs in there, each list in document order.
type postings [tiers][]int

// shardPostings gathers the postings of the tokens of one token shard as
// documents are tokenized, in document order.
type shardPostings struct {
	han   map[key]*packedPostings
	words map[string]*packedPostings
}

// packedPostings are the postings of one token, packed as documents are
// added: each document is a uvarint of its gap from the previous one (less
// one, the first counted from -1) shifted left by two, with its tier in
// the low bits. Most gaps are small, so a document takes about a byte,
// where a list of numbers per document would take eight.
type packedPostings struct {
	last int32 // the last document added, -1 before the first
	top  Tier  // the worst tier added
	buf  []byte
}

// add appends document doc, which comes after every document added
// before, with the best tier of the token in it.
func (p *packedPostings) add(doc int, tier Tier) {
	p.buf = binary.AppendUvarint(p.buf, uint64(doc-int(p.last)-1)<<keyShift|uint64(tier))
	p.last = int32(doc)
	p.top = max(p.top, tier)
}

// encode writes the postings as postings.encode does. It reads the
// packed documents once, writing each tier's list into its own buffer of
// tiersBuf, and joins the lists.
func (p *packedPostings) encode(b []byte, tiersBuf *[tiers][]byte) []byte {
	var prev [tiers]int
	for t := range tiersBuf {
		tiersBuf[t], prev[t] = tiersBuf[t][:0], -1
	}
	doc := -1
	for buf := p.buf; len(buf) > 0; {
		v, n := binary.Uvarint(buf)
		buf = buf[n:]
		doc += int(v>>keyShift) + 1
		t := v & (1<<keyShift - 1)
		tiersBuf[t] = appendNumber(tiersBuf[t], doc-prev[t]-1)
		prev[t] = doc
	}
	for t := range p.top + 1 {
		if t > 0 {
			b = append(b, tierSep)
		}
		b = append(b, tiersBuf[t]...)
	}
	return b
}

// unpack returns the postings, reusing the lists of into.
func (p *packedPostings) unpack(into *postings) {
	for t := range into {
		into[t] = into[t][:0]
	}
	doc := -1
	for b := p.buf; len(b) > 0; {
		v, n := binary.Uvarint(b)
		b = b[n:]
		doc += int(v>>keyShift) + 1
		t := v & (1<<keyShift - 1)
		into[t] = append(into[t], doc)
	}
}

// addHan appends document doc to the postings of Chinese token k.
func (s *shardPostings) addHan(k key, doc int, tier Tier) {
	p := s.han[k]
	if p == nil {
		if s.han == nil {
			s.han = map[key]*packedPostings{}
		}
		p = &packedPostings{last: -1}
		s.han[k] = p
	}
	p.add(doc, tier)
}

// addWord appends document doc to the postings of word w.
func (s *shardPostings) addWord(w string, doc int, tier Tier) {
	p := s.words[w]
	if p == nil {
		if s.words == nil {
			s.words = map[string]*packedPostings{}
		}
		p = &packedPostings{last: -1}
		s.words[w] = p
	}
	p.add(doc, tier)
}

// clip gives back what the lists' growth left spare: the postings stay
// until the index is dropped.
func (s *shardPostings) clip() {
	clip := func(p *packedPostings) {
		if cap(p.buf)-len(p.buf) > len(p.buf)/8 {
			p.buf = slices.Clone(p.buf)
		}
	}
	for _, p := range s.han {
		clip(p)
	}
	for _, p := range s.words {
		clip(p)
	}
}

// tokenPostings is one token of a shard with its postings.
type tokenPostings struct {
	token string
	p     *packedPostings
}

// sorted lists the tokens of the shard in the order of their text.
func (s *shardPostings) sorted() []tokenPostings {
	out := make([]tokenPostings, 0, len(s.han)+len(s.words))
	for k, p := range s.han {
		out = append(out, tokenPostings{k.String(), p})
	}
	for w, p := range s.words {
		out = append(out, tokenPostings{w, p})
	}
	slices.SortFunc(out, func(a, b tokenPostings) int { return strings.Compare(a.token, b.token) })
	return out
}
