package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"slices"
	"sync"

	"showcase/internal/site"
)

// Options size the index's files. Zero values choose sizes from the number
// of brands.
type Options struct {
	// Shards is the number of token shards, rounded up to a power of two.
	Shards int
	// Block is the number of brands per text block.
	Block int
}

// Default sizes: a token shard per 20 brands keeps a shard near 6 KB
// after gzip on a large site, so a query of a few words loads little; at
// least 8 shards even on a small site, so every site exercises the same
// loading code. A text block of 8 brands keeps what the first page of
// results reads small.
const (
	brandsPerShard = 20
	minShards      = 8
	maxShards      = 1024
	defaultBlock   = 8
)

// Index is the search index of a site. New only gathers what meta.js
// needs; the tokens are computed, in parallel, the first time an output
// needs them, so building the index costs nothing until the build writes
// it. The index keeps each token's postings packed, and no brand's text:
// the text blocks are made from the brands when they are written. The
// methods are safe for concurrent use.
type Index struct {
	brands   []*site.Brand
	docs     []doc
	units    []unit
	stages   []group
	statuses []group
	// shardBits is log2 of the number of token shards.
	shardBits int
	block     int

	once    sync.Once
	shards  []shardPostings
	version string
}

const (
	// keyShift makes room for a tier (two bits) below a packed token.
	keyShift   = 2
	shardShift = 2*runeBits + keyShift
)

// New gathers what meta.js needs of every brand of s, in site order. The
// rest of each brand's text is read from its brand whenever the index
// needs it, so the brands must not change while the index is in use.
func New(s *site.Site, opts Options) *Index {
	x := &Index{}
	unitIdx := map[string]int{}
	for i, u := range s.Units {
		unitIdx[u.ID] = i
		x.units = append(x.units, unit{id: u.ID, name: u.Name, pinyin: Pinyin(u.Name)})
	}
	stageIdx, statusIdx := map[string]int{}, map[string]int{}
	for i, g := range s.Stages {
		stageIdx[g.ID] = i
		x.stages = append(x.stages, group{g.ID, g.Name})
	}
	for i, g := range s.Statuses {
		statusIdx[g.ID] = i
		x.statuses = append(x.statuses, group{g.ID, g.Name})
	}
	py := &pinyinCache{}
	// A delisted brand (a status that is not listed) keeps its page but
	// leaves every list, the search results included.
	x.brands = s.Listed
	x.docs = make([]doc, len(s.Listed))
	for i, b := range s.Listed {
		x.docs[i] = newDoc(b, py, unitIdx, stageIdx, statusIdx)
	}
	x.shardBits, x.block = sizes(len(x.docs), opts)
	return x
}

// sizes returns log2 of the number of token shards and the brands per text
// block for a site of n brands.
func sizes(n int, opts Options) (shardBits, block int) {
	shards := opts.Shards
	if shards <= 0 {
		shards = min(max((n+brandsPerShard-1)/brandsPerShard, minShards), maxShards)
	}
	block = opts.Block
	if block <= 0 {
		block = defaultBlock
	}
	return bits.Len(uint(shards - 1)), block
}

// Shards returns the number of token shards.
func (x *Index) Shards() int { return 1 << x.shardBits }

// Blocks returns the number of text blocks.
func (x *Index) Blocks() int { return (len(x.docs) + x.block - 1) / x.block }

// Version identifies the index's content: it changes whenever any file of
// the index does, so it can tell caches apart.
func (x *Index) Version() string {
	x.prepare()
	return x.version
}

// shardOf returns the token shard of a token whose first rune is a and
// second b: 0 for a single character, and for a word, since the words
// sharing a first letter must share a shard to be looked up by prefix.
// Hashing both characters of a bigram spreads the bigrams of a common
// character (党员, 党建, 党组…) over all shards. search-engine.js repeats
// it with Math.imul.
func (x *Index) shardOf(a, b rune) int {
	if x.shardBits == 0 {
		return 0
	}
	h := (uint32(a)*0x9E3779B1 + uint32(b)) * 0x85EBCA6B
	return int(h >> (32 - x.shardBits))
}

// tokenShard returns the token shard of a token as a string.
func (x *Index) tokenShard(tok string) int {
	r := []rune(tok)
	if len(r) == 0 {
		return 0
	}
	if classify(r[0]) == han && len(r) == 2 {
		return x.shardOf(r[0], r[1])
	}
	return x.shardOf(r[0], 0)
}

// digest hashes everything of d and its text block that reaches the
// index. It writes them into buf first, which it returns for the next
// document: hashing each text through the hash.Hash interface would copy
// it to the heap.
func (d *doc) digest(blk *block, buf []byte) ([sha256.Size]byte, []byte) {
	buf = buf[:0]
	put := func(s string) {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	put(d.id)
	put(d.name)
	put(joinPinyin(d.pinyin))
	put(string(rune(d.unit + 1)))
	put(string(rune(d.stage + 1)))
	put(string(rune(d.status + 1)))
	put(d.slogan)
	put(d.concept)
	for _, s := range blk {
		put(s)
	}
	return sha256.Sum256(buf), buf
}

// digest combines the documents' digests with everything else the index
// files hold.
func (x *Index) digest(sums [][sha256.Size]byte) string {
	h := sha256.New()
	h.Write([]byte(formatVersion))
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(x.shardBits)<<32|uint64(x.block))
	h.Write(n[:])
	for _, u := range x.units {
		h.Write([]byte(u.id + "\x00" + u.name + "\x00" + joinPinyin(u.pinyin) + "\x00"))
	}
	for _, g := range append(slices.Clone(x.stages), x.statuses...) {
		h.Write([]byte(g.id + "\x00" + g.name + "\x00"))
	}
	for _, s := range sums {
		h.Write(s[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// shard returns the postings of every token of token shard k.
func (x *Index) shard(k int) map[string]*postings {
	x.prepare()
	out := map[string]*postings{}
	for _, t := range x.shards[k].sorted() {
		p := &postings{}
		t.p.unpack(p)
		out[t.token] = p
	}
	return out
}

// BlockSize is the number of brands of each text block of a site of n
// brands; block k holds the brands k*size to (k+1)*size-1 in site order.
func BlockSize(n int, opts Options) int {
	_, block := sizes(n, opts)
	return block
}

// Layout returns how many token shards and text blocks the index of a site
// of n brands has, without building it, so the files can be planned before
// any brand is tokenized.
func Layout(n int, opts Options) (shards, blocks int) {
	shardBits, block := sizes(n, opts)
	return 1 << shardBits, (n + block - 1) / block
}
