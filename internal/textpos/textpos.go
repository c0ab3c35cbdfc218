// Package textpos converts between the positions bgmanifest reports (1-based
// line, 1-based column counted in characters, a tab being one), byte offsets
// of UTF-8 text, and the UTF-16 columns the Language Server Protocol uses.
//
// A line ends at "\n", "\r\n" or a lone "\r": the rule of the manifest
// reader, the source scanners, the fixer and the LSP specification alike, so
// that a position computed by one of them means the same place to the
// others. An invalid UTF-8 byte counts as one character, as utf8.DecodeRune
// reports it.
package textpos

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf8"
)

// Index is a table of line starts built once over a text. It keeps the text
// and never modifies it; an Index is safe for concurrent readers.
type Index struct {
	text   []byte
	starts []int // byte offset of each line's first byte; starts[0] == 0
	// ascii: every byte is ASCII, so a column is a byte count.
	ascii bool
	// For valid UTF-8 with other characters: chars[k] is the number of
	// characters in text[:k*blockSize], and wide[k] the number of those
	// outside the Basic Multilingual Plane. A column is then found from
	// the nearest block start, not by decoding the line from its start
	// (a 1.3 MB one-line manifest took minutes). Both are nil for text
	// that is not valid UTF-8, which is decoded character by character.
	chars, wide []int32
}

// blockSize is the distance between the character counts kept for
// non-ASCII text: a position decodes at most this many bytes.
const blockSize = 256

// New indexes the lines of text.
func New(text []byte) *Index {
	x := &Index{text: text, starts: lineStarts(text)}
	x.countChars()
	return x
}

// lineStarts lists the byte offsets where text's lines start. When every
// CR is part of a CR-LF (or there is none), the lines end at the LFs,
// which bytes.IndexByte finds many bytes at a time: every manifest of a
// workspace is indexed, and a loop over each byte was a sixth of reading
// one. A lone CR takes the byte loop.
func lineStarts(text []byte) []int {
	lf := bytes.Count(text, []byte("\n"))
	if cr := bytes.Count(text, []byte("\r")); cr > 0 && cr != bytes.Count(text, []byte("\r\n")) {
		return lineStartsSlow(text)
	}
	starts := make([]int, 1, lf+1)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

func lineStartsSlow(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// countChars fills ascii, chars and wide (see Index).
func (x *Index) countChars() {
	if x.ascii = isASCII(x.text); x.ascii || !utf8.Valid(x.text) {
		return
	}
	n := len(x.text)/blockSize + 1
	x.chars, x.wide = make([]int32, n), make([]int32, n)
	var chars, wide int32
	for i, c := range x.text {
		if i%blockSize == 0 {
			x.chars[i/blockSize], x.wide[i/blockSize] = chars, wide
		}
		if c&0xC0 != 0x80 { // not a continuation byte: a character starts
			chars++
		}
		if c >= 0xF0 { // a four-byte character: two UTF-16 units
			wide++
		}
	}
	// A text whose length is a multiple of blockSize has one more block
	// start, at its very end, which the loop above never reached: a
	// position at the end of the text reads it.
	if len(x.text)%blockSize == 0 {
		x.chars[n-1], x.wide[n-1] = chars, wide
	}
}

// charsBefore is the number of characters and of characters outside the
// BMP in text[:off], for off at a character boundary of valid UTF-8.
func (x *Index) charsBefore(off int) (chars, wide int) {
	k := off / blockSize
	chars, wide = int(x.chars[k]), int(x.wide[k])
	for _, c := range x.text[k*blockSize : off] {
		if c&0xC0 != 0x80 {
			chars++
		}
		if c >= 0xF0 {
			wide++
		}
	}
	return chars, wide
}

// boundary is the start of the character holding byte off.
func (x *Index) boundary(off int) int {
	for off > 0 && off < len(x.text) && x.text[off]&0xC0 == 0x80 {
		off--
	}
	return off
}

// runesBetween is utf8.RuneCount(text[start:off]) for a line start start.
func (x *Index) runesBetween(start, off int) int {
	switch {
	case x.ascii:
		return off - start
	case x.chars == nil || off-start < blockSize:
		return utf8.RuneCount(x.text[start:off])
	}
	b := x.boundary(off)
	a, _ := x.charsBefore(start)
	c, _ := x.charsBefore(b)
	return c - a + utf8.RuneCount(x.text[b:off])
}

// LineCount is the number of lines; an empty text, or a text ending in a
// line break, has an empty last line.
func (x *Index) LineCount() int { return len(x.starts) }

// LineBounds returns the byte range of line (1-based) without its line
// ending. The line must exist (1 ≤ line ≤ LineCount).
func (x *Index) LineBounds(line int) (start, end int) {
	i := line - 1
	start, end = x.starts[i], len(x.text)
	if i+1 < len(x.starts) {
		end = x.starts[i+1]
	}
	for end > start && (x.text[end-1] == '\n' || x.text[end-1] == '\r') {
		end--
	}
	return start, end
}

// LineText returns line n (1-based) without its line ending, sharing the
// indexed text's bytes; false when there is no such line.
func (x *Index) LineText(n int) ([]byte, bool) {
	if n < 1 || n > len(x.starts) {
		return nil, false
	}
	start, end := x.LineBounds(n)
	return x.text[start:end], true
}

// Line is the line (1-based) holding byte offset off, clamped to the text.
// An offset within a line ending belongs to the line it ends.
func (x *Index) Line(off int) int {
	off = max(0, min(off, len(x.text)))
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
}

// Offset converts a 1-based line and character column to a byte offset,
// clamping to the text: a line before the first is offset 0, a line after
// the last is the end of the text, a column before 1 is the line's start and
// a column past the line's end is the line's end (before its line break).
func (x *Index) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.text)
	}
	off, end := x.LineBounds(line)
	if x.ascii {
		return min(off+max(col-1, 0), end)
	}
	c := 1
	if x.chars != nil && col > blockSize {
		// skip whole blocks whose characters all come before col
		first, _ := x.charsBefore(off)
		for k := off/blockSize + 1; k*blockSize < end && int(x.chars[k])-first+1 <= col; k++ {
			off, c = x.boundary(k*blockSize), int(x.chars[k])-first+1
			if b := k * blockSize; b != off {
				// the block starts inside a character: count from its start
				cb, _ := x.charsBefore(off)
				c = cb - first + 1
			}
		}
	}
	for ; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(x.text[off:end])
		off += size
	}
	return off
}

// Pos converts a byte offset to a 1-based line and character column. The
// offset is clamped to the text but not to its line's content: the first
// byte of a line break is the column after the line's last character, and
// the "\n" of a "\r\n" one further (manifest positions have always been
// computed so). An offset inside a multi-byte character counts that
// character as started.
func (x *Index) Pos(off int) (line, col int) {
	off = max(0, min(off, len(x.text)))
	line = x.Line(off)
	return line, x.runesBetween(x.starts[line-1], off) + 1
}

// UTF16Col is the 0-based UTF-16 column of byte offset off: the code units
// from its line's start up to it, the offset clamped to the text and to the
// end of its line's content.
func (x *Index) UTF16Col(off int) int {
	start, end := x.LineBounds(x.Line(off))
	off = max(start, min(off, end))
	switch {
	case x.ascii:
		return off - start
	case x.chars == nil || off-start < blockSize:
		return utf16Len(x.text[start:off])
	}
	b := x.boundary(off)
	a, aw := x.charsBefore(start)
	c, cw := x.charsBefore(b)
	return c - a + cw - aw + utf16Len(x.text[b:off])
}

// OffsetUTF16 converts a 1-based line and 0-based UTF-16 column to a byte
// offset, clamped like Offset. A column inside a surrogate pair is the start
// of that character.
func (x *Index) OffsetUTF16(line, units int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.text)
	}
	off, end := x.LineBounds(line)
	n := 0
	for off < end {
		r, size := utf8.DecodeRune(x.text[off:end])
		w := utf16Width(r)
		if n+w > units {
			break
		}
		n += w
		off += size
	}
	return off
}

// utf16Len is the length of UTF-8 text b in UTF-16 code units.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16Width(r)
		b = b[size:]
	}
	return n
}

// utf16Width is 2 for a character outside the Basic Multilingual Plane (a
// surrogate pair), 1 otherwise (an invalid byte decodes to U+FFFD).
func utf16Width(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// DominantNewline is the text's most used line ending, "\n" when it has
// none, so that inserted lines match the file (a CRLF file stays CRLF). A
// tie between "\r\n" and another ending goes to "\r\n", between "\r" and
// "\n" to "\n".
func DominantNewline(text []byte) string {
	// Counted with bytes.Count, which goes many bytes at a time: every
	// CR-LF is one CR and one LF of the totals.
	cr := bytes.Count(text, []byte{'\r'})
	if cr == 0 {
		return "\n"
	}
	crlf := bytes.Count(text, []byte("\r\n"))
	lf := bytes.Count(text, []byte{'\n'}) - crlf
	cr -= crlf
	switch {
	case crlf > 0 && crlf >= lf && crlf >= cr:
		return "\r\n"
	case cr > lf:
		return "\r"
	}
	return "\n"
}

// isASCII reports whether every byte of b is below 0x80, eight at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
