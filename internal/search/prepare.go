package search

import (
	"crypto/sha256"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
)

// batchDocs is how many documents are tokenized before their tokens are
// added to the postings: enough that the cores rarely wait for each other
// between the two steps, few enough that the tokens in between take a few
// megabytes.
const batchDocs = 256

// prepare tokenizes every document, adds its tokens to the postings of
// their shards and computes the version, on all cores. Documents go in
// batches: the workers tokenize the documents of a batch in any order,
// then each worker adds the tokens of its own shards document by
// document, so every token's postings come in document order without a
// sort, and no document's tokens outlive its batch.
func (x *Index) prepare() {
	x.once.Do(func() {
		workers := runtime.GOMAXPROCS(0)
		// A power of two of parts, so a token's part is a mask away.
		parts := 1 << bits.Len(uint(workers-1))
		x.shards = make([]shardPostings, x.Shards())
		sums := make([][sha256.Size]byte, len(x.docs))
		toks := make([]tokenizer, workers)
		batch := make([]docTokens, min(batchDocs, len(x.docs)))
		for i := range batch {
			batch[i].parts = make([]tokenPart, parts)
		}
		for lo := 0; lo < len(x.docs); lo += batchDocs {
			hi := min(lo+batchDocs, len(x.docs))
			var next atomic.Int64
			next.Store(int64(lo))
			parallel(workers, func(w int) {
				t := &toks[w]
				for i := int(next.Add(1) - 1); i < hi; i = int(next.Add(1) - 1) {
					blk := x.blockOf(i)
					sums[i], t.buf = x.docs[i].digest(&blk, t.buf)
					t.tokenize(x, i, &blk, &batch[i-lo])
				}
			})
			parallel(workers, func(w int) {
				for p := w; p < parts; p += workers {
					for i := lo; i < hi; i++ {
						x.add(i, &batch[i-lo].parts[p])
					}
				}
			})
		}
		parallel(workers, func(w int) {
			for k := w; k < len(x.shards); k += workers {
				x.shards[k].clip()
			}
		})
		x.version = x.digest(sums)
	})
}

// parallel runs fn(0) … fn(n-1) at once and waits for them.
func parallel(n int, fn func(w int)) {
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() { fn(w) })
	}
	wg.Wait()
}

// add adds the tokens of document doc in part to their shards' postings.
func (x *Index) add(doc int, part *tokenPart) {
	for _, v := range part.keys {
		k := key(v>>keyShift) & (1<<(2*runeBits) - 1)
		x.shards[v>>shardShift].addHan(k, doc, Tier(v&(1<<keyShift-1)))
	}
	for _, w := range part.words {
		x.shards[w.shard].addWord(w.word, doc, w.tier)
	}
}

// docTokens are the distinct tokens of one document, each with the best
// tier it occurs in, split by the worker that adds them to the postings.
type docTokens struct {
	parts []tokenPart
}

// tokenPart are the tokens of a document in one part of the shards: part
// p holds the shards k with k % parts == p, and one worker adds all the
// tokens of a part.
type tokenPart struct {
	// keys pack shard<<shardShift | key<<keyShift | tier.
	keys  []uint64
	words []wordTier
}

type wordTier struct {
	shard int
	word  string
	tier  Tier
}

// tokenizer lists the tokens of documents, one at a time, reusing its
// sets between documents.
type tokenizer struct {
	seen  keySet
	words map[string]bool
	buf   []byte // for digest
	// x, out and tier are the index, the document's tokens and the tier
	// of the field being scanned.
	x      *Index
	out    *docTokens
	tier   Tier
	onHan  func(key)
	onWord func(string)
}

// tokenize lists the distinct tokens of document d, whose text block is
// blk, in out, with the best tier of each. The fields come best tier
// first, so the first time a token is seen is the best.
func (t *tokenizer) tokenize(x *Index, d int, blk *block, out *docTokens) {
	if t.onHan == nil {
		t.onHan, t.onWord, t.words = t.han, t.word, map[string]bool{}
	}
	t.seen.reset()
	clear(t.words)
	for p := range out.parts {
		out.parts[p].keys = out.parts[p].keys[:0]
		out.parts[p].words = out.parts[p].words[:0]
	}
	t.x, t.out = x, out
	x.docs[d].fields(x.units, blk, func(text string, tier Tier) {
		t.tier = tier
		scan(text, t.onHan, t.onWord)
	})
}

func (t *tokenizer) han(k key) {
	if !t.seen.add(k) {
		return
	}
	shard := t.x.shardOf(k.first(), k.second())
	part := &t.out.parts[shard&(len(t.out.parts)-1)]
	part.keys = append(part.keys, uint64(shard)<<shardShift|uint64(k)<<keyShift|uint64(t.tier))
}

func (t *tokenizer) word(w string) {
	if t.words[w] {
		return
	}
	t.words[w] = true
	shard := t.x.tokenShard(w)
	part := &t.out.parts[shard&(len(t.out.parts)-1)]
	part.words = append(part.words, wordTier{shard, w, t.tier})
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
