package registration

import "strings"

// LexVB lexes Visual Basic source. Statements end at a TokNewline token;
// explicit line continuations (" _") join lines. Keywords are returned as
// identifiers: VB is case-insensitive, so callers compare with EqualFold.
func LexVB(src []byte) *Lexed {
	l := &vbLexer{cursor: cursor{src: src, text: string(src), line: 1, col: 1}, out: &Lexed{}}
	l.out.Tokens = newTokens(src)
	l.run()
	openGroups(l.out.Tokens, l.cond)
	return l.out
}

type vbLexer struct {
	cursor
	out  *Lexed
	cond []condFrame
}

func (l *vbLexer) live() bool { return len(l.cond) == 0 || l.cond[len(l.cond)-1].live }

func (l *vbLexer) newline() {
	toks := l.out.Tokens
	if n := len(toks); n > 0 && toks[n-1].Kind != TokNewline {
		l.out.Tokens = appendToken(toks, Token{Kind: TokNewline, Text: "\n", Offset: int32(l.i), Line: int32(l.line), Col: int32(l.col)})
	}
}

func (l *vbLexer) run() {
	atLineStart := true
	for !l.eof() {
		b := l.src[l.i]
		if b == '\n' {
			l.newline()
			l.advance()
			atLineStart = true
			continue
		}
		if byteClass[b] == clsSpace {
			l.advance()
			continue
		}
		if b >= 0x80 {
			if n := spaceRuneLen(l.src, l.i); n > 0 {
				l.advanceN(n)
				continue
			}
		}
		if b == '#' && atLineStart {
			if l.directive() {
				continue
			}
		}
		atLineStart = false
		if !l.live() {
			l.skipLine()
			continue
		}
		// ' and REM comments; the Unicode quotes VB also accepts are rare.
		if b == '\'' {
			l.skipLine()
			continue
		}
		if b == '_' && l.continuation() {
			continue
		}
		l.token()
	}
	l.newline()
}

// continuation consumes " _" followed by end of line (optionally a
// comment) and joins the lines.
func (l *vbLexer) continuation() bool {
	j := l.i + 1
	for j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t' || l.src[j] == '\r') {
		j++
	}
	if j < len(l.src) && l.src[j] == '\'' {
		for j < len(l.src) && l.src[j] != '\n' {
			j++
		}
	}
	if j < len(l.src) && l.src[j] != '\n' {
		return false
	}
	l.advanceN(j - l.i + 1)
	return true
}

func (l *vbLexer) token() {
	start, line, col := l.i, l.line, l.col
	b := l.src[l.i]
	emit := func(kind TokenKind, text, val string, holes bool) {
		l.out.Tokens = appendToken(l.out.Tokens, Token{Kind: kind, Text: text, Value: val, Offset: int32(start), Line: int32(line), Col: int32(col), Holes: holes})
	}
	raw := func() string { return l.text[start:l.i] }
	switch {
	case vbQuoteLen(l.src, l.i) > 0 || (b == '$' && vbQuoteLen(l.src, l.i+1) > 0):
		interp := b == '$'
		if interp {
			l.advance()
		}
		val, holes, ok := l.lexVBString(interp)
		if !ok && len(l.out.Problems) < 20 {
			l.out.Problems = append(l.out.Problems, Note{Pos: Pos{Line: line, Col: col}, Message: "unterminated string literal"})
		}
		kind := TokString
		if !l.eof() && (l.src[l.i] == 'c' || l.src[l.i] == 'C') && !interp {
			l.advance()
			kind = TokChar
		}
		emit(kind, raw(), val, holes)
	case b == '[' && byteClass[l.peek(1)] == clsIdentStart:
		// [Escaped] identifier
		l.advance()
		s := l.i
		l.lexIdent()
		name := l.text[s:l.i]
		if !l.eof() && l.src[l.i] == ']' {
			l.advance()
			emit(TokIdent, name, "", false)
			return
		}
		l.i, l.line, l.col = start, line, col
		l.advance()
		emit(TokPunct, "[", "", false)
	case byteClass[b] == clsDigit || (b == '.' && byteClass[l.peek(1)] == clsDigit) || (b == '&' && (l.peek(1) == 'H' || l.peek(1) == 'h') && hexVal(l.peek(2)) >= 0):
		if b == '&' {
			l.advanceN(2)
		}
		l.lexNumber()
		emit(TokNumber, raw(), "", false)
	case b == '#' && l.dateLiteral():
		emit(TokNumber, raw(), "", false)
	case byteClass[b] == clsIdentStart:
		l.lexIdent()
		id := raw()
		if strings.EqualFold(id, "REM") && (l.eof() || byteClass[l.src[l.i]] == clsSpace || l.src[l.i] == '\n') {
			l.skipLine()
			return
		}
		// type characters: Name$, Count%
		if !l.eof() && strings.IndexByte("$%&!#@", l.src[l.i]) >= 0 && (l.i+1 >= len(l.src) || !isIdentByte(l.src[l.i+1])) && l.src[l.i] != '!' {
			l.advance()
		}
		emit(TokIdent, id, "", false)
	default:
		p := l.punct()
		if p == "::" {
			// VB has no "::" operator: two ':' statement separators
			// with nothing between them
			p = ":"
		}
		l.advanceN(len(p))
		emit(TokPunct, p, "", false)
	}
}

// lexVBString reads "..." with "" escapes; an interpolated string skips
// {holes}. Since Visual Basic 14 a string literal may span lines, so a
// line break is part of the string: only the end of the file leaves it
// unterminated (ok false). The opening quote is at l.i.
func (l *vbLexer) lexVBString(interp bool) (string, bool, bool) {
	l.advanceN(vbQuoteLen(l.src, l.i))
	var sb strings.Builder
	holes := false
	for !l.eof() {
		b := l.src[l.i]
		if q := vbQuoteLen(l.src, l.i); q > 0 {
			if q2 := vbQuoteLen(l.src, l.i+q); q2 > 0 {
				sb.WriteByte('"')
				l.advanceN(q + q2)
				continue
			}
			l.advanceN(q)
			return sb.String(), holes, true
		}
		switch {
		case interp && b == '{' && l.peek(1) == '{':
			sb.WriteByte('{')
			l.advanceN(2)
		case interp && b == '{':
			holes = true
			depth := 0
			for !l.eof() {
				c := l.src[l.i]
				l.advance()
				if c == '{' {
					depth++
				} else if c == '}' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
		default:
			sb.WriteByte(b)
			l.advance()
		}
	}
	return sb.String(), holes, false
}

// vbQuoteLen is the length of the double quote at src[i:] (0 when there is
// none): Visual Basic also takes the typographic quotes U+201C and U+201D
// for '"', which word processors put into pasted code. With strings that
// span lines, a typographic closing quote read as anything else would turn
// the rest of the file into a string.
func vbQuoteLen(src []byte, i int) int {
	switch {
	case i >= len(src):
		return 0
	case src[i] == '"':
		return 1
	case src[i] == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0x9C || src[i+2] == 0x9D):
		return 3
	}
	return 0
}

// dateLiteral consumes #...# date literals on one line.
func (l *vbLexer) dateLiteral() bool {
	j := l.i + 1
	for j < len(l.src) && l.src[j] != '#' && l.src[j] != '\n' && j-l.i < 40 {
		j++
	}
	if j >= len(l.src) || l.src[j] != '#' {
		return false
	}
	l.advanceN(j - l.i + 1)
	return true
}

// directive handles #If/#ElseIf/#Else/#End If/#Const/#Region lines and
// reports whether the line was a directive.
func (l *vbLexer) directive() bool {
	save := l.cursor
	l.advance()
	for !l.eof() && (l.src[l.i] == ' ' || l.src[l.i] == '\t') {
		l.advance()
	}
	s := l.i
	l.lexIdent()
	name := strings.ToLower(string(l.src[s:l.i]))
	rest := func() string {
		rs := l.i
		l.skipLine()
		r := string(l.src[rs:l.i])
		if k := strings.IndexByte(r, '\''); k >= 0 {
			r = r[:k]
		}
		r = strings.TrimSpace(r)
		if len(r) >= 4 && strings.EqualFold(r[len(r)-4:], "then") {
			r = strings.TrimSpace(r[:len(r)-4])
		}
		return strings.ToLower(r)
	}
	val := func(expr string) (bool, bool) {
		neg := false
		for strings.HasPrefix(expr, "not ") {
			neg = !neg
			expr = strings.TrimSpace(expr[4:])
		}
		switch expr {
		case "false", "0":
			return neg, true
		case "true", "1":
			return !neg, true
		}
		return false, false
	}
	switch name {
	case "if":
		expr := rest()
		v, known := val(expr)
		parent := l.live()
		l.cond = append(l.cond, condFrame{live: parent && (v || !known), taken: v, known: known, parentLive: parent, start: len(l.out.Tokens), guard: !known && customSwitch(expr)})
		if len(l.cond) > 256 {
			l.cond = l.cond[:256]
		}
	case "elseif":
		v, known := val(rest())
		if n := len(l.cond); n > 0 {
			f := &l.cond[n-1]
			wasLive := f.live
			if f.known && known {
				f.live = f.parentLive && !f.taken && v
				f.taken = f.taken || v
			} else {
				f.known, f.live = false, f.parentLive
			}
			// a second branch that builds too: the group holds alternatives
			f.alt = f.alt || (wasLive && f.live)
		}
	case "else":
		rest()
		if n := len(l.cond); n > 0 {
			f := &l.cond[n-1]
			wasLive := f.live
			if f.known {
				f.live = f.parentLive && !f.taken
				f.taken = true
			} else {
				f.live = f.parentLive
			}
			// a second branch that builds too: the group holds alternatives
			f.alt = f.alt || (wasLive && f.live)
		}
	case "end":
		r := rest()
		if strings.HasPrefix(r, "if") {
			if n := len(l.cond); n > 0 {
				markAlt(l.out.Tokens, l.cond[n-1])
				l.cond = l.cond[:n-1]
			}
		}
	case "const", "region", "externalsource", "disable", "enable":
		rest()
	default:
		l.cursor = save
		return false
	}
	return true
}
