package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"runtime"
	"slices"
	"sort"
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

// Index is the search index of a site. New only gathers the text; the
// tokens are computed, in parallel, the first time an output needs them,
// so building the index costs nothing until the build writes it. The
// methods are safe for concurrent use.
type Index struct {
	docs     []doc
	units    []unit
	stages   []group
	statuses []group
	// shardBits is log2 of the number of token shards.
	shardBits int
	block     int

	once    sync.Once
	toks    []docTokens
	version string
}

// docTokens are the distinct tokens of one document, each with the best
// tier it occurs in.
type docTokens struct {
	// keys pack shard<<44 | key<<2 | tier, sorted, so the tokens of one
	// shard are a run; each token is there once, with its best tier.
	keys []uint64
	// words are the words (not Chinese), sorted by shard and word.
	words []wordTier
}

type wordTier struct {
	shard int
	word  string
	tier  Tier
}

const (
	keyShift   = 2
	shardShift = 2*runeBits + keyShift
)

// New gathers the text of every brand of s, in site order.
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
	x.docs = make([]doc, len(s.Brands))
	for i, b := range s.Brands {
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

// prepare tokenizes every document, on all cores, and computes the
// version.
func (x *Index) prepare() {
	x.once.Do(func() {
		x.toks = make([]docTokens, len(x.docs))
		sums := make([][sha256.Size]byte, len(x.docs))
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var seen keySet
				for i := range next {
					x.toks[i] = x.tokenize(&x.docs[i], &seen)
					sums[i] = x.docs[i].digest()
				}
			})
		}
		for i := range x.docs {
			next <- i
		}
		close(next)
		wg.Wait()
		x.version = x.digest(sums)
	})
}

// tokenize lists the distinct tokens of d with the best tier of each.
// The fields come best tier first, so the first time a token is seen is
// the best; seen is reused between documents.
func (x *Index) tokenize(d *doc, seen *keySet) docTokens {
	var t docTokens
	seen.reset()
	words := map[string]Tier{}
	d.fields(x.units, func(text string, tier Tier) {
		scan(text, func(k key) {
			if seen.add(k) {
				t.keys = append(t.keys, uint64(x.shardOf(k.first(), k.second()))<<shardShift|uint64(k)<<keyShift|uint64(tier))
			}
		}, func(w string) {
			if _, ok := words[w]; !ok {
				words[w] = tier
			}
		})
	})
	slices.Sort(t.keys)
	// Copy the keys out at their final size: the slice grew by doubling,
	// and every document's keys stay until the last shard is written.
	t.keys = slices.Clone(t.keys)
	for w, tier := range words {
		t.words = append(t.words, wordTier{x.tokenShard(w), w, tier})
	}
	sort.Slice(t.words, func(i, j int) bool {
		a, b := t.words[i], t.words[j]
		if a.shard != b.shard {
			return a.shard < b.shard
		}
		return a.word < b.word
	})
	return t
}

// keySet is a set of keys by open addressing, so that the thousands of
// tokens of a document are told apart without a map's allocations.
type keySet struct {
	slots []key // 0 is empty: no token packs to 0
	n     int
}

func (s *keySet) reset() {
	if len(s.slots) == 0 {
		s.slots = make([]key, 1<<12)
	}
	clear(s.slots)
	s.n = 0
}

// add adds k and reports whether it was new.
func (s *keySet) add(k key) bool {
	if 2*(s.n+1) > len(s.slots) {
		old := s.slots
		s.slots = make([]key, 2*len(old))
		s.n = 0
		for _, o := range old {
			if o != 0 {
				s.add(o)
			}
		}
	}
	mask := uint64(len(s.slots) - 1)
	// Fibonacci hashing: the top bits of the product are the well mixed ones.
	for i := uint64(k) * 0x9E3779B97F4A7C15 >> (64 - bits.Len64(mask)); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case k:
			return false
		case 0:
			s.slots[i] = k
			s.n++
			return true
		}
	}
}

// digest hashes everything of d that reaches the index.
func (d *doc) digest() [sha256.Size]byte {
	h := sha256.New()
	put := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(d.id)
	put(d.name)
	put(joinPinyin(d.pinyin))
	put(string(rune(d.unit + 1)))
	put(string(rune(d.stage + 1)))
	put(string(rune(d.status + 1)))
	put(d.slogan)
	put(d.concept)
	for _, s := range d.block {
		put(s)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
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

// postings are the documents holding a token, by the best tier the token
// occurs in there, each list in document order.
type postings [tiers][]int

// shard returns the postings of every token of token shard k.
func (x *Index) shard(k int) map[string]*postings {
	x.prepare()
	han := map[key]*postings{}
	words := map[string]*postings{}
	lo, hi := uint64(k)<<shardShift, uint64(k+1)<<shardShift
	for i, t := range x.toks {
		start, _ := slices.BinarySearch(t.keys, lo)
		for _, v := range t.keys[start:] {
			if v >= hi {
				break
			}
			k := key(v>>keyShift) & (1<<(2*runeBits) - 1)
			p := han[k]
			if p == nil {
				p = &postings{}
				han[k] = p
			}
			tier := Tier(v & (1<<keyShift - 1))
			p[tier] = append(p[tier], i)
		}
		w := sort.Search(len(t.words), func(j int) bool { return t.words[j].shard >= k })
		for ; w < len(t.words) && t.words[w].shard == k; w++ {
			wt := t.words[w]
			p := words[wt.word]
			if p == nil {
				p = &postings{}
				words[wt.word] = p
			}
			p[wt.tier] = append(p[wt.tier], i)
		}
	}
	out := make(map[string]*postings, len(han)+len(words))
	for k, p := range han {
		out[k.String()] = p
	}
	for w, p := range words {
		out[w] = p
	}
	return out
}

// Layout returns how many token shards and text blocks the index of a site
// of n brands has, without building it, so the files can be planned before
// any brand is tokenized.
func Layout(n int, opts Options) (shards, blocks int) {
	shardBits, block := sizes(n, opts)
	return 1 << shardBits, (n + block - 1) / block
}
