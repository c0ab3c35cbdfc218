package registration

import "strings"

// Look-up guards. Code that registers several tasks together often looks
// only one of them up:
//
//	if (FindTask("Sync") != null) return;
//	Register("Sync", …);
//	Register("SyncAtLogon", …);
//
// The second Register() runs only in a run whose look-up found no "Sync"
// task and that registers "Sync" as well, so the next run stops at the
// look-up: no duplicate piles up, although no look-up compares with
// "SyncAtLogon". markLookUpGuards records such a registration's guarding
// name (Registration.SkippedWhenFound).
//
// Only plain shapes within one method body are recognised, in C#, VB,
// C++ and JavaScript:
//   - an early exit: `if (LOOKUP) return;` (or a block that ends in a
//     return), `foreach (var t in …AllTasks) if (t.Value.Name == "A")
//     return;`; what follows in the same block is guarded;
//   - the block of `if (!LOOKUP) { … }`, or the else block of
//     `if (LOOKUP) { … } else { … }`;
// where LOOKUP is `…AllTasks.Values.Any(t => t.Name == "A")` (or
// FirstOrDefault, SingleOrDefault, Where(…).Any() compared with null), a
// call of a method of the App that returns the task found by name (or
// true) and null (or false) otherwise, or a local variable assigned
// once from either. The guarding task must be registered in the guarded
// code by a Register() that runs whenever that code runs (a plain
// statement of the guarded block, not under a further condition), and
// nothing that may be skipped lies between a guarded Register() and that
// one. A guard is dropped when some code of the App unregisters tasks it
// finds by a name the guarding task may have (unless it unregisters
// every task): that code could remove the guarding task and leave the
// other one behind, so the next run would register it again. Anything
// else stays unguarded.

// guard is the part [from, to) of a method body that runs only when a
// look-up found no registered task called name; depth is the block depth
// of its plain statements.
type guard struct {
	name     string
	from, to int
	depth    int32
}

// bodyShape is a method body with its block structure.
type bodyShape struct {
	lang Language
	b    []Token
	// depth is, per token, the depth of the block whose statement holds
	// it: C-family braces; VB block statements (If … Then, For, While,
	// Do, Select, Using, Try, SyncLock, With, multi-line lambdas), where
	// the lines that open, separate (Else, Case, Catch) and close a block
	// have the depth of the block statement itself.
	depth []int32
	// line is, for VB, the index of the first token of each token's line.
	line []int
}

func newBodyShape(lang Language, b []Token) *bodyShape {
	s := &bodyShape{lang: lang, b: b, depth: make([]int32, len(b))}
	if lang == VB {
		s.vbDepths()
		return s
	}
	var d int32
	for i, t := range b {
		switch {
		case isPunct(t, "{"):
			s.depth[i] = d
			d++
		case isPunct(t, "}"):
			if d > 0 {
				d--
			}
			s.depth[i] = d
		default:
			s.depth[i] = d
		}
	}
	return s
}

// vbDepths fills depth and line for a VB body, one logical line at a time.
func (s *bodyShape) vbDepths() {
	b := s.b
	s.line = make([]int, len(b))
	var d int32
	for start := 0; start < len(b); {
		end := start
		for end < len(b) && b[end].Kind != TokNewline {
			end++
		}
		ln := b[start:end]
		ld := d
		switch vbLineKind(ln) {
		case vbCloses:
			if d > 0 {
				d--
			}
			ld = d
		case vbSeparates:
			ld = max(d-1, 0)
		case vbOpens:
			ld = d
			d++
		}
		for k := start; k < min(end+1, len(b)); k++ {
			s.depth[k] = ld
			s.line[k] = start
		}
		start = end + 1
	}
}

const (
	vbPlain = iota
	vbOpens
	vbSeparates
	vbCloses
)

// vbLineKind says whether a logical VB line opens, separates or closes a
// block.
func vbLineKind(ln []Token) int {
	if len(ln) == 0 || ln[0].Kind != TokIdent {
		return vbPlain
	}
	first := strings.ToLower(ln[0].Text)
	switch first {
	case "end":
		if len(ln) >= 2 && ln[1].Kind == TokIdent {
			switch strings.ToLower(ln[1].Text) {
			case "if", "while", "using", "synclock", "with", "try", "select", "sub", "function":
				return vbCloses
			}
		}
		return vbPlain
	case "next", "loop":
		return vbCloses
	case "else", "elseif", "case", "catch", "finally":
		if first == "else" && len(ln) > 1 && !isIdentFold(ln[1], "If") {
			return vbPlain // never in a body: a single-line If holds its Else
		}
		return vbSeparates
	case "if":
		if isIdentFold(ln[len(ln)-1], "Then") {
			return vbOpens
		}
		return vbPlain
	case "for", "while", "do", "select", "using", "synclock", "with", "try":
		return vbOpens
	}
	// a multi-line lambda: AddHandler x.Completed, Sub(s, e) … End Sub
	for k := 1; k+1 < len(ln); k++ {
		if (isIdentFold(ln[k], "Sub") || isIdentFold(ln[k], "Function")) && isPunct(ln[k+1], "(") && matchClose(ln, k+1) == len(ln)-1 {
			return vbOpens
		}
	}
	return vbPlain
}

// blockEnd is the end of the block that holds the statement at i: the
// closing brace, or the first VB line of a shallower depth.
func (s *bodyShape) blockEnd(i int) int {
	d := s.depth[i]
	for j := i + 1; j < len(s.b); j++ {
		if s.depth[j] < d {
			return j
		}
	}
	return len(s.b)
}

// isExit reports a token that leaves the code that follows it untaken.
func isExit(lang Language, b []Token, i int) bool {
	t := b[i]
	if t.Kind != TokIdent {
		return false
	}
	if lang == VB {
		switch strings.ToLower(t.Text) {
		case "return", "exit", "throw", "goto", "continue":
			return true
		case "end":
			return i+1 >= len(b) || b[i+1].Kind == TokNewline
		}
		return false
	}
	switch t.Text {
	case "return", "co_return", "throw", "break", "continue", "goto":
		return true
	}
	return false
}

// returns reports a statement that starts at b[i] and leaves the method.
func (s *bodyShape) returns(i int) bool {
	if i >= len(s.b) || s.b[i].Kind != TokIdent {
		return false
	}
	if s.lang == VB {
		return isIdentFold(s.b[i], "Return") ||
			isIdentFold(s.b[i], "Exit") && i+1 < len(s.b) && (isIdentFold(s.b[i+1], "Sub") || isIdentFold(s.b[i+1], "Function"))
	}
	return s.b[i].Text == "return" || s.b[i].Text == "co_return"
}

// plainStatement reports whether the token at i lies in a statement of
// the block of depth d that runs whenever the code before it in the block
// runs: not the body of an if, else or loop without braces, nor inside
// parentheses (arguments, conditions, a lambda), a conditional
// expression or a local function.
func (s *bodyShape) plainStatement(i int, d int32) bool {
	if s.depth[i] != d {
		return false
	}
	b := s.b
	if s.lang == VB {
		start := s.line[i]
		if isIdentFold(b[start], "If") || isIdentFold(b[start], "ElseIf") {
			return false
		}
		level := 0
		for k := i - 1; k >= start; k-- {
			t := b[k]
			switch {
			case isPunct(t, ")"):
				level++
			case isPunct(t, "("):
				if level == 0 {
					return false
				}
				level--
			case isIdentFold(t, "If") || isIdentFold(t, "AndAlso") || isIdentFold(t, "OrElse") || isIdentFold(t, "Sub") || isIdentFold(t, "Function"):
				return false
			}
		}
		return true
	}
	level := 0
	k := i - 1
	for ; k >= 0; k-- {
		t := b[k]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]":
			level++
		case "(", "[":
			if level == 0 {
				return false
			}
			level--
		case ";", "{", "}":
			if level == 0 {
				goto found
			}
		case "?", "&&", "||", "??", "=>", "?.":
			if level == 0 {
				return false
			}
		}
	}
found:
	first := b[k+1]
	if first.Kind == TokIdent {
		switch first.Text {
		case "if", "else", "for", "foreach", "while", "do", "switch", "case", "default", "lock", "fixed", "catch", "try", "finally", "using", "each":
			return false
		}
	}
	// a local function's body ({ after the parameter list of IDENT IDENT(…))
	// runs whenever it is called, not where it is written
	for j := k; j >= 0 && s.depth[j] >= d-1 && d > 0; j-- {
		if isPunct(b[j], "{") && s.depth[j] == d-1 {
			return !localFunctionBody(b, j)
		}
	}
	return true
}

// inLocalFunction reports whether b[i] lies in the body of a local
// function that starts after b[from].
func (s *bodyShape) inLocalFunction(i, from int) bool {
	if s.lang == VB {
		return false
	}
	d := s.depth[i]
	for j := i - 1; j >= from && d > 0; j-- {
		if isPunct(s.b[j], "{") && s.depth[j] == d-1 {
			if localFunctionBody(s.b, j) {
				return true
			}
			d--
		}
	}
	return false
}

// localFunctionBody reports a brace at b[open] that opens the body of a
// local function: it follows the parameter list of `Type Name(…)`.
func localFunctionBody(b []Token, open int) bool {
	if open < 1 || !isPunct(b[open-1], ")") {
		return false
	}
	o := matchOpen(b[:open], open-1)
	if o < 2 || b[o-1].Kind != TokIdent || b[o-2].Kind != TokIdent && !isPunct(b[o-2], ">") && !isPunct(b[o-2], "]") && !isPunct(b[o-2], "?") {
		return false
	}
	switch b[o-2].Text {
	case "new", "else", "return", "await", "throw", "in", "case", "yield", "co_await", "co_return":
		return false
	}
	switch b[o-1].Text {
	case "if", "for", "foreach", "while", "switch", "lock", "using", "catch", "fixed", "when":
		return false
	}
	return true
}

// lookUpSide is what a condition tests about a look-up.
type lookUpSide int

const (
	notALookUp lookUpSide = iota
	foundTask             // true when the task is registered
	noTask                // true when it is not
)

// guardFinder resolves look-ups in one method: the looked-up name of a
// look-up expression, a finder call or a variable holding one.
type guardFinder struct {
	ix *appIndex
	f  *fileModel
	m  *methodDecl
	s  *bodyShape
}

// forbidden reports a token that makes a comparison more than "the name
// equals X": a negation, another operand of a logical operator, a
// conditional.
func forbidden(t Token) bool {
	switch t.Kind {
	case TokPunct:
		switch t.Text {
		case "!=", "!==", "<>", "!", "&&", "||", "?", "??", ";", "<", ">", "<=", ">=":
			return true
		}
	case TokIdent:
		switch strings.ToLower(t.Text) {
		case "not", "isnot", "andalso", "orelse", "and", "or", "xor", "unregister":
			return true
		}
	}
	return false
}

// nameEquals returns the single resolved name cond compares a task's
// Name with for equality ("t.Value.Name == X", "t.Name.Equals(X)").
func nameEquals(c *ectx, cond []Token) (string, bool) {
	cond = trimExpr(cond)
	if len(cond) == 0 {
		return "", false
	}
	for _, t := range cond {
		if forbidden(t) {
			return "", false
		}
	}
	if c.f.lang == VB {
		// a VB "t.Name = X" at the start of a statement assigns: read it
		// as the condition of an If
		cond = append([]Token{{Kind: TokIdent, Text: "If"}}, cond...)
	}
	cmp := comparedNames(c, cond)
	if cmp.any || len(cmp.names) != 1 || len(cmp.prefixes) != 0 {
		return "", false
	}
	return cmp.names[0], true
}

// lookUpExpr returns the name a LINQ look-up of AllTasks finds:
// `…AllTasks[.Values].Any(t => t.Name == X)` (FirstOrDefault,
// SingleOrDefault, or Where(…) followed by one of them without a
// predicate). It is true, or not null, exactly when that task is
// registered.
func (g *guardFinder) lookUpExpr(c *ectx, e []Token) (string, bool) {
	e = trimExpr(e)
	at := -1
	for i := 1; i < len(e); i++ {
		if isAccess(e[i-1]) && isIdentFold(e[i], "AllTasks") {
			at = i
			break
		}
	}
	if at < 0 {
		return "", false
	}
	for i := 0; i < at; i++ { // the receiver: a dotted type name
		if e[i].Kind != TokIdent && !isAccess(e[i]) {
			return "", false
		}
	}
	name, preds := "", 0
	for i := at + 1; i < len(e); {
		switch {
		case isPunct(e[i], "(") && i+1 < len(e) && isPunct(e[i+1], ")"):
			i += 2 // AllTasks() in C++/WinRT, .Any()
		case isAccess(e[i]) && i+1 < len(e) && e[i+1].Kind == TokIdent:
			member := strings.ToLower(e[i+1].Text)
			i += 2
			switch member {
			case "values":
				continue
			case "any", "firstordefault", "singleordefault", "where":
			default:
				return "", false
			}
			if i >= len(e) || !isPunct(e[i], "(") {
				return "", false
			}
			close := matchClose(e, i)
			if close >= len(e) {
				return "", false
			}
			if close == i+1 {
				i = close + 1
				continue
			}
			n, ok := nameEquals(c, e[i+1:close])
			if !ok {
				return "", false
			}
			name, preds = n, preds+1
			i = close + 1
		default:
			return "", false
		}
	}
	if preds != 1 {
		return "", false
	}
	return name, true
}

// finderCall returns the name a call of a finder method of the App looks
// up: e is `Find(args)` (or this.Find(args), Me.Find(args)), and Find is
// the one method of that name, which returns the task it finds by name
// (or true) and null (or false) when it finds none.
func (g *guardFinder) finderCall(c *ectx, e []Token) (string, bool) {
	e = trimExpr(e)
	if len(e) >= 2 && isAccess(e[1]) && (isIdent(e[0], "this") || isIdentFold(e[0], "Me")) {
		e = e[2:]
	}
	if len(e) < 3 || e[0].Kind != TokIdent || !isPunct(e[1], "(") || matchClose(e, 1) != len(e)-1 {
		return "", false
	}
	hs := g.ix.methodsNamed(e[0].Text, g.f.lang == VB)
	if len(hs) != 1 {
		return "", false
	}
	h := hs[0]
	var args [][]Token
	if len(e) > 3 {
		args = splitTop(e[2:len(e)-1], ",")
	}
	if h == g.m || h.file.lang != g.f.lang || !arityFits(h, args) {
		return "", false
	}
	hc := ctxFor(g.ix, h.file, h, bindArgs(h, args, c))
	return finderName(hc, h)
}

// finderName returns the name a finder method h looks up (see
// finderCall), with its parameters bound in hc.
func finderName(hc *ectx, h *methodDecl) (string, bool) {
	b := h.body()
	hasAllTasks := false
	for i, t := range b {
		if isIdentFold(t, "Register") || isIdentFold(t, "Unregister") {
			return "", false
		}
		if i > 0 && isAccess(b[i-1]) && isIdentFold(t, "AllTasks") {
			hasAllTasks = true
		}
	}
	if !hasAllTasks {
		return "", false
	}
	hs := newBodyShape(h.file.lang, b)
	var rets []int
	for i := range b {
		if hs.returns(i) {
			rets = append(rets, i)
		}
	}
	g := &guardFinder{ix: hc.ix, f: h.file, m: h, s: hs}
	switch len(rets) {
	case 0: // C# expression-bodied: bool Exists() => AllTasks.Values.Any(…);
		if h.file.lang == CSharp {
			return g.lookUpExpr(hc, b)
		}
	case 1: // return AllTasks.Values.Any(…);
		if rets[0] == 0 && hs.stmtEnd(0) >= len(trimExpr(b)) {
			return g.lookUpExpr(hc, b[1:])
		}
	case 2:
		// foreach (var t in AllTasks) { if (t.Value.Name == X) return t.Value; } return null;
		found, none := rets[0], rets[1]
		if hs.stmtEnd(none) < len(trimExpr(b)) || hs.depth[none] != 0 || !nullish(trimExpr(b[none+1:hs.stmtEnd(none)])) {
			return "", false
		}
		v := trimExpr(b[found+1 : hs.stmtEnd(found)])
		if len(v) == 0 || nullish(v) {
			return "", false
		}
		for _, t := range v {
			if forbidden(t) {
				return "", false
			}
		}
		cond, at, ok := hs.conditionOf(found)
		if !ok || !hs.inAllTasksLoop(at) {
			return "", false
		}
		return nameEquals(hc, cond)
	}
	return "", false
}

// nullish reports a value that means "not found".
func nullish(v []Token) bool {
	if len(v) != 1 || v[0].Kind != TokIdent {
		return false
	}
	switch v[0].Text {
	case "null", "nullptr", "NULL", "false", "undefined":
		return true
	}
	return strings.EqualFold(v[0].Text, "Nothing") || strings.EqualFold(v[0].Text, "False")
}

// stmtEnd is the index after the simple statement that starts at i:
// after its ';' (C-family) or at its line's end (VB).
func (s *bodyShape) stmtEnd(i int) int {
	b := s.b
	if s.lang == VB {
		for j := i; j < len(b); j++ {
			if b[j].Kind == TokNewline {
				return j
			}
		}
		return len(b)
	}
	level := 0
	for j := i; j < len(b); j++ {
		if b[j].Kind != TokPunct {
			continue
		}
		switch b[j].Text {
		case "(", "[", "{":
			level++
		case ")", "]", "}":
			if level == 0 {
				return j
			}
			level--
		case ";":
			if level == 0 {
				return j + 1
			}
		}
	}
	return len(b)
}

// conditionOf returns the condition of the if statement whose then part
// is the statement at i alone (`if (COND) STMT`, `if (COND) { STMT }`, VB
// `If COND Then STMT` and its multi-line form), and where the if is.
func (s *bodyShape) conditionOf(i int) ([]Token, int, bool) {
	b := s.b
	if s.lang == VB {
		start := s.line[i]
		if start < i { // single-line: If COND Then STMT
			if !isIdentFold(b[start], "If") || !isIdentFold(b[i-1], "Then") {
				return nil, 0, false
			}
			return b[start+1 : i-1], start, true
		}
		// If COND Then \n STMT \n End If
		if start < 2 {
			return nil, 0, false
		}
		prev := s.line[start-1]
		end := s.stmtEnd(i)
		if !isIdentFold(b[prev], "If") || !isIdentFold(b[start-2], "Then") || end+2 >= len(b) || !isIdentFold(b[end+1], "End") || !isIdentFold(b[end+2], "If") {
			return nil, 0, false
		}
		return b[prev+1 : start-2], prev, true
	}
	k := i - 1
	if k >= 0 && isPunct(b[k], "{") {
		if matchClose(b, k) != s.stmtEnd(i) {
			return nil, 0, false
		}
		k--
	}
	if k < 0 || !isPunct(b[k], ")") {
		return nil, 0, false
	}
	o := matchOpen(b[:k+1], k)
	if o < 1 || !isIdent(b[o-1], "if") {
		return nil, 0, false
	}
	return b[o+1 : k], o - 1, true
}

// inAllTasksLoop reports whether the statement at i is the body of a
// loop over AllTasks, or a statement directly in that body's block.
func (s *bodyShape) inAllTasksLoop(i int) bool {
	b := s.b
	if s.lang == VB {
		d := s.depth[i]
		for j := s.line[i] - 1; j >= 0; j = s.line[j] - 1 {
			if s.depth[j] < d {
				h := s.line[j]
				return d > 0 && isIdentFold(b[h], "For") && loopHeaderOverAllTasks(b[h:j])
			}
			if j == 0 {
				break
			}
		}
		return false
	}
	k := i - 1
	if k >= 0 && isPunct(b[k], "{") {
		k--
	} else if k >= 0 && !isPunct(b[k], ")") {
		// a later statement of the block: find the block's brace
		for k = i - 1; k >= 0 && !(isPunct(b[k], "{") && s.depth[k] == s.depth[i]-1); k-- {
		}
		if k < 1 || s.depth[i] == 0 {
			return false
		}
		k--
	}
	if k < 0 || !isPunct(b[k], ")") {
		return false
	}
	o := matchOpen(b[:k+1], k)
	if o < 1 {
		return false
	}
	kw := b[o-1]
	if !isIdent(kw, "foreach") && !isIdent(kw, "for") && !(isIdent(kw, "each") && o >= 2 && isIdent(b[o-2], "for")) {
		return false
	}
	return loopHeaderOverAllTasks(b[o+1 : k])
}

// loopHeaderOverAllTasks reports a loop header that walks the registered
// tasks and nothing else: `var t in …AllTasks[.Values]`, C++ `auto const&
// t : …AllTasks()`, VB `For Each t In …AllTasks`.
func loopHeaderOverAllTasks(h []Token) bool {
	sep := -1
	for k, t := range h {
		if isIdentFold(t, "in") || isPunct(t, ":") {
			sep = k
		}
	}
	if sep < 0 {
		return false
	}
	coll := h[sep+1:]
	found := false
	for k, t := range coll {
		switch {
		case t.Kind == TokIdent:
			if isIdentFold(t, "AllTasks") && k > 0 && isAccess(coll[k-1]) {
				found = true
			}
		case isAccess(t), isPunct(t, "("), isPunct(t, ")"):
		default:
			return false
		}
	}
	return found
}

// test classifies an if condition: whether it tests that the task it
// looks up is registered (foundTask) or not (noTask), and its name. at is
// where the statement holding the condition starts.
func (g *guardFinder) test(c *ectx, cond []Token, at int) (lookUpSide, string) {
	cond = trimExpr(cond)
	neg := false
	if len(cond) > 1 && (isPunct(cond[0], "!") || isIdentFold(cond[0], "Not")) {
		neg, cond = true, trimExpr(cond[1:])
	}
	side := foundTask
	if n := len(cond); n >= 3 && nullish(cond[n-1:]) {
		op, rest := cond[n-2], n-2
		switch {
		case isPunct(op, "=") && (isPunct(cond[n-3], "==") || isPunct(cond[n-3], "!=")) && g.f.lang == JavaScript:
			// === and !== are lexed as == or != and =
			if isPunct(cond[n-3], "==") {
				side = noTask
			}
			rest = n - 3
		case isPunct(op, "=="), isIdentFold(op, "Is") && g.f.lang == VB, isIdent(op, "is") && g.f.lang == CSharp:
			side = noTask
		case isPunct(op, "!="), isIdentFold(op, "IsNot") && g.f.lang == VB:
		case isIdent(op, "not") && isIdent(cond[n-3], "is") && g.f.lang == CSharp:
			rest = n - 3
		default:
			return notALookUp, ""
		}
		cond = trimExpr(cond[:rest])
	}
	if neg {
		side = foundTask + noTask - side
	}
	var name string
	var ok bool
	switch {
	case len(cond) == 1 && cond[0].Kind == TokIdent:
		name, ok = g.variable(c, cond[0], at)
	default:
		if name, ok = g.lookUpExpr(c, cond); !ok {
			name, ok = g.finderCall(c, cond)
		}
	}
	if !ok {
		return notALookUp, ""
	}
	return side, name
}

// variable returns the name looked up by the local variable v tested at
// at: declared before it, in a block that holds it, from a look-up or a
// finder call (`var found = Find("A");`), and never assigned again.
func (g *guardFinder) variable(c *ectx, v Token, at int) (string, bool) {
	b, s := g.s.b, g.s
	fold := s.lang == VB
	decl := -1
	for k, t := range b {
		if t.Kind != TokIdent || !(t.Text == v.Text || fold && strings.EqualFold(t.Text, v.Text)) || k > 0 && isAccess(b[k-1]) {
			continue
		}
		if k > 0 && (isIdent(b[k-1], "ref") || isIdent(b[k-1], "out") || isPunct(b[k-1], "&")) {
			return "", false // passed to be written
		}
		if k+1 < len(b) && b[k+1].Kind == TokPunct {
			switch b[k+1].Text {
			case "++", "--", "+=", "-=", "|=", "&=", "??=":
				return "", false
			}
		}
		if isPunct(b[k-min(k, 1)], "++") || isPunct(b[k-min(k, 1)], "--") {
			return "", false
		}
		if d, ok := declarationAt(s, k); ok {
			if decl >= 0 {
				return "", false // declared twice: two scopes
			}
			decl = d
			continue
		}
		if assignedAt(s, k) {
			return "", false
		}
	}
	if decl < 0 || decl >= at || s.depth[decl] > s.depth[at] || s.blockEnd(decl) <= at {
		return "", false
	}
	rhs := trimExpr(b[decl:s.stmtEnd(decl)])
	if name, ok := g.lookUpExpr(c, rhs); ok {
		return name, true
	}
	return g.finderCall(c, rhs)
}

// declarationAt reports a declaration of the local variable at b[k] with
// an initialiser (`var x = `, `T x = `, `auto x = `, `let x = `, VB `Dim x
// = `, `Dim x As T = `), and where its initialiser starts.
func declarationAt(s *bodyShape, k int) (int, bool) {
	b := s.b
	if k < 1 {
		return 0, false
	}
	if s.lang == VB {
		if !isIdentFold(b[k-1], "Dim") {
			return 0, false
		}
		for j := k + 1; j < len(b) && b[j].Kind != TokNewline; j++ {
			if isPunct(b[j], "=") {
				return j + 1, true
			}
		}
		return 0, false
	}
	if k+1 >= len(b) || !isPunct(b[k+1], "=") {
		return 0, false
	}
	p := b[k-1]
	switch {
	case p.Kind == TokIdent:
		switch p.Text {
		case "return", "await", "co_await", "else", "in", "case", "new", "throw", "yield":
			return 0, false
		}
	case isPunct(p, ">"), isPunct(p, "^"), isPunct(p, "*"), isPunct(p, "?"):
	default:
		return 0, false
	}
	return k + 2, true
}

// assignedAt reports an assignment to the name at b[k].
func assignedAt(s *bodyShape, k int) bool {
	b := s.b
	if k+1 >= len(b) || !isPunct(b[k+1], "=") {
		return false
	}
	if s.lang != VB {
		return true
	}
	return vbStatementStart(b, k)
}

// guards lists the guarded parts of the method body.
func (g *guardFinder) guards() []guard {
	s, b := g.s, g.s.b
	c := ctxFor(g.ix, g.f, g.m, nil)
	var out []guard
	for i := 0; i < len(b); i++ {
		if s.lang == VB {
			if i > 0 && b[i-1].Kind != TokNewline {
				continue
			}
			switch {
			case isIdentFold(b[i], "If"):
				out = append(out, g.vbIf(c, i)...)
			case isIdentFold(b[i], "For"):
				out = append(out, g.vbLoop(c, i)...)
			}
			continue
		}
		switch {
		case isIdent(b[i], "if") && i+1 < len(b) && isPunct(b[i+1], "(") && (i == 0 || !isIdent(b[i-1], "else")):
			out = append(out, g.cIf(c, i)...)
		case (isIdent(b[i], "foreach") || isIdent(b[i], "for")) && i+1 < len(b) && (isPunct(b[i+1], "(") || isIdent(b[i+1], "each")):
			out = append(out, g.cLoop(c, i)...)
		}
	}
	return out
}

// cIf reads `if (COND) …` at b[i] (C-family).
func (g *guardFinder) cIf(c *ectx, i int) []guard {
	s, b := g.s, g.s.b
	close := matchClose(b, i+1)
	if close+1 >= len(b) {
		return nil
	}
	side, name := g.test(c, b[i+2:close], i)
	if side == notALookUp {
		return nil
	}
	then := close + 1
	thenEnd, exits := g.cThen(then)
	switch {
	case side == foundTask && exits:
		return []guard{{name: name, from: thenEnd, to: s.blockEnd(i), depth: s.depth[i]}}
	case side == noTask && isPunct(b[then], "{"):
		return []guard{{name: name, from: then + 1, to: thenEnd - 1, depth: s.depth[i] + 1}}
	case side == foundTask && thenEnd+1 < len(b) && isIdent(b[thenEnd], "else") && isPunct(b[thenEnd+1], "{"):
		return []guard{{name: name, from: thenEnd + 2, to: matchClose(b, thenEnd+1), depth: s.depth[i] + 1}}
	}
	return nil
}

// cThen reads the then part of an if that starts at b[i]: where it ends,
// and whether it leaves the method (a return, or a block whose last
// statement is one) without unregistering anything.
func (g *guardFinder) cThen(i int) (end int, exits bool) {
	s, b := g.s, g.s.b
	if !isPunct(b[i], "{") {
		end = s.stmtEnd(i)
		return end, s.returns(i) && !mentionsUnregister(b[i:end])
	}
	close := matchClose(b, i)
	if close >= len(b) {
		return len(b), false
	}
	end = close + 1
	if close < 1 || !isPunct(b[close-1], ";") || mentionsUnregister(b[i:end]) {
		return end, false
	}
	// the start of the block's last statement
	k := close - 2
	level := 0
	for ; k > i; k-- {
		t := b[k]
		if t.Kind != TokPunct {
			continue
		}
		if isPunct(t, ")") || isPunct(t, "]") || isPunct(t, "}") {
			level++
		} else if isPunct(t, "(") || isPunct(t, "[") || isPunct(t, "{") {
			level--
		} else if isPunct(t, ";") && level == 0 {
			break
		}
	}
	return end, level == 0 && s.returns(k+1)
}

func mentionsUnregister(toks []Token) bool {
	for _, t := range toks {
		if isIdentFold(t, "Unregister") {
			return true
		}
	}
	return false
}

// cLoop reads `foreach (var t in …AllTasks) { if (t.Value.Name == X)
// return; }` at b[i] (C#, C++, C++/CX `for each`): what follows the loop
// is guarded by each name the loop returns on.
func (g *guardFinder) cLoop(c *ectx, i int) []guard {
	s, b := g.s, g.s.b
	open := i + 1
	if isIdent(b[open], "each") {
		open++
	}
	if open >= len(b) || !isPunct(b[open], "(") {
		return nil
	}
	close := matchClose(b, open)
	if close+1 >= len(b) || !loopHeaderOverAllTasks(b[open+1:close]) {
		return nil
	}
	body := close + 1
	var end int
	var ifs []int
	if isPunct(b[body], "{") {
		end = matchClose(b, body) + 1
		for k := body + 1; k < end-1; k++ {
			if isIdent(b[k], "if") && s.depth[k] == s.depth[body]+1 && !isIdent(b[k-1], "else") {
				ifs = append(ifs, k)
			}
		}
	} else if isIdent(b[body], "if") {
		ifs = []int{body}
	}
	if mentionsUnregister(b[body:min(max(end, body), len(b))]) {
		return nil
	}
	var out []guard
	for _, k := range ifs {
		if k+1 >= len(b) || !isPunct(b[k+1], "(") {
			continue
		}
		cc := matchClose(b, k+1)
		if cc+1 >= len(b) {
			continue
		}
		thenEnd, exits := g.cThen(cc + 1)
		if end == 0 {
			end = thenEnd
			if mentionsUnregister(b[body:end]) {
				return nil
			}
		}
		if !exits {
			continue
		}
		if name, ok := nameEquals(c, b[k+2:cc]); ok {
			out = append(out, guard{name: name, from: end, to: s.blockEnd(i), depth: s.depth[i]})
		}
	}
	return out
}

// vbIf reads an If statement that starts the line at b[i].
func (g *guardFinder) vbIf(c *ectx, i int) []guard {
	s, b := g.s, g.s.b
	eol := s.stmtEnd(i)
	then := -1
	for k := i + 1; k < eol; k++ {
		if isIdentFold(b[k], "Then") {
			then = k
			break
		}
	}
	if then < 0 {
		return nil
	}
	side, name := g.test(c, b[i+1:then], i)
	if side == notALookUp {
		return nil
	}
	d := s.depth[i]
	if then+1 < eol { // single-line: If COND Then Return
		for k := then + 1; k < eol; k++ {
			if isIdentFold(b[k], "Else") {
				return nil
			}
		}
		if side == foundTask && s.returns(then+1) {
			return []guard{{name: name, from: eol + 1, to: s.blockEnd(i), depth: d}}
		}
		return nil
	}
	// multi-line: the then block, an optional Else block, End If
	thenFrom := eol + 1
	thenTo, elseFrom, end := -1, -1, -1
	for k := thenFrom; k < len(b); k = s.stmtEnd(k) + 1 {
		if s.depth[k] < d || s.depth[k] == d && !(isIdentFold(b[k], "Else") || isIdentFold(b[k], "End")) {
			return nil // ElseIf, or a broken body
		}
		if s.depth[k] > d {
			continue
		}
		if thenTo < 0 {
			thenTo = k
		}
		if isIdentFold(b[k], "Else") {
			if elseFrom >= 0 || s.stmtEnd(k) != k+1 {
				return nil
			}
			elseFrom = s.stmtEnd(k) + 1
			continue
		}
		end = k
		break
	}
	if end < 0 {
		return nil
	}
	switch {
	case side == foundTask && elseFrom < 0 && !mentionsUnregister(b[thenFrom:thenTo]) && g.vbLastReturns(thenFrom, thenTo):
		return []guard{{name: name, from: s.stmtEnd(end) + 1, to: s.blockEnd(i), depth: d}}
	case side == noTask:
		return []guard{{name: name, from: thenFrom, to: thenTo, depth: d + 1}}
	case side == foundTask && elseFrom >= 0:
		return []guard{{name: name, from: elseFrom, to: end, depth: d + 1}}
	}
	return nil
}

// vbLastReturns reports whether the last statement of the VB lines
// [from, to) leaves the method.
func (g *guardFinder) vbLastReturns(from, to int) bool {
	s := g.s
	last := -1
	for k := from; k < to; k = s.stmtEnd(k) + 1 {
		if s.depth[k] == s.depth[from] {
			last = k
		}
	}
	return last >= 0 && s.depth[from] == s.depth[to-1] && s.returns(last)
}

// vbLoop reads `For Each t In …AllTasks … Next` at b[i] whose body holds
// `If t.Value.Name = X Then Return`.
func (g *guardFinder) vbLoop(c *ectx, i int) []guard {
	s, b := g.s, g.s.b
	eol := s.stmtEnd(i)
	if !loopHeaderOverAllTasks(b[i:eol]) {
		return nil
	}
	d := s.depth[i]
	next := -1
	for k := eol + 1; k < len(b); k = s.stmtEnd(k) + 1 {
		if s.depth[k] <= d {
			if isIdentFold(b[k], "Next") {
				next = k
			}
			break
		}
	}
	if next < 0 || mentionsUnregister(b[eol:next]) {
		return nil
	}
	var out []guard
	for k := eol + 1; k < next; k = s.stmtEnd(k) + 1 {
		if s.depth[k] != d+1 || !isIdentFold(b[k], "If") {
			continue
		}
		le := s.stmtEnd(k)
		then := -1
		for j := k + 1; j < le; j++ {
			if isIdentFold(b[j], "Then") {
				then = j
				break
			}
		}
		if then < 0 {
			continue
		}
		exits := false
		if then+1 < le {
			exits = s.returns(then+1) && !func() bool {
				for j := then + 1; j < le; j++ {
					if isIdentFold(b[j], "Else") {
						return true
					}
				}
				return false
			}()
		} else {
			// If … Then \n Return \n End If
			r := le + 1
			re := s.stmtEnd(r)
			exits = r < next && s.returns(r) && re+2 < len(b) && isIdentFold(b[re+1], "End") && isIdentFold(b[re+2], "If")
		}
		if !exits {
			continue
		}
		if name, ok := nameEquals(c, b[k+1:then]); ok {
			out = append(out, guard{name: name, from: s.stmtEnd(next) + 1, to: s.blockEnd(i), depth: d})
		}
	}
	return out
}

// siteAt is a token of a method body where a registration happens: one
// of its Register() calls, or a call of a helper on its way there.
type siteAt struct {
	m   *methodDecl
	s   *bodyShape
	idx int
}

// markLookUpGuards sets SkippedWhenFound on the registrations whose
// Register() runs only under a look-up of a task registered with them
// (see the top of this file). unregs are the look-ups of the methods
// that unregister tasks.
func markLookUpGuards(ix *appIndex, regs []Registration, unregs []compared) {
	if len(regs) < 2 {
		return
	}
	bySite := map[Pos][]int{}                // registration indexes by site
	siteLines := map[string]map[int32]bool{} // file → lines holding a site
	for k := range regs {
		for _, p := range append(append([]Pos{}, regs[k].RegisterCalls...), regs[k].Via...) {
			bySite[p] = append(bySite[p], k)
			if siteLines[p.File] == nil {
				siteLines[p.File] = map[int32]bool{}
			}
			siteLines[p.File][int32(p.Line)] = true
		}
	}
	// where each site is, and the methods holding two sites or more
	where := map[Pos]siteAt{}
	type candidate struct {
		g     *guardFinder
		sites []int // body indexes
	}
	var cands []candidate
	for _, f := range ix.files {
		lines := siteLines[f.sf.Path]
		if !f.interesting || lines == nil {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			b := m.body()
			var s *bodyShape
			var idxs []int
			for i, t := range b {
				if t.Kind != TokIdent || !lines[t.Line] {
					continue
				}
				p := f.pos(t)
				if _, ok := bySite[p]; !ok {
					continue
				}
				if s == nil {
					s = newBodyShape(f.lang, b)
				}
				where[p] = siteAt{m: m, s: s, idx: i}
				idxs = append(idxs, i)
			}
			if len(idxs) >= 2 {
				cands = append(cands, candidate{&guardFinder{ix: ix, f: f, m: m, s: s}, idxs})
			}
		}
	}
	covered := map[int]map[Pos]string{} // registration → its guarded sites → guarding name
	for _, cd := range cands {
		g, b := cd.g, cd.g.s.b
		for _, gd := range g.guards() {
			// the first Register() of the guarding task that always runs
			first := -1
			for _, i := range cd.sites {
				if i < gd.from || i >= gd.to || first >= 0 && i > first {
					continue
				}
				for _, k := range bySite[g.f.pos(b[i])] {
					if r := &regs[k]; r.Name.Resolved && r.Name.Str == gd.name && !r.MayNotRun() && !r.Discarded && g.s.plainStatement(i, gd.depth) && alwaysRegisters(r, g.f.pos(b[i]), where) {
						first = i
					}
				}
			}
			if first < 0 {
				continue
			}
			for _, i := range cd.sites {
				if i < gd.from || i >= gd.to || i < first && exitBetween(g.s, i, first) {
					continue
				}
				if g.s.inLocalFunction(i, gd.from) {
					continue
				}
				p := g.f.pos(b[i])
				for _, k := range bySite[p] {
					if unregisteredApart(unregs, gd.name, regs[k].Name.Str) {
						continue
					}
					if covered[k] == nil {
						covered[k] = map[Pos]string{}
					}
					if _, done := covered[k][p]; !done {
						covered[k][p] = gd.name
					}
				}
			}
		}
	}
	if len(covered) == 0 {
		return
	}
	for k, sites := range covered {
		r := &regs[k]
		name := ""
		for _, p := range r.Via {
			if n, ok := sites[p]; ok && name == "" {
				name = n
			}
		}
		if name == "" && len(r.RegisterCalls) > 0 {
			name = sites[r.RegisterCalls[0]]
			for _, p := range r.RegisterCalls[1:] {
				if sites[p] == "" {
					name = ""
				}
			}
		}
		r.SkippedWhenFound = name
	}
}

// alwaysRegisters reports whether reaching the site at p registers r: p
// is a Register() call of r, or a call of the helper that registers it
// whose further calls and Register() are plain statements of their
// method's body with nothing before them that may leave it.
func alwaysRegisters(r *Registration, p Pos, where map[Pos]siteAt) bool {
	rest := -1
	for j, v := range r.Via {
		if v == p {
			rest = j + 1
		}
	}
	if rest < 0 {
		return true // a Register() call
	}
	var later []Pos
	later = append(later, r.Via[rest:]...)
	later = append(later, r.RegisterCalls...)
	if len(r.RegisterCalls) == 0 {
		return false
	}
	for _, q := range later {
		at, ok := where[q]
		if !ok || !at.s.plainStatement(at.idx, 0) || exitBetween(at.s, 0, at.idx) {
			return false
		}
	}
	return true
}

// exitBetween reports a token in [from, to) of the body that may leave
// the code that follows it untaken.
func exitBetween(s *bodyShape, from, to int) bool {
	for j := from; j < to; j++ {
		if isExit(s.lang, s.b, j) {
			return true
		}
	}
	return false
}

// unregisteredApart reports whether code of the App that unregisters the
// tasks it finds may remove the task called guardName without the one
// called name: then a later run finds no guardName and registers name
// again.
func unregisteredApart(unregs []compared, guardName, name string) bool {
	for _, u := range unregs {
		switch {
		case u.none:
			continue // every task
		case u.any:
			return true
		}
		for _, n := range u.names {
			if n == guardName {
				return true
			}
		}
		for _, p := range u.prefixes {
			if strings.HasPrefix(guardName, p) && !strings.HasPrefix(name, p) {
				return true
			}
		}
	}
	return false
}
