package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// formatVersion changes whenever the layout of the files changes, so the
// version of the index does too.
const formatVersion = "showcase-search-4"

// Numbers in postings are written in base 32, most significant digit
// first: every digit but the last from moreDigits, the last from
// lastDigits. A gap below 32, the common case, takes one character, and
// the characters need no escaping inside a JavaScript string.
const (
	lastDigits = "0123456789abcdefghijklmnopqrstuv"
	moreDigits = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$"
	// tierSep ends the list of one tier; trailing empty lists are left out.
	tierSep = '.'
)

// appendNumber writes n, which is not negative.
func appendNumber(b []byte, n int) []byte {
	var digits [13]byte
	i := len(digits) - 1
	digits[i] = lastDigits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		digits[i] = moreDigits[n&31]
	}
	return append(b, digits[i:]...)
}

// encode writes postings as the gaps between document numbers (the gap
// before the first counted from -1, each less one), tier by tier.
func (p *postings) encode(b []byte) []byte {
	last := len(p) - 1
	for last > 0 && len(p[last]) == 0 {
		last--
	}
	for t := 0; t <= last; t++ {
		if t > 0 {
			b = append(b, tierSep)
		}
		prev := -1
		for _, d := range p[t] {
			b = appendNumber(b, d-prev-1)
			prev = d
		}
	}
	return b
}

// decodePostings reads what encode wrote.
func decodePostings(s string) (*postings, error) {
	p := &postings{}
	t, prev, n, open := 0, -1, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == tierSep {
			if open || t == len(p)-1 {
				return nil, fmt.Errorf("postings %q: misplaced %q at %d", s, c, i)
			}
			t, prev = t+1, -1
			continue
		}
		if d := strings.IndexByte(moreDigits, c); d >= 0 {
			n, open = n<<5|d, true
			continue
		}
		d := strings.IndexByte(lastDigits, c)
		if d < 0 {
			return nil, fmt.Errorf("postings %q: bad digit %q at %d", s, c, i)
		}
		prev += (n<<5 | d) + 1
		p[t] = append(p[t], prev)
		n, open = 0, false
	}
	if open {
		return nil, fmt.Errorf("postings %q: unfinished number", s)
	}
	return p, nil
}

// ShardJS returns token shard k as a script: a call of
// showcaseSearch.shard with the shard's number and an object mapping each
// token to its postings.
func (x *Index) ShardJS(k int) []byte {
	x.prepare()
	b := fmt.Appendf(nil, "showcaseSearch.shard(%d,{", k)
	var tiersBuf [tiers][]byte
	for i, t := range x.shards[k].sorted() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSON(b, t.token)
		b = append(b, ':', '"')
		b = t.p.encode(b, &tiersBuf)
		b = append(b, '"')
	}
	return append(b, "});\n"...)
}

// BlockJS returns text block k as a script: a call of showcaseSearch.block
// with the block's number and, for each of its brands, the texts labelled
// by the meta's labels.
func (x *Index) BlockJS(k int) []byte {
	lo, hi := k*x.block, min((k+1)*x.block, len(x.docs))
	rows := make([][]string, 0, hi-lo)
	for i := lo; i < hi; i++ {
		blk := x.blockOf(i)
		rows = append(rows, blk[:])
	}
	b := fmt.Appendf(nil, "showcaseSearch.block(%d,", k)
	b = appendJSON(b, rows)
	return append(b, ");\n"...)
}

// meta is the content of meta.js. The brands' fields are columns, each
// one string of the brands' values in site order, one a line: a browser
// parses a few long strings many times faster than as many short ones
// in arrays, and meta.js is what every search waits for. The pinyin is
// in p.js, which only a query that can be pinyin loads.
type meta struct {
	Version  string     `json:"v"`
	Shards   int        `json:"shards"`
	Block    int        `json:"block"`
	Labels   []string   `json:"labels"`
	Stages   [][]string `json:"stages"`
	Statuses [][]string `json:"statuses"`
	// Units are [id, name].
	Units [][]string `json:"units"`
	// N is the number of brands; Lead the number of brands of each lead
	// block (l/N.js), which holds their slogans and concepts.
	N    int `json:"n"`
	Lead int `json:"lead"`
	// IDs and Names are the brands' columns.
	IDs   string `json:"ids"`
	Names string `json:"names"`
	// Unit, Stage and Status are each brand's by number in the lists
	// above (-1 for none).
	Unit   []int `json:"unit"`
	Stage  []int `json:"stage"`
	Status []int `json:"status"`
}

// MetaJS returns meta.js: a call of showcaseSearch.meta with what every
// search needs, the brands in site order.
func (x *Index) MetaJS() []byte {
	m := meta{
		Version:  x.Version(),
		Shards:   x.Shards(),
		Block:    x.block,
		Labels:   blockLabels,
		Stages:   [][]string{},
		Statuses: [][]string{},
		Units:    [][]string{},
		N:        len(x.docs),
		Lead:     leadBlock,
		Unit:     make([]int, len(x.docs)),
		Stage:    make([]int, len(x.docs)),
		Status:   make([]int, len(x.docs)),
	}
	for _, g := range x.stages {
		m.Stages = append(m.Stages, []string{g.id, g.name})
	}
	for _, g := range x.statuses {
		m.Statuses = append(m.Statuses, []string{g.id, g.name})
	}
	for _, u := range x.units {
		m.Units = append(m.Units, []string{u.id, u.name})
	}
	var ids, names column
	for i, d := range x.docs {
		ids.add(d.id)
		names.add(d.name)
		m.Unit[i], m.Stage[i], m.Status[i] = d.unit, d.stage, d.status
	}
	m.IDs, m.Names = ids.String(), names.String()
	b := []byte("showcaseSearch.meta(")
	b = appendJSON(b, m)
	return append(b, ");\n"...)
}

// pinyinFile is the content of p.js: the pinyin of the units' names and
// of the brands' names, as columns in the order of meta.js, the readings
// of a character split by "/", the characters by " ".
type pinyinFile struct {
	Units  string `json:"units"`
	Brands string `json:"brands"`
}

// PinyinJS returns p.js: a call of showcaseSearch.pinyin with the pinyin
// of every unit's and brand's name. It is 40% of what meta.js held, and
// only a term of ASCII letters and digits can be pinyin, so a search in
// Chinese characters, the common case, does without it.
func (x *Index) PinyinJS() []byte {
	var units, brands column
	for _, u := range x.units {
		units.add(joinPinyin(u.pinyin))
	}
	for _, d := range x.docs {
		brands.add(joinPinyin(d.pinyin))
	}
	b := []byte("showcaseSearch.pinyin(")
	b = appendJSON(b, pinyinFile{units.String(), brands.String()})
	return append(b, ");\n"...)
}

// leadBlock is the number of brands of a lead block. The slogans and
// concepts are two thirds of the brands' text that meta.js would hold,
// and a search reads them only for the brands it checks or shows: in
// blocks of 64 brands (8 text blocks), about 10 KB at 10,000 brands.
const leadBlock = 64

// LeadBlocks returns the number of lead blocks of a site of n brands.
func LeadBlocks(n int) int { return (n + leadBlock - 1) / leadBlock }

// lead is the content of a lead block: columns, as in meta.js.
type lead struct {
	Slogans  string `json:"slogans"`
	Concepts string `json:"concepts"`
}

// LeadJS returns lead block k as a script: a call of showcaseSearch.lead
// with the block's number and the slogans and concepts of its brands.
func (x *Index) LeadJS(k int) []byte {
	var slogans, concepts column
	for _, d := range x.docs[k*leadBlock : min((k+1)*leadBlock, len(x.docs))] {
		slogans.add(d.slogan)
		concepts.add(d.concept)
	}
	b := fmt.Appendf(nil, "showcaseSearch.lead(%d,", k)
	b = appendJSON(b, lead{slogans.String(), concepts.String()})
	return append(b, ");\n"...)
}

// column is a column of meta.js: values one a line.
type column struct {
	strings.Builder
	n int
}

// add appends a value. A line break inside one becomes a space: a term
// holds no white space, so no search finds or misses it for that, and a
// snippet shows white space as one space anyway.
func (c *column) add(s string) {
	if c.n > 0 {
		c.WriteByte('\n')
	}
	c.n++
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	}
	c.WriteString(s)
}

// appendJSON appends v as JSON, without escaping <, > and &: the files
// are scripts, never inlined in HTML. U+2028 and U+2029 stay escaped.
func appendJSON(b []byte, v any) []byte {
	// The encoder appends to b itself, sparing a copy of a text block.
	buf := bytes.NewBuffer(b)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Strings, numbers and slices of them always encode.
		panic(fmt.Sprintf("search: encode %T: %v", v, err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
