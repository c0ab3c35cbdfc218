package lsp

import (
	"strings"
	"testing"
)

func TestPositionConversion(t *testing.T) {
	// Line 2 holds a tab, an accented letter (2 UTF-8 bytes, 1 UTF-16 unit)
	// and a clef (4 UTF-8 bytes, 2 UTF-16 units: a surrogate pair).
	src := "first\r\n\tcafé 𝄞 x\rlast\nend"
	tx := newText([]byte(src))
	tests := []struct {
		name      string
		line, col int // bgmanifest: 1-based, runes
		want      Position
	}{
		{"start", 1, 1, Position{0, 0}},
		{"crlf line end", 1, 6, Position{0, 5}},
		{"column past end is clamped", 1, 99, Position{0, 5}},
		{"tab is one", 2, 2, Position{1, 1}},
		{"after accent", 2, 6, Position{1, 5}},
		{"before surrogate pair", 2, 7, Position{1, 6}},
		{"surrogate pair counts two", 2, 8, Position{1, 8}},
		{"after surrogate pair", 2, 9, Position{1, 9}},
		{"lone cr ends a line", 3, 1, Position{2, 0}},
		{"last line", 4, 4, Position{3, 3}},
		{"line past end", 9, 1, Position{3, 3}},
		{"line zero", 0, 5, Position{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tx.position(tt.line, tt.col); got != tt.want {
				t.Errorf("position(%d,%d) = %+v, want %+v", tt.line, tt.col, got, tt.want)
			}
		})
	}
}

func TestOffsetAt(t *testing.T) {
	src := "ab\n𝄞z\n"
	tx := newText([]byte(src))
	tests := []struct {
		p    Position
		want int
	}{
		{Position{0, 0}, 0},
		{Position{0, 2}, 2},
		{Position{0, 50}, 2}, // clamped to the line, not into the next
		{Position{1, 0}, 3},
		{Position{1, 1}, 3}, // inside the surrogate pair: the rune's start
		{Position{1, 2}, 7},
		{Position{1, 3}, 8},
		{Position{2, 0}, 9},
		{Position{7, 0}, 9},
		{Position{-1, 4}, 0},
	}
	for _, tt := range tests {
		if got := tx.offsetAt(tt.p); got != tt.want {
			t.Errorf("offsetAt(%+v) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestTokenEnd(t *testing.T) {
	tests := []struct {
		line string
		at   string // the text the finding starts at (first occurrence)
		want string
	}{
		{`  <Task Type="timer"/>`, `<Task`, `<Task`},
		{`  <uap:Task Type="x"/>`, `<uap`, `<uap:Task`},
		{`  <Task Type="timer"/>`, `timer`, `timer`},
		{`  <Task Type="timer"/>`, `Type`, `Type`},
		{`b.SetTrigger(new TimeTrigger(30, false));`, `new`, `new TimeTrigger(30, false)`},
		{`b.SetTrigger(new TimeTrigger(30, false));`, `TimeTrigger`, `TimeTrigger(30, false)`},
		{`Register("a(b", f(x), new T());`, `Register`, `Register("a(b", f(x), new T())`},
		{`builder->SetTrigger(ref new SystemTrigger(`, `SystemTrigger`, `SystemTrigger`},
		{`x = Tasks.Timer;`, `Tasks`, `Tasks.Timer`},
		{`a = new Thing;`, `new`, `new Thing`},
		{`  ; `, `;`, `;`},
		{`  x`, ` x`, ` `},
	}
	for _, tt := range tests {
		src := tt.line + "\nnext line\n"
		off := strings.Index(src, tt.at)
		end := newText([]byte(src)).tokenEnd(off)
		if got := src[off:end]; got != tt.want {
			t.Errorf("%q at %q: underline %q, want %q", tt.line, tt.at, got, tt.want)
		}
	}
	if end := newText([]byte("ab\n")).tokenEnd(2); end != 2 {
		t.Errorf("at the end of a line: %d, want an empty range", end)
	}
}

func TestApplyChange(t *testing.T) {
	old := []byte("line one\nline 𝄞 two\n")
	full := applyChange(old, TextDocumentContentChangeEvent{Text: "new"})
	if string(full) != "new" {
		t.Errorf("full change = %q", full)
	}
	r := &Range{Start: Position{1, 5}, End: Position{1, 7}} // the clef
	got := applyChange(old, TextDocumentContentChangeEvent{Range: r, Text: "G"})
	if string(got) != "line one\nline G two\n" {
		t.Errorf("range change = %q", got)
	}
	if string(old) != "line one\nline 𝄞 two\n" {
		t.Errorf("the old text was modified: %q", old)
	}
	ins := applyChange(old, TextDocumentContentChangeEvent{Range: &Range{Start: Position{2, 0}, End: Position{2, 0}}, Text: "three\n"})
	if string(ins) != "line one\nline 𝄞 two\nthree\n" {
		t.Errorf("insert at end = %q", ins)
	}
}

func TestURIs(t *testing.T) {
	tests := []struct {
		uri, goos, path string
	}{
		{"file:///home/me/App/Package.appxmanifest", "linux", "/home/me/App/Package.appxmanifest"},
		{"file:///home/me/My%20App/a%23b.cs", "linux", "/home/me/My App/a#b.cs"},
		{"file:///home/me/x/../y.cs", "linux", "/home/me/y.cs"},
		{"file:///c%3A/Users/me/App/Package.appxmanifest", "windows", `C:\Users\me\App\Package.appxmanifest`},
		{"file:///C:/src/x.cs", "windows", `C:\src\x.cs`},
		{"file://server/share/App/x.cs", "windows", `\\server\share\App\x.cs`},
	}
	for _, tt := range tests {
		got, err := uriToPathFor(tt.uri, tt.goos)
		if err != nil || got != tt.path {
			t.Errorf("uriToPath(%q, %s) = %q, %v; want %q", tt.uri, tt.goos, got, err, tt.path)
		}
	}
	for _, bad := range []string{"untitled:Untitled-1", "https://example.com/x", "file://%zz", "file://"} {
		if p, err := uriToPathFor(bad, "linux"); err == nil {
			t.Errorf("uriToPath(%q) = %q, want an error", bad, p)
		}
	}
	for _, tt := range []struct{ path, goos string }{
		{"/home/me/My App/a#b.cs", "linux"},
		{`C:\Users\me\App\x.cs`, "windows"},
		{`\\server\share\x.cs`, "windows"},
	} {
		uri := pathToURIFor(tt.path, tt.goos)
		back, err := uriToPathFor(uri, tt.goos)
		if err != nil || back != tt.path {
			t.Errorf("round trip %q -> %q -> %q, %v", tt.path, uri, back, err)
		}
	}
}
