package build

import (
	"fmt"
	"io"
	"time"

	"showcase/internal/cputime"
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
	// CPU is the processor time, user and system, the whole process used
	// during the phase: a phase that does not keep every core busy shows
	// it as CPU less than cores × Duration.
	CPU time.Duration
}

// Start begins timing a phase; call the returned function when it ends.
func (t *Timings) Start(name string) func() {
	if t == nil {
		return func() {}
	}
	start, cpu := time.Now(), cputime.Used()
	return func() {
		t.Phases = append(t.Phases, Phase{Name: name, Duration: time.Since(start), CPU: cputime.Used() - cpu})
	}
}

// Write prints the phases, one a line, in the order they ran, with their
// total: what "showcase build --timings" shows. Where the system reports
// it, each line ends with the phase's CPU time.
func (t *Timings) Write(w io.Writer) {
	var total, cpu time.Duration
	for _, p := range t.Phases {
		writePhase(w, p.Name, p.Duration, p.CPU)
		total += p.Duration
		cpu += p.CPU
	}
	writePhase(w, "total", total, cpu)
}

func writePhase(w io.Writer, name string, wall, cpu time.Duration) {
	if !cputime.Measured {
		fmt.Fprintf(w, "showcase: timing: %-9s %8.3f s\n", name, wall.Seconds())
		return
	}
	fmt.Fprintf(w, "showcase: timing: %-9s %8.3f s  cpu %8.3f s\n", name, wall.Seconds(), cpu.Seconds())
}
