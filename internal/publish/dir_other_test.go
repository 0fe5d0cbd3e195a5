//go:build !linux

package publish

import "os"

// treeModes are the ways a tree can write: through os.Root alone.
var treeModes = map[string]func(*tree){"root": func(*tree) {}}

// currentUmask returns the umask the tests assume elsewhere.
func currentUmask() os.FileMode { return 0o022 }
