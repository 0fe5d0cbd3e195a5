// Package cputime measures the CPU time the process has used, for
// benchmarks and build timings that report it beside wall time: a shared
// machine's load inflates wall time but not the CPU the work needs.
package cputime

import "time"

// Measured reports whether Used measures anything on this system.
const Measured = measured

// MetricReporter is the part of a *testing.B that Report uses. An
// interface keeps the testing package out of the showcase binary, which
// reads CPU time for --timings.
type MetricReporter interface {
	ReportMetric(n float64, unit string)
}

// Report reports the CPU time per operation since a Used reading, over
// ops operations (b.N), as cpu-ns/op. Where CPU time is not measured it
// reports nothing.
func Report(b MetricReporter, ops int, since time.Duration) {
	if !measured {
		return
	}
	b.ReportMetric(float64(Used()-since)/float64(ops), "cpu-ns/op")
}
