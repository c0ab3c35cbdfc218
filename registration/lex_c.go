package registration

import (
	"strings"
)

// cSpec is the table that turns the shared C-family lexer into the C#,
// C++, IDL or JavaScript lexer.
type cSpec struct {
	lang         Language
	csharpString bool // @"..", $"..", """..""", @ident
	cppString    bool // L"..", u8"..", R"(..)", user-defined suffixes
	preprocessor bool // # directives at line start
	defines      bool // #define NAME value is recorded
	charQuote    bool // '..' is a character literal (else a string, JS)
	templates    bool // `..` template literals
	regex        bool // /../ regular-expression literals
}

var (
	specCSharp = cSpec{lang: CSharp, csharpString: true, preprocessor: true, charQuote: true}
	specCPP    = cSpec{lang: CPP, cppString: true, preprocessor: true, defines: true, charQuote: true}
	specIDL    = cSpec{lang: IDL, cppString: true, preprocessor: true, defines: true, charQuote: true}
	specJS     = cSpec{lang: JavaScript, templates: true, regex: true}
)

// LexCSharp lexes C# source.
func LexCSharp(src []byte) *Lexed { return lexC(src, &specCSharp) }

// LexCPP lexes C++ (C++/WinRT, C++/CX) source.
func LexCPP(src []byte) *Lexed { return lexC(src, &specCPP) }

// LexIDL lexes MIDL 3 source.
func LexIDL(src []byte) *Lexed { return lexC(src, &specIDL) }

// LexJS lexes JavaScript source.
func LexJS(src []byte) *Lexed { return lexC(src, &specJS) }

type cLexer struct {
	cursor
	spec *cSpec
	out  *Lexed
	// cond is the #if stack: each entry says whether its current branch is
	// live, whether an earlier branch was taken, and whether the condition
	// was known at all (unknown conditions keep every branch live).
	cond []condFrame
}

type condFrame struct {
	live, taken, known, parentLive bool
	// start is the number of tokens out when the group opened; alt is
	// set when a second branch of an unknown condition begins: at the
	// group's end, its tokens are marked Alt.
	start int
	alt   bool
	// guard: the condition is a custom feature switch (customSwitch).
	guard bool
}

// markAlt marks the tokens of a closed group whose branches are
// alternatives the lexer cannot choose between.
func markAlt(toks []Token, f condFrame) {
	switch {
	case f.alt:
		for i := min(f.start, len(toks)); i < len(toks); i++ {
			toks[i].Alt = true
		}
	case f.guard:
		for i := min(f.start, len(toks)); i < len(toks); i++ {
			toks[i].Guard = true
		}
	}
}

// customSwitch reports whether an #if condition turns code on with a
// symbol of the project's own (#if WS_ENABLED, #if BETA && !STORE): one
// that is neither a compiler's, the SDK's nor the project templates'. The
// project may define it in a configuration, on the command line, or
// nowhere at all (a feature switched off).
func customSwitch(expr string) bool {
	expr = strings.TrimSpace(expr)
	if i := strings.Index(expr, "//"); i >= 0 {
		expr = strings.TrimSpace(expr[:i])
	}
	if i := strings.IndexByte(expr, '\''); i >= 0 { // a VB comment
		expr = strings.TrimSpace(expr[:i])
	}
	low := strings.ToLower(expr)
	if strings.Contains(expr, "||") || strings.Contains(low, " or ") || strings.Contains(low, " orelse ") || strings.ContainsAny(expr, "=<>") ||
		strings.Contains(strings.ReplaceAll(low, " ", ""), "!(") || strings.Contains(strings.ReplaceAll(low, " ", ""), "not(") {
		return false // an alternative may be a symbol the build defines
	}
	custom := false
	for _, part := range strings.FieldsFunc(expr, func(r rune) bool { return r == '&' || r == '(' || r == ')' || r == ' ' || r == '\t' }) {
		if strings.EqualFold(part, "and") || strings.EqualFold(part, "andalso") || strings.EqualFold(part, "then") {
			continue
		}
		if strings.HasPrefix(part, "!") || strings.EqualFold(part, "not") {
			continue // a negated symbol is on when undefined
		}
		if !isIdentText(part) {
			return false
		}
		if !standardSymbol(part) {
			custom = true
		}
	}
	return custom
}

func isIdentText(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if nameClass[s[i]] < 0 {
			return false
		}
	}
	return s[0] < '0' || s[0] > '9'
}

// standardSymbol reports the conditional-compilation symbols a compiler,
// an SDK or a project template defines: DEBUG and TRACE, the UWP and
// Windows Phone templates' NETFX_CORE, WINDOWS_UWP, WINDOWS_APP,
// WINDOWS_PHONE_APP, the .NET SDK's framework symbols (NET6_0_OR_GREATER,
// WINDOWS10_0_19041_0), the cross-platform ones (__ANDROID__, HAS_UNO),
// and the XAML compiler's DISABLE_XAML_GENERATED_… switches.
func standardSymbol(sym string) bool {
	s := strings.ToUpper(sym)
	switch s {
	case "DEBUG", "TRACE", "RELEASE", "NETFX_CORE", "WINDOWS_UWP", "WINDOWS_APP", "WINDOWS_PHONE_APP", "WINDOWS_PHONE",
		"SILVERLIGHT", "CODE_ANALYSIS", "WINRT", "UAP", "WINDOWS", "ANDROID", "IOS", "MACCATALYST", "MACOS", "TVOS", "TIZEN",
		"BROWSER", "WASM", "SKIA", "CONFIG", "TARGET", "_MYTYPE", "PLATFORM", "X86", "X64", "ARM", "ARM64", "AMD64":
		return true
	}
	for _, prefix := range []string{"NET", "WINDOWS", "__", "HAS_UNO", "UNO_", "DISABLE_XAML_GENERATED", "XAMARIN", "MONO", "WINUI", "WINAPPSDK"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// openGroups marks the groups a file leaves open at its end.
func openGroups(toks []Token, frames []condFrame) {
	for _, f := range frames {
		markAlt(toks, f)
	}
}

func lexC(src []byte, spec *cSpec) *Lexed {
	l := &cLexer{cursor: cursor{src: src, text: string(src), line: 1, col: 1}, spec: spec, out: &Lexed{}}
	l.out.Tokens = newTokens(src)
	if spec.lang == JavaScript && l.hasPrefix("#!") {
		l.skipLine()
	}
	l.out.Tokens = l.run(l.out.Tokens, false)
	openGroups(l.out.Tokens, l.cond)
	return l.out
}

func (l *cLexer) live() bool {
	return len(l.cond) == 0 || l.cond[len(l.cond)-1].live
}

func (l *cLexer) problem(line, col int, msg string) {
	if len(l.out.Problems) < 20 {
		l.out.Problems = append(l.out.Problems, Note{Pos: Pos{Line: line, Col: col}, Message: msg})
	}
}

// run lexes until EOF, or until an unescaped end of line when eol is set
// (the body of a #define).
func (l *cLexer) run(toks []Token, eol bool) []Token {
	atLineStart := true
	for !l.eof() {
		b := l.src[l.i]
		if b == '\n' {
			if eol {
				return toks
			}
			l.advance()
			atLineStart = true
			continue
		}
		if eol && b == '\\' && (l.peek(1) == '\n' || (l.peek(1) == '\r' && l.peek(2) == '\n')) {
			// line continuation inside a #define
			for !l.eof() && l.src[l.i] != '\n' {
				l.advance()
			}
			l.advance()
			continue
		}
		cls := byteClass[b]
		if cls == clsSpace {
			l.advance()
			continue
		}
		if b >= 0x80 {
			if n := spaceRuneLen(l.src, l.i); n > 0 {
				l.advanceN(n)
				continue
			}
		}
		if b == '#' && atLineStart && l.spec.preprocessor && !eol {
			l.directive(toks)
			continue
		}
		atLineStart = false
		if !l.live() {
			l.skipLine()
			continue
		}
		if b == '/' && l.peek(1) == '/' {
			l.skipLine()
			continue
		}
		if b == '/' && l.peek(1) == '*' {
			line, col := l.line, l.col
			if !l.skipBlockComment() {
				l.problem(line, col, "unterminated comment")
			}
			continue
		}
		toks = l.token(toks)
	}
	return toks
}

// token lexes one token at the cursor and appends it.
func (l *cLexer) token(toks []Token) []Token {
	start, line, col := l.i, l.line, l.col
	b := l.src[l.i]
	emit := func(kind TokenKind, val string, holes bool) []Token {
		return appendToken(toks, Token{Kind: kind, Text: l.text[start:l.i], Value: val, Offset: int32(start), Line: int32(line), Col: int32(col), Holes: holes})
	}
	str := func(val string, ok bool) []Token {
		if !ok {
			l.problem(line, col, "unterminated string literal")
		}
		l.stringSuffix()
		return emit(TokString, val, false)
	}
	switch {
	case b == '$' && !l.spec.templates && templateParameterLen(l.src[l.i:]) > 0:
		// a project template's parameter ($safeprojectname$) stands where
		// a name goes: one identifier, as the template wizard leaves it
		// (audit 34: ms-iot/samples' IoT templates declare
		// "namespace $safeprojectname$")
		for n := templateParameterLen(l.src[l.i:]); n > 0; n-- {
			l.advance()
		}
		return emit(TokIdent, "", false)
	case l.spec.csharpString && (b == '@' || b == '$'):
		if t, ok := l.csharpPrefixed(toks, start, line, col); ok {
			return t
		}
		l.advance()
		return emit(TokPunct, "", false)
	case l.spec.csharpString && b == '"' && l.peek(1) == '"' && l.peek(2) == '"':
		return str(l.lexRawCS())
	case b == '"':
		return str(l.lexQuoted('"', true, false, false))
	case b == '\'':
		if l.spec.charQuote {
			v, ok := l.lexQuoted('\'', true, false, false)
			if !ok {
				l.problem(line, col, "unterminated character literal")
			}
			l.stringSuffix()
			return emit(TokChar, v, false)
		}
		return str(l.lexQuoted('\'', true, false, false))
	case b == '`' && l.spec.templates:
		v, holes, ok := l.lexTemplate()
		if !ok {
			l.problem(line, col, "unterminated template literal")
		}
		return emit(TokString, v, holes)
	case byteClass[b] == clsDigit || (b == '.' && byteClass[l.peek(1)] == clsDigit):
		l.lexNumber()
		return emit(TokNumber, "", false)
	case byteClass[b] == clsIdentStart:
		l.lexIdent()
		if l.spec.cppString && !l.eof() && (l.src[l.i] == '"' || l.src[l.i] == '\'') {
			if raw, isPrefix := cppStringPrefix(l.text[start:l.i]); isPrefix {
				if raw && l.src[l.i] == '"' {
					return str(l.lexRawCPP())
				}
				if !raw {
					if l.src[l.i] == '\'' {
						v, _ := l.lexQuoted('\'', true, false, false)
						return emit(TokChar, v, false)
					}
					return str(l.lexQuoted('"', true, false, false))
				}
			}
		}
		return emit(TokIdent, "", false)
	case b == '/' && l.spec.regex && regexAllowed(toks):
		if v, ok := l.lexRegex(); ok {
			return emit(TokString, v, true)
		}
		l.i, l.line, l.col = start, line, col
		l.advance()
		return emit(TokPunct, "", false)
	}
	p := l.punct()
	l.advanceN(len(p))
	return emit(TokPunct, "", false)
}

// stringSuffix consumes a literal suffix glued to a string (C++ "..."sv,
// C# "..."u8).
func (l *cLexer) stringSuffix() {
	if l.spec.cppString || l.spec.csharpString {
		for !l.eof() && isIdentByte(l.src[l.i]) {
			l.advance()
		}
	}
}

func cppStringPrefix(id string) (raw, ok bool) {
	switch id {
	case "L", "u", "U", "u8":
		return false, true
	case "R", "LR", "uR", "UR", "u8R":
		return true, true
	}
	return false, false
}

// csharpPrefixed handles @ident, @"verbatim", $"interpolated", $@"..",
// @$"..", $"""raw""" and $$"""..""".
func (l *cLexer) csharpPrefixed(toks []Token, start, line, col int) ([]Token, bool) {
	dollars, verbatim, j := 0, false, l.i
	for j < len(l.src) && (l.src[j] == '$' || l.src[j] == '@') {
		if l.src[j] == '$' {
			dollars++
		} else {
			verbatim = true
		}
		j++
	}
	if j >= len(l.src) {
		return toks, false
	}
	if l.src[j] != '"' {
		if l.src[l.i] == '@' && j == l.i+1 && byteClass[l.src[j]] == clsIdentStart {
			l.advance()
			l.lexIdent()
			return appendToken(toks, Token{Kind: TokIdent, Text: l.text[start+1 : l.i], Offset: int32(start), Line: int32(line), Col: int32(col)}), true
		}
		return toks, false
	}
	l.advanceN(j - l.i)
	var (
		val        string
		holes, ok  bool
		isRawQuote = l.peek(1) == '"' && l.peek(2) == '"'
	)
	switch {
	case isRawQuote && !verbatim:
		val, ok = l.lexRawCS()
		holes = dollars > 0 && strings.Contains(val, strings.Repeat("{", dollars))
	case dollars > 0:
		val, holes, ok = l.lexInterpolated(verbatim, dollars)
	default:
		val, ok = l.lexQuoted('"', false, true, true)
	}
	if !ok {
		l.problem(line, col, "unterminated string literal")
	}
	l.stringSuffix()
	return appendToken(toks, Token{Kind: TokString, Text: l.text[start:l.i], Value: val, Offset: int32(start), Line: int32(line), Col: int32(col), Holes: holes}), true
}

// regexAllowed decides whether a '/' starts a regular expression: it does
// when the previous token cannot end an operand.
func regexAllowed(toks []Token) bool {
	if len(toks) == 0 {
		return true
	}
	t := toks[len(toks)-1]
	switch t.Kind {
	case TokNumber, TokString, TokChar:
		return false
	case TokIdent:
		switch t.Text {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
		return false
	case TokPunct:
		return t.Text != ")" && t.Text != "]" && t.Text != "}"
	}
	return true
}

// lexRegex reads /body/flags on one line; it fails (and the caller falls
// back to a '/' operator) at a newline.
func (l *cLexer) lexRegex() (string, bool) {
	l.advance()
	inClass := false
	for !l.eof() {
		b := l.src[l.i]
		switch {
		case b == '\n':
			return "", false
		case b == '\\':
			l.advance()
			if !l.eof() && l.src[l.i] != '\n' {
				l.advance()
			}
			continue
		case b == '[':
			inClass = true
		case b == ']':
			inClass = false
		case b == '/' && !inClass:
			l.advance()
			l.lexIdent()
			return "", true
		}
		l.advance()
	}
	return "", false
}

// directive handles a preprocessor line; the cursor is on '#'. toks are
// the tokens out so far (an #endif marks its group's).
func (l *cLexer) directive(toks []Token) {
	line, col := l.line, l.col
	l.advance()
	for !l.eof() && (l.src[l.i] == ' ' || l.src[l.i] == '\t') {
		l.advance()
	}
	ns := l.i
	l.lexIdent()
	name := string(l.src[ns:l.i])
	switch name {
	case "if", "ifdef", "ifndef":
		exprStart := l.i
		val, known := l.condValue(name)
		parent := l.live()
		guard := !known && name == "if" && l.spec.lang == CSharp && customSwitch(string(l.src[exprStart:l.i]))
		l.cond = append(l.cond, condFrame{live: parent && (val || !known), taken: val, known: known, parentLive: parent, start: len(toks), guard: guard})
		if len(l.cond) > 256 {
			l.cond = l.cond[:256]
		}
		return
	case "elif":
		val, known := l.condValue("if")
		if n := len(l.cond); n > 0 {
			f := &l.cond[n-1]
			wasLive := f.live
			if f.known && known {
				f.live = f.parentLive && !f.taken && val
				f.taken = f.taken || val
			} else {
				f.known = false
				f.live = f.parentLive
			}
			// a second branch that builds too: the group holds alternatives
			f.alt = f.alt || (wasLive && f.live)
		}
		return
	case "else":
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
		l.skipDirectiveLine()
		return
	case "endif":
		if n := len(l.cond); n > 0 {
			markAlt(toks, l.cond[n-1])
			l.cond = l.cond[:n-1]
		}
		l.skipDirectiveLine()
		return
	case "define":
		if l.spec.defines && l.live() {
			l.define(line, col)
			return
		}
	}
	l.skipDirectiveLine()
}

// condValue evaluates the few conditions whose value is certain: 0, 1,
// false, true (optionally negated with !). Everything else is unknown.
func (l *cLexer) condValue(kind string) (val, known bool) {
	start := l.i
	l.skipDirectiveLine()
	if kind != "if" {
		return false, false
	}
	expr := string(l.src[start:l.i])
	if k := strings.Index(expr, "//"); k >= 0 {
		expr = expr[:k]
	}
	expr = strings.TrimSpace(expr)
	neg := false
	for strings.HasPrefix(expr, "!") {
		neg = !neg
		expr = strings.TrimSpace(expr[1:])
	}
	expr = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(expr, "("), ")"))
	switch expr {
	case "0", "false":
		return neg, true
	case "1", "true":
		return !neg, true
	}
	return false, false
}

func (l *cLexer) skipDirectiveLine() {
	for !l.eof() {
		b := l.src[l.i]
		if b == '\n' {
			return
		}
		if b == '\\' && (l.peek(1) == '\n' || (l.peek(1) == '\r' && l.peek(2) == '\n')) {
			l.advance()
		}
		l.advance()
	}
}

// define records an object-like macro. Function-like macros are skipped.
func (l *cLexer) define(line, col int) {
	for !l.eof() && (l.src[l.i] == ' ' || l.src[l.i] == '\t') {
		l.advance()
	}
	ns := l.i
	l.lexIdent()
	name := string(l.src[ns:l.i])
	if name == "" || (!l.eof() && l.src[l.i] == '(') {
		l.skipDirectiveLine()
		return
	}
	body := l.run(nil, true)
	if len(l.out.Defines) < 100000 {
		l.out.Defines = append(l.out.Defines, Define{Name: name, Line: line, Col: col, Tokens: body})
	}
}

// templateParameterLen is the length of a Visual Studio template
// parameter at the start of src ($name$, the name an identifier), 0 when
// there is none.
func templateParameterLen(src []byte) int {
	if len(src) < 3 || src[0] != '$' || byteClass[src[1]] != clsIdentStart {
		return 0
	}
	for i := 2; i < len(src) && i < 64; i++ {
		switch {
		case src[i] == '$':
			return i + 1
		case !isIdentByte(src[i]) || src[i] >= 0x80:
			return 0
		}
	}
	return 0
}
