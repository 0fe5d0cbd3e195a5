//go:build !race

package markdown

// raceSlowdown scales time budgets under the race detector.
const raceSlowdown = 1
