//go:build !(js && wasm)

package site

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// nameKeys makes the sort keys of names in Chinese (pinyin) order.
type nameKeys struct {
	col *collate.Collator
	buf collate.Buffer
}

func newNameKeys() nameKeys { return nameKeys{col: collate.New(language.Chinese)} }

// key returns a name's sort key, a copy the caller may keep.
func (n *nameKeys) key(s string) []byte {
	return append([]byte(nil), n.col.KeyFromString(&n.buf, s)...)
}
