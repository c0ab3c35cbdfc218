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
	"sort"
	"unicode/utf8"
)

// Index is a table of line starts built once over a text. It keeps the text
// and never modifies it; an Index is safe for concurrent readers.
type Index struct {
	text   []byte
	starts []int // byte offset of each line's first byte; starts[0] == 0
}

// New indexes the lines of text.
func New(text []byte) *Index {
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
	return &Index{text: text, starts: starts}
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
	for c := 1; c < col && off < end; c++ {
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
	return line, utf8.RuneCount(x.text[x.starts[line-1]:off]) + 1
}

// UTF16Col is the 0-based UTF-16 column of byte offset off: the code units
// from its line's start up to it, the offset clamped to the text and to the
// end of its line's content.
func (x *Index) UTF16Col(off int) int {
	start, end := x.LineBounds(x.Line(off))
	off = max(start, min(off, end))
	return utf16Len(x.text[start:off])
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
	var lf, crlf, cr int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lf++
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				crlf++
				i++
			} else {
				cr++
			}
		}
	}
	switch {
	case crlf > 0 && crlf >= lf && crlf >= cr:
		return "\r\n"
	case cr > lf:
		return "\r"
	}
	return "\n"
}
