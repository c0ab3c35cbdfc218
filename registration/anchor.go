package registration

import "bytes"

// anchorSearch finds one ASCII identifier as a whole word, ignoring ASCII
// case, by its rarest letter: bytes.IndexByte jumps from one occurrence of
// that letter (in either case) to the next with vector instructions, and
// only there is the word compared. For a single word of letters common in
// code ("register": e, r, s, t, i) the skip search's windows rarely move
// their full length, and this reads a file two to three times faster.
type anchorSearch struct {
	word   []byte // lower case
	at     int    // index of the anchor letter in word
	lo, up byte   // the anchor letter in both cases (equal for a digit or '_')
}

// codeLetterRank orders the letters from the most to the least frequent in
// source code (a rough ranking over C#, C++ and JavaScript).
const codeLetterRank = "etarisonlcdupmhgfbyvwkxqzj"

// anchorDensityLimit is the rank from which a letter is rare enough to
// anchor a search: "g" and rarer.
const anchorDensityLimit = 15

// newAnchorSearch builds the search for word (ASCII letters, digits and
// '_'); ok is false when the word has no letter rare enough.
func newAnchorSearch(word []byte) (*anchorSearch, bool) {
	if len(word) == 0 {
		return nil, false
	}
	best, bestRank := -1, -1
	for i, c := range word {
		if nameClass[c] < 0 {
			return nil, false
		}
		r := bytes.IndexByte([]byte(codeLetterRank), lowerASCII(c))
		if r < 0 {
			r = len(codeLetterRank) // a digit or '_': rarer than any letter
		}
		if r > bestRank {
			best, bestRank = i, r
		}
	}
	if bestRank < anchorDensityLimit {
		return nil, false
	}
	s := &anchorSearch{at: best}
	for _, c := range word {
		s.word = append(s.word, lowerASCII(c))
	}
	s.lo = s.word[best]
	s.up = s.lo
	if 'a' <= s.lo && s.lo <= 'z' {
		s.up = s.lo - 'a' + 'A'
	}
	return s, true
}

// find returns the bounds of the first whole-word match that starts at or
// after from, or -1, -1.
func (s *anchorSearch) find(src []byte, from int) (int, int) {
	n := len(s.word)
	// next occurrence of each case of the anchor, at or after p
	p := from + s.at
	nextLo, nextUp := s.index(src, s.lo, p), -1
	if s.up != s.lo {
		nextUp = s.index(src, s.up, p)
	}
	for {
		q := nextLo
		if q < 0 || nextUp >= 0 && nextUp < q {
			q = nextUp
		}
		if q < 0 {
			return -1, -1
		}
		start := q - s.at
		if start >= from && start+n <= len(src) && hasFoldPrefix(src[start:], s.word) && wholeWordAt(src, start, n) {
			return start, start + n
		}
		if q == nextLo {
			nextLo = s.index(src, s.lo, q+1)
		} else {
			nextUp = s.index(src, s.up, q+1)
		}
	}
}

func (s *anchorSearch) index(src []byte, c byte, from int) int {
	if from >= len(src) {
		return -1
	}
	i := bytes.IndexByte(src[from:], c)
	if i < 0 {
		return -1
	}
	return from + i
}

// match reports whether src holds the word.
func (s *anchorSearch) match(src []byte) bool {
	start, _ := s.find(src, 0)
	return start >= 0
}
