package manifest

import "github.com/bgmanifest/bgmanifest/internal/textpos"

// PosAt converts a byte offset into Text to a position. Offsets outside the
// text are clamped to it; an offset inside a multi-byte character counts
// that character as started.
func (m *Manifest) PosAt(off int) Pos {
	off = max(0, min(off, len(m.Text)))
	line, col := m.lineIndex().Pos(off)
	return Pos{Line: line, Col: col, Offset: off}
}

// OffsetAt converts a 1-based line and character column back to a byte
// offset (clamped to the line's end), the inverse of PosAt.
func (m *Manifest) OffsetAt(line, col int) int { return m.lineIndex().Offset(line, col) }

// lineIndex returns the line index: the one Parse built, or for a Manifest
// made some other way a fresh one (never cached, so that readers on several
// goroutines do not write to the Manifest).
func (m *Manifest) lineIndex() *textpos.Index {
	if m.lines != nil {
		return m.lines
	}
	return textpos.New(m.Text)
}

// LineCount is the number of lines of Text.
func (m *Manifest) LineCount() int { return m.lineIndex().LineCount() }

// Line returns the text of line n (1-based) without its line ending, "" when
// n is out of range. Reports use it to draw a caret under a column.
func (m *Manifest) Line(n int) string {
	line, _ := m.lineIndex().LineText(n)
	return string(line)
}

// Encode returns Text converted back to the file's original encoding,
// byte-order mark included; a fixer writes this after editing Text.
func (m *Manifest) Encode() []byte { return encodeText(m.Text, m.Encoding, m.HasBOM) }
