package registration

import (
	"sort"
	"strings"
)

// deferralFlow follows a deferral through the code that holds it: the
// variables and fields it is copied to, the Complete() calls on them, and
// the constructors and methods of the App it is handed to.
type deferralFlow struct {
	ix        *appIndex
	completes []Pos
	escapes   []Pos
	seen      map[flowKey]bool
	methods   map[string][]*methodDecl // lower-case name → methods of the App
}

type flowKey struct {
	m   *methodDecl
	arg int
}

// maxFlowDepth bounds how many hand-overs are followed.
const maxFlowDepth = 4

// track finds, in methods (one class), the Complete() calls on the
// deferral held in names (lower case) and the calls it is handed to. With
// heuristic, a Complete() on any receiver whose name says "deferral"
// counts too.
func (fl *deferralFlow) track(methods []*methodDecl, names map[string]bool, heuristic bool, depth int) {
	// copies: _deferral = deferral; var d = Interlocked.Exchange(ref _d, null).
	// The assignments are collected once, from the methods that mention a
	// deferral at all (most of a class's methods do not).
	type copyOf struct {
		name string
		rhs  []Token
	}
	var copies []copyOf
	add := func(name Token, rhs []Token) {
		if hasGetDeferral(rhs) {
			names[strings.ToLower(name.Text)] = true
			return
		}
		copies = append(copies, copyOf{strings.ToLower(name.Text), rhs})
	}
	pending := make([]*methodDecl, 0, len(methods))
	for _, m := range methods {
		if m.file.lang == CPP {
			cppInitList(m, add)
		}
		pending = append(pending, m)
	}
	for read := true; read; {
		read = false
		rest := pending[:0]
		for _, m := range pending {
			if b := m.body(); mentionsName(b, names) || hasGetDeferral(b) {
				assignmentsIn(m.file.lang, b, add)
				read = true
			} else {
				rest = append(rest, m)
			}
		}
		pending = rest
		for changed := true; changed; {
			changed = false
			for _, c := range copies {
				if !names[c.name] && mentionsDeferral(c.rhs, names, false) {
					names[c.name] = true
					changed = true
				}
			}
		}
	}
	for _, m := range methods {
		if b := m.body(); mentionsName(b, names) || hasGetDeferral(b) || heuristic && mentionsWordFold(b, "Complete") {
			fl.completesIn(m, names, heuristic)
			fl.handOvers(m, names, depth)
		}
	}
}

// mentionsName reports an identifier of toks in names (lower case), without
// lower-casing every token.
func mentionsName(toks []Token, names map[string]bool) bool {
	list := nameKeys(names)
	for _, t := range toks {
		if t.Kind == TokIdent && nameIn(list, t.Text) {
			return true
		}
	}
	return false
}

// nameKeys lists a small set of lower-case names: scanning a slice is
// cheaper than lower-casing every token for a map look-up.
func nameKeys(names map[string]bool) []string {
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	return list
}

func nameIn(list []string, s string) bool {
	for _, n := range list {
		if len(n) == len(s) && strings.EqualFold(n, s) {
			return true
		}
	}
	return false
}

func mentionsWordFold(toks []Token, w string) bool {
	for _, t := range toks {
		if t.Kind == TokIdent && strings.EqualFold(t.Text, w) {
			return true
		}
	}
	return false
}

// completesIn records the Complete() calls in m on an expression that
// mentions the deferral, or on GetDeferral() itself (chained).
func (fl *deferralFlow) completesIn(m *methodDecl, names map[string]bool, heuristic bool) {
	b := m.body()
	for i := range b {
		if recv, ok := completeReceiver(m.file.lang, b, i); ok && (hasGetDeferral(recv) || mentionsDeferral(recv, names, heuristic)) {
			fl.completes = append(fl.completes, m.file.pos(b[i]))
		}
	}
}

// completeReceiver returns the receiver of a Complete call at b[i]:
// `x.Complete()`, `this._d?.Complete()`, `a.GetDeferral().Complete()`,
// `Interlocked.Exchange(ref _d, null)?.Complete()`, and in VB `x.Complete`.
func completeReceiver(lang Language, b []Token, i int) ([]Token, bool) {
	if !isIdentFold(b[i], "Complete") || i < 2 || !isAccess(b[i-1]) {
		return nil, false
	}
	paren := i+1 < len(b) && isPunct(b[i+1], "(")
	if !paren && (lang != VB || i+1 < len(b) && b[i+1].Kind != TokNewline && !isPunct(b[i+1], ":")) {
		return nil, false
	}
	j := i - 2
	if isPunct(b[j], ")") {
		open := matchOpen(b[:i-1], j)
		if open < 0 {
			return nil, false
		}
		j = open
		if j > 0 && b[j-1].Kind == TokIdent {
			j--
		}
	} else if b[j].Kind != TokIdent {
		return nil, false
	}
	for j >= 2 && isAccess(b[j-1]) && b[j-2].Kind == TokIdent {
		j -= 2
	}
	return b[j : i-1], true
}

func hasGetDeferral(toks []Token) bool {
	for _, t := range toks {
		if t.Kind == TokIdent && strings.EqualFold(t.Text, "GetDeferral") {
			return true
		}
	}
	return false
}

// cppInitList calls fn for each member initialiser of a C++ constructor
// (`: m_deferral(deferral), m_x{ 1 }`).
func cppInitList(m *methodDecl, fn func(name Token, rhs []Token)) {
	toks := m.file.toks
	k := m.s - 2 // m.s-1 is the body's '{'
	for steps := 0; k >= 0 && steps < 200; steps++ {
		t := toks[k]
		switch {
		case isPunct(t, ")") || isPunct(t, "}"):
			open := k
			if isPunct(t, ")") {
				open = matchOpen(toks[:k+1], k)
			} else {
				for d := 0; open >= 0; open-- {
					if isPunct(toks[open], "}") {
						d++
					} else if isPunct(toks[open], "{") {
						d--
						if d == 0 {
							break
						}
					}
				}
			}
			if open <= 0 {
				return
			}
			if isPunct(toks[open-1], ":") || isPunct(toks[open-1], ",") || toks[open-1].Kind != TokIdent {
				return
			}
			name := toks[open-1]
			before := open - 2
			if before >= 0 && (isPunct(toks[before], ":") || isPunct(toks[before], ",")) {
				fn(name, toks[open+1:k])
				if isPunct(toks[before], ":") {
					return
				}
				k = before - 1
				continue
			}
			return
		default:
			return
		}
	}
}

// handOvers follows the deferral where m passes it on: as an argument of
// a constructor or method (followed into the App's code), to a property of
// another object or an object initialiser, or out by return (not
// followed: recorded as an escape).
func (fl *deferralFlow) handOvers(m *methodDecl, names map[string]bool, depth int) {
	b := m.body()
	lang := m.file.lang
	list := nameKeys(names)
	for i, t := range b {
		if t.Kind != TokIdent {
			continue
		}
		var start, end int
		switch {
		case nameIn(list, t.Text) && !(i+1 < len(b) && (isPunct(b[i+1], "(") || isAccess(b[i+1]))):
			start, end = i, i
			if i >= 2 && isAccess(b[i-1]) {
				if !(isIdent(b[i-2], "this") || isIdentFold(b[i-2], "Me")) {
					continue
				}
				start = i - 2
			}
		case isGetDeferral(b, i):
			start, end = i, i
			if i+1 < len(b) && isPunct(b[i+1], "(") {
				end = matchClose(b, i+1)
			}
			for start >= 2 && isAccess(b[start-1]) && b[start-2].Kind == TokIdent {
				start -= 2
			}
			if end+1 < len(b) && isAccess(b[end+1]) {
				continue // GetDeferral().Complete()
			}
		default:
			continue
		}
		at := m.file.pos(b[start])
		if arg, open, ok := wholeArgument(lang, b, start, end); ok {
			name, ctor, ok := calleeAt(lang, b, open)
			if !ok {
				continue
			}
			if lang == CPP && ctor && len(fl.ix.classesNamed(name, false)) == 0 && (isPunct(b[open], "{") || open >= 2 && b[open-2].Kind == TokIdent && !isIdentFold(b[open-2], "new")) {
				// BackgroundTaskDeferral d{ x } / T d(x) of a type the App
				// does not define: a copy, tracked as an assignment
				continue
			}
			fl.handTo(lang, name, ctor, arg, at, depth)
			continue
		}
		if start == 0 {
			continue
		}
		prev := b[start-1]
		switch {
		case isPunct(prev, "=") && start >= 2 && b[start-2].Kind == TokIdent && lhsEscapes(b, start-2):
			fl.escapes = append(fl.escapes, at)
		case prev.Kind == TokIdent && (strings.EqualFold(prev.Text, "return") || prev.Text == "co_return"):
			fl.escapes = append(fl.escapes, at)
		}
	}
}

// lhsEscapes reports an assignment target at b[k] that is not the class's
// own: a property of another object (`worker.Deferral = d`) or of an object
// initialiser (`new Worker { Deferral = d }`, VB `With {.Deferral = d}`).
func lhsEscapes(b []Token, k int) bool {
	if k >= 2 && isAccess(b[k-1]) {
		return !isIdent(b[k-2], "this") && !isIdentFold(b[k-2], "Me")
	}
	if k >= 1 && (isPunct(b[k-1], "{") || isPunct(b[k-1], ",")) {
		return inInitialiser(b, k-1)
	}
	return false
}

// inInitialiser reports whether b[k] ('{' or ',') is inside the braces of
// an object initialiser: `new X {`, `new X(…) {`, `New X With {`.
func inInitialiser(b []Token, k int) bool {
	depth := 0
	for ; k >= 0; k-- {
		t := b[k]
		if isPunct(t, "}") || isPunct(t, ")") {
			depth++
		} else if isPunct(t, "(") {
			depth--
		} else if isPunct(t, "{") {
			if depth > 0 {
				depth--
				continue
			}
			j := k - 1
			if j >= 0 && isIdentFold(b[j], "With") {
				return true
			}
			if j >= 0 && isPunct(b[j], ")") {
				j = matchOpen(b[:j+1], j) - 1
			}
			for j >= 2 && isAccess(b[j-1]) && b[j-2].Kind == TokIdent {
				j -= 2
			}
			return j >= 1 && b[j].Kind == TokIdent && isIdentFold(b[j-1], "new")
		} else if isPunct(t, ";") && depth == 0 {
			return false
		}
	}
	return false
}

// wholeArgument reports whether b[start:end+1] is a whole argument of a
// call (`F(x)`, `F(a, ref x)`, `F(std::move(x))`, C++ `T v{ x }`), with the
// argument's index and the index of the call's opening bracket.
func wholeArgument(lang Language, b []Token, start, end int) (arg, open int, ok bool) {
	if start > 0 && b[start-1].Kind == TokIdent {
		switch b[start-1].Text {
		case "ref", "out", "in", "ByRef", "ByVal":
			start--
		}
	}
	if start >= 4 && isPunct(b[start-1], "(") && end+1 < len(b) && isPunct(b[end+1], ")") &&
		(isIdent(b[start-2], "move") || isIdent(b[start-2], "forward")) && isPunct(b[start-3], "::") && isIdent(b[start-4], "std") {
		start, end = start-4, end+1
	}
	if start == 0 || end+1 >= len(b) {
		return 0, 0, false
	}
	left, right := b[start-1], b[end+1]
	closes := isPunct(right, ")") || isPunct(right, ",") || lang == CPP && isPunct(right, "}")
	if !closes || !(isPunct(left, "(") || isPunct(left, ",") || lang == CPP && isPunct(left, "{")) {
		return 0, 0, false
	}
	depth := 0
	for k := start - 1; k >= 0; k-- {
		t := b[k]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			if depth > 0 {
				depth--
				continue
			}
			if t.Text == "[" || t.Text == "{" && lang != CPP {
				return 0, 0, false
			}
			return arg, k, true
		case ",":
			if depth == 0 {
				arg++
			}
		case ";":
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// notCallees are words before a bracket that do not call code of the App.
var notCallees = map[string]bool{
	"if": true, "while": true, "for": true, "foreach": true, "switch": true, "using": true, "lock": true,
	"catch": true, "when": true, "return": true, "nameof": true, "typeof": true, "sizeof": true,
	"decltype": true, "await": true, "co_await": true, "co_return": true, "ctype": true, "directcast": true,
	"trycast": true, "gettype": true, "addressof": true, "static_cast": true, "dynamic_cast": true,
	"reinterpret_cast": true, "const_cast": true, "safe_cast": true, "throw": true, "fixed": true,
	"not": true, "isnot": true, "is": true, "and": true, "or": true, "andalso": true, "orelse": true,
}

// makeFunctions construct their template argument: make<T>(args…).
var makeFunctions = map[string]bool{
	"make": true, "make_self": true, "make_shared": true, "make_unique": true, "make_agile": true,
}

// calleeAt names the code a bracket at b[open] calls: a method
// (`obj.M(`, `M(`), or a constructor (`new T(`, `ref new T(`,
// `New T(`, `make<T>(`, C++ `T v(` / `T v{`, `T(`). ok is false for
// brackets that call nothing of the App (`if (`, casts).
func calleeAt(lang Language, b []Token, open int) (name string, ctor, ok bool) {
	j := open - 1
	if j < 0 {
		return "", false, false
	}
	if isPunct(b[j], ">") {
		depth := 0
		k := j
		for ; k >= 0; k-- {
			if isPunct(b[k], ">") {
				depth++
			} else if isPunct(b[k], "<") {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if k < 1 || b[k-1].Kind != TokIdent {
			return "", false, false
		}
		fn := b[k-1].Text
		if makeFunctions[fn] {
			for q := j - 1; q > k; q-- {
				if b[q].Kind == TokIdent {
					return b[q].Text, true, true
				}
			}
			return "", false, false
		}
		if notCallees[strings.ToLower(fn)] {
			return "", false, false
		}
		j = k - 1
	}
	if b[j].Kind != TokIdent || notCallees[strings.ToLower(b[j].Text)] {
		return "", false, false
	}
	name = b[j].Text
	k := j
	for k >= 2 && isAccess(b[k-1]) && b[k-2].Kind == TokIdent {
		k -= 2
	}
	if k >= 1 && isIdentFold(b[k-1], "new") {
		return name, true, true
	}
	if lang == CPP && k == j && k >= 1 && b[k-1].Kind == TokIdent && !notCallees[b[k-1].Text] {
		switch b[k-1].Text {
		case "else", "case", "delete", "new", "goto", "co_yield":
		case "auto", "decltype":
			return "", false, false // auto v{ x }: a copy, tracked as an assignment
		default:
			return b[k-1].Text, true, true // T v(args) / T v{args}
		}
	}
	return name, lang == CPP && isPunct(b[open], "{"), true
}

// handTo follows a deferral handed as argument arg to the constructor or
// method name: into each candidate the App defines, where the parameter is
// tracked like the deferral itself. A call the scanner cannot follow is an
// escape.
func (fl *deferralFlow) handTo(lang Language, name string, ctor bool, arg int, at Pos, depth int) {
	cands := fl.callees(lang, name, ctor)
	if len(cands) == 0 || depth >= maxFlowDepth {
		fl.escapes = append(fl.escapes, at)
		return
	}
	fitted := false
	for _, c := range cands {
		if arg >= len(c.params) {
			continue
		}
		fitted = true
		key := flowKey{c, arg}
		if fl.seen[key] {
			continue
		}
		fl.seen[key] = true
		p := strings.ToLower(c.params[arg].name)
		if p == "" {
			fl.escapes = append(fl.escapes, at)
			continue
		}
		fl.track(fl.classMethods(c), map[string]bool{p: true}, true, depth+1)
	}
	if !fitted {
		fl.escapes = append(fl.escapes, at)
	}
}

// callees are the App's constructors of class name (ctor, or a C++ name
// that is a class), else its methods called name.
func (fl *deferralFlow) callees(lang Language, name string, ctor bool) []*methodDecl {
	fold := lang == VB
	classes := fl.ix.classesNamed(name, fold)
	if ctor || lang == CPP && len(classes) > 0 {
		var out []*methodDecl
		for _, c := range classes {
			for _, m := range c.methods {
				if m.name == c.name || m.file.lang == VB && strings.EqualFold(m.name, "New") {
					out = append(out, m)
				}
			}
		}
		return out
	}
	fl.ix.want(name)
	if fl.methods == nil {
		fl.methods = map[string][]*methodDecl{}
		for _, f := range fl.ix.files {
			for _, m := range f.methods {
				low := strings.ToLower(m.name)
				fl.methods[low] = append(fl.methods[low], m)
			}
		}
	}
	var out []*methodDecl
	for _, m := range fl.methods[strings.ToLower(name)] {
		if m.name == name || fold || m.file.lang == VB {
			out = append(out, m)
		}
	}
	return out
}

// classMethods are the methods of m's class, all parts; m alone for a
// function outside any class.
func (fl *deferralFlow) classMethods(m *methodDecl) []*methodDecl {
	if m.class == nil {
		return []*methodDecl{m}
	}
	var out []*methodDecl
	for _, c := range fl.ix.classesNamed(m.class.name, m.file.lang == VB) {
		if c.full == m.class.full {
			out = append(out, c.methods...)
		}
	}
	if len(out) == 0 {
		out = []*methodDecl{m}
	}
	return out
}

// instanceHandedOn lists the calls in Run that hand the task instance (Run's
// parameter) to a constructor or method of another class that may take the
// deferral: one that calls GetDeferral, or one the scanner did not find. A
// method of the class itself is followed by analyseRun.
func instanceHandedOn(ix *appIndex, run *methodDecl, b []Token, nested []bool, byName map[string][]*methodDecl) []Pos {
	if len(run.params) == 0 || run.params[0].name == "" {
		return nil
	}
	lang := run.file.lang
	param := run.params[0].name
	fl := &deferralFlow{ix: ix}
	var out []Pos
	for i, t := range b {
		if !identIs(t, param, lang == VB) || i > 0 && isAccess(b[i-1]) || i+1 < len(b) && isAccess(b[i+1]) {
			continue
		}
		arg, open, ok := wholeArgument(lang, b, i, i)
		if !ok {
			continue
		}
		name, ctor, ok := calleeAt(lang, b, open)
		if !ok {
			continue
		}
		if !ctor && len(byName[strings.ToLower(name)]) > 0 && sameObjectCall(b, open-1) {
			continue
		}
		cands := fl.callees(lang, name, ctor)
		maybe := len(cands) == 0
		for _, c := range cands {
			if arg >= len(c.params) {
				continue
			}
			for _, m := range fl.classMethods(c) {
				if hasGetDeferral(m.body()) {
					maybe = true
				}
			}
		}
		if !maybe {
			continue
		}
		at := b[open-1]
		for k := statementStart(lang, b, open); k < open; k++ {
			if b[k].Kind == TokIdent && isAwaitWord(lang, b[k]) {
				at = b[k] // awaited: the callee runs up to its first await first
				break
			}
		}
		out = append(out, run.file.pos(at))
	}
	return sortPos(out)
}

// completedNotTaken lists the Complete() calls in methods on a variable or
// field declared as a BackgroundTaskDeferral that nothing in the App
// assigns a value to (GetDeferral() or anything else that is not null), and
// that is never passed by reference.
func completedNotTaken(ix *appIndex, methods []*methodDecl, files []*fileModel, class string) []NamedPos {
	var out []NamedPos
	taken := deferralNames(methods)
	scope := append([]*fileModel{}, files...)
	for _, m := range methods {
		scope = append(scope, m.file)
	}
	verdict := map[string]bool{}
	for _, m := range methods {
		lang := m.file.lang
		if lang == JavaScript {
			continue
		}
		b := m.body()
		for i := range b {
			recv, ok := completeReceiver(lang, b, i)
			if !ok {
				continue
			}
			n := recv[len(recv)-1]
			switch len(recv) {
			case 1:
			case 3:
				if !isIdent(recv[0], "this") && !isIdentFold(recv[0], "Me") {
					continue
				}
			default:
				continue
			}
			if n.Kind != TokIdent {
				continue
			}
			if m.paramIndex(n.Text, lang == VB) >= 0 {
				continue // the caller's deferral
			}
			key := strings.ToLower(n.Text)
			var v bool
			if takenIn(m.body(), n.Text) || !declaresDeferral(lang, m.body(), n.Text, lang == VB) && taken[key] {
				continue // the usual case: d = taskInstance.GetDeferral() in the method, or (a field) in the class
			}
			if body := m.body(); declaresDeferral(lang, body, n.Text, lang == VB) {
				// a local: only its method can assign it
				v = neverAssignedIn(lang, body, n.Text)
			} else {
				var done bool
				if v, done = verdict[key]; !done {
					v = declaredDeferral(methods, files, n.Text, lang == VB) && neverAssigned(ix, n.Text, class, scope)
					verdict[key] = v
				}
			}
			if v {
				out = append(out, NamedPos{Name: n.Text, Pos: m.file.pos(n)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return posLess(out[i].Pos, out[j].Pos) })
	return out
}

// takenIn reports an assignment of GetDeferral() to name in b.
func takenIn(b []Token, name string) bool {
	for i := range b {
		if isGetDeferral(b, i) && strings.EqualFold(assignedName(b, i), name) {
			return true
		}
	}
	return false
}

// declaredDeferral reports a declaration of name with the type
// BackgroundTaskDeferral in the files of methods: `BackgroundTaskDeferral
// _d;`, `BackgroundTaskDeferral^ m_d;`, `Agile<BackgroundTaskDeferral^> d`,
// VB `_d As BackgroundTaskDeferral`; files are the class's declarations.
func declaredDeferral(methods []*methodDecl, files []*fileModel, name string, fold bool) bool {
	seen := map[*fileModel]bool{}
	all := append([]*fileModel{}, files...)
	for _, m := range methods {
		all = append(all, m.file)
	}
	for _, f := range all {
		if seen[f] {
			continue
		}
		seen[f] = true
		if declaresDeferral(f.lang, f.toks, name, fold) {
			return true
		}
	}
	return false
}

// declaresDeferral reports a declaration of name as a BackgroundTaskDeferral
// in toks.
func declaresDeferral(lang Language, toks []Token, name string, fold bool) bool {
	for k, t := range toks {
		if !isIdent(t, "BackgroundTaskDeferral") && !(lang == VB && isIdentFold(t, "BackgroundTaskDeferral")) {
			continue
		}
		q := k
		for q >= 2 && isAccess(toks[q-1]) && toks[q-2].Kind == TokIdent {
			q -= 2
		}
		for q >= 1 && isIdent(toks[q-1], "const") {
			q--
		}
		if q >= 1 && (isPunct(toks[q-1], "(") || isPunct(toks[q-1], ",")) && lang != VB {
			continue // a parameter
		}
		if isIdent(toks[max(q-1, 0)], "property") {
			continue // a C++/CX property may compute its value
		}
		j := k + 1
		for j < len(toks) && (isPunct(toks[j], "^") || isPunct(toks[j], "*") || isPunct(toks[j], "&") || isPunct(toks[j], ">") || isPunct(toks[j], "?")) {
			j++
		}
		if j+1 < len(toks) && identIs(toks[j], name, fold) && fieldOrLocalEnd(lang, toks[j+1]) {
			return true
		}
		if lang == VB {
			if q >= 2 && isIdentFold(toks[q-1], "As") && identIs(toks[q-2], name, true) && !vbPropertyLine(toks, q-2) {
				return true
			}
		}
	}
	return false
}

// fieldOrLocalEnd reports the token after the name of a field or local
// declaration; a property (`{ get { … } }`, `=> …`) or a method may
// compute its value.
func fieldOrLocalEnd(lang Language, t Token) bool {
	switch {
	case isPunct(t, ";"), isPunct(t, "="), isPunct(t, ","):
		return true
	case isPunct(t, "{"):
		return lang == CPP // T m_d{ nullptr };
	}
	return false
}

// vbPropertyLine reports a VB declaration at toks[k] that is a Property.
func vbPropertyLine(toks []Token, k int) bool {
	for ; k >= 0 && toks[k].Kind != TokNewline; k-- {
		if isIdentFold(toks[k], "Property") {
			return true
		}
	}
	return false
}

// neverAssigned reports that no file of the App read so far gives name a
// value: every assignment (and initialiser) is null, and it is never
// passed by reference (C# ref/out, a VB argument, which may be ByRef, a C++
// argument, which may be a reference).
//
// A field is the class's own: its files (and those of its methods and of the
// classes of the App that derive from it) are searched for any assignment;
// the other files only for assignments through an object (`task.N = …`,
// `ref task.N`), since a bare N there is their own member or local.
func neverAssigned(ix *appIndex, name, class string, files []*fileModel) bool {
	ix.want(name)
	own := map[*fileModel]bool{}
	for _, f := range files {
		own[f] = true
	}
	ix.want(class)
	for _, f := range ix.files {
		for _, c := range f.classes {
			for _, b := range c.bases {
				if lastPart(strings.SplitN(strings.ReplaceAll(b, "::", "."), "<", 2)[0]) == class {
					own[f] = true
				}
			}
		}
	}
	for _, f := range ix.files {
		if own[f] {
			if !neverAssignedIn(f.lang, f.toks, name) {
				return false
			}
			continue
		}
		fold := f.lang == VB
		toks := f.toks
		for k := 1; k+1 < len(toks); k++ {
			if !identIs(toks[k], name, fold) || !isAccess(toks[k-1]) {
				continue
			}
			if next := toks[k+1]; next.Kind == TokPunct && next.Text != "==" && next.Text != "!=" && next.Text != "=>" &&
				(strings.HasSuffix(next.Text, "=") || next.Text == "??") {
				return false // task.N = …
			}
			j := k - 1
			for j >= 1 && isAccess(toks[j]) && toks[j-1].Kind == TokIdent {
				j -= 2
			}
			if j >= 0 && toks[j].Kind == TokIdent && (toks[j].Text == "ref" || toks[j].Text == "out") {
				return false
			}
		}
	}
	return true
}

// neverAssignedIn is neverAssigned over the tokens of one file or method.
func neverAssignedIn(lang Language, toks []Token, name string) bool {
	fold := lang == VB
	for k, t := range toks {
		if !identIs(t, name, fold) {
			continue
		}
		if k > 0 && toks[k-1].Kind == TokIdent && (toks[k-1].Text == "ref" || toks[k-1].Text == "out") {
			return false
		}
		if lang == CPP && k > 1 && isPunct(toks[k-1], "&") && (isPunct(toks[k-2], "(") || isPunct(toks[k-2], ",") || isPunct(toks[k-2], "=")) {
			return false
		}
		if k+1 >= len(toks) {
			continue
		}
		next := toks[k+1]
		var rhs []Token
		assigned := false
		switch {
		case next.Kind == TokPunct && next.Text != "=" && next.Text != "==" && next.Text != "=>" &&
			(strings.HasSuffix(next.Text, "=") && next.Text != "!=" && next.Text != "<=" && next.Text != ">=" ||
				k+2 < len(toks) && isPunct(toks[k+2], "=") && (next.Text == "??" || next.Text == "?" || next.Text == "|" || next.Text == "&")):
			return false // a compound assignment: d ??= …
		case isPunct(next, "="):
			if fold && !vbAssignmentTarget(toks, k) {
				continue
			}
			rhs, assigned = toks[k+2:exprEnd(lang, toks, k+2)], true
		case fold && isIdentFold(next, "As"):
			if _, q := qualName(toks, k+2); q < len(toks) && isPunct(toks[q], "=") {
				rhs, assigned = toks[q+1:exprEnd(lang, toks, q+1)], true
			}
		case lang == CPP && (isPunct(next, "(") || isPunct(next, "{")):
			rhs, assigned = toks[k+2:max(k+2, matchClose(toks, k+1))], true
		}
		if assigned {
			if !nullValue(rhs) {
				return false
			}
			continue
		}
		if (fold || lang == CPP) && k > 0 {
			if _, open, ok := wholeArgument(lang, toks, k, k); ok {
				if _, _, ok := calleeAt(lang, toks, open); ok {
					return false
				}
			}
		}
	}
	return true
}

// vbAssignmentTarget reports whether the name at toks[k] begins a VB
// assignment statement (`x = …`, `Me.x = …`, `obj.x = …`), not a
// comparison.
func vbAssignmentTarget(toks []Token, k int) bool {
	for k >= 2 && isAccess(toks[k-1]) && toks[k-2].Kind == TokIdent {
		k -= 2
	}
	return k == 0 || toks[k-1].Kind == TokNewline || isPunct(toks[k-1], ":") || isIdentFold(toks[k-1], "Dim") ||
		isIdentFold(toks[k-1], "Then") || isIdentFold(toks[k-1], "Else")
}

// nullValue reports a right-hand side that gives no deferral: null,
// nullptr, Nothing, default, default(T), {} or nothing at all.
func nullValue(rhs []Token) bool {
	if len(rhs) == 0 {
		return true
	}
	t := rhs[0]
	switch {
	case len(rhs) == 1 && t.Kind == TokIdent && (t.Text == "null" || t.Text == "nullptr" || strings.EqualFold(t.Text, "Nothing") || t.Text == "default" || t.Text == "NULL"):
		return true
	case isIdent(t, "default") && len(rhs) > 1 && isPunct(rhs[1], "("):
		return true
	case len(rhs) == 2 && isPunct(rhs[0], "{") && isPunct(rhs[1], "}"):
		return true
	}
	return false
}
