package fix

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/rules"
)

// ErrOverlap is returned by ApplyToText when two edits touch the same text.
var ErrOverlap = errors.New("edits overlap")

// span is one edit resolved to byte offsets of the decoded text.
type span struct {
	start, end int
	newText    string
}

// lineIndex maps 1-based (line, column) positions to byte offsets of a UTF-8
// text, with textpos's line rule ("\n", "\r\n" or a lone "\r") — the rule
// the manifest reader and the source scanners use, so positions agree.
type lineIndex struct {
	text  []byte
	lines *textpos.Index
}

func newLineIndex(text []byte) *lineIndex {
	return &lineIndex{text: text, lines: textpos.New(text)}
}

// offset converts a position to a byte offset. Unlike the clamping the
// report code does, a fix is strict: a column past the end of its line (the
// end-of-line position, one past the last character, is allowed) means the
// finding was computed on different text, and editing anyway could corrupt
// the file.
func (x *lineIndex) offset(line, col int) (int, error) {
	if line < 1 || line > x.lines.LineCount() {
		return 0, fmt.Errorf("line %d is outside the text (it has %d lines)", line, x.lines.LineCount())
	}
	if col < 1 {
		return 0, fmt.Errorf("column %d on line %d: columns start at 1", col, line)
	}
	// An invalid byte counts as one character, as utf8.DecodeRune reports
	// it; the files we edit are validated before this.
	start, end := x.lines.LineBounds(line)
	if chars := utf8.RuneCount(x.text[start:end]); col > chars+1 {
		return 0, fmt.Errorf("column %d is past the end of line %d (it has %d characters)", col, line, chars)
	}
	return x.lines.Offset(line, col), nil
}

// resolve turns edits into spans sorted by position, with NewText's line
// breaks converted to the text's own.
func (x *lineIndex) resolve(edits []rules.Edit, newline string) ([]span, error) {
	spans := make([]span, 0, len(edits))
	for _, e := range edits {
		s, err := x.resolveOne(e, newline)
		if err != nil {
			return nil, err
		}
		spans = append(spans, s)
	}
	sortSpans(spans)
	return spans, nil
}

func (x *lineIndex) resolveOne(e rules.Edit, newline string) (span, error) {
	start, err := x.offset(e.Line, e.Column)
	if err != nil {
		return span{}, fmt.Errorf("edit start %d:%d: %w", e.Line, e.Column, err)
	}
	end, err := x.offset(e.EndLine, e.EndColumn)
	if err != nil {
		return span{}, fmt.Errorf("edit end %d:%d: %w", e.EndLine, e.EndColumn, err)
	}
	if end < start {
		return span{}, fmt.Errorf("edit %d:%d-%d:%d ends before it starts", e.Line, e.Column, e.EndLine, e.EndColumn)
	}
	return span{start: start, end: end, newText: convertNewlines(e.NewText, newline)}, nil
}

func sortSpans(spans []span) {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end < spans[j].end
	})
}

// conflicts reports whether two spans cannot both be applied with a single
// obvious result: they share text, or both insert at the same point (whose
// text would go first?), or one inserts strictly inside the other's range.
// An insertion at either end of a replaced range is fine: sorted by (start,
// end), the result is well defined.
func conflicts(a, b span) bool {
	aEmpty, bEmpty := a.start == a.end, b.start == b.end
	switch {
	case aEmpty && bEmpty:
		return a.start == b.start
	case aEmpty:
		return a.start > b.start && a.start < b.end
	case bEmpty:
		return b.start > a.start && b.start < a.end
	}
	return a.start < b.end && b.start < a.end
}

// splice builds the edited text from sorted, conflict-free spans. Every byte
// outside the spans is copied unchanged.
func splice(text []byte, spans []span) []byte {
	grow := 0
	for _, s := range spans {
		grow += len(s.newText) - (s.end - s.start)
	}
	out := make([]byte, 0, max(0, len(text)+grow))
	prev := 0
	for _, s := range spans {
		out = append(out, text[prev:s.start]...)
		out = append(out, s.newText...)
		prev = s.end
	}
	return append(out, text[prev:]...)
}

// convertNewlines rewrites every line break of s ("\n", "\r\n", "\r") as nl.
// Rules write "\n"; the file decides what is stored.
func convertNewlines(s, nl string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(nl)
		case '\n':
			b.WriteString(nl)
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// ApplyToText applies edits to UTF-8 text (no byte-order mark: the text the
// positions were computed on) and returns the new text; text itself is not
// modified. Edit.File is ignored. Positions are 1-based lines and character
// columns, End exclusive; line breaks in NewText are written as the text's
// dominant line ending. Edits are applied together against the original
// positions, so their order does not matter; overlapping edits (see
// conflicts) are an error wrapping ErrOverlap, as is any position that does
// not exist in the text. The language server uses it for code-action
// previews.
func ApplyToText(text []byte, edits []rules.Edit) ([]byte, error) {
	x := newLineIndex(text)
	spans, err := x.resolve(edits, textpos.DominantNewline(text))
	if err != nil {
		return nil, err
	}
	for i := 1; i < len(spans); i++ {
		for j := 0; j < i; j++ {
			if conflicts(spans[j], spans[i]) {
				return nil, fmt.Errorf("%w: byte ranges [%d,%d) and [%d,%d)", ErrOverlap, spans[j].start, spans[j].end, spans[i].start, spans[i].end)
			}
		}
	}
	return splice(text, spans), nil
}
