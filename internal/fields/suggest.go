package fields

// Suggest returns the candidate closest to s within a small edit distance
// (two edits, or one for short words), or "" when none is that close.
func Suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	limit := 2
	if len([]rune(s)) <= 3 {
		limit = 1
	}
	for _, c := range candidates {
		if d := distance(s, c); d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
