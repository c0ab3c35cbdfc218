package suppress

import (
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Style is a comment syntax.
type Style int

const (
	StyleNone Style = iota // a file bgmanifest reads no suppressions from
	StyleXML               // <!-- … -->
	StyleC                 // // and /* */ (C#, C++, IDL, JavaScript)
	StyleVB                // ' and REM
)

// StyleOf picks the comment syntax by file extension.
func StyleOf(path string) Style {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".appxmanifest", ".xml":
		return StyleXML
	case ".cs", ".cpp", ".cc", ".cxx", ".c", ".h", ".hpp", ".hxx", ".inl", ".ipp", ".idl", ".js", ".mjs":
		return StyleC
	case ".vb":
		return StyleVB
	}
	return StyleNone
}

// comment is one comment's text (delimiters removed) and where it starts.
type comment struct {
	text      string
	line, col int // of the opening delimiter; col in runes
	endLine   int
	// textLine/textCol locate text[0].
	textLine, textCol int
	trailing          bool // code precedes it on its first line
}

// lexer walks a file once, rune by rune, tracking line and column, and
// collects comments and the lines that hold code.
type lexer struct {
	src       string
	pos       int
	line, col int
	codeLines map[int]bool
	// lastOnLine is the last code character of each line (a quote for a
	// line ending in a string); it tells where a statement continues.
	lastOnLine map[int]rune
	// tagEnd maps the line of an XML tag's '<' to the line of its '>'.
	tagEnd   map[int]int
	comments []comment
	js       bool
	lastSig  rune // last significant (non-space) code character, for JS regex detection
}

func newLexer(src string, js bool) *lexer {
	return &lexer{src: src, line: 1, col: 1, codeLines: map[int]bool{}, lastOnLine: map[int]rune{}, tagEnd: map[int]int{}, js: js}
}

func (l *lexer) eof() bool { return l.pos >= len(l.src) }

func (l *lexer) peek() rune {
	r, _ := utf8.DecodeRuneInString(l.src[l.pos:])
	return r
}

func (l *lexer) at(s string) bool { return strings.HasPrefix(l.src[l.pos:], s) }

// next consumes one rune and keeps line and column right (CRLF, CR, LF).
func (l *lexer) next() rune {
	r, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += n
	switch {
	case r == '\n':
		l.line++
		l.col = 1
	case r == '\r':
		if l.pos < len(l.src) && l.src[l.pos] == '\n' {
			l.pos++
		}
		l.line++
		l.col = 1
	default:
		l.col++
	}
	return r
}

func (l *lexer) skip(s string) {
	for range s {
		l.next()
	}
}

// code consumes one rune of code.
func (l *lexer) code() rune {
	r := l.next()
	if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != '\ufeff' {
		l.codeLines[l.line] = true
		l.lastOnLine[l.line] = r
		l.lastSig = r
	}
	return r
}

// markCode records that the current line holds code (a string literal).
func (l *lexer) markCode() {
	l.codeLines[l.line] = true
	l.lastOnLine[l.line] = '"'
}

// collect consumes a comment opened by open and closed by close ("" for a
// line comment) and records its text.
func (l *lexer) collect(open, close string) {
	c := comment{line: l.line, col: l.col, trailing: l.codeLines[l.line]}
	l.skip(open)
	c.textLine, c.textCol = l.line, l.col
	start := l.pos
	end := len(l.src)
	for !l.eof() {
		if close == "" {
			if r := l.peek(); r == '\n' || r == '\r' {
				end = l.pos
				break
			}
		} else if l.at(close) {
			end = l.pos
			l.skip(close)
			break
		}
		l.next()
	}
	c.text = l.src[start:end]
	c.endLine = l.line
	if close == "" {
		c.endLine = c.line
	}
	l.comments = append(l.comments, c)
}

// quoted consumes a string delimited by q; escape is the escape rune (0 for
// none) and doubled reports whether a doubled delimiter stands for itself
// (VB "", C# verbatim ""). Strings end at the line end when lineEnds is set,
// so an unterminated literal cannot swallow the rest of the file.
func (l *lexer) quoted(q rune, escape rune, doubled, lineEnds bool) {
	l.markCode()
	l.next() // opening quote
	for !l.eof() {
		r := l.peek()
		if lineEnds && (r == '\n' || r == '\r') {
			return
		}
		l.next()
		l.markCode()
		switch {
		case escape != 0 && r == escape:
			if !l.eof() {
				l.next()
			}
		case r == q:
			if doubled && !l.eof() && l.peek() == q {
				l.next()
				continue
			}
			return
		}
	}
}

// lexXML finds <!-- --> comments, skipping CDATA sections and processing
// instructions, whose text may look like a comment.
func lexXML(src string) *lexer {
	l := newLexer(src, false)
	for !l.eof() {
		switch {
		case l.at("<!--"):
			l.collect("<!--", "-->")
		case l.at("<![CDATA["):
			l.skipCode("]]>")
		case l.at("<?"):
			l.skipCode("?>")
		case l.peek() == '<':
			l.tag()
		default:
			l.code()
		}
	}
	return l
}

// tag consumes an XML tag, attribute values included, and records the line
// it ends on: a suppression before a tag covers all its attributes.
func (l *lexer) tag() {
	start := l.line
	l.code()
	var quote rune
	for !l.eof() {
		r := l.code()
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '>':
			l.tagEnd[start] = l.line
			return
		}
	}
	l.tagEnd[start] = l.line
}

// skipCode consumes code up to and including end.
func (l *lexer) skipCode(end string) {
	for !l.eof() && !l.at(end) {
		l.code()
	}
	for range end {
		if !l.eof() {
			l.code()
		}
	}
}

// lexC finds // and /* */ comments in C#, C++, IDL and JavaScript, skipping
// string and character literals of each: C# verbatim (@"…") and raw
// ("""…""") strings, C++ raw strings (R"d(…)d"), JavaScript template
// literals and regular-expression literals.
func lexC(src string, js bool) *lexer {
	l := newLexer(src, js)
	for !l.eof() {
		r := l.peek()
		switch {
		case l.at("//"):
			l.collect("//", "")
		case l.at("/*"):
			l.collect("/*", "*/")
		case r == '/' && js && regexAllowed(l.lastSig):
			l.regex()
		case l.at(`"""`) && !js:
			l.rawCSharp()
		case (l.at(`@"`) || l.at(`$@"`) || l.at(`@$"`)) && !js:
			for l.peek() != '"' {
				l.code()
			}
			l.quoted('"', 0, true, false)
			l.lastSig = '"'
		case l.at(`R"`) && !js && !identBefore(l):
			l.rawCPP()
		case r == '"':
			l.quoted('"', '\\', false, true)
			l.lastSig = '"'
		case r == '\'':
			if !js && digitBefore(l) {
				l.code() // C++14 digit separator: 1'000'000
				continue
			}
			l.quoted('\'', '\\', false, true)
			l.lastSig = '\''
		case r == '`' && js:
			l.quoted('`', '\\', false, false)
			l.lastSig = '`'
		default:
			l.code()
		}
	}
	return l
}

func identBefore(l *lexer) bool {
	if l.pos == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l.src[:l.pos])
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func digitBefore(l *lexer) bool {
	if l.pos == 0 {
		return false
	}
	r := l.src[l.pos-1]
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// regexAllowed reports whether a '/' after the code character prev starts a
// regular-expression literal rather than a division.
func regexAllowed(prev rune) bool {
	return prev == 0 || strings.ContainsRune("(,=:[!&|?{};+-*%<>~^", prev)
}

// regex consumes a JavaScript regular-expression literal (to its closing
// '/' outside a character class, or the line end).
func (l *lexer) regex() {
	l.code()
	inClass := false
	for !l.eof() {
		r := l.peek()
		if r == '\n' || r == '\r' {
			return
		}
		l.code()
		switch {
		case r == '\\':
			if !l.eof() && l.peek() != '\n' && l.peek() != '\r' {
				l.code()
			}
		case r == '[':
			inClass = true
		case r == ']':
			inClass = false
		case r == '/' && !inClass:
			return
		}
	}
}

// rawCSharp consumes a C# 11 raw string: three or more quotes, closed by
// the same number.
func (l *lexer) rawCSharp() {
	n := 0
	for l.peek() == '"' {
		l.code()
		n++
	}
	closer := strings.Repeat(`"`, n)
	for !l.eof() && !l.at(closer) {
		l.code()
	}
	l.skipCode(closer)
	l.lastSig = '"'
}

// rawCPP consumes a C++ raw string R"delim( … )delim".
func (l *lexer) rawCPP() {
	l.code() // R
	l.code() // "
	start := l.pos
	for !l.eof() && l.peek() != '(' && l.peek() != '\n' {
		l.code()
	}
	closer := ")" + l.src[start:l.pos] + `"`
	for !l.eof() && !l.at(closer) {
		l.code()
	}
	l.skipCode(closer)
	l.lastSig = '"'
}

// lexVB finds ' and REM comments (and the typographic quotes VB also
// accepts), skipping "…" strings with "" escapes.
func lexVB(src string) *lexer {
	l := newLexer(src, false)
	for !l.eof() {
		r := l.peek()
		switch {
		case r == '"' || r == '\u201c' || r == '\u201d':
			l.quoted(r, 0, true, true)
		case r == '\'' || r == '\u2018' || r == '\u2019':
			l.collect(string(r), "")
		case isREM(l):
			l.collect(l.src[l.pos:l.pos+3], "")
		default:
			l.code()
		}
	}
	return l
}

// isREM reports whether the lexer stands on a REM statement: the keyword at
// the start of a statement (line start or after ':'), followed by a space
// or the line end.
func isREM(l *lexer) bool {
	if len(l.src)-l.pos < 3 || !strings.EqualFold(l.src[l.pos:l.pos+3], "rem") {
		return false
	}
	if len(l.src)-l.pos > 3 {
		switch l.src[l.pos+3] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	before := strings.TrimRight(l.src[:l.pos], " \t")
	return before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, "\r") || strings.HasSuffix(before, ":")
}

func lex(style Style, path, src string) *lexer {
	switch style {
	case StyleXML:
		return lexXML(src)
	case StyleC:
		ext := strings.ToLower(filepath.Ext(path))
		return lexC(src, ext == ".js" || ext == ".mjs")
	case StyleVB:
		return lexVB(src)
	}
	return nil
}
