package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// "Did you mean" suggestions: the edit distance of two names, and the near
// misses between a registered and a declared name, ranked by kind and
// distance.

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

// Kinds of near miss, best first.
const (
	missCase = iota + 1
	missRootNamespace
	missNamespace
	missSpelling
)

// nearMiss is the declared name closest to a registered one.
type nearMiss struct {
	Name string
	Kind int
	// Root is the VB RootNamespace that explains a missRootNamespace.
	Root string
}

// hint is the message tail that explains the near miss.
func (n nearMiss) hint() string {
	switch n.Kind {
	case missCase:
		return fmt.Sprintf("; did you mean \"%s\"? Entry points are compared case-sensitively", n.Name)
	case missRootNamespace:
		return fmt.Sprintf("; did you mean \"%s\"? Visual Basic puts the project's RootNamespace \"%s\" in front of every namespace it compiles", n.Name, n.Root)
	case missNamespace:
		return fmt.Sprintf("; did you mean \"%s\"? The entry point must be the full Namespace.Class name", n.Name)
	case missSpelling:
		return fmt.Sprintf("; did you mean \"%s\"?", n.Name)
	}
	return ""
}

// nearestName finds the candidate closest to x: a case-only difference, a VB
// RootNamespace prefix (roots), a missing or extra namespace, or a
// misspelling within 3 edits (or a third of the class name). ok is false when
// nothing is close.
func nearestName(x string, candidates, roots []string) (nearMiss, bool) {
	best := nearMiss{}
	bestDist := 0
	for _, c := range candidates {
		if c == "" || c == x {
			continue
		}
		m, dist, ok := classifyNearMiss(x, c, roots)
		if !ok {
			continue
		}
		if best.Kind == 0 || m.Kind < best.Kind || (m.Kind == best.Kind && dist < bestDist) {
			best, bestDist = m, dist
		}
	}
	return best, best.Kind != 0
}

func classifyNearMiss(x, c string, roots []string) (nearMiss, int, bool) {
	if strings.EqualFold(x, c) {
		return nearMiss{Name: c, Kind: missCase}, 0, true
	}
	for _, root := range roots {
		if root == "" {
			continue
		}
		if c == root+"."+x || x == root+"."+c {
			return nearMiss{Name: c, Kind: missRootNamespace, Root: root}, 0, true
		}
	}
	if strings.HasSuffix(c, "."+x) || strings.HasSuffix(x, "."+c) ||
		(simpleName(c) == simpleName(x) && strings.Contains(x, ".") && strings.Contains(c, ".")) {
		return nearMiss{Name: c, Kind: missNamespace}, editDistance(x, c), true
	}
	// A misspelling: within 3 edits, or a third of the class's own name (the
	// shared namespace would make any two classes of one namespace "close").
	d := editDistance(x, c)
	if d <= 3 || d*3 <= utf8.RuneCountInString(simpleName(x)) {
		return nearMiss{Name: c, Kind: missSpelling}, d, true
	}
	return nearMiss{}, 0, false
}
