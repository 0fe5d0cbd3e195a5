package site

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"time"
)

// collation orders lists: by weight, then by the pinyin of the name, then by
// id. Sort keys are computed once per item, since a collator comparison is
// far dearer than comparing bytes.
type collation struct {
	col  nameKeys
	keys *SortKeys
}

// SortKeys remembers the collation key of each name between assemblies,
// so the preview server, which assembles the site after every edit, works
// out only the keys of new names. The zero value is ready; it is not safe
// for concurrent use, and Assemble uses it from one goroutine.
type SortKeys struct {
	m map[string][]byte
}

func newCollation(keys *SortKeys) *collation {
	return &collation{col: newNameKeys(), keys: keys}
}

func (c *collation) key(s string) []byte {
	if c.keys != nil {
		if k, ok := c.keys.m[s]; ok {
			return k
		}
	}
	k := c.col.key(s)
	if c.keys != nil {
		if c.keys.m == nil {
			c.keys.m = map[string][]byte{}
		}
		c.keys.m[s] = k
	}
	return k
}

// weightLess orders positive weights first, ascending; a zero weight means
// "not set" and sorts after them, as in Hugo.
func weightLess(a, b int) (less, decided bool) {
	if a == b {
		return false, false
	}
	if a == 0 || b == 0 {
		return a != 0, true
	}
	return a < b, true
}

func (c *collation) sortUnits(units []*Unit) {
	keys := make(map[*Unit][]byte, len(units))
	for _, u := range units {
		keys[u] = c.key(u.Name)
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		if less, ok := weightLess(a.Weight, b.Weight); ok {
			return less
		}
		if r := bytes.Compare(keys[a], keys[b]); r != 0 {
			return r < 0
		}
		return a.ID < b.ID
	})
}

func (c *collation) sortBrands(brands []*Brand) {
	if len(brands) < 2 {
		return
	}
	type keyed struct {
		key []byte
		b   *Brand
	}
	list := make([]keyed, len(brands))
	for i, b := range brands {
		list[i] = keyed{c.key(b.Name), b}
	}
	slices.SortStableFunc(list, func(x, y keyed) int {
		if r := bytes.Compare(x.key, y.key); r != 0 {
			return r
		}
		return strings.Compare(x.b.ID, y.b.ID)
	})
	for i, k := range list {
		brands[i] = k.b
	}
}

// lastDate is the latest date a brand's file gives.
func lastDate(b *Brand) time.Time {
	t := b.Declared
	if b.Named.After(t) {
		t = b.Named
	}
	for _, e := range b.Timeline {
		if e.Date.After(t) {
			t = e.Date
		}
	}
	return t
}
