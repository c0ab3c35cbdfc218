package rules

// editDistance is the Levenshtein distance of a and b counted in characters
// (runes), not bytes, so that "ü" against "u" is one edit. The "did you
// mean" suggestions of the manifest rules (task types) and the
// cross-checks (entry points) both rank candidates by it. The strings are
// short names, so the two-row table costs nothing worth optimising.
func editDistance(a, b string) int {
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
