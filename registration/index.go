package registration

import (
	"slices"
	"sort"
	"strings"
)

// appIndex holds every file of one App and the look-up tables the
// resolver needs across files.
type appIndex struct {
	files   []*fileModel
	classes map[string][]*classDecl // simple name (exact)
	lower   map[string][]*classDecl // simple name, lower case (VB)
	consts  map[string][]*constDecl // lower-case name
	returns map[string][]*constDecl // lower-case name (fileModel.returns)
	defines map[string][]defineRef
	// constructs are assignments anywhere in the App whose right-hand side
	// creates a trigger, condition or completion group (key: lower-case
	// variable name).
	constructs map[string][]assignRef
	locals     map[*methodDecl]map[string][]localAssign
	// written holds, per method, the parameters its body assigns to
	// (lower case for VB): see paramWritten.
	written map[*methodDecl]map[string]bool
	// assigned holds every name assigned in code (lower case): a field
	// initialiser is a constant only if its name is not among them.
	assigned map[string]bool
	// jsTargets counts the member chains the App's scripts assign, as
	// written (jsAssignTargets).
	jsTargets map[string]int
	// wants records, lower case, every name the resolver looked up in the
	// App-wide tables; a scan that lexed only some files lexes the other
	// files holding one of these words and resolves again, since a
	// definition or assignment there could change the answer.
	wants map[string]bool
	// wantMethods records, lower case, the names looked up as method
	// definitions only (a helper a builder is handed to): a file that
	// spells the name only as a member call (DependencyProperty.Register,
	// in every XAML control) defines no such method and is not lexed for it.
	wantMethods map[string]bool
	// wantCalls records, lower case, the helper names whose call sites
	// were looked up, with the simple names of the helpers' classes and
	// their bases ("" for a free function): a member call reaches the
	// helper only through one of these (or this/base/Me), so a file that
	// spells neither holds no call of it through a member access.
	wantCalls map[string]map[string]bool
	// wantClassCalls are the same for helpers only their own class's
	// text can call (callersInClassText), with that class's name: a
	// file that does not spell it holds none of their calls.
	wantClassCalls map[string]map[string]bool
	// wantProjects are the projects holding a task class: their files
	// that may declare a public class that is not sealed must be lexed
	// (BG201 reports every such class of a component).
	wantProjects map[string]bool
	// methods indexes every method by lower-case name (built on first
	// use).
	methods map[string][]*methodDecl
	// discarded holds the positions of tokens that spelled the entry point
	// of a discarded builder (see Registration.Discarded): they do not
	// count as mentions of the task.
	discarded map[Pos]bool
	// dead holds, per file, the token ranges [s, e) of the methods whose
	// registrations are Unreached: what they spell is not code that runs,
	// so it does not count as a mention of the task either.
	dead map[*fileModel][][2]int
}

// markDead records the body of method m as code that never runs.
func (ix *appIndex) markDead(m *methodDecl) {
	if m.file == nil || m.s < 0 || m.e > len(m.file.toks) || m.s >= m.e {
		return
	}
	if ix.dead == nil {
		ix.dead = map[*fileModel][][2]int{}
	}
	ix.dead[m.file] = append(ix.dead[m.file], [2]int{m.s, m.e})
}

// inDead reports whether token i of f lies in a method markDead recorded.
func (ix *appIndex) inDead(f *fileModel, i int) bool {
	for _, r := range ix.dead[f] {
		if i >= r[0] && i < r[1] {
			return true
		}
	}
	return false
}

// markDiscarded records tokens of a discarded builder's entry point.
func (ix *appIndex) markDiscarded(ps []Pos) {
	if len(ps) == 0 {
		return
	}
	if ix.discarded == nil {
		ix.discarded = map[Pos]bool{}
	}
	for _, p := range ps {
		ix.discarded[p] = true
	}
}

type defineRef struct {
	file *fileModel
	def  Define
}

type assignRef struct {
	file *fileModel
	m    *methodDecl
	rhs  []Token
}

func newIndex(files []*fileModel) *appIndex {
	ix := &appIndex{
		files:          files,
		classes:        map[string][]*classDecl{},
		lower:          map[string][]*classDecl{},
		consts:         map[string][]*constDecl{},
		returns:        map[string][]*constDecl{},
		defines:        map[string][]defineRef{},
		constructs:     map[string][]assignRef{},
		locals:         map[*methodDecl]map[string][]localAssign{},
		written:        map[*methodDecl]map[string]bool{},
		assigned:       map[string]bool{},
		jsTargets:      map[string]int{},
		wants:          map[string]bool{},
		wantMethods:    map[string]bool{},
		wantCalls:      map[string]map[string]bool{},
		wantClassCalls: map[string]map[string]bool{},
		wantProjects:   map[string]bool{},
	}
	for _, f := range files {
		for _, c := range f.classes {
			ix.classes[c.name] = append(ix.classes[c.name], c)
			ix.lower[strings.ToLower(c.name)] = append(ix.lower[strings.ToLower(c.name)], c)
		}
		for _, k := range f.consts {
			key := strings.ToLower(k.name)
			ix.consts[key] = append(ix.consts[key], k)
		}
		for _, k := range f.returns {
			key := strings.ToLower(k.name)
			ix.returns[key] = append(ix.returns[key], k)
		}
		for _, d := range f.defines {
			ix.defines[d.Name] = append(ix.defines[d.Name], defineRef{file: f, def: d})
		}
	}
	attachOutOfClassMethods(ix)
	for _, f := range files {
		ix.collectConstructs(f)
	}
	return ix
}

// methodsNamed lists the App's methods called name (ASCII case ignored
// when fold).
func (ix *appIndex) methodsNamed(name string, fold bool) []*methodDecl {
	if name != "" {
		ix.wantMethods[strings.ToLower(name)] = true
	}
	if ix.methods == nil {
		ix.methods = map[string][]*methodDecl{}
		for _, f := range ix.files {
			for _, m := range f.methods {
				k := strings.ToLower(m.name)
				ix.methods[k] = append(ix.methods[k], m)
			}
		}
	}
	var out []*methodDecl
	for _, m := range ix.methods[strings.ToLower(name)] {
		if m.name == name || (fold || m.file.lang == VB) && strings.EqualFold(m.name, name) {
			out = append(out, m)
		}
	}
	return out
}

// want records a name looked up across files (see appIndex.wants).
func (ix *appIndex) want(name string) {
	if name != "" {
		ix.wants[strings.ToLower(name)] = true
	}
}

func (ix *appIndex) classesNamed(name string, fold bool) []*classDecl {
	ix.want(name)
	if fold {
		return ix.lower[strings.ToLower(name)]
	}
	return ix.classes[name]
}

func (ix *appIndex) constsNamed(name string, fold bool) []*constDecl {
	ix.want(name)
	all := ix.consts[strings.ToLower(name)]
	var out []*constDecl
	for _, k := range all {
		if k.mutable && ix.assigned[strings.ToLower(k.name)] {
			continue
		}
		if k.name == name || ((fold || k.file.lang == VB) && strings.EqualFold(k.name, name)) {
			out = append(out, k)
		}
	}
	return out
}

// returnsNamed lists the parameterless static methods called name that
// only return a value (fileModel.returns).
func (ix *appIndex) returnsNamed(name string, fold bool) []*constDecl {
	ix.want(name)
	var out []*constDecl
	for _, k := range ix.returns[strings.ToLower(name)] {
		if k.name == name || (fold || k.file.lang == VB) && strings.EqualFold(k.name, name) {
			out = append(out, k)
		}
	}
	return out
}

// attachOutOfClassMethods gives C++ "void X::Run(...)" definitions to the
// class X they belong to.
func attachOutOfClassMethods(ix *appIndex) {
	detachOutOfClassMethods(ix.files)
	for _, f := range ix.files {
		if f.lang != CPP {
			continue
		}
		for _, m := range f.methods {
			if m.class != nil || m.qual == "" {
				continue
			}
			if f.interesting {
				// A file lexed only because it defines a name the
				// resolver asked for does not send it after the classes
				// of its own methods: in a C++ code base that chain
				// reaches every header.
				ix.want(m.qual)
			}
			var cands []*classDecl
			for _, c := range ix.classes[m.qual] {
				if c.file.lang == CPP && (cppNamespace(m.ns) == c.ns || m.ns == "") {
					cands = append(cands, c)
				}
			}
			// several classes of that name: the same project, then the
			// namespaces the file imports, decide
			if distinctFull(cands) > 1 {
				cands = filterClasses(cands, func(c *classDecl) bool { return c.file.sf.Project == f.sf.Project })
			}
			if distinctFull(cands) > 1 {
				cands = filterClasses(cands, func(c *classDecl) bool {
					for _, u := range f.usings {
						if cppNamespace(u) == c.ns {
							return true
						}
					}
					return false
				})
			}
			n := distinctFull(cands)
			var match *classDecl
			if n == 1 {
				match = cands[0]
			}
			if n == 1 {
				m.class, m.attached = match, true
				match.methods = append(match.methods, m)
			}
		}
	}
}

// detachOutOfClassMethods undoes an earlier attachOutOfClassMethods over
// these files: a scan indexes its files again once it has lexed more of
// them, and a class lexed since can make a method's class ambiguous.
func detachOutOfClassMethods(files []*fileModel) {
	for _, f := range files {
		for _, c := range f.classes {
			if !slices.ContainsFunc(c.methods, func(m *methodDecl) bool { return m.attached }) {
				continue
			}
			own := c.methods[:0:0]
			for _, m := range c.methods {
				if !m.attached {
					own = append(own, m)
				}
			}
			c.methods = own
		}
	}
	for _, f := range files {
		for _, m := range f.methods {
			if m.attached {
				m.class, m.attached = nil, false
			}
		}
	}
}

// exprEnd returns the index that ends the expression starting at j: a
// top-level ';', ',' or line end (in JavaScript, a line break where the
// engine inserts a semicolon), a closing bracket of an enclosing
// construct, and in Visual Basic a ':' statement separator.
func exprEnd(lang Language, toks []Token, j int) int {
	vb := lang == VB
	depth := 0
	for k := j; k < len(toks); k++ {
		t := toks[k]
		if lang == JavaScript && depth == 0 && k > j && jsStatementBreak(toks, k) {
			return k
		}
		switch t.Kind {
		case TokNewline:
			if depth == 0 {
				return k
			}
		case TokPunct:
			switch t.Text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
				if depth < 0 {
					return k
				}
			case ";", ",":
				if depth == 0 {
					return k
				}
			case ":":
				if vb && depth == 0 { // vbSeparator
					return k
				}
			}
		}
	}
	return len(toks)
}

// vbSeparator reports a Visual Basic statement separator: ':' (`b.Name =
// "x" : b.TaskEntryPoint = "y"`; LexVB reads "::" as two). VB has no
// other ':' that can stand inside an expression: named arguments are ":="
// (its own token), a ':' in a string is part of the string token, a
// label's ':' ends the label before any expression starts, and the
// statements after "Then" of a single-line If are separate statements too. C#, C++ and JavaScript are not asked: there
// ':' belongs to the conditional operator, a named argument or a label.
func vbSeparator(t Token) bool {
	return isPunct(t, ":")
}

// maxExprSpan bounds the tokens of one right-hand side the resolver looks
// at.
const maxExprSpan = 5000

// exprEnds precomputes exprEnd for every index of toks in linear time: the
// end of an expression starting at j is the first later token at the same
// bracket depth that is a separator or a closing bracket (leaving the
// depth always passes through such a closer). In Visual Basic a ':'
// statement separator (vbSeparator) is one too; in JavaScript, the first
// later token at that depth that a statement-ending line break precedes.
func exprEnds(lang Language, toks []Token) []int32 {
	vb := lang == VB
	n := len(toks)
	depth := make([]int32, n)
	d, lo, hi := int32(0), int32(0), int32(0)
	for k, t := range toks {
		if t.Kind == TokPunct {
			switch t.Text {
			case ")", "]", "}":
				d--
			}
		}
		depth[k] = d // depth at which the token sits (closers: outer)
		lo, hi = min(lo, d), max(hi, d)
		if t.Kind == TokPunct {
			switch t.Text {
			case "(", "[", "{":
				d++
			}
		}
	}
	next := make([]int32, n+1)
	// last[d-lo] is the nearest separator seen so far at depth d (n: none);
	// a slice, not a map: this loop runs over every body of the App.
	last := make([]int32, hi-lo+2)
	for i := range last {
		last[i] = int32(n)
	}
	next[n] = int32(n)
	for k := n - 1; k >= 0; k-- {
		t := toks[k]
		term := t.Kind == TokNewline || vb && vbSeparator(t)
		if t.Kind == TokPunct {
			switch t.Text {
			case ";", ",", ")", "]", "}":
				term = true
			}
		}
		if term {
			dk := depth[k]
			if t.Kind == TokPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}") {
				dk++ // a closer ends expressions that sit inside it
			}
			last[dk-lo] = int32(k)
		}
		next[k] = last[depth[k]-lo]
		if lang == JavaScript && jsStatementBreak(toks, k) {
			// ends the expressions that start before k, not one that
			// starts at k (there is no break before a separator or a
			// closer: those end expressions by themselves)
			last[depth[k]-lo] = int32(k)
		}
	}
	return next
}

// assignmentsIn lists "name = rhs" (and declarations with initialisers)
// in toks, calling fn with the name token and the right-hand side.
func assignmentsIn(lang Language, toks []Token, fn func(name Token, rhs []Token)) {
	var ends []int32 // on the first assignment: most bodies have none worth the table
	exprEnd := func(_ Language, _ []Token, j int) int {
		if j >= len(toks) {
			return len(toks)
		}
		if ends == nil {
			ends = exprEnds(lang, toks)
		}
		return int(ends[j])
	}
	// an absurdly long right-hand side (generated or broken code) is
	// reported as an assignment of an unknown value
	fn0 := fn
	fn = func(name Token, rhs []Token) {
		if len(rhs) > maxExprSpan {
			rhs = nil
		}
		fn0(name, rhs)
	}
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Kind != TokIdent {
			continue
		}
		next := toks[i+1]
		switch {
		case isPunct(next, "="):
			if i > 0 && isAccess(toks[i-1]) && !(i >= 2 && (isIdent(toks[i-2], "this") || isIdentFold(toks[i-2], "Me"))) {
				continue
			}
			if lang == CSharp && initializerMember(toks, i) {
				continue // new T { Name = … }: a member of the new object, not a variable
			}
			if lang == VB && i > 0 && !vbStatementStart(toks, i) {
				continue
			}
			end := exprEnd(lang, toks, i+2)
			fn(t, toks[i+2:end])
		case lang == JavaScript && isPunct(next, ":") && i > 0 && (isPunct(toks[i-1], "{") || isPunct(toks[i-1], ",")):
			// object literal property: { trigger: new X() }
			end := exprEnd(lang, toks, i+2)
			fn(t, toks[i+2:end])
		case lang == VB && isIdentFold(next, "As") && i+2 < len(toks) && isIdentFold(toks[i+2], "New"):
			end := exprEnd(lang, toks, i+2)
			fn(t, toks[i+2:end])
		case lang == VB && isIdentFold(next, "As"):
			// Dim x As T = v
			_, k := qualName(toks, i+2)
			if k < len(toks) && isPunct(toks[k], "=") {
				end := exprEnd(lang, toks, k+1)
				fn(t, toks[k+1:end])
			}
		case lang == CPP && (isPunct(next, ";") || isPunct(next, ",")) && i > 0 && toks[i-1].Kind == TokIdent && looksLikeClass(toks[i-1].Text):
			// C++ default construction: [Ns::]ApplicationTrigger trigger;
			k := i - 1
			for k >= 2 && isPunct(toks[k-1], "::") && toks[k-2].Kind == TokIdent {
				k -= 2
			}
			if k > 0 && isAccess(toks[k-1]) {
				continue
			}
			fn(t, append(append([]Token{}, toks[k:i]...), Token{Kind: TokPunct, Text: "(", Offset: next.Offset, Line: next.Line, Col: next.Col}, Token{Kind: TokPunct, Text: ")", Offset: next.Offset, Line: next.Line, Col: next.Col}))
		case lang == CPP && (isPunct(next, "{") || isPunct(next, "(")) && i > 0 && (toks[i-1].Kind == TokIdent || isPunct(toks[i-1], "^")):
			// C++ direct initialisation: T x{ ... }; T x( ... ); auto x{ v };
			prev := toks[i-1]
			if prev.Kind == TokIdent && (prev.Text == "return" || prev.Text == "co_await" || prev.Text == "co_return" || prev.Text == "new" || prev.Text == "throw") {
				continue
			}
			end := matchClose(toks, i+1)
			if end+1 >= len(toks) || !isPunct(toks[end+1], ";") {
				continue
			}
			if isIdent(prev, "auto") {
				if isPunct(next, "{") {
					fn(t, toks[i+2:end])
				}
				continue
			}
			k := i - 1
			for k > 0 && (isPunct(toks[k], "^") || isPunct(toks[k], "*") || isPunct(toks[k], "&")) {
				k--
			}
			typeEnd := k + 1
			for k >= 2 && isAccess(toks[k-1]) && toks[k-2].Kind == TokIdent {
				k -= 2
			}
			if toks[k].Kind != TokIdent || (k > 0 && isAccess(toks[k-1])) {
				continue
			}
			ctor := append(append([]Token{}, toks[k:typeEnd]...), toks[i+1:end+1]...)
			fn(t, ctor)
		}
	}
}

func vbStatementStart(toks []Token, i int) bool {
	k := i - 1
	if isIdentFold(toks[k], "Dim") || isIdentFold(toks[k], "Const") || isIdentFold(toks[k], "Static") {
		return true
	}
	for k >= 1 && isAccess(toks[k]) && (isIdentFold(toks[k-1], "Me")) {
		k -= 2
	}
	return k < 0 || toks[k].Kind == TokNewline || isPunct(toks[k], ":")
}

// localAssign is one right-hand side assigned to a local name, and the
// byte range of the block that scopes it: a declaration in a block ({ var
// t = … }) is not the variable a sibling block declares with the same
// name (audit 26: rllibby/DevicePower, one var trigger per if block). A
// plain assignment, and a declaration at the method's top level, scope to
// the whole method (from > to).
type localAssign struct {
	rhs      []Token
	from, to int32
}

// localAssigns returns the right-hand sides assigned to name in m.
func (ix *appIndex) localAssigns(m *methodDecl, name string, fold bool) [][]Token {
	var out [][]Token
	for _, a := range ix.localTable(m, name, fold) {
		out = append(out, a.rhs)
	}
	return out
}

// localAssignsAt returns the right-hand sides assigned to name in m that
// the use at may see: those of declarations in a block that does not hold
// it are left out.
func (ix *appIndex) localAssignsAt(m *methodDecl, name string, fold bool, at Token) [][]Token {
	var out [][]Token
	for _, a := range ix.localTable(m, name, fold) {
		if a.from <= a.to && (at.Offset < a.from || at.Offset > a.to) {
			continue
		}
		out = append(out, a.rhs)
	}
	return out
}

func (ix *appIndex) localTable(m *methodDecl, name string, fold bool) []localAssign {
	tab, ok := ix.locals[m]
	if !ok {
		tab = map[string][]localAssign{}
		body := m.body()
		var blocks *blockScopes
		assignmentsIn(m.file.lang, body, func(n Token, rhs []Token) {
			if len(rhs) == 0 {
				return // "x = ," in broken code assigns nothing
			}
			key := n.Text
			if m.file.lang == VB {
				key = strings.ToLower(key)
			}
			a := localAssign{rhs: rhs, from: 1, to: 0}
			if i, ok := tokenIndex(body, n); ok && declaresLocal(m.file.lang, body, i) {
				if blocks == nil {
					blocks = newBlockScopes(body)
				}
				a.from, a.to = blocks.around(i)
			}
			tab[key] = append(tab[key], a)
		})
		ix.locals[m] = tab
	}
	if fold {
		name = strings.ToLower(name)
	}
	return tab[name]
}

// tokenIndex finds t in toks (sorted by offset) by its offset.
func tokenIndex(toks []Token, t Token) (int, bool) {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Offset >= t.Offset })
	return i, i < len(toks) && toks[i].Offset == t.Offset
}

// declaresLocal reports that the assigned name at b[i] is declared there
// with a block scope: C# and C++ "var t =", "T t =", "T<U> t =", "auto t{…}";
// JavaScript "let t =", "const t =" (var is the function's). Visual Basic
// is left out: its blocks end with keywords, not braces.
func declaresLocal(lang Language, b []Token, i int) bool {
	if i == 0 {
		return false
	}
	prev := b[i-1]
	switch lang {
	case JavaScript:
		return isIdent(prev, "let") || isIdent(prev, "const")
	case CSharp, CPP:
		switch prev.Kind {
		case TokIdent:
			switch prev.Text {
			case "return", "else", "do", "in", "out", "ref", "throw", "yield", "await", "co_await", "case", "goto", "new", "is", "as":
				return false
			}
			return true
		case TokPunct:
			switch prev.Text {
			case ">":
				return true // List<T> t =
			case "]":
				return i >= 2 && isPunct(b[i-2], "[") // int[] t =, not a[k] = (never an assignment of a name)
			case "*", "&", "^", "?":
				// T* t =, T^ t =, int? t =; not *p = or a ? b = c
				return i >= 2 && (b[i-2].Kind == TokIdent || isPunct(b[i-2], ">"))
			}
		}
	}
	return false
}

// blockScopes knows, for the tokens of one body, the braces around each.
type blockScopes struct {
	toks  []Token
	open  []int32 // index of the innermost "{" holding token i, -1 for none
	close []int32 // for each "{", the index of its "}" (len(toks) when unbalanced)
}

func newBlockScopes(toks []Token) *blockScopes {
	bs := &blockScopes{toks: toks, open: make([]int32, len(toks)), close: make([]int32, len(toks))}
	var stack []int32
	for i, t := range toks {
		inner := int32(-1)
		if len(stack) > 0 {
			inner = stack[len(stack)-1]
		}
		bs.open[i] = inner
		bs.close[i] = int32(len(toks))
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "{":
			stack = append(stack, int32(i))
		case "}":
			if len(stack) > 0 {
				bs.close[stack[len(stack)-1]] = int32(i)
				stack = stack[:len(stack)-1]
			}
		}
	}
	return bs
}

// around returns the byte range of the innermost block holding token i, or
// an empty range (from > to) when it sits at the body's top level or the
// block is unbalanced.
func (bs *blockScopes) around(i int) (from, to int32) {
	o := bs.open[i]
	if o < 0 || int(bs.close[o]) >= len(bs.toks) {
		return 1, 0
	}
	return bs.toks[o].Offset, bs.toks[bs.close[o]].Offset
}

// fileAssigns is one file's part of appIndex.assigned and
// appIndex.constructs.
type fileAssigns struct {
	assigned   []string // lower case
	constructs []keyedAssign
	jsTargets  []string // JavaScript: jsAssignTargets of the whole file
}

type keyedAssign struct {
	key string // lower-case variable name
	ref assignRef
}

// collectConstructs records App-wide assignments of trigger, condition
// and completion-group objects (fields assigned in one method and used in
// another).
func (ix *appIndex) collectConstructs(f *fileModel) {
	if f.assigns == nil {
		f.assigns = fileAssignments(f)
	}
	for _, n := range f.assigns.assigned {
		ix.assigned[n] = true
	}
	for _, ka := range f.assigns.constructs {
		ix.constructs[ka.key] = append(ix.constructs[ka.key], ka.ref)
	}
	for _, t := range f.assigns.jsTargets {
		ix.jsTargets[t]++
	}
}

// fileAssignments lists the names f assigns and its assignments of
// trigger, condition and completion-group objects, in source order.
func fileAssignments(f *fileModel) *fileAssigns {
	out := &fileAssigns{}
	// the declarations of script variables are not re-assignments
	declared := map[int]bool{}
	for _, k := range f.consts {
		if k.object != "" && !jsLiteralValue(k.expr) {
			// a property with any other value was never a constant, and
			// its name stays assigned as it was
			continue
		}
		declared[k.pos.Line<<20|k.pos.Col] = true
	}
	if f.lang == JavaScript {
		out.jsTargets = jsAssignTargets(f.toks)
	}
	record := func(m *methodDecl) {
		assignmentsIn(f.lang, m.body(), func(n Token, rhs []Token) {
			if m != f.top && !declared[int(n.Line)<<20|int(n.Col)] {
				out.assigned = append(out.assigned, strings.ToLower(n.Text))
			}
			for _, t := range rhs {
				if t.Kind == TokIdent && (strings.HasSuffix(t.Text, "Trigger") || strings.HasSuffix(t.Text, "Condition") || strings.HasSuffix(t.Text, "CompletionGroup")) {
					out.constructs = append(out.constructs, keyedAssign{key: strings.ToLower(n.Text), ref: assignRef{file: f, m: m, rhs: rhs}})
					return
				}
			}
		})
	}
	for _, m := range f.methods {
		record(m)
	}
	if f.top != nil {
		record(f.top)
	}
	return out
}

func distinctFull(cs []*classDecl) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.full] = true
	}
	return len(seen)
}

func filterClasses(cs []*classDecl, keep func(*classDecl) bool) []*classDecl {
	var out []*classDecl
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// paramWritten reports whether m's body assigns to its parameter name
// (=, a compound assignment, ++ or --, or a ref/out/ByRef argument): the
// value a call binds to it is then not the value the body uses (audit 29:
// EDMTDictionary's helper takes hours and does hour *= 60 before its
// TimeTrigger).
func (ix *appIndex) paramWritten(m *methodDecl, name string) bool {
	fold := m.file.lang == VB
	key := name
	if fold {
		key = strings.ToLower(name)
	}
	w, ok := ix.written[m]
	if !ok {
		w = map[string]bool{}
		b := m.body()
		for k, t := range b {
			if t.Kind != TokIdent || m.paramIndex(t.Text, fold) < 0 || k > 0 && isAccess(b[k-1]) {
				continue
			}
			written := false
			if k+1 < len(b) && b[k+1].Kind == TokPunct {
				switch b[k+1].Text {
				case "=":
					written = m.file.lang != VB || k == 0 || vbStatementStart(b, k)
				case "++", "--", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", "??=", "||=", "&&=":
					written = true
				case "*", "/", "%", "+", "-", "&", "|", "^", "??", "<<", ">>":
					// the lexer may split a compound assignment: hour * = 60
					written = k+2 < len(b) && isPunct(b[k+2], "=")
				case "<", ">":
					written = k+2 < len(b) && (isPunct(b[k+2], "<=") || isPunct(b[k+2], ">=")) // x < <= 1
				}
			}
			if k > 0 && (isPunct(b[k-1], "++") || isPunct(b[k-1], "--") || isIdent(b[k-1], "ref") || isIdent(b[k-1], "out") || isIdentFold(b[k-1], "ByRef")) {
				written = true
			}
			if k+2 < len(b) && (isPunct(b[k+1], "+") && isPunct(b[k+2], "+") || isPunct(b[k+1], "-") && isPunct(b[k+2], "-")) ||
				k >= 2 && (isPunct(b[k-1], "+") && isPunct(b[k-2], "+") || isPunct(b[k-1], "-") && isPunct(b[k-2], "-")) {
				written = true // hour++ or ++hour, lexed as two pluses
			}
			if written {
				n := t.Text
				if fold {
					n = strings.ToLower(n)
				}
				w[n] = true
			}
		}
		ix.written[m] = w
	}
	return w[key]
}

// initializerMember reports the name at toks[i] (before "=") as a member
// of a C# object initializer: it follows the initializer's "{" or a ","
// in it, and the brace follows new T, new T(…), new(…) or new (audit 31:
// "new BackgroundTaskBuilder { TaskEntryPoint = TaskEntryPoint }" beside a
// constant of that name read another initializer's value as the
// constant's).
func initializerMember(toks []Token, i int) bool {
	if i == 0 || !isPunct(toks[i-1], "{") && !isPunct(toks[i-1], ",") {
		return false
	}
	open := i - 1
	if isPunct(toks[open], ",") {
		if open = initializerBrace(toks, i-2); open < 0 {
			return false
		}
	}
	k := open - 1
	if k < 0 {
		return false
	}
	if isPunct(toks[k], ")") {
		k = matchOpen(toks, k) - 1 // new T(…) {, new(…) {
		if k < 0 {
			return false
		}
		if isIdent(toks[k], "new") {
			return true
		}
	}
	if isIdent(toks[k], "new") {
		return true // anonymous type: new { A = 1 }
	}
	// new Ns.T<U> {
	if isPunct(toks[k], ">") {
		depth := 0
		for ; k >= 0; k-- {
			if isPunct(toks[k], ">") {
				depth++
			} else if isPunct(toks[k], "<") {
				depth--
				if depth == 0 {
					k--
					break
				}
			}
		}
	}
	for k >= 0 && toks[k].Kind == TokIdent {
		if isIdent(toks[k], "new") {
			return true
		}
		if k >= 1 && isAccess(toks[k-1]) {
			k -= 2
			continue
		}
		k--
		break
	}
	return k >= 0 && isIdent(toks[k], "new")
}

// initializerBrace walks back from toks[from] over one list of
// initializer members to the "{" that opens it; -1 when an argument list
// or a statement boundary comes first, or after 2 000 tokens.
func initializerBrace(toks []Token, from int) int {
	depth := 0
	for k := from; k >= 0 && k >= from-2000; k-- {
		t := toks[k]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]", "}":
			depth++
		case "(", "[":
			if depth == 0 {
				return -1 // an argument list, not an initializer
			}
			depth--
		case "{":
			if depth == 0 {
				return k
			}
			depth--
		case ";":
			if depth == 0 {
				return -1
			}
		}
	}
	return -1
}
