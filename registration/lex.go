package registration

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

const (
	TokIdent   TokenKind = iota + 1
	TokString            // any string literal; Value holds the decoded text
	TokChar              // character literal
	TokNumber            // numeric literal
	TokPunct             // operator or punctuation
	TokNewline           // end of a logical line (VB only)
)

func (k TokenKind) String() string {
	switch k {
	case TokIdent:
		return "ident"
	case TokString:
		return "string"
	case TokChar:
		return "char"
	case TokNumber:
		return "number"
	case TokPunct:
		return "punct"
	case TokNewline:
		return "newline"
	}
	return "?"
}

// Token is one lexical token. Text is the raw source slice; for strings
// Value is the decoded content and Holes is true for an interpolated string
// with at least one hole (its value is then unknown statically).
type Token struct {
	Kind  TokenKind
	Holes bool
	// Alt marks a token in one branch of an #if group that has
	// alternatives (#else, #elif) and a condition the lexer cannot
	// evaluate: which branch is built depends on the configuration's
	// symbols, so a literal there is not the value, only one of them.
	Alt bool
	// Guard marks a token in the only branch of an #if group whose
	// condition names a symbol neither the SDK nor the build templates
	// define (#if WS_ENABLED): a feature switch the project may never
	// turn on, so the code may never be compiled (C# and VB).
	Guard bool
	// Offset is the byte offset of the token; Line and Col are 1-based,
	// Col in characters. They are int32 to keep the token small: a large
	// file has millions of them.
	Offset int32
	Line   int32
	Col    int32
	Text   string
	Value  string
}

// newTokens allocates a file's token array at one token per 10 bytes, and
// appendToken doubles it when it is full. The arrays live while the App is
// resolved and the collector scans all of them, so room left idle is paid
// for over and over: one token per 4 bytes gave a 3 MB WinJS file room for
// 742 000 tokens, 288 000 used, and on Windows-universal-samples half the
// check's CPU went to collecting. Real sources hold one token per 7 to 11
// bytes; denser ones (fixtures, generated code: 4 to 6) double once or
// twice, where append's growth by a quarter copied a large array three or
// four times over (the lexer benchmarks ran at a third of their speed).
func newTokens(src []byte) []Token {
	return make([]Token, 0, len(src)/10+16)
}

func appendToken(toks []Token, t Token) []Token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, len(toks))
	}
	return append(toks, t)
}

// Define is a C/C++ object-like macro: #define Name body.
type Define struct {
	Name   string
	Line   int
	Col    int
	Tokens []Token
}

// Lexed is the result of lexing one file.
type Lexed struct {
	Tokens  []Token
	Defines []Define
	// Problems are lexical errors (unterminated string, comment, ...) with
	// the position where the construct started.
	Problems []Note
}

// cursor walks the source keeping the 1-based line and the rune column.
type cursor struct {
	src []byte
	// text is src as a string, so token texts are substrings, not copies
	text string
	i    int
	line int
	col  int
}

func (c *cursor) eof() bool { return c.i >= len(c.src) }

func (c *cursor) peek(k int) byte {
	if c.i+k < len(c.src) {
		return c.src[c.i+k]
	}
	return 0
}

// advance moves over one byte; columns count runes, so UTF-8 continuation
// bytes do not move the column.
func (c *cursor) advance() {
	b := c.src[c.i]
	c.i++
	if b == '\n' {
		c.line++
		c.col = 1
		return
	}
	if b&0xC0 != 0x80 {
		c.col++
	}
}

func (c *cursor) advanceN(n int) {
	for ; n > 0 && c.i < len(c.src); n-- {
		c.advance()
	}
}

func (c *cursor) hasPrefix(s string) bool {
	return len(c.src)-c.i >= len(s) && string(c.src[c.i:c.i+len(s)]) == s
}

// byte classes used by every lexer.
const (
	clsOther uint8 = iota
	clsSpace
	clsIdentStart
	clsDigit
)

var byteClass = func() [256]uint8 {
	var t [256]uint8
	for b := 0; b < 256; b++ {
		switch {
		case b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' || b == 0:
			t[b] = clsSpace
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_', b >= 0x80:
			t[b] = clsIdentStart
		case b >= '0' && b <= '9':
			t[b] = clsDigit
		}
	}
	return t
}()

func isIdentByte(b byte) bool {
	c := byteClass[b]
	return c == clsIdentStart || c == clsDigit
}

// spaceRuneLen returns the length of the multi-byte rune at src[i:] when it
// is a space the lexers skip (BOM, NBSP, line and paragraph separators),
// else 0.
func spaceRuneLen(src []byte, i int) int {
	r, n := utf8.DecodeRune(src[i:])
	if r == 0xFEFF || r == 0xA0 || r == 0x2028 || r == 0x2029 {
		return n
	}
	return 0
}

// multi-character punctuators, longest first within a leading byte.
var puncts = map[byte][]string{
	':': {"::", ":="},
	'-': {"->", "-="},
	'=': {"=>", "=="},
	'!': {"!="},
	'+': {"+="},
	'?': {"?.", "??"},
	'&': {"&&", "&="},
	'|': {"||"},
	'<': {"<="},
}

func (c *cursor) punct() string {
	for _, p := range puncts[c.src[c.i]] {
		if c.hasPrefix(p) {
			return p
		}
	}
	return string(c.src[c.i : c.i+1])
}

func (c *cursor) lexNumber() {
	// digits, letters (hex, suffixes), dots followed by digits, exponent signs.
	for !c.eof() {
		b := c.src[c.i]
		switch {
		case isIdentByte(b) || b == '\'':
			if (b == 'e' || b == 'E' || b == 'p' || b == 'P') && (c.peek(1) == '+' || c.peek(1) == '-') {
				c.advance()
			}
			c.advance()
		case b == '.' && byteClass[c.peek(1)] == clsDigit:
			c.advance()
		default:
			return
		}
	}
}

func (c *cursor) lexIdent() {
	for !c.eof() && isIdentByte(c.src[c.i]) {
		c.advance()
	}
}

// decodeEscape decodes one C-style escape after the backslash and returns
// the decoded text.
func (c *cursor) decodeEscape(sb *strings.Builder) {
	if c.eof() {
		return
	}
	b := c.src[c.i]
	switch b {
	case 'n':
		sb.WriteByte('\n')
	case 't':
		sb.WriteByte('\t')
	case 'r':
		sb.WriteByte('\r')
	case '0':
		sb.WriteByte(0)
	case 'a':
		sb.WriteByte(7)
	case 'b':
		sb.WriteByte(8)
	case 'f':
		sb.WriteByte(12)
	case 'v':
		sb.WriteByte(11)
	case 'u', 'x', 'U':
		c.advance()
		max := 4
		if b == 'U' {
			max = 8
		}
		v, n := 0, 0
		for n < max && !c.eof() {
			d := hexVal(c.src[c.i])
			if d < 0 {
				break
			}
			v = v*16 + d
			n++
			c.advance()
		}
		if n == 0 {
			sb.WriteByte(b)
		} else {
			sb.WriteRune(rune(v))
		}
		return
	case '\n':
		// line continuation inside a string
	case '\r':
		if c.peek(1) == '\n' {
			c.advance() // CRLF line continuation
		}
	default:
		sb.WriteByte(b)
	}
	c.advance()
}

func hexVal(b byte) int {
	switch {
	case b >= '0' && b <= '9':
		return int(b - '0')
	case b >= 'a' && b <= 'f':
		return int(b-'a') + 10
	case b >= 'A' && b <= 'F':
		return int(b-'A') + 10
	}
	return -1
}

// lexQuoted reads a quoted literal whose opening quote is at the cursor.
// escapes: C-style backslash escapes; doubled: a doubled quote stands for
// one quote (C# verbatim, VB). multiline: a newline does not end it.
// It returns the decoded text and whether the literal was terminated.
func (c *cursor) lexQuoted(quote byte, escapes, doubled, multiline bool) (string, bool) {
	c.advance()
	var sb strings.Builder
	for !c.eof() {
		b := c.src[c.i]
		switch {
		case b == quote:
			if doubled && c.peek(1) == quote {
				sb.WriteByte(quote)
				c.advanceN(2)
				continue
			}
			c.advance()
			return sb.String(), true
		case b == '\\' && escapes:
			c.advance()
			c.decodeEscape(&sb)
		case b == '\n' && !multiline:
			return sb.String(), false
		default:
			sb.WriteByte(b)
			c.advance()
		}
	}
	return sb.String(), false
}

// lexInterpolated reads a C# interpolated string body ($"..." or $@"...")
// after the prefix. Holes are skipped with brace counting; nested strings
// inside holes are lexed so their quotes do not end the literal.
func (c *cursor) lexInterpolated(verbatim bool, dollars int) (val string, holes, ok bool) {
	c.advance() // opening quote
	var sb strings.Builder
	for !c.eof() {
		b := c.src[c.i]
		switch {
		case b == '"':
			if verbatim && c.peek(1) == '"' {
				sb.WriteByte('"')
				c.advanceN(2)
				continue
			}
			c.advance()
			return sb.String(), holes, true
		case b == '\\' && !verbatim:
			c.advance()
			c.decodeEscape(&sb)
		case b == '{' && c.peek(1) == '{' && dollars <= 1:
			sb.WriteByte('{')
			c.advanceN(2)
		case b == '}' && c.peek(1) == '}' && dollars <= 1:
			sb.WriteByte('}')
			c.advanceN(2)
		case b == '{':
			holes = true
			c.skipHole()
		case b == '\n' && !verbatim:
			return sb.String(), holes, false
		default:
			sb.WriteByte(b)
			c.advance()
		}
	}
	return sb.String(), holes, false
}

// skipHole skips an interpolation hole {expr[,align][:fmt]} including
// nested braces and string literals.
func (c *cursor) skipHole() {
	depth := 0
	for !c.eof() {
		b := c.src[c.i]
		switch b {
		case '{':
			depth++
			c.advance()
		case '}':
			depth--
			c.advance()
			if depth <= 0 {
				return
			}
		case '"':
			c.lexQuoted('"', true, false, false)
		case '\'':
			c.lexQuoted('\'', true, false, false)
		case '\n':
			return
		default:
			c.advance()
		}
	}
}

// lexRawCS reads a C# raw string literal ("""...""" with three or more
// quotes); the cursor is on the first quote.
func (c *cursor) lexRawCS() (string, bool) {
	n := 0
	for c.peek(n) == '"' {
		n++
	}
	c.advanceN(n)
	start := c.i
	closing := strings.Repeat(`"`, n)
	for !c.eof() {
		if c.hasPrefix(closing) {
			body := string(c.src[start:c.i])
			c.advanceN(n)
			return trimRawCS(body), true
		}
		c.advance()
	}
	return string(c.src[start:]), false
}

// trimRawCS applies the raw-string rules for multi-line literals: the
// first and last lines (whitespace only) are dropped and the closing
// line's indentation is removed from every line.
func trimRawCS(body string) string {
	if !strings.Contains(body, "\n") {
		return body
	}
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	if len(lines) < 2 {
		return body
	}
	indent := lines[len(lines)-1]
	if strings.TrimSpace(indent) != "" {
		return body
	}
	lines = lines[1 : len(lines)-1]
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, indent)
	}
	return strings.Join(lines, "\n")
}

// lexRawCPP reads a C++ raw string R"delim(...)delim"; the cursor is on
// the quote after R.
func (c *cursor) lexRawCPP() (string, bool) {
	c.advance()
	ds := c.i
	for !c.eof() && c.src[c.i] != '(' && c.src[c.i] != '\n' && c.i-ds <= 16 {
		c.advance()
	}
	if c.eof() || c.src[c.i] != '(' {
		return "", false
	}
	delim := ")" + string(c.src[ds:c.i]) + `"`
	c.advance()
	start := c.i
	for !c.eof() {
		if c.hasPrefix(delim) {
			body := string(c.src[start:c.i])
			c.advanceN(len(delim))
			return body, true
		}
		c.advance()
	}
	return string(c.src[start:]), false
}

// lexTemplate reads a JavaScript template literal; any ${ hole makes the
// value unknown.
func (c *cursor) lexTemplate() (val string, holes, ok bool) {
	c.advance()
	var sb strings.Builder
	for !c.eof() {
		b := c.src[c.i]
		switch {
		case b == '`':
			c.advance()
			return sb.String(), holes, true
		case b == '\\':
			c.advance()
			c.decodeEscape(&sb)
		case b == '$' && c.peek(1) == '{':
			holes = true
			c.advance()
			c.skipTemplateHole()
		default:
			sb.WriteByte(b)
			c.advance()
		}
	}
	return sb.String(), holes, false
}

func (c *cursor) skipTemplateHole() {
	depth := 0
	for !c.eof() {
		b := c.src[c.i]
		switch b {
		case '{':
			depth++
			c.advance()
		case '}':
			depth--
			c.advance()
			if depth <= 0 {
				return
			}
		case '"', '\'':
			c.lexQuoted(b, true, false, false)
		case '`':
			c.lexTemplate()
		default:
			c.advance()
		}
	}
}

// skipBlockComment skips /* ... */ (the cursor is on '/') and reports
// whether the comment was closed. None of our languages nest them.
func (c *cursor) skipBlockComment() bool {
	c.advanceN(2)
	for !c.eof() {
		if c.src[c.i] == '*' && c.peek(1) == '/' {
			c.advanceN(2)
			return true
		}
		c.advance()
	}
	return false
}

func (c *cursor) skipLine() {
	for !c.eof() && c.src[c.i] != '\n' {
		c.advance()
	}
}
