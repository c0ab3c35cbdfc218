package textpos

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Texts shared by the tables: é is 2 bytes, 中 3, 😀 4 bytes and 2 UTF-16
// units; an invalid byte is one character.
const (
	lfText    = "a\tb\nc"
	crlfText  = "ab\r\ncd\r\n"
	crText    = "ab\rcd"
	mixedText = "x\r\ny\rz\n"
	wideText  = "é中😀z\nq"
)

func TestLines(t *testing.T) {
	tests := []struct {
		text  string
		lines []string // each line's content, without its ending
	}{
		{"", []string{""}},
		{lfText, []string{"a\tb", "c"}},
		{crlfText, []string{"ab", "cd", ""}},
		{crText, []string{"ab", "cd"}},
		{mixedText, []string{"x", "y", "z", ""}},
		{"\r\r\n\n", []string{"", "", "", ""}},
		{wideText, []string{"é中😀z", "q"}},
	}
	for _, tt := range tests {
		x := New([]byte(tt.text))
		if got := x.LineCount(); got != len(tt.lines) {
			t.Errorf("%q: LineCount = %d, want %d", tt.text, got, len(tt.lines))
			continue
		}
		for i, want := range tt.lines {
			s, e := x.LineBounds(i + 1)
			if got := tt.text[s:e]; got != want {
				t.Errorf("%q: line %d = %q, want %q", tt.text, i+1, got, want)
			}
			if got, ok := x.LineText(i + 1); !ok || string(got) != want {
				t.Errorf("%q: LineText(%d) = %q, %v, want %q", tt.text, i+1, got, ok, want)
			}
		}
		for _, n := range []int{0, -1, len(tt.lines) + 1} {
			if got, ok := x.LineText(n); ok || got != nil {
				t.Errorf("%q: LineText(%d) = %q, %v, want nothing", tt.text, n, got, ok)
			}
		}
	}
}

func TestOffset(t *testing.T) {
	tests := []struct {
		text      string
		line, col int
		want      int
	}{
		{lfText, 1, 1, 0},
		{lfText, 1, 2, 1},  // the tab is one column
		{lfText, 1, 3, 2},  // b
		{lfText, 1, 4, 3},  // end of line 1
		{lfText, 1, 99, 3}, // past the end: clamped before the break
		{lfText, 2, 1, 4},
		{lfText, 2, 2, 5},
		{lfText, 0, 5, 0}, // before the first line
		{lfText, 3, 1, 5}, // after the last line: end of text
		{lfText, 1, 0, 0}, // column before 1: line start
		{lfText, 1, -7, 0},
		{crlfText, 1, 3, 2},
		{crlfText, 1, 9, 2}, // not inside "\r\n"
		{crlfText, 2, 1, 4},
		{crlfText, 3, 1, 8},
		{crText, 1, 9, 2},
		{crText, 2, 1, 3},
		{crText, 2, 3, 5},
		{wideText, 1, 2, 2},  // after é
		{wideText, 1, 3, 5},  // after 中
		{wideText, 1, 4, 9},  // after 😀
		{wideText, 1, 5, 10}, // after z
		{wideText, 2, 1, 11},
		{"a\xffb", 1, 3, 2}, // an invalid byte is one character
		{"", 1, 5, 0},
	}
	for _, tt := range tests {
		if got := New([]byte(tt.text)).Offset(tt.line, tt.col); got != tt.want {
			t.Errorf("%q: Offset(%d, %d) = %d, want %d", tt.text, tt.line, tt.col, got, tt.want)
		}
	}
}

func TestPos(t *testing.T) {
	tests := []struct {
		text           string
		off            int
		line, col, u16 int
	}{
		{lfText, 0, 1, 1, 0},
		{lfText, 2, 1, 3, 2},
		{lfText, 3, 1, 4, 3}, // on the "\n": end of line 1
		{lfText, 4, 2, 1, 0},
		{lfText, 5, 2, 2, 1},
		{lfText, 99, 2, 2, 1}, // clamped to the text
		{lfText, -3, 1, 1, 0},
		{crlfText, 3, 1, 4, 2}, // between "\r" and "\n"
		{crlfText, 4, 2, 1, 0},
		{crlfText, 8, 3, 1, 0},
		{crText, 2, 1, 3, 2},
		{crText, 3, 2, 1, 0},
		{wideText, 2, 1, 2, 1},
		{wideText, 5, 1, 3, 2},
		{wideText, 9, 1, 4, 4}, // 😀 is two UTF-16 units
		{wideText, 10, 1, 5, 5},
		{wideText, 6, 1, 4, 3}, // inside 😀: counted as started
		{wideText, 11, 2, 1, 0},
	}
	for _, tt := range tests {
		x := New([]byte(tt.text))
		name := fmt.Sprintf("%q at %d", tt.text, tt.off)
		line, col := x.Pos(tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("%s: Pos = %d:%d, want %d:%d", name, line, col, tt.line, tt.col)
		}
		if got := x.Line(tt.off); got != tt.line {
			t.Errorf("%s: Line = %d, want %d", name, got, tt.line)
		}
		if got := x.UTF16Col(tt.off); got != tt.u16 {
			t.Errorf("%s: UTF16Col = %d, want %d", name, got, tt.u16)
		}
	}
}

func TestOffsetUTF16(t *testing.T) {
	tests := []struct {
		text        string
		line, units int
		want        int
	}{
		{wideText, 1, 0, 0},
		{wideText, 1, 1, 2},
		{wideText, 1, 2, 5},
		{wideText, 1, 3, 5}, // inside the surrogate pair: start of 😀
		{wideText, 1, 4, 9},
		{wideText, 1, 5, 10},
		{wideText, 1, 50, 10}, // clamped to the line's end
		{wideText, 2, 1, 12},
		{wideText, 0, 3, 0},
		{wideText, 3, 0, 12},
		{crlfText, 1, 7, 2},
		{crText, 2, 1, 4},
		{lfText, 1, -1, 0},
	}
	for _, tt := range tests {
		if got := New([]byte(tt.text)).OffsetUTF16(tt.line, tt.units); got != tt.want {
			t.Errorf("%q: OffsetUTF16(%d, %d) = %d, want %d", tt.text, tt.line, tt.units, got, tt.want)
		}
	}
}

// Offset and Pos are inverse on every character boundary.
func TestRoundTrip(t *testing.T) {
	for _, text := range []string{lfText, crlfText, crText, mixedText, wideText} {
		x := New([]byte(text))
		for line := 1; line <= x.LineCount(); line++ {
			s, e := x.LineBounds(line)
			col := 1
			for off := s; ; col++ {
				if gl, gc := x.Pos(off); gl != line || gc != col {
					t.Errorf("%q: Pos(%d) = %d:%d, want %d:%d", text, off, gl, gc, line, col)
				}
				if got := x.Offset(line, col); got != off {
					t.Errorf("%q: Offset(%d, %d) = %d, want %d", text, line, col, got, off)
				}
				if off == e {
					break
				}
				off += len(string([]rune(text[off:e])[0]))
			}
		}
	}
}

func TestUTF16Len(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0}, {"a\tb", 3}, {"é中", 2}, {"😀", 2}, {"a😀b", 4}, {"\xff\xfe", 2},
	}
	for _, tt := range tests {
		if got := utf16Len([]byte(tt.s)); got != tt.want {
			t.Errorf("utf16Len(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestDominantNewline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "\n"},
		{"no break", "\n"},
		{"a\nb\n", "\n"},
		{"a\r\nb\r\n", "\r\n"},
		{"a\rb\r", "\r"},
		{"a\r\nb\n", "\r\n"},     // tie with "\n": CRLF
		{"a\r\nb\r", "\r\n"},     // tie with "\r": CRLF
		{"a\rb\n", "\n"},         // tie between "\r" and "\n": LF
		{"a\nb\nc\r\n", "\n"},    // majority LF
		{"a\rb\rc\r\nd\n", "\r"}, // majority CR
	}
	for _, tt := range tests {
		if got := DominantNewline([]byte(tt.text)); got != tt.want {
			t.Errorf("DominantNewline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLongLinesMatchDecoding holds the block counts that make positions
// on long lines cheap to the character-by-character definition, on
// random texts of ASCII, two-, three- and four-byte characters, line
// breaks and (in some) invalid bytes.
func TestLongLinesMatchDecoding(t *testing.T) {
	rnd := rand.New(rand.NewSource(3))
	pieces := []string{"a", "b", " ", "é", "€", "😀", "\n", "\r\n", "\r", "<x y=\"z\"/>"}
	for round := 0; round < 60; round++ {
		var sb strings.Builder
		for n := rnd.Intn(3000); n > 0; n-- {
			p := pieces[rnd.Intn(len(pieces))]
			if strings.ContainsAny(p, "\r\n") && rnd.Intn(20) != 0 {
				continue // mostly long lines
			}
			sb.WriteString(p)
		}
		if round%10 == 9 {
			sb.WriteString("\xff\x80")
		}
		text := []byte(sb.String())
		x := New(text)
		for off := 0; off <= len(text); off++ {
			line := x.Line(off)
			start := x.starts[line-1]
			if _, col := x.Pos(off); col != utf8.RuneCount(text[start:off])+1 {
				t.Fatalf("round %d: Pos(%d) column %d, want %d", round, off, col, utf8.RuneCount(text[start:off])+1)
			}
			ls, le := x.LineBounds(line)
			o := max(ls, min(off, le))
			if got, want := x.UTF16Col(off), utf16Len(text[ls:o]); got != want {
				t.Fatalf("round %d: UTF16Col(%d) = %d, want %d", round, off, got, want)
			}
		}
		for line := 1; line <= x.LineCount(); line++ {
			ls, le := x.LineBounds(line)
			for col := 0; col <= utf8.RuneCount(text[ls:le])+2; col++ {
				want := ls
				for c := 1; c < col && want < le; c++ {
					_, size := utf8.DecodeRune(text[want:le])
					want += size
				}
				if got := x.Offset(line, col); got != want {
					t.Fatalf("round %d: Offset(%d, %d) = %d, want %d", round, line, col, got, want)
				}
			}
		}
	}
}

// BenchmarkPosLongLine: positions on a 1 MB one-line non-ASCII text (a
// minified manifest) cost the same wherever they fall on the line.
func BenchmarkPosLongLine(b *testing.B) {
	text := []byte(strings.Repeat(`<Task Type="timer"/>é`, 1<<20/22))
	x := New(text)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Pos((i * 7919) % len(text))
	}
}

// TestEndOfBlockSizedText: a text whose length is an exact multiple of the
// block size has a block start at its very end; the end position of its
// last line must still count every character before it (a fuzzer found
// column -38 here).
func TestEndOfBlockSizedText(t *testing.T) {
	for _, n := range []int{blockSize, 2 * blockSize, 5 * blockSize} {
		for _, head := range []string{"é", "<a>\n€", "😀x\r\n"} {
			text := []byte(head + strings.Repeat("0", n-len(head)))
			x := New(text)
			line := x.Line(len(text))
			start := x.starts[line-1]
			want := utf8.RuneCount(text[start:]) + 1
			if _, col := x.Pos(len(text)); col != want {
				t.Errorf("%d bytes starting %q: column at the end %d, want %d", n, head, col, want)
			}
			ls, _ := x.LineBounds(line)
			if got, want := x.UTF16Col(len(text)), utf16Len(text[ls:]); got != want {
				t.Errorf("%d bytes starting %q: UTF-16 column at the end %d, want %d", n, head, got, want)
			}
		}
	}
}

// TestLineStartsMatchTheByteLoop holds the IndexByte scan to the byte
// loop it stands in for, on random mixtures of LF, CR-LF, lone CR and
// text, and isASCII to a plain loop.
func TestLineStartsMatchTheByteLoop(t *testing.T) {
	rnd := rand.New(rand.NewSource(17))
	pieces := []string{"\n", "\r\n", "\r", "abc", "é", "<Task/>", "\r\r\n", "\n\r", "x"}
	for i := 0; i < 5000; i++ {
		var sb strings.Builder
		for n := rnd.Intn(30); n >= 0; n-- {
			sb.WriteString(pieces[rnd.Intn(len(pieces))])
		}
		text := []byte(sb.String())
		if got, want := lineStarts(text), lineStartsSlow(text); !slices.Equal(got, want) {
			t.Fatalf("%q: line starts %v, the byte loop says %v", text, got, want)
		}
		ascii := true
		for _, c := range text {
			ascii = ascii && c < 0x80
		}
		if isASCII(text) != ascii {
			t.Fatalf("%q: isASCII = %v", text, !ascii)
		}
	}
}

// BenchmarkNew indexes a 100 KB manifest-like text with CR-LF line ends.
func BenchmarkNew(b *testing.B) {
	text := []byte(strings.Repeat("    <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.Sync\">\r\n", 1300))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		New(text)
	}
}

// DominantNewline counts with bytes.Count: it must agree with a loop over
// the bytes on every mix of line endings, CRs doubled and at the end.
func TestDominantNewlineAsByteLoop(t *testing.T) {
	loop := func(text []byte) string {
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
	pieces := []string{"", "a", "\n", "\r", "\r\n", "\r\r\n", "\n\r", "x\r\n\n"}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		if got, want := DominantNewline([]byte(prefix)), loop([]byte(prefix)); got != want {
			t.Errorf("DominantNewline(%q) = %q, the byte loop says %q", prefix, got, want)
		}
		if depth == 4 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, depth+1)
		}
	}
	walk("", 0)
}
