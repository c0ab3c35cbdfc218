package manifest

import (
	"sort"
	"unicode/utf8"
)

// lineStarts returns the byte offset at which each line begins. A line ends
// at "\n", "\r\n" or a lone "\r".
func lineStarts(text []byte) []int {
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

// dominantNewline is the most frequent line ending ("\n" when there is none).
func dominantNewline(text []byte) string {
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
	case crlf >= lf && crlf >= cr && crlf > 0:
		return "\r\n"
	case cr > lf:
		return "\r"
	}
	return "\n"
}

// PosAt converts a byte offset into Text to a position. Offsets outside the
// text are clamped to it; an offset inside a multi-byte character counts
// that character as started.
func (m *Manifest) PosAt(off int) Pos {
	lines := m.lineTable()
	off = max(0, min(off, len(m.Text)))
	line := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	col := utf8.RuneCount(m.Text[lines[line]:off]) + 1
	return Pos{Line: line + 1, Col: col, Offset: off}
}

// OffsetAt converts a 1-based line and character column back to a byte
// offset (clamped to the line's end), the inverse of PosAt.
func (m *Manifest) OffsetAt(line, col int) int {
	lines := m.lineTable()
	if line < 1 {
		return 0
	}
	if line > len(lines) {
		return len(m.Text)
	}
	off := lines[line-1]
	end := lineEnd(m.Text, lines, line-1)
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(m.Text[off:end])
		off += size
	}
	return off
}

// lineTable returns the line starts: the table Parse built, or for a
// Manifest made some other way a fresh one (never cached, so that readers
// on several goroutines do not write to the Manifest).
func (m *Manifest) lineTable() []int {
	if m.lines != nil {
		return m.lines
	}
	return lineStarts(m.Text)
}

// lineEnd is the offset of the line ending of line i (0-based).
func lineEnd(text []byte, lines []int, i int) int {
	end := len(text)
	if i+1 < len(lines) {
		end = lines[i+1]
	}
	for end > lines[i] && (text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	return end
}

// LineCount is the number of lines of Text.
func (m *Manifest) LineCount() int { return len(m.lineTable()) }

// Line returns the text of line n (1-based) without its line ending, "" when
// n is out of range. Reports use it to draw a caret under a column.
func (m *Manifest) Line(n int) string {
	lines := m.lineTable()
	if n < 1 || n > len(lines) {
		return ""
	}
	return string(m.Text[lines[n-1]:lineEnd(m.Text, lines, n-1)])
}

// Encode returns Text converted back to the file's original encoding,
// byte-order mark included; a fixer writes this after editing Text.
func (m *Manifest) Encode() []byte { return encodeText(m.Text, m.Encoding, m.HasBOM) }
