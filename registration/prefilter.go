package registration

// lowerASCII folds an ASCII capital letter to lower case.
func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// nameAutomaton tells whether a byte string holds one of a set of ASCII
// identifiers as a whole word, ignoring ASCII case: each run of identifier
// bytes is walked down a trie of the words, so the search is one pass
// whatever the number of words.
type nameAutomaton struct {
	// next[state][class]; 0 is the root, which no edge enters, so 0 also
	// means "no such word".
	next   [][nameClasses]int32
	accept []bool
}

// nameClasses: 26 letters (folded), 10 digits, '_'.
const nameClasses = 37

// nameClass maps a byte to its trie class, or -1 for a byte that ends an
// identifier (every byte outside [A-Za-z0-9_]: a non-ASCII byte ends one
// too, which can only add matches).
var nameClass = func() (t [256]int8) {
	for c := range t {
		t[c] = -1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = int8(c-'a'), int8(c-'a')
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = int8(26 + c - '0')
	}
	t['_'] = 36
	return t
}()

func newNameAutomaton(words [][]byte) *nameAutomaton {
	a := &nameAutomaton{next: make([][nameClasses]int32, 1), accept: []bool{false}}
	for _, w := range words {
		s := int32(0)
		ok := len(w) > 0
		for _, c := range w {
			k := nameClass[c]
			if k < 0 {
				ok = false
				break
			}
			if a.next[s][k] == 0 {
				a.next = append(a.next, [nameClasses]int32{})
				a.accept = append(a.accept, false)
				a.next[s][k] = int32(len(a.next) - 1)
			}
			s = a.next[s][k]
		}
		if ok {
			a.accept[s] = true
		}
	}
	return a
}

// wordFinder finds the whole-word occurrences of a set of identifiers,
// ignoring ASCII case. The automaton reads every byte; the skip search
// reads about one byte in five, so it finds the words when it can (it
// needs words of three bytes or more; for shorter ones the automaton
// walks the text).
type wordFinder struct {
	anchor *anchorSearch // one word with a rare letter
	skip   *skipSearch
	walk   *nameAutomaton
}

func newWordFinder(words [][]byte) *wordFinder {
	if len(words) == 1 {
		if a, ok := newAnchorSearch(words[0]); ok {
			return &wordFinder{anchor: a}
		}
	}
	if s, ok := sharedSkipSearch(words, true); ok {
		return &wordFinder{skip: s}
	}
	return &wordFinder{walk: newNameAutomaton(words)}
}

// each calls yield with the bounds of each whole-word match in src, in
// order, until yield returns false.
func (f *wordFinder) each(src []byte, yield func(start, end int) bool) {
	next := f.walk.nextWord
	switch {
	case f.anchor != nil:
		next = f.anchor.find
	case f.skip != nil:
		next = f.skip.find
	}
	for i := 0; ; {
		start, end := next(src, i)
		if start < 0 || !yield(start, end) {
			return
		}
		i = end
	}
}

// matchWord reports whether src holds one of the words.
func (f *wordFinder) matchWord(src []byte) bool {
	switch {
	case f.anchor != nil:
		return f.anchor.match(src)
	case f.skip != nil:
		return f.skip.match(src)
	}
	return f.walk.matchWord(src)
}

// nextWord returns the bounds of the first whole-word match at or after
// src[from:] (whose byte before from ends an identifier), or -1, -1.
func (a *nameAutomaton) nextWord(src []byte, from int) (int, int) {
	n := len(src)
	for i := from; i < n; {
		for i < n && nameClass[src[i]] < 0 {
			i++
		}
		start := i
		s := int32(0)
		for i < n && nameClass[src[i]] >= 0 {
			if s != 0 || i == start {
				s = a.next[s][nameClass[src[i]]]
			}
			i++
		}
		if s != 0 && a.accept[s] {
			return start, i
		}
	}
	return -1, -1
}

// matchWord reports whether src holds one of the words as a whole
// identifier. An identifier that leaves the trie is skipped to its end
// without further table walks.
func (a *nameAutomaton) matchWord(src []byte) bool {
	n := len(src)
	for i := 0; i < n; {
		for i < n && nameClass[src[i]] < 0 {
			i++
		}
		s := int32(0)
		for i < n {
			k := nameClass[src[i]]
			if k < 0 {
				break
			}
			i++
			if s = a.next[s][k]; s == 0 {
				for i < n && nameClass[src[i]] >= 0 {
					i++
				}
				break
			}
		}
		if a.accept[s] { // the root accepts nothing
			return true
		}
	}
	return false
}
