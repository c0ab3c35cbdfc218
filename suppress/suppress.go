// Package suppress reads inline suppression comments and applies them to
// findings:
//
//	// bgmanifest:ignore BG101 registered by the companion app
//	<!-- bgmanifest:ignore declaration-unused,BG105 reason -->
//	' bgmanifest:ignore-file BG205
//
// A bgmanifest:ignore comment on a line of its own suppresses the named
// rules on the next line that holds code (stacked suppression comments and
// blank lines in between are passed over); at the end of a line of code it
// suppresses them on that line. bgmanifest:ignore-file anywhere in a file
// suppresses the rules in the whole file. Rules are named by ID (any case)
// or by name. Only real comments count: text inside string literals,
// CDATA sections and the like is never a suppression.
//
// A suppression that hid nothing, or that names an unknown rule, becomes a
// BG900 unused-suppression finding. BG900 is reported only for the files
// the Set has read: those with findings and those the caller adds with
// AddFile (the files of the Apps that were linted) — so linting one App
// never reports the comments of another.
package suppress

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Directive markers.
const (
	markerLine = "bgmanifest:ignore"
	markerFile = "bgmanifest:ignore-file"
)

// Marker is the text every suppression comment contains: a file whose
// bytes (UTF-8) lack it has none, so callers that read the file anyway can
// skip Scan.
const Marker = markerLine

// Suppression is one bgmanifest:ignore comment.
type Suppression struct {
	File string
	// Line and Col locate the directive ("bgmanifest:ignore…") in the file;
	// BG900 is reported there.
	Line, Col int
	// Rules as written (IDs or names).
	Rules []string
	// Target..TargetEnd are the lines whose findings are suppressed: the
	// statement (or XML tag) that starts on Target, which may span lines.
	// Both are 0 for FileWide.
	Target, TargetEnd int
	FileWide          bool
	Reason            string
	// Malformed is set when the directive names no rule.
	Malformed bool
}

// Scan returns the suppressions of one file, in file order. The comment
// syntax comes from the file's extension; files in other languages have
// none.
func Scan(path string, src []byte) []Suppression {
	style := StyleOf(path)
	if style == StyleNone {
		return nil
	}
	if !utf16BOM(src) && !bytes.Contains(src, []byte(markerLine)) {
		return nil // most files: skip the copy and the lexer entirely
	}
	text := decode(src)
	if !strings.Contains(text, markerLine) {
		return nil
	}
	l := lex(style, path, text)
	var out []Suppression
	for _, c := range l.comments {
		s, ok := parseDirective(c)
		if !ok {
			continue
		}
		s.File = path
		if !s.FileWide {
			s.Target = targetLine(c, l.codeLines, l.line)
			s.TargetEnd = statementEnd(style, l, s.Target)
		}
		out = append(out, s)
	}
	return out
}

// decode returns the file's text as UTF-8 without a byte order mark, the
// form the manifest reader and the scanners count positions in: a UTF-8
// BOM would shift the columns of line 1, and UTF-16 files (some manifests
// are saved so) would hide the ASCII marker.
func utf16BOM(src []byte) bool {
	return len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF)
}

func decode(src []byte) string {
	switch {
	case len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF:
		return string(src[3:])
	case utf16BOM(src):
		le := src[0] == 0xFF
		units := make([]uint16, 0, len(src)/2)
		for i := 2; i+1 < len(src); i += 2 {
			if le {
				units = append(units, uint16(src[i])|uint16(src[i+1])<<8)
			} else {
				units = append(units, uint16(src[i])<<8|uint16(src[i+1]))
			}
		}
		return string(utf16.Decode(units))
	}
	return string(src)
}

// targetLine is the line a comment's suppression applies to: its own line
// when code precedes it there, else the next line holding code (or the
// line after the comment when none follows).
func targetLine(c comment, codeLines map[int]bool, lastLine int) int {
	if c.trailing {
		return c.line
	}
	for line := c.endLine + 1; line <= lastLine; line++ {
		if codeLines[line] {
			return line
		}
	}
	return c.endLine + 1
}

// maxStatementLines bounds how far a suppression reaches into a statement
// that spans lines, so a missing terminator cannot cover half a file.
const maxStatementLines = 20

// statementEnd is the last line of the statement or tag that starts on
// line: for XML the line of the tag's '>'; for C-family languages the first
// line ending a statement or opening/closing a block (';', '{', '}'); for
// VB the line after which no continuation ('_', an open parenthesis, a
// trailing comma or operator) follows.
func statementEnd(style Style, l *lexer, line int) int {
	switch style {
	case StyleXML:
		if end, ok := l.tagEnd[line]; ok {
			return end
		}
	case StyleC:
		for n := line; n <= l.line && n < line+maxStatementLines; n++ {
			if l.codeLines[n] && strings.ContainsRune(";{}", l.lastOnLine[n]) {
				return n
			}
		}
	case StyleVB:
		end := line
		for n := line; n <= l.line && n < line+maxStatementLines; n++ {
			if !l.codeLines[n] {
				continue
			}
			end = n
			if !strings.ContainsRune("_(,&+=", l.lastOnLine[n]) {
				return end
			}
		}
		return end
	}
	return line
}

// parseDirective reads a directive at the start of a comment's text
// (after spaces and the extra slashes, stars, apostrophes or '!' of doc comments). A
// directive in the middle of prose ("see bgmanifest:ignore in the docs")
// does not count.
func parseDirective(c comment) (Suppression, bool) {
	text := c.text
	lead := 0
	for lead < len(text) && strings.IndexByte(" \t/*'!-\r\n", text[lead]) >= 0 {
		lead++
	}
	rest := text[lead:]
	if !strings.HasPrefix(rest, markerLine) {
		return Suppression{}, false
	}
	line, col := advance(c.textLine, c.textCol, text[:lead])
	s := Suppression{Line: line, Col: col}
	rest = rest[len(markerLine):]
	if strings.HasPrefix(rest, "-file") {
		s.FileWide = true
		rest = rest[len("-file"):]
	}
	if rest != "" && !isSpace(rest[0]) {
		return Suppression{}, false // "bgmanifest:ignored", "bgmanifest:ignore-next": not ours
	}
	s.Rules, s.Reason = splitRules(rest)
	s.Reason = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s.Reason), "--"))
	s.Malformed = len(s.Rules) == 0
	return s, true
}

// splitRules reads "BG101, BG102 reason text": a comma-separated list of
// rule tokens (letters, digits, '-', '_'), then the free-text reason.
func splitRules(s string) (rules []string, reason string) {
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		start := i
		for i < len(s) && isRuleChar(s[i]) {
			i++
		}
		if i == start {
			return rules, s[start:]
		}
		rules = append(rules, s[start:i])
		j := i
		for j < len(s) && isSpace(s[j]) && s[j] != '\n' {
			j++
		}
		if j < len(s) && s[j] == ',' {
			i = j + 1
			continue
		}
		return rules, s[i:]
	}
}

func isRuleChar(b byte) bool {
	return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// advance moves a line/column position over text (columns in runes).
func advance(line, col int, text string) (int, int) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch r {
		case '\n':
			line, col = line+1, 1
		case '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			line, col = line+1, 1
		default:
			col++
		}
	}
	return line, col
}
