package fix

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/rules"
)

func ed(l, c, el, ec int, text string) rules.Edit {
	return rules.Edit{Line: l, Column: c, EndLine: el, EndColumn: ec, NewText: text}
}

func TestApplyToText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		edits []rules.Edit
		want  string
		err   string // substring of the error; "" = no error
	}{
		{"no edits", "a\nb\n", nil, "a\nb\n", ""},
		{"insert at start", "abc", []rules.Edit{ed(1, 1, 1, 1, "X")}, "Xabc", ""},
		{"insert at end of line", "abc\ndef", []rules.Edit{ed(1, 4, 1, 4, "X")}, "abcX\ndef", ""},
		{"insert after final newline", "abc\n", []rules.Edit{ed(2, 1, 2, 1, "X\n")}, "abc\nX\n", ""},
		{"replace within line", "abcdef", []rules.Edit{ed(1, 2, 1, 4, "XY")}, "aXYdef", ""},
		{"delete whole LF line", "a\nb\nc\n", []rules.Edit{ed(2, 1, 3, 1, "")}, "a\nc\n", ""},
		{"delete whole CRLF line", "a\r\nb\r\nc\r\n", []rules.Edit{ed(2, 1, 3, 1, "")}, "a\r\nc\r\n", ""},
		{"CR-only line endings", "a\rb\rc", []rules.Edit{ed(3, 1, 3, 2, "Z")}, "a\rb\rZ", ""},
		{"tab is one column", "\t\tx", []rules.Edit{ed(1, 3, 1, 4, "y")}, "\t\ty", ""},
		{"columns count runes", "é✓😀x", []rules.Edit{ed(1, 4, 1, 5, "y")}, "é✓😀y", ""},
		{"newlines in NewText follow CRLF file", "a\r\nb\r\n", []rules.Edit{ed(2, 1, 2, 1, "x\ny\n")}, "a\r\nx\r\ny\r\nb\r\n", ""},
		{"newlines in NewText follow CR file", "a\rb", []rules.Edit{ed(2, 1, 2, 1, "x\r\n")}, "a\rx\rb", ""},
		{"newlines in NewText of LF file", "a\nb", []rules.Edit{ed(2, 1, 2, 1, "x\r\n")}, "a\nx\nb", ""},
		{"edits in any order", "abc\ndef\n", []rules.Edit{ed(2, 1, 2, 2, "D"), ed(1, 1, 1, 2, "A")}, "Abc\nDef\n", ""},
		{"insert touching replaced range", "abcd", []rules.Edit{ed(1, 2, 1, 3, "X"), ed(1, 3, 1, 3, "+")}, "aX+cd", ""},
		{"insert before replaced range", "abcd", []rules.Edit{ed(1, 2, 1, 3, "X"), ed(1, 2, 1, 2, "+")}, "a+Xcd", ""},
		{"overlapping replacements", "abcdef", []rules.Edit{ed(1, 1, 1, 4, "X"), ed(1, 3, 1, 5, "Y")}, "", "overlap"},
		{"two inserts at one point", "abc", []rules.Edit{ed(1, 2, 1, 2, "X"), ed(1, 2, 1, 2, "Y")}, "", "overlap"},
		{"insert inside replaced range", "abcdef", []rules.Edit{ed(1, 1, 1, 5, "X"), ed(1, 3, 1, 3, "Y")}, "", "overlap"},
		{"line past the end", "abc\n", []rules.Edit{ed(3, 1, 3, 1, "X")}, "", "line 3 is outside the text (it has 2 lines)"},
		{"column past the end of line", "abc\ndef", []rules.Edit{ed(1, 5, 1, 5, "X")}, "", "column 5 is past the end of line 1 (it has 3 characters)"},
		{"column cannot reach the line break", "ab\r\ncd", []rules.Edit{ed(1, 4, 1, 4, "X")}, "", "past the end of line 1"},
		{"column zero", "abc", []rules.Edit{ed(1, 0, 1, 1, "X")}, "", "columns start at 1"},
		{"line zero", "abc", []rules.Edit{ed(0, 1, 1, 1, "X")}, "", "line 0 is outside"},
		{"end before start", "abcdef", []rules.Edit{ed(1, 4, 1, 2, "X")}, "", "ends before it starts"},
		{"empty text insert", "", []rules.Edit{ed(1, 1, 1, 1, "X")}, "X", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig := []byte(tc.text)
			got, err := ApplyToText(orig, tc.edits)
			if string(orig) != tc.text {
				t.Fatalf("input was modified: %q", orig)
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if string(got) != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestApplyToTextOverlapIsErrOverlap(t *testing.T) {
	_, err := ApplyToText([]byte("abc"), []rules.Edit{ed(1, 1, 1, 3, "x"), ed(1, 2, 1, 4, "y")})
	if !errors.Is(err, ErrOverlap) {
		t.Fatalf("error %v does not wrap ErrOverlap", err)
	}
}

func TestDecodeEncodeRoundTrip(t *testing.T) {
	text := "<?xml version=\"1.0\"?>\r\n<a b=\"é😀\">\tx</a>\n"
	utf16le := func(s string, bom bool) []byte {
		var out []byte
		if bom {
			out = append(out, 0xFF, 0xFE)
		}
		for _, u := range s {
			if u > 0xFFFF {
				u -= 0x10000
				hi, lo := 0xD800+(u>>10), 0xDC00+(u&0x3FF)
				out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
				continue
			}
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	swap := func(b []byte) []byte {
		out := append([]byte(nil), b...)
		for i := 0; i+1 < len(out); i += 2 {
			out[i], out[i+1] = out[i+1], out[i]
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		enc  encoding
	}{
		{"utf-8", []byte(text), encoding{"utf-8", false}},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), encoding{"utf-8", true}},
		{"utf-16le bom", utf16le(text, true), encoding{"utf-16le", true}},
		{"utf-16be bom", swap(utf16le(text, true)), encoding{"utf-16be", true}},
		{"utf-16le no bom", utf16le(text, false), encoding{"utf-16le", false}},
		{"utf-16be no bom", swap(utf16le(text, false)), encoding{"utf-16be", false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := decode(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tc.enc {
				t.Errorf("encoding %+v, want %+v", enc, tc.enc)
			}
			if string(got) != text {
				t.Errorf("text %q, want %q", got, text)
			}
			if !bytes.Equal(enc.encode(got), tc.data) {
				t.Error("re-encoding does not give the original bytes")
			}
		})
	}
}

func TestDecodeRefusesWhatCannotRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		err  string
	}{
		{"invalid utf-8", []byte("ab\xffcd"), "invalid UTF-8 at byte 2"},
		{"invalid utf-8 after bom", []byte("\xEF\xBB\xBFab\xC3"), "invalid UTF-8 at byte 5"},
		{"odd utf-16", []byte{0xFF, 0xFE, '<', 0, '?'}, "odd number of bytes"},
		{"lone high surrogate", []byte{0xFF, 0xFE, '<', 0, 0x00, 0xD8, 'a', 0}, "lone surrogate 0xD800 at byte 4"},
		{"lone low surrogate", []byte{0xFF, 0xFE, 0x00, 0xDC}, "lone surrogate 0xDC00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := decode(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error = %v, want %q", err, tc.err)
			}
		})
	}
}

// naiveLineStarts is an independent line splitter for the fuzz target: the
// property checks must not trust the code under test.
func naiveLineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || (s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n')) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// validPos picks a valid (line, column) from two arbitrary numbers and
// returns it with its byte offset.
func validPos(s string, a, b uint) (line, col, off int) {
	starts := naiveLineStarts(s)
	li := int(a % uint(len(starts)))
	end := len(s)
	if li+1 < len(starts) {
		end = starts[li+1]
	}
	for end > starts[li] && (s[end-1] == '\n' || s[end-1] == '\r') {
		end--
	}
	content := s[starts[li]:end]
	var offs []int
	for i := range content { // rune starts; invalid bytes count as one
		offs = append(offs, i)
	}
	offs = append(offs, len(content))
	ci := int(b % uint(len(offs)))
	return li + 1, ci + 1, starts[li] + offs[ci]
}

func FuzzApplyToText(f *testing.F) {
	f.Add("a\r\nb\n\tc\rd", uint(1), uint(1), uint(2), uint(3), "X\nY", 1, 2, 3, 4)
	f.Add("<Task Type=\"timer\" />\n", uint(0), uint(0), uint(0), uint(99), "", 0, 0, 0, 0)
	f.Add("é😀\xff", uint(0), uint(2), uint(0), uint(3), "✓", -1, 5, 1000, 2)
	f.Fuzz(func(t *testing.T, text string, l1, c1, l2, c2 uint, newText string, rl, rc, rel, rec int) {
		// Arbitrary positions: an error is fine, a panic is not.
		_, _ = ApplyToText([]byte(text), []rules.Edit{ed(rl, rc, rel, rec, newText)})

		// Valid positions: bytes outside the edited range are unchanged.
		line1, col1, off1 := validPos(text, l1, c1)
		line2, col2, off2 := validPos(text, l2, c2)
		if off2 < off1 {
			line1, col1, off1, line2, col2, off2 = line2, col2, off2, line1, col1, off1
		}
		got, err := ApplyToText([]byte(text), []rules.Edit{ed(line1, col1, line2, col2, newText)})
		if err != nil {
			t.Fatalf("valid edit %d:%d-%d:%d rejected: %v", line1, col1, line2, col2, err)
		}
		if !bytes.HasPrefix(got, []byte(text[:off1])) {
			t.Fatalf("bytes before the edit changed: %q -> %q", text, got)
		}
		if !bytes.HasSuffix(got, []byte(text[off2:])) {
			t.Fatalf("bytes after the edit changed: %q -> %q", text, got)
		}
		if len(got) < len(text[:off1])+len(text[off2:]) {
			t.Fatalf("result shorter than the kept bytes")
		}
		if utf8.ValidString(text) && utf8.ValidString(newText) && !utf8.Valid(got) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", got)
		}
	})
}
