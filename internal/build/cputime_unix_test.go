//go:build unix

package build_test

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time the process has used. Benchmarks report it
// beside wall time because a shared machine's load inflates wall time
// but not the CPU a resize needs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation since a cpuTime reading.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(b.N), "cpu-ns/op")
}
