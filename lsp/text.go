package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/textpos"
)

// text indexes the lines of a document so that bgmanifest positions
// (1-based line, 1-based column in runes) and LSP positions (0-based line,
// UTF-16 code units) convert both ways. Lines end at "\n", "\r\n" or a lone
// "\r", as in both the LSP specification and the manifest reader.
type text struct {
	b     []byte
	lines *textpos.Index
}

func newText(b []byte) *text {
	return &text{b: b, lines: textpos.New(b)}
}

// offsetOf converts a 1-based line and rune column to a byte offset,
// clamping to the text: a line past the end is the end, a column past the
// line's end is the line's end.
func (t *text) offsetOf(line, col int) int { return t.lines.Offset(line, col) }

// positionAt converts a byte offset to an LSP position.
func (t *text) positionAt(off int) Position {
	return Position{Line: t.lines.Line(off) - 1, Character: t.lines.UTF16Col(off)}
}

// position converts a bgmanifest position (1-based line and rune column).
func (t *text) position(line, col int) Position {
	return t.positionAt(t.offsetOf(line, col))
}

// offsetAt converts an LSP position to a byte offset, clamped to the line.
// A character inside a surrogate pair counts as the start of that rune.
func (t *text) offsetAt(p Position) int {
	if p.Line >= t.lines.LineCount() {
		return len(t.b) // also keeps p.Line+1 from overflowing
	}
	return t.lines.OffsetUTF16(p.Line+1, p.Character)
}

// tokenEnd returns where the underline of a finding that has only a start
// should end, so the diagnostic is visible and covers what it is about:
//   - an XML tag start "<Name" covers the name,
//   - "new Name(...)" and "Name(...)" cover the expression up to the
//     matching parenthesis on the same line,
//   - an identifier-like run (letters, digits, '_', '.', ':', '-') covers
//     itself,
//   - anything else one character, and nothing at the end of a line.
func (t *text) tokenEnd(off int) int {
	_, end := t.lines.LineBounds(t.lines.Line(off))
	if off >= end {
		return off
	}
	b := t.b[:end]
	if b[off] == '<' {
		if e := wordEnd(b, off+1); e > off+1 {
			return e
		}
		return off + 1
	}
	e := wordEnd(b, off)
	if e == off {
		_, size := utf8.DecodeRune(b[off:])
		return off + size
	}
	// "new X(": step over the keyword to the type name.
	if string(b[off:e]) == "new" {
		i := e
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if n := wordEnd(b, i); n > i {
			e = n
		}
	}
	if e < len(b) && b[e] == '(' {
		if c := closingParen(b, e); c > 0 {
			return c + 1
		}
	}
	return e
}

// wordEnd is the end of the identifier-like run that starts at i.
func wordEnd(b []byte, i int) int {
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == ':' || r == '-') {
			break
		}
		i += size
	}
	return i
}

// closingParen returns the index of the parenthesis that closes the one at
// open, skipping quoted strings; -1 when it is not on the same line.
func closingParen(b []byte, open int) int {
	depth := 0
	for i := open; i < len(b); i++ {
		switch b[i] {
		case '"', '\'':
			q := b[i]
			for i++; i < len(b) && b[i] != q; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// applyChange applies one incremental change to a document's text. Full
// sync is announced, but a client that sends ranges anyway is still served.
func applyChange(old []byte, c TextDocumentContentChangeEvent) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	t := newText(old)
	start, end := t.offsetAt(c.Range.Start), t.offsetAt(c.Range.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(old)-(end-start)+len(c.Text))
	out = append(out, old[:start]...)
	out = append(out, c.Text...)
	return append(out, old[end:]...)
}

// uriToPath converts a file URI to a clean local path.
func uriToPath(uri string) (string, error) {
	return uriToPathFor(uri, runtime.GOOS)
}

// uriToPathFor is uriToPath for a given operating system, so the Windows
// rules (drive letters, UNC hosts, backslashes) are testable anywhere.
func uriToPathFor(uri, goos string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("document URI %q: %w", uri, err)
	}
	if !strings.EqualFold(u.Scheme, "file") {
		return "", fmt.Errorf("document URI %q: only file: URIs are supported", uri)
	}
	p := u.Path
	if goos == "windows" {
		// file:///c:/x → c:\x; file://server/share/x → \\server\share\x.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = strings.ToUpper(p[1:2]) + p[2:]
		}
		if u.Host != "" && u.Host != "localhost" {
			p = "//" + u.Host + p
		}
		p = strings.ReplaceAll(p, "/", `\`)
		return p, nil
	}
	if p == "" {
		return "", fmt.Errorf("document URI %q has no path", uri)
	}
	return filepath.Clean(p), nil
}

// pathToURI converts a local path to a file URI.
func pathToURI(path string) string {
	return pathToURIFor(path, runtime.GOOS)
}

func pathToURIFor(path, goos string) string {
	p := path
	if goos == "windows" {
		p = strings.ReplaceAll(p, `\`, "/")
		if strings.HasPrefix(p, "//") {
			host, rest, _ := strings.Cut(p[2:], "/")
			return (&url.URL{Scheme: "file", Host: host, Path: "/" + rest}).String()
		}
		if len(p) >= 2 && p[1] == ':' {
			p = "/" + p
		}
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
