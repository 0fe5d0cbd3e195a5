package build

import "time"

// WithRacyWindow returns opts with the time after a change during which a
// file's stamp is not trusted set to d, so that a test need not wait.
func WithRacyWindow(opts Options, d time.Duration) Options {
	opts.racyWindow = d
	return opts
}
