package serve

import (
	"reflect"
	"strings"
	"testing"
)

// TestReplaceFiles checks that a unit's republished files replace its
// old ones in a new map, leaving the map older states hold as it was,
// and that the map is kept when nothing changed.
func TestReplaceFiles(t *testing.T) {
	old := map[string][]byte{
		"brands/a/x/logo.svg": []byte("ax"), "brands/a/gone/logo.svg": []byte("gone"),
		"brands/b/y/logo.svg": []byte("by"),
	}
	inA := func(f string) bool { return strings.HasPrefix(f, "brands/a/") }
	same := replaceFiles(old, map[string][]byte{"brands/a/x/logo.svg": []byte("ax"), "brands/a/gone/logo.svg": []byte("gone")}, inA)
	if reflect.ValueOf(same).Pointer() != reflect.ValueOf(old).Pointer() {
		t.Error("unchanged files: a new map")
	}
	next := replaceFiles(old, map[string][]byte{"brands/a/x/logo.svg": []byte("ax2")}, inA)
	want := map[string][]byte{"brands/a/x/logo.svg": []byte("ax2"), "brands/b/y/logo.svg": []byte("by")}
	if !reflect.DeepEqual(next, want) {
		t.Errorf("replaced: %q, want %q", next, want)
	}
	if len(old) != 3 || string(old["brands/a/x/logo.svg"]) != "ax" {
		t.Errorf("the old map changed: %q", old)
	}
}
