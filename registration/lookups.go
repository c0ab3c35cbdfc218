package registration

import (
	"slices"
	"strings"
)

// LookUp is one look-up of the tasks already registered
// (BackgroundTaskRegistration.AllTasks, AllTaskGroups, GetTaskGroup) with
// the task names the code compares them with.
type LookUp struct {
	Pos Pos `json:"pos"`
	// Names are the resolved task names compared with a registration's
	// Name in the method that holds the look-up (t.Name == "X",
	// t.Value.Name() == L"X", "X".Equals(t.Name), …), each once.
	Names []string `json:"names"`
	// NamePos are the positions of the compared values, parallel to Names.
	NamePos []Pos `json:"namePos"`
	// Prefixes are the resolved values a registration's Name is tested to
	// start with (t.Name.StartsWith("X")): the look-up finds every task
	// whose name starts with one of them.
	Prefixes []string `json:"prefixes,omitempty"`
	// Any is true when the look-up may match any task: no comparison with
	// a Name was found (every task is unregistered, or the look-up is
	// handed on), or a compared value could not be resolved.
	Any bool `json:"any"`
	// HandlerOnly are the Names whose every comparison in the look-up's
	// method only attaches event handlers to the task found (C#:
	// if (t.Value.Name == "X") { t.Value.Completed += …; }): the look-up
	// finds the task but keeps nothing from it that could stop a
	// registration.
	HandlerOnly []string `json:"handlerOnly,omitempty"`
}

// lookUps finds the look-ups of the registered tasks in the App's
// interesting files and the names each compares with; unregs are those
// of the methods that unregister tasks (markLookUpGuards).
func lookUps(ix *appIndex) (out []LookUp, unregs []compared) {
	var calls *callIndex // built when a look-up compares with a parameter
	for _, f := range ix.files {
		if !f.interesting {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			toks := m.body()
			var at []Pos
			for i, t := range toks {
				if t.Kind == TokIdent && i >= 1 && isAccess(toks[i-1]) && (strings.EqualFold(t.Text, "AllTasks") || strings.EqualFold(t.Text, "AllTaskGroups") || strings.EqualFold(t.Text, "GetTaskGroup")) {
					at = append(at, f.pos(t))
				}
			}
			if len(at) == 0 {
				continue
			}
			cmp := comparedNames(ctxFor(ix, f, m, nil), toks)
			if cmp.any && m.name != "" && len(m.params) > 0 {
				// A helper that compares with its parameter
				// (UnregisterTriggers(prefix)): what it can find is what
				// its callers pass.
				if calls == nil {
					calls = &callIndex{ix: ix, byName: map[string][]callSite{}}
				}
				if bound, ok := comparedThroughCalls(ix, calls, f, m, toks); ok {
					cmp = bound
				}
			}
			for _, p := range at {
				out = append(out, LookUp{Pos: p, Names: cmp.names, NamePos: cmp.poss, Prefixes: cmp.prefixes, Any: cmp.any, HandlerOnly: cmp.handlerOnlyNames()})
			}
			if mentionsUnregister(toks) {
				unregs = append(unregs, cmp)
			}
		}
	}
	return out, unregs
}

// compared is what a look-up compares registrations' names with.
type compared struct {
	names    []string
	poss     []Pos
	prefixes []string
	// handlerOnly counts, per name, the comparisons whose branch only
	// attaches event handlers; a name is HandlerOnly when all its
	// comparisons are (compares counts them all).
	handlerOnly, compares map[string]int
	// any: no comparison was found, or a compared value is unresolved.
	any bool
	// none: no comparison was found (the look-up takes every task).
	none bool
}

// comparedThroughCalls evaluates the comparisons of helper m once per
// call chain reaching it, with its parameters bound to the arguments. ok
// is false when nothing calls m (a handler wired up in XAML, a method
// passed as a delegate: its arguments are unknown), when there are too
// many chains to follow, or when some chain still leaves a value
// unresolved.
func comparedThroughCalls(ix *appIndex, calls *callIndex, f *fileModel, m *methodDecl, toks []Token) (compared, bool) {
	chains := chainsOf(ix, calls, m, 0, map[*methodDecl]bool{m: true})
	if len(chains) == 0 || len(chains) >= maxChains {
		return compared{}, false
	}
	var out compared
	seenName, seenPrefix := map[string]bool{}, map[string]bool{}
	for _, ch := range chains {
		one := comparedNames(ctxFor(ix, f, m, ch.env), toks)
		if one.any {
			return compared{}, false
		}
		for k, n := range one.names {
			if !seenName[n] {
				seenName[n] = true
				out.names = append(out.names, n)
				out.poss = append(out.poss, one.poss[k])
			}
		}
		for _, p := range one.prefixes {
			if !seenPrefix[p] {
				seenPrefix[p] = true
				out.prefixes = append(out.prefixes, p)
			}
		}
	}
	return out, true
}

// comparedNames lists the resolved values compared with a .Name member in
// toks, and those a Name is tested to start with; any is set when none is
// found or one cannot be resolved.
func comparedNames(c *ectx, toks []Token) compared {
	var out compared
	seen := map[string]bool{}
	found := false
	value := func(expr []Token) (Value, bool) {
		expr = trimExpr(expr)
		if len(expr) == 0 {
			out.any = true
			return Value{}, false
		}
		found = true
		v := valueOf(c, expr)
		if !v.Resolved {
			out.any = true
			return Value{}, false
		}
		return v, true
	}
	add := func(expr []Token) (string, bool) {
		v, ok := value(expr)
		if ok && !seen[v.Str] {
			seen[v.Str] = true
			out.names = append(out.names, v.Str)
			out.poss = append(out.poss, v.Pos)
		}
		return v.Str, ok
	}
	addPrefix := func(expr []Token) {
		v, ok := value(expr)
		if !ok {
			return
		}
		if v.Str == "" {
			out.any = true // StartsWith(""): every task
			return
		}
		out.prefixes = append(out.prefixes, v.Str)
	}
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != TokIdent || !strings.EqualFold(t.Text, "Name") || !isAccess(toks[i-1]) {
			continue
		}
		j := i + 1
		if j+1 < len(toks) && isPunct(toks[j], "(") && isPunct(toks[j+1], ")") {
			j += 2 // C++/WinRT Name()
		}
		if setsName(c.f.lang, toks, i, j) {
			continue // builder.Name = "X", builder.Name(L"X"): the registration's own
		}
		switch {
		case j < len(toks) && isComparison(c.f.lang, toks[j]):
			start := j + 1
			if start < len(toks) && isPunct(toks[start], "=") && c.f.lang == JavaScript {
				start++ // === is lexed as == and =
			}
			end := comparandEnd(toks, start)
			if name, ok := add(toks[start:end]); ok {
				out.count(name, c.f.lang == CSharp && toks[j].Text == "==" && handlerOnlyBranch(toks, i, end, c.handlerOnlyMethod))
			}
		case j+2 < len(toks) && isAccess(toks[j]) && (isIdentFold(toks[j+1], "Equals") || isIdentFold(toks[j+1], "equals")) && isPunct(toks[j+2], "("):
			close := matchClose(toks, j+2)
			args := splitTop(toks[j+3:min(close, len(toks))], ",")
			if len(args) > 0 {
				add(args[0])
			}
		case j+2 < len(toks) && isAccess(toks[j]) && isIdentFold(toks[j+1], "StartsWith") && isPunct(toks[j+2], "("):
			// t.Name.StartsWith("X") (JavaScript: startsWith); an
			// argument past the first (a StringComparison that
			// ignores case) widens the match: any
			close := matchClose(toks, j+2)
			args := splitTop(toks[j+3:min(close, len(toks))], ",")
			if len(args) == 1 {
				addPrefix(args[0])
			} else {
				out.any, found = true, true
			}
		default:
			// the value on the left: "X" == t.Name
			s := i - 1
			for s >= 1 && (isAccess(toks[s]) || toks[s].Kind == TokIdent || isPunct(toks[s], ")")) {
				if isPunct(toks[s], ")") {
					o := matchOpen(toks, s)
					if o < 0 {
						break
					}
					s = o
				}
				s--
			}
			if s >= 2 && c.f.lang == JavaScript && isPunct(toks[s], "=") && (isPunct(toks[s-1], "==") || isPunct(toks[s-1], "!=")) {
				s-- // === is lexed as == and =
			}
			if s >= 1 && isComparison(c.f.lang, toks[s]) {
				add(toks[comparandStart(toks, s-1):s])
			} else {
				out.any, found = true, true // a Name read some other way
			}
		}
	}
	if !found {
		out.any, out.none = true, true
	}
	return out
}

// count records one comparison with name, and whether its branch only
// attaches handlers.
func (c *compared) count(name string, handlerOnly bool) {
	if c.compares == nil {
		c.compares, c.handlerOnly = map[string]int{}, map[string]int{}
	}
	c.compares[name]++
	if handlerOnly {
		c.handlerOnly[name]++
	}
}

// handlerOnlyNames are the names all of whose counted comparisons only
// attach handlers, in the order of names.
func (c *compared) handlerOnlyNames() []string {
	var out []string
	for _, n := range c.names {
		if c.compares[n] > 0 && c.handlerOnly[n] == c.compares[n] {
			out = append(out, n)
		}
	}
	return out
}

// handlerOnlyBranch reports a C# comparison X.Name == V (Name at
// toks[i], the operand V ending at toks[end]) that is the whole
// condition of an if without else, whose branch does nothing but attach
// event handlers (a += statement each): what the look-up found reaches no
// decision. Anything else (a return, a break, an assignment, a call, an
// else) may keep the registration from running, and counts as a check.
func handlerOnlyBranch(toks []Token, i, end int, helper func(name string) bool) bool {
	if end >= len(toks) || !isPunct(toks[end], ")") {
		return false
	}
	open := matchOpen(toks, end)
	if open < 1 || !isIdent(toks[open-1], "if") {
		return false
	}
	for k := open + 1; k < i; k++ { // the receiver: t.Value.Name, t.Value().Name
		if toks[k].Kind != TokIdent && !isAccess(toks[k]) && !isPunct(toks[k], "(") && !isPunct(toks[k], ")") {
			return false
		}
	}
	body := end + 1
	if body >= len(toks) {
		return false
	}
	var stmts []Token
	after := 0
	if isPunct(toks[body], "{") {
		close := matchClose(toks, body)
		if close >= len(toks) {
			return false
		}
		stmts, after = toks[body+1:close], close+1
	} else {
		k := body
		for k < len(toks) && !isPunct(toks[k], ";") {
			k++
		}
		if k >= len(toks) {
			return false
		}
		stmts, after = toks[body:k+1], k+1
	}
	if after < len(toks) && isIdent(toks[after], "else") {
		return false
	}
	return handlersOnly(stmts, helper)
}

// handlersOnly reports statements that only attach event handlers: each
// is x.Event += handler, or a call Helper(…) of an App method (helper says
// which) that does only that itself.
func handlersOnly(stmts []Token, helper func(name string) bool) bool {
	n := 0
	for _, st := range splitTop(stmts, ";") {
		st = trimNewlines(st)
		if len(st) == 0 {
			continue
		}
		if len(st) >= 3 && st[0].Kind == TokIdent && isPunct(st[1], "(") && matchClose(st, 1) == len(st)-1 {
			if helper == nil || !helper(st[0].Text) {
				return false
			}
			n++
			continue
		}
		plus := slices.IndexFunc(st, func(t Token) bool { return isPunct(t, "+=") })
		if plus < 1 || plus+1 >= len(st) || !isEventTarget(st[:plus]) || st[plus+1].Kind == TokNumber || st[plus+1].Kind == TokString {
			return false // x.Count += 1 may be a flag read later
		}
		n++
	}
	return n > 0
}

// handlerOnlyMethod reports a name every App method of which (at least
// one, C#) only attaches event handlers (AttachHandlers(task.Value)).
func (c *ectx) handlerOnlyMethod(name string) bool {
	ms := c.ix.methodsNamed(name, false)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if m.file.lang != CSharp {
			return false
		}
		if !handlersOnly(m.body(), nil) {
			return false
		}
	}
	return true
}

// isEventTarget reports a member access a handler is attached to
// (t.Value.Completed): names joined by dots, with C++-style () allowed.
func isEventTarget(toks []Token) bool {
	if len(toks) < 3 || !isAccess(toks[len(toks)-2]) || toks[len(toks)-1].Kind != TokIdent {
		return false
	}
	for _, t := range toks {
		if t.Kind != TokIdent && !isAccess(t) && !isPunct(t, "(") && !isPunct(t, ")") {
			return false
		}
	}
	return true
}

// setsName reports whether the Name member at toks[i] (its value or call
// ending before toks[j]) is set rather than read: an assignment (VB: at the
// start of a statement) or a C++/WinRT setter call.
func setsName(lang Language, toks []Token, i, j int) bool {
	if j == i+1 && j < len(toks) && isPunct(toks[j], "(") {
		return true // Name(L"X")
	}
	if j >= len(toks) || !isPunct(toks[j], "=") {
		return false
	}
	if lang != VB {
		return true
	}
	k := i - 1
	for k >= 1 && isAccess(toks[k]) && toks[k-1].Kind == TokIdent {
		k -= 2
	}
	return k < 0 || toks[k].Kind == TokNewline || (isAccess(toks[k]) && (k == 0 || toks[k-1].Kind == TokNewline))
}

func isComparison(lang Language, t Token) bool {
	if t.Kind != TokPunct {
		return false
	}
	switch t.Text {
	case "==", "===", "!=", "!==":
		return true
	case "=", "<>":
		return lang == VB
	}
	return false
}

// comparandEnd is the end of the operand that starts at toks[j].
func comparandEnd(toks []Token, j int) int {
	depth := 0
	for k := j; k < len(toks); k++ {
		t := toks[k]
		switch {
		case t.Kind == TokNewline && depth == 0:
			return k
		case t.Kind == TokPunct:
			switch t.Text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth == 0 {
					return k
				}
				depth--
			case "&&", "||", ";", "?", ",", ":":
				if depth == 0 {
					return k
				}
			}
		case t.Kind == TokIdent && depth == 0:
			switch strings.ToLower(t.Text) {
			case "andalso", "orelse", "and", "or", "then":
				return k
			}
		}
	}
	return len(toks)
}

// comparandStart is the start of the operand that ends at toks[j].
func comparandStart(toks []Token, j int) int {
	depth := 0
	for k := j; k >= 0; k-- {
		t := toks[k]
		switch {
		case t.Kind == TokNewline && depth == 0:
			return k + 1
		case t.Kind == TokPunct:
			switch t.Text {
			case ")", "]", "}":
				depth++
			case "(", "[", "{":
				if depth == 0 {
					return k + 1
				}
				depth--
			case "&&", "||", ";", "?", ",", ":", "=>", "=":
				if depth == 0 {
					return k + 1
				}
			}
		case t.Kind == TokIdent && depth == 0:
			switch strings.ToLower(t.Text) {
			case "andalso", "orelse", "and", "or", "if", "return", "elseif", "while":
				return k + 1
			}
		}
	}
	return 0
}

// markReplacements sets ReplacesByName on the registrations whose
// Register() call sits in a method that, before the call, looks the
// registered tasks up in AllTasks and unregisters the ones it compares
// with the registration's name (or every one), with no return in between
// that a found task could take instead: the "replace" idiom that keeps one
// task per name however often, and with whatever trigger, the method runs
// (audit 27: uwpBingWallpaper reschedules a one-shot task through one
// helper called with different intervals).
func markReplacements(ix *appIndex, regs []Registration) {
	sites := map[Pos][]int{}
	lines := map[string]map[int32]bool{}
	for k := range regs {
		r := &regs[k]
		if len(r.RegisterCalls) == 0 || !r.Name.Resolved || r.Name.Str == "" {
			continue
		}
		p := r.RegisterCalls[0]
		sites[p] = append(sites[p], k)
		if lines[p.File] == nil {
			lines[p.File] = map[int32]bool{}
		}
		lines[p.File][int32(p.Line)] = true
	}
	var calls *callIndex // built when a replacing helper compares with a parameter
	for _, f := range ix.files {
		if !f.interesting || lines[f.sf.Path] == nil {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			b := m.body()
			var cmp *compared
			for i, t := range b {
				if t.Kind != TokIdent || !lines[f.sf.Path][t.Line] {
					continue
				}
				ks := sites[f.pos(t)]
				if len(ks) == 0 || !unregistersBefore(b, i) {
					continue
				}
				if cmp == nil {
					c := comparedNames(ctxFor(ix, f, m, nil), b)
					if c.any && m.name != "" && len(m.params) > 0 {
						// Schedule(name, minutes) unregisters the tasks
						// called name: what it finds is what its callers
						// pass (audit 29 probe)
						if calls == nil {
							calls = &callIndex{ix: ix, byName: map[string][]callSite{}}
						}
						if bound, ok := comparedThroughCalls(ix, calls, f, m, b); ok {
							c = bound
						}
					}
					cmp = &c
				}
				for _, k := range ks {
					if cmp.none || !cmp.any && slices.Contains(cmp.names, regs[k].Name.Str) {
						regs[k].ReplacesByName = true
					}
				}
			}
		}
	}
}

// unregistersBefore reports a look-up of AllTasks before b[i], followed
// by an Unregister call before b[i] and no return, break out of the
// method, or throw between the look-up and b[i].
func unregistersBefore(b []Token, i int) bool {
	look := -1
	for k := 0; k < i; k++ {
		if k >= 1 && isAccess(b[k-1]) && isIdentFold(b[k], "AllTasks") {
			look = k
			break
		}
	}
	if look < 0 {
		return false
	}
	unreg := false
	for k := look + 1; k < i; k++ {
		switch {
		case isIdentFold(b[k], "Unregister"):
			unreg = true
		case isIdentFold(b[k], "return"), isIdentFold(b[k], "throw"), isIdentFold(b[k], "co_return"), isIdentFold(b[k], "Exit"):
			return false
		}
	}
	return unreg
}
