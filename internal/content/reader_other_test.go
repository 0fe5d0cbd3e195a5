//go:build !linux

package content

import "errors"

// mkfifo makes a named pipe, which these tests do only on Linux.
func mkfifo(string) error { return errors.ErrUnsupported }
