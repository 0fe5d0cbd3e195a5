//go:build !linux

package content

import "io/fs"

// newReader returns the reader of the content of fsys.
func newReader(fsys fs.FS) reader { return fsReader{fsys: fsys} }
