package registration

import "sync"

// skipSearch finds any of a set of ASCII words in a byte string, ignoring
// ASCII case, without reading every byte: it looks at the last two bytes
// three bytes of a window as long as the shortest word and, when no word
// holds those three where they could end the window, moves the window by
// up to shortest-2 bytes (the Wu–Manber scheme, on case-folded letters). Most
// source files hold none of the prefilter words, so the search reads
// about one byte in five of them; the Aho–Corasick walk it replaced read
// every byte through a chain of dependent table loads, and was the
// largest user-space cost of a workspace check after lexing was cut down.
type skipSearch struct {
	words   [][]byte // lower case
	short   int      // length of the shortest word (at least 3)
	longest int
	whole   bool // see newSkipSearch
	shift   [blockCount]uint8
	// byBlock lists, for the blocks with a shift of 0, the words that end
	// a window with them (a map: an array over every block made each
	// search cost 800 KB of zeroed memory, and there is one per App).
	byBlock map[int][]int
}

// A block is the low five bits of three bytes: an ASCII letter's low five
// bits are the same in both cases, so the block folds case for free.
// Other bytes share blocks with letters; that only makes some shifts
// shorter and some candidates false, which the comparison rejects.
// (Pairs of bytes were too common in code: the words hold most of
// English's frequent pairs, and the search read every other byte.)
const blockCount = 1 << 15

func block(a, b, c byte) int {
	return int(a&31)<<10 | int(b&31)<<5 | int(c&31)
}

// newSkipSearch builds the search for words of ASCII letters, digits and
// '_' at least three bytes long; with whole set, a word counts only as a
// whole identifier (no letter, digit or '_' on either side; a non-ASCII
// byte ends an identifier too, which can only add matches). ok is false
// for words it cannot search: the caller uses another search.
func newSkipSearch(words [][]byte, whole bool) (_ *skipSearch, ok bool) {
	s := &skipSearch{short: 1 << 30, whole: whole, byBlock: map[int][]int{}}
	for _, w := range words {
		lw := make([]byte, len(w))
		for i, c := range w {
			if nameClass[c] < 0 {
				return nil, false
			}
			lw[i] = lowerASCII(c)
		}
		s.words = append(s.words, lw)
		s.short = min(s.short, len(w))
		s.longest = max(s.longest, len(w))
	}
	if len(words) == 0 || s.short < 3 || s.short > 255 {
		return nil, false
	}
	for i := range s.shift {
		s.shift[i] = uint8(s.short - 2)
	}
	for k, w := range s.words {
		// only the first short bytes of each word take part in the shift
		for j := 0; j+2 < s.short; j++ {
			b := block(w[j], w[j+1], w[j+2])
			d := uint8(s.short - 3 - j) // bytes from this triple's end to the window's end
			if d < s.shift[b] {
				s.shift[b] = d
			}
			if d == 0 {
				s.byBlock[b] = append(s.byBlock[b], k)
			}
		}
	}
	return s, true
}

// skipSearches keeps the searches built for small word sets, which the
// Apps of one workspace ask for again and again (the same helper, the
// same wanted class in shared files): a search is read-only once built,
// and building one clears and fills a 32 KB table, which was a seventh of
// the bytes a 619-App check allocated. The cache stops growing at
// maxSkipSearches entries.
var skipSearches struct {
	sync.Mutex
	m map[string]*skipSearch
}

const maxSkipSearches = 256

// sharedSkipSearch is newSkipSearch through that cache.
func sharedSkipSearch(words [][]byte, whole bool) (*skipSearch, bool) {
	var key []byte
	if whole {
		key = append(key, 'w')
	}
	for _, w := range words {
		key = append(key, 0)
		key = append(key, w...)
	}
	skipSearches.Lock()
	s, hit := skipSearches.m[string(key)]
	skipSearches.Unlock()
	if hit {
		return s, s != nil
	}
	s, ok := newSkipSearch(words, whole)
	skipSearches.Lock()
	if skipSearches.m == nil {
		skipSearches.m = map[string]*skipSearch{}
	}
	if len(skipSearches.m) < maxSkipSearches {
		skipSearches.m[string(key)] = s
	}
	skipSearches.Unlock()
	return s, ok
}

// mustSkipSearch is newSkipSearch for words known to suit it.
func mustSkipSearch(words [][]byte) *skipSearch {
	s, ok := newSkipSearch(words, false)
	if !ok {
		panic("skipSearch: words must be ASCII identifiers 3 to 255 bytes long")
	}
	return s
}

// match reports whether src holds one of the words. A long src is searched
// in eight parts at once (four for 1 to 2 KB, two from 256 bytes): each
// search is a chain of dependent loads (the shift decides the next byte to
// read), so the chains overlap in the processor where one would wait. A
// chain covers the windows ending in its part (a word that starts in one
// part and ends in the next is still compared whole: the text is not cut).
// Each chain's step is spelled out: as a function it is not inlined (it
// calls candidate), and the chains then ran no faster than one; a loop
// over an array of chains ran at two thirds of this speed.
func (s *skipSearch) match(src []byte) bool {
	n := len(src)
	first := s.short - 1
	if n >= 2048 && n/8 > first {
		q := n / 8
		p0, p1, p2, p3, p4, p5, p6, p7 := first, q, 2*q, 3*q, 4*q, 5*q, 6*q, 7*q
		for p0 < q && p1 < 2*q && p2 < 3*q && p3 < 4*q && p4 < 5*q && p5 < 6*q && p6 < 7*q && p7 < n {
			b0 := block(src[p0-2], src[p0-1], src[p0])
			d0 := s.shift[b0]
			if d0 == 0 {
				if s.candidate(src, p0, b0) {
					return true
				}
				d0 = 1
			}
			p0 += int(d0)
			b1 := block(src[p1-2], src[p1-1], src[p1])
			d1 := s.shift[b1]
			if d1 == 0 {
				if s.candidate(src, p1, b1) {
					return true
				}
				d1 = 1
			}
			p1 += int(d1)
			b2 := block(src[p2-2], src[p2-1], src[p2])
			d2 := s.shift[b2]
			if d2 == 0 {
				if s.candidate(src, p2, b2) {
					return true
				}
				d2 = 1
			}
			p2 += int(d2)
			b3 := block(src[p3-2], src[p3-1], src[p3])
			d3 := s.shift[b3]
			if d3 == 0 {
				if s.candidate(src, p3, b3) {
					return true
				}
				d3 = 1
			}
			p3 += int(d3)
			b4 := block(src[p4-2], src[p4-1], src[p4])
			d4 := s.shift[b4]
			if d4 == 0 {
				if s.candidate(src, p4, b4) {
					return true
				}
				d4 = 1
			}
			p4 += int(d4)
			b5 := block(src[p5-2], src[p5-1], src[p5])
			d5 := s.shift[b5]
			if d5 == 0 {
				if s.candidate(src, p5, b5) {
					return true
				}
				d5 = 1
			}
			p5 += int(d5)
			b6 := block(src[p6-2], src[p6-1], src[p6])
			d6 := s.shift[b6]
			if d6 == 0 {
				if s.candidate(src, p6, b6) {
					return true
				}
				d6 = 1
			}
			p6 += int(d6)
			b7 := block(src[p7-2], src[p7-1], src[p7])
			d7 := s.shift[b7]
			if d7 == 0 {
				if s.candidate(src, p7, b7) {
					return true
				}
				d7 = 1
			}
			p7 += int(d7)
		}
		return s.from(src, p0, q) || s.from(src, p1, 2*q) || s.from(src, p2, 3*q) || s.from(src, p3, 4*q) || s.from(src, p4, 5*q) || s.from(src, p5, 6*q) || s.from(src, p6, 7*q) || s.from(src, p7, n)
	}
	if n >= 1024 && n/4 > first {
		q := n / 4
		a, b, c, d := first, q, 2*q, 3*q
		for a < q && b < 2*q && c < 3*q && d < n {
			ba := block(src[a-2], src[a-1], src[a])
			bb := block(src[b-2], src[b-1], src[b])
			bc := block(src[c-2], src[c-1], src[c])
			bd := block(src[d-2], src[d-1], src[d])
			da, db, dc, dd := s.shift[ba], s.shift[bb], s.shift[bc], s.shift[bd]
			if da == 0 {
				if s.candidate(src, a, ba) {
					return true
				}
				da = 1
			}
			if db == 0 {
				if s.candidate(src, b, bb) {
					return true
				}
				db = 1
			}
			if dc == 0 {
				if s.candidate(src, c, bc) {
					return true
				}
				dc = 1
			}
			if dd == 0 {
				if s.candidate(src, d, bd) {
					return true
				}
				dd = 1
			}
			a += int(da)
			b += int(db)
			c += int(dc)
			d += int(dd)
		}
		return s.from(src, a, q) || s.from(src, b, 2*q) || s.from(src, c, 3*q) || s.from(src, d, n)
	}
	mid := n / 2
	if n < 256 || mid <= first {
		return s.from(src, first, n)
	}
	x, y := first, mid
	for x < mid && y < n {
		bx := block(src[x-2], src[x-1], src[x])
		by := block(src[y-2], src[y-1], src[y])
		dx, dy := s.shift[bx], s.shift[by]
		if dx == 0 {
			if s.candidate(src, x, bx) {
				return true
			}
			dx = 1
		}
		if dy == 0 {
			if s.candidate(src, y, by) {
				return true
			}
			dy = 1
		}
		x += int(dx)
		y += int(dy)
	}
	return s.from(src, x, mid) || s.from(src, y, n)
}

// from searches the windows ending at end, end+shift, ... before stop
// (windows may reach past stop; a word must fit in src).
func (s *skipSearch) from(src []byte, end, stop int) bool {
	for end < stop {
		b := block(src[end-2], src[end-1], src[end])
		if d := s.shift[b]; d > 0 {
			end += int(d)
			continue
		}
		if s.candidate(src, end, b) {
			return true
		}
		end++
	}
	return false
}

// candidate compares the words whose window-ending block is b with the
// text of the window ending at end.
func (s *skipSearch) candidate(src []byte, end, b int) bool {
	return s.wordAt(src, end-s.short+1, b) >= 0
}

// wordAt returns the length of a word (among those whose window-ending
// block is b) that the text at start spells, or -1.
func (s *skipSearch) wordAt(src []byte, start, b int) int {
	for _, k := range s.byBlock[b] {
		w := s.words[k]
		if !hasFoldPrefix(src[start:], w) {
			continue
		}
		if !s.whole || wholeWordAt(src, start, len(w)) {
			return len(w)
		}
	}
	return -1
}

// find returns the bounds of the first match that starts at or after
// from, or -1, -1. Windows are visited in order, so matches come in the
// order of their starts.
func (s *skipSearch) find(src []byte, from int) (int, int) {
	for end := from + s.short - 1; end < len(src); {
		b := block(src[end-2], src[end-1], src[end])
		if d := s.shift[b]; d > 0 {
			end += int(d)
			continue
		}
		start := end - s.short + 1
		if n := s.wordAt(src, start, b); n >= 0 {
			return start, start + n
		}
		end++
	}
	return -1, -1
}

// wholeWordAt reports whether the n bytes of src at start are a whole
// identifier: no identifier byte right before or after them.
func wholeWordAt(src []byte, start, n int) bool {
	return (start == 0 || nameClass[src[start-1]] < 0) && (start+n == len(src) || nameClass[src[start+n]] < 0)
}

// hasFoldPrefix reports whether src starts with the lower-case word w,
// ignoring ASCII case.
func hasFoldPrefix(src, w []byte) bool {
	if len(src) < len(w) {
		return false
	}
	for i, c := range w {
		if lowerASCII(src[i]) != c {
			return false
		}
	}
	return true
}

// matchWord is match for a search built with whole set: it reports
// whether src holds one of the words as a whole identifier.
func (s *skipSearch) matchWord(src []byte) bool { return s.match(src) }
