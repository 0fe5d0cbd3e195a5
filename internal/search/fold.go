package search

import "unicode"

// Fold maps a rune to the form it is indexed and matched under: ASCII and
// full-width Latin letters lower-cased, full-width ASCII to half-width, the
// ideographic space to a space. Every mapping keeps the rune inside the
// Basic Multilingual Plane, so folding never changes a string's length in
// UTF-16 units: the browser can fold stored text and highlight at the same
// offsets. search-engine.js implements the same function.
func Fold(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r >= 0xFF01 && r <= 0xFF5E:
		return Fold(r - 0xFEE0)
	case r == 0x3000:
		return ' '
	case r < 0x80 || r > 0xFFFF || isCommonHan(r):
		return r
	}
	if l := unicode.ToLower(r); l <= 0xFFFF {
		return l
	}
	return r
}

// FoldString folds every rune of s.
func FoldString(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, Fold(r))
	}
	return string(b)
}

// class is what a rune is to the tokenizer.
type class uint8

const (
	other class = iota // punctuation, space, symbols: separates tokens
	han                // a Chinese character: indexed alone and in bigrams
	word               // a letter or digit of another script: part of a word
)

func classify(r rune) class {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return word
		}
		return other
	}
	switch {
	case isCommonHan(r) || unicode.Is(unicode.Han, r):
		return han
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return word
	}
	return other
}

// isCommonHan reports whether r is in the block of CJK Unified Ideographs,
// where nearly all Chinese text is: every code point there is a Chinese
// character without case, which spares the tokenizer two table look-ups
// per character.
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }
