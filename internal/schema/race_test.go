//go:build race

package schema_test

// raceEnabled turns time budgets off: the race detector's slowdown says
// nothing about the code.
const raceEnabled = true
