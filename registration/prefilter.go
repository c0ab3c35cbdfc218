package registration

import "bytes"

// wordAutomaton finds any of a set of ASCII words in a byte string, ignoring
// ASCII case, in one pass (Aho–Corasick compiled to a full transition
// table). It replaces lower-casing a copy of every file and searching it
// once per word: that was 10% of a workspace check's CPU profile, almost
// all of it spent on files that hold none of the words.
type wordAutomaton struct {
	// next[state][byte]; a transition into a state that ends a word is
	// the sentinel found, so the loop tests no second table.
	next [][256]uint16
	// longest is the length of the longest word.
	longest int
}

const found = ^uint16(0)

func newWordAutomaton(words [][]byte) *wordAutomaton {
	a := &wordAutomaton{}
	accept := []bool{false}
	// the trie, on lower-case bytes
	goTo := []map[byte]uint16{{}}
	for _, w := range words {
		a.longest = max(a.longest, len(w))
		s := uint16(0)
		for _, c := range bytes.ToLower(w) {
			n, ok := goTo[s][c]
			if !ok {
				n = uint16(len(goTo))
				goTo = append(goTo, map[byte]uint16{})
				accept = append(accept, false)
				goTo[s][c] = n
			}
			s = n
		}
		accept[s] = true
	}
	a.next = make([][256]uint16, len(goTo))
	// breadth first: a state's failure link is complete before its children
	fail := make([]uint16, len(goTo))
	queue := []uint16{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if accept[fail[s]] {
			accept[s] = true // a word ends inside this one
		}
		for c := 0; c < 256; c++ {
			b := lowerASCII(byte(c))
			if n, ok := goTo[s][b]; ok {
				a.next[s][c] = n
				if s != 0 {
					fail[n] = a.next[fail[s]][c]
				}
				if b == byte(c) {
					queue = append(queue, n)
				}
				continue
			}
			a.next[s][c] = a.next[fail[s]][c] // the root's misses stay at 0
		}
	}
	for s := range a.next {
		for c, n := range a.next[s] {
			if accept[n] {
				a.next[s][c] = found
			}
		}
	}
	return a
}

func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// match reports whether src holds one of the words. A long src is walked
// from its start and from its middle at once: each walk is a chain of
// dependent table loads, so two chains run in about the time of one. The
// second starts longest-1 bytes before the middle, so a word across the
// middle is still seen whole.
func (a *wordAutomaton) match(src []byte) bool {
	if a.longest == 0 {
		return false // no words
	}
	if len(src) < 4*a.longest+64 {
		return a.walk(0, src)
	}
	mid := len(src) / 2
	x, y := src[:mid], src[mid-(a.longest-1):]
	s, t := uint16(0), uint16(0)
	for i, c := range x {
		s, t = a.next[s][c], a.next[t][y[i]]
		if s == found || t == found {
			return true
		}
	}
	return a.walk(t, y[len(x):])
}

// walk runs the automaton over src from state s.
func (a *wordAutomaton) walk(s uint16, src []byte) bool {
	for _, c := range src {
		s = a.next[s][c]
		if s == found {
			return true
		}
	}
	return false
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
