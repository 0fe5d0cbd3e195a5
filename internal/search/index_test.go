package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"showcase/internal/schema"
)

// referenceShards writes the token shards of x the plainest way: every
// token of every field of every document through Tokens, its best tier
// per document kept in a map, the postings of all documents gathered and
// encoded in token order. The index must write the same bytes.
func referenceShards(x *Index) [][]byte {
	m := make([]map[string]*postings, x.Shards())
	for k := range m {
		m[k] = map[string]*postings{}
	}
	for d := range x.docs {
		best := map[string]Tier{}
		blk := x.blockOf(d)
		x.docs[d].fields(x.units, &blk, func(text string, tier Tier) {
			for _, tok := range Tokens(text) {
				if _, ok := best[tok]; !ok {
					best[tok] = tier
				}
			}
		})
		for tok, tier := range best {
			shard := m[x.tokenShard(tok)]
			if shard[tok] == nil {
				shard[tok] = &postings{}
			}
			shard[tok][tier] = append(shard[tok][tier], d)
		}
	}
	out := make([][]byte, len(m))
	for k, shard := range m {
		var b bytes.Buffer
		fmt.Fprintf(&b, "showcaseSearch.shard(%d,{", k)
		for i, tok := range slices.Sorted(maps.Keys(shard)) {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:\"%s\"", tok, shard[tok].encode(nil))
		}
		b.WriteString("});\n")
		out[k] = b.Bytes()
	}
	return out
}

// randomBrands are n brands with text drawn from a few Chinese
// characters, so that tokens repeat across brands and tiers as in real
// text, some Latin words and a rarer character or two.
func randomBrands(n int) []testBrand {
	r := rand.New(rand.NewPCG(3, 4))
	chars := []rune("党建品牌红色账本服务群众先锋示范引领清风正气为民初心使命")
	words := []string{"App", "5G", "appointment", "ＨＳＺＢ", "Ωmega", "𠀋"}
	text := func(size int) string {
		var b strings.Builder
		for range size {
			switch r.IntN(12) {
			case 0:
				b.WriteString("，")
			case 1:
				b.WriteString(" " + words[r.IntN(len(words))] + " ")
			default:
				b.WriteRune(chars[r.IntN(len(chars))])
			}
		}
		return b.String()
	}
	var brands []testBrand
	for i := range n {
		unit := []string{"finance", "tax"}[i%2]
		brands = append(brands, testBrand{
			id: fmt.Sprintf("%s/b%d", unit, i), name: text(4), slogan: text(8), concept: text(20),
			org: text(10), body: text(r.IntN(300)), tags: []string{text(3), text(2)},
			carriers: []schema.Carrier{{Name: text(4), Description: text(15)}},
		})
	}
	return brands
}

// TestShardsMatchReference checks every token shard against the plain
// reference, on a site large enough to take several batches, with
// several numbers of shards and of cores.
func TestShardsMatchReference(t *testing.T) {
	sites := map[string][]testBrand{"ranking": nil, "random": randomBrands(2*batchDocs + 37)}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for name, brands := range sites {
		s := rankingSite()
		if brands != nil {
			s = testSite(brands...)
		}
		for _, procs := range []int{1, 3} {
			runtime.GOMAXPROCS(procs)
			for _, shards := range []int{1, 8, 64} {
				x := New(s, Options{Shards: shards})
				for k, want := range referenceShards(x) {
					if got := x.ShardJS(k); !bytes.Equal(got, want) {
						t.Fatalf("%s site, %d cores, %d shards: shard %d is\n%s\nwant\n%s", name, procs, shards, k, got, want)
					}
				}
			}
		}
	}
}

// TestPackedPostings checks that packed postings give back what they
// were given, and encode as the plain postings do.
func TestPackedPostings(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		var want postings
		p := packedPostings{last: -1}
		d := -1
		for range r.IntN(30) {
			d += 1 + r.IntN([]int{1, 40, 5000, 1 << 20}[r.IntN(4)])
			tier := Tier(r.IntN(int(tiers)))
			want[tier] = append(want[tier], d)
			p.add(d, tier)
		}
		if len(p.buf) == 0 {
			continue
		}
		var got postings
		p.unpack(&got)
		for tier := range got {
			if len(got[tier]) == 0 {
				got[tier] = nil
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("unpacked %v, want %v", got, want)
		}
		if got, want := string(p.encode(nil, &[tiers][]byte{})), string(want.encode(nil)); got != want {
			t.Fatalf("packed postings encode as %q, want %q", got, want)
		}
	}
}

// TestBodyText checks that an index reading the bodies through
