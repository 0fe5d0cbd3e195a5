package build

import (
	"fmt"
	"io"
	"time"
)

// Timings records how long each phase took, for the build summary and for
// finding where time goes. A nil *Timings records nothing.
type Timings struct {
	Phases []Phase
}

// Phase is one timed phase.
type Phase struct {
	Name     string
	Duration time.Duration
}

// Start begins timing a phase; call the returned function when it ends.
func (t *Timings) Start(name string) func() {
	if t == nil {
		return func() {}
	}
	start := time.Now()
	return func() { t.Phases = append(t.Phases, Phase{Name: name, Duration: time.Since(start)}) }
}

// Write prints the phases, one a line, in the order they ran, with their
// total: what "showcase build --timings" shows.
func (t *Timings) Write(w io.Writer) {
	var total time.Duration
	for _, p := range t.Phases {
		fmt.Fprintf(w, "showcase: timing: %-9s %8.3f s\n", p.Name, p.Duration.Seconds())
		total += p.Duration
	}
	fmt.Fprintf(w, "showcase: timing: %-9s %8.3f s\n", "total", total.Seconds())
}
