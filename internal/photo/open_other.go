//go:build !linux

package photo

import "os"

// openFile opens a file of the cache for reading.
func openFile(name string) (*os.File, error) { return os.Open(name) }
