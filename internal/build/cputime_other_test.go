//go:build !unix

package build_test

import (
	"testing"
	"time"
)

// cpuTime is not measured here; only Unix reports it cheaply.
func cpuTime() time.Duration { return 0 }

// reportCPU reports nothing where CPU time is not measured.
func reportCPU(*testing.B, time.Duration) {}
