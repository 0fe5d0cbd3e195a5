package search

import (
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin returns how a name is spelled in pinyin, one entry per syllable:
// for a Chinese character every reading without tones, the most common
// first (a name is too short to tell which reading is meant, so 长 is both
// zhang and chang), ü written v and also u; for a run of other letters
// and digits that run, folded; a character without a known reading as
// itself. Punctuation is skipped.
func Pinyin(name string) [][]string {
	return (&pinyinCache{}).of(name)
}

// pinyinCache keeps the readings of characters already looked up: the
// names of a large site share most of their characters, and the library
// styles every reading with regular expressions.
type pinyinCache struct {
	readings map[rune][]string
}

func (c *pinyinCache) lookup(r rune) []string {
	if c.readings == nil {
		c.readings = map[rune][]string{}
	}
	if alts, ok := c.readings[r]; ok {
		return alts
	}
	alts := pinyin.SinglePinyin(r, pinyin.Args{Style: pinyin.Normal, Heteronym: true})
	c.readings[r] = alts
	return alts
}

func (c *pinyinCache) of(name string) [][]string {
	var out [][]string
	scanRuns(name, func(r rune) {
		readings := c.lookup(r)
		if len(readings) == 0 {
			// A character without a known reading still takes its place,
			// so the browser can map syllables back to characters.
			out = append(out, []string{string(r)})
			return
		}
		var alts []string
		for _, s := range readings {
			alts = appendNew(alts, s)
			if strings.Contains(s, "v") {
				alts = appendNew(alts, strings.ReplaceAll(s, "v", "u"))
			}
		}
		out = append(out, alts)
	}, func(w string) { out = append(out, []string{w}) })
	return out
}

// scanRuns calls onHan for every Chinese character of s and onWord for
// every run of other letters and digits, folded.
func scanRuns(s string, onHan func(rune), onWord func(string)) {
	scan(s, func(k key) {
		if !k.isBigram() {
			onHan(k.first())
		}
	}, onWord)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// MatchPinyin reports where q, folded letters and digits without spaces,
// spells a run of the syllables: each syllable written in full or by its
// first letter (zh, ch and sh also by two), the last one possibly cut
// short, so 红色账本 matches hszb, hongse, hongsezhangben and hszhang. It
// returns the index of the first syllable matched, or -1.
func MatchPinyin(syllables [][]string, q string) int {
	if q == "" {
		return -1
	}
	for i := range syllables {
		if spells(syllables[i:], q) {
			return i
		}
	}
	return -1
}

// spells reports whether q spells the syllables from the first on.
func spells(syllables [][]string, q string) bool {
	if q == "" {
		return true
	}
	if len(syllables) == 0 {
		return false
	}
	for _, s := range syllables[0] {
		switch {
		case strings.HasPrefix(s, q):
			return true
		case strings.HasPrefix(q, s) && spells(syllables[1:], q[len(s):]):
			return true
		case q[0] == s[0] && spells(syllables[1:], q[1:]):
			return true
		case len(s) > 2 && s[1] == 'h' && strings.HasPrefix(q, s[:2]) && spells(syllables[1:], q[2:]):
			return true
		}
	}
	return false
}

// joinPinyin writes syllables the way the browser reads them: syllables
// separated by spaces, readings of one syllable by slashes.
func joinPinyin(syllables [][]string) string {
	parts := make([]string, len(syllables))
	for i, alts := range syllables {
		parts[i] = strings.Join(alts, "/")
	}
	return strings.Join(parts, " ")
}
