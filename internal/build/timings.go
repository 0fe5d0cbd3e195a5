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

// Write prints the phases on one line.
func (t *Timings) Write(w io.Writer) {
	for i, p := range t.Phases {
		sep := "  "
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s%s %s", sep, p.Name, p.Duration.Round(time.Millisecond))
	}
	fmt.Fprintln(w)
}
