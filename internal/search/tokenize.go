package search

import "strings"

// key is a Chinese token packed into an integer: a unigram is its rune
// shifted left by 21 bits, a bigram adds its second rune in the low 21 bits
// (a rune needs 21). Packing keeps the millions of tokens of a large site
// out of the garbage collector's way.
type key uint64

const runeBits = 21

func unigram(r rune) key     { return key(r) << runeBits }
func bigram(a, b rune) key   { return key(a)<<runeBits | key(b) }
func (k key) first() rune    { return rune(k >> runeBits) }
func (k key) second() rune   { return rune(k & (1<<runeBits - 1)) }
func (k key) isBigram() bool { return k.second() != 0 }

// String returns the token's text.
func (k key) String() string {
	if k.isBigram() {
		return string([]rune{k.first(), k.second()})
	}
	return string(k.first())
}

// scan tokenizes s: onHan is called for every Chinese character and every
// pair of adjacent Chinese characters, onWord for every run of other
// letters and digits, folded. Anything else (spaces, punctuation) separates tokens,
// so no bigram spans a comma.
func scan(s string, onHan func(key), onWord func(string)) {
	var prev rune // the previous rune when it was Chinese, else 0
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			onWord(w.String())
			w.Reset()
		}
	}
	for _, r := range s {
		c := han
		if !isCommonHan(r) {
			// Nearly every rune is a common Chinese character, which
			// folds to itself: only the others need the look-ups.
			r = Fold(r)
			c = classify(r)
		}
		switch c {
		case han:
			flush()
			onHan(unigram(r))
			if prev != 0 {
				onHan(bigram(prev, r))
			}
			prev = r
			continue
		case word:
			w.WriteRune(r)
		default:
			flush()
		}
		prev = 0
	}
	flush()
}

// Tokens returns the tokens of s in the order they appear, each Chinese
// character followed by the bigram it ends: "红色账本 5G" gives 红, 色, 红色,
// 账, 色账, 本, 账本, 5g.
func Tokens(s string) []string {
	var out []string
	scan(s, func(k key) { out = append(out, k.String()) }, func(w string) { out = append(out, w) })
	return out
}
