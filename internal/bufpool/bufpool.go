// Package bufpool lends byte slices for a page while it is rendered,
// minified, expanded and written. At 10,000 brands those three copies of
// every page were a tenth of what a build allocated, each zeroed and then
// collected although the page was done with the moment it was written.
//
// Get may be called anywhere: a slice that is never put back is collected
// as before. Put is only for a slice nothing else holds or will read.
package bufpool

import (
	"math/bits"
	"sync"
)

const (
	// minShift and maxShift bound the pooled capacities: 4 KiB to 8 MiB.
	// Smaller slices cost the allocator little; larger ones are rare
	// (the print pages are streamed) and would pin memory.
	minShift = 12
	maxShift = 23
)

// pools holds one pool per power of two, so a slice is reused only for
// a page of about its size.
var pools [maxShift - minShift + 1]sync.Pool

// class returns the index of the smallest class that holds n bytes, and
// false when n is larger than any.
func class(n int) (int, bool) {
	if n <= 1<<minShift {
		return 0, true
	}
	shift := bits.Len(uint(n - 1))
	if shift > maxShift {
		return 0, false
	}
	return shift - minShift, true
}

// Get returns an empty slice with room for at least n bytes. A small one
// (a card, a partial) is made to measure, as it may be kept.
func Get(n int) []byte {
	c, ok := class(n)
	if !ok || n < 1<<minShift {
		return make([]byte, 0, n)
	}
	if p, _ := pools[c].Get().(*[]byte); p != nil {
		return (*p)[:0]
	}
	return make([]byte, 0, 1<<(c+minShift))
}

// Put gives b back for another Get. The caller must not use b, or any
// slice of it, afterwards.
func Put(b []byte) {
	n := cap(b)
	if n < 1<<minShift {
		return
	}
	// A slice goes to the largest class it fills, so that a Get from
	// that class always has the room it asked for.
	shift := bits.Len(uint(n)) - 1
	if shift > maxShift {
		return
	}
	b = b[:0]
	pools[shift-minShift].Put(&b)
}
