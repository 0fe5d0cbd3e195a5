// Package themes compiles the default theme into the showcase binary, so a
// site needs no theme folder of its own.
package themes

import (
	"io/fs"
)

// Default returns the default theme's files, rooted at the theme folder.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the folder is embedded above; it always exists
	}
	return sub
}
