// Package cputime measures the CPU time the process has used, for
// benchmarks that report it beside wall time: a shared machine's load
// inflates wall time but not the CPU the work needs.
package cputime

import (
	"testing"
	"time"
)

// Report reports the CPU time per operation since a Used reading, as
// cpu-ns/op. Where CPU time is not measured it reports nothing.
func Report(b *testing.B, since time.Duration) {
	if !measured {
		return
	}
	b.ReportMetric(float64(Used()-since)/float64(b.N), "cpu-ns/op")
}
