package registration

import (
	"slices"
	"sort"
	"strings"
)

type scopeKind uint8

const (
	scopeFile scopeKind = iota
	scopeNamespace
	scopeClass
	scopeMethod
	scopeCode  // a block inside a method
	scopeOther // property bodies, initialisers, enums, extern "C"
)

type scope struct {
	kind   scopeKind
	ns     string
	class  *classDecl
	method *methodDecl
	start  int // index of the '{'
}

// parseC builds the structure of a C-family file: namespaces, classes,
// methods and constants. It never fails: unbalanced input just leaves
// scopes open until the end of the file.
func parseC(f *fileModel) {
	toks := f.toks
	stack := []scope{{kind: scopeFile}}
	stmt := 0
	top := func() *scope { return &stack[len(stack)-1] }
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "{":
			cur := top()
			header := toks[stmt:i]
			stack = append(stack, openScope(f, cur, header, i))
			stmt = i + 1
		case "}":
			if len(stack) > 1 {
				closeScope(f, &stack, i)
				if s := top(); s.kind != scopeMethod && s.kind != scopeCode {
					// brace initialiser of a constant: T X{ v };
					if i+1 < len(toks) && isPunct(toks[i+1], ";") {
						braceConst(f, s, toks, i)
					}
				}
			}
			stmt = i + 1
		case ";":
			if s := top(); s.kind != scopeMethod && s.kind != scopeCode {
				declaration(f, s, toks[stmt:i], i, &stack)
			}
			stmt = i + 1
		}
	}
	for len(stack) > 1 {
		closeScope(f, &stack, len(toks))
	}
	f.top = &methodDecl{name: "", file: f, s: 0, e: len(toks)}
	f.top.children = outermost(f.methods)
	if f.lang == JavaScript {
		jsConstants(f)
	}
	if f.lang == CSharp {
		returningMethods(f)
	}
}

// returningMethods records the C# methods whose call is a value the
// resolver can follow: static, without parameters, and whose body is a
// single return statement ("{ return _entry; }") or an expression
// ("=> _entry;"). Anything else (a second statement, a condition) may
// compute the value at run time and is not recorded.
func returningMethods(f *fileModel) {
	for _, m := range f.methods {
		if len(m.params) > 0 || !slices.Contains(m.mods, "static") || m.s <= 0 || m.e > len(f.toks) || m.s >= m.e {
			continue
		}
		body := f.toks[m.s:m.e]
		expr := onlyReturn(body)
		if isPunct(f.toks[m.s-1], "=>") {
			expr = oneExpression(body)
		}
		if expr == nil {
			continue
		}
		k := &constDecl{name: m.name, ns: m.ns, file: f, expr: expr, pos: m.pos}
		if m.class != nil {
			k.class = m.class.full
		}
		f.returns = append(f.returns, k)
	}
}

// getterProperty records a C# static property whose only accessor is a
// getter returning one expression ("static string Entry { get { return
// \"…\"; } }", "{ get => …; }") as a constant, as an expression-bodied
// one already is; at is the index of the property's '{'.
func getterProperty(f *fileModel, s *scope, header []Token, at int) {
	n := len(header)
	if n < 2 || header[n-1].Kind != TokIdent || !hasIdent(header, "static") || hasPunctTop(header, "(") || hasPunctTop(header, "=") {
		return
	}
	end := matchClose(f.toks, at)
	if end < 0 {
		return
	}
	body := f.toks[at+1 : end]
	if len(body) < 3 || !isIdent(body[0], "get") {
		return
	}
	var expr []Token
	switch {
	case isPunct(body[1], "=>") && isPunct(body[len(body)-1], ";"):
		expr = oneExpression(body[2 : len(body)-1])
	case isPunct(body[1], "{") && matchClose(body, 1) == len(body)-1:
		expr = onlyReturn(body[2 : len(body)-1])
	}
	if expr != nil {
		addConst(f, s, header[n-1], expr)
	}
}

// onlyReturn is EXPR when block is the single statement "return EXPR;",
// else nil.
func onlyReturn(block []Token) []Token {
	if len(block) < 3 || !isIdent(block[0], "return") || !isPunct(block[len(block)-1], ";") {
		return nil
	}
	return oneExpression(block[1 : len(block)-1])
}

// oneExpression is expr when it is one expression (no statement end or
// block in it), else nil.
func oneExpression(expr []Token) []Token {
	if len(expr) == 0 || hasPunctTop(expr, ";") || hasPunctTop(expr, "{") {
		return nil
	}
	return expr
}

// outermost returns the ranges of the methods not nested in another
// method, in source order.
func outermost(ms []*methodDecl) [][2]int {
	rs := make([][2]int, 0, len(ms))
	for _, m := range ms {
		rs = append(rs, [2]int{m.s, m.e})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i][0] != rs[j][0] {
			return rs[i][0] < rs[j][0]
		}
		return rs[i][1] > rs[j][1]
	})
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] >= out[n-1][0] && r[1] <= out[n-1][1] {
			continue
		}
		out = append(out, r)
	}
	return out
}

func closeScope(f *fileModel, stack *[]scope, end int) {
	s := (*stack)[len(*stack)-1]
	*stack = (*stack)[:len(*stack)-1]
	if s.kind == scopeMethod && s.method != nil {
		s.method.e = end

		if p := enclosingMethod(*stack); p != nil {
			// methods close in source order, inner ones first: the new
			// range follows every range already recorded for p
			p.children = append(p.children, [2]int{s.method.s, end})
		}

	}
}

func enclosingMethod(stack []scope) *methodDecl {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].kind == scopeMethod {
			return stack[k].method
		}
	}
	return nil
}

// classKeywords start a type declaration.
var classKeywords = map[string]string{
	"class": "class", "struct": "struct", "interface": "interface", "record": "class",
	"runtimeclass": "runtimeclass", "enum": "enum", "apicontract": "enum", "attribute": "enum", "delegate": "enum",
}

// openScope classifies the header before a '{'.
func openScope(f *fileModel, cur *scope, header []Token, at int) scope {
	inCode := cur.kind == scopeMethod || cur.kind == scopeCode
	if f.lang == JavaScript {
		if m := jsFunction(f, cur, header, at); m != nil {
			return scope{kind: scopeMethod, ns: cur.ns, class: cur.class, method: m, start: at}
		}
		if inCode {
			return scope{kind: scopeCode, ns: cur.ns, class: cur.class, method: cur.method, start: at}
		}
		return scope{kind: scopeOther, ns: cur.ns, start: at}
	}
	if inCode {
		return scope{kind: scopeCode, ns: cur.ns, class: cur.class, method: cur.method, start: at}
	}
	if cur.kind == scopeOther {
		return scope{kind: scopeOther, ns: cur.ns, class: cur.class, start: at}
	}
	// namespace
	for k, t := range header {
		if isIdent(t, "namespace") {
			parts, _ := qualName(header, k+1)
			return scope{kind: scopeNamespace, ns: joinNS(cur.ns, strings.Join(parts, ".")), start: at}
		}
	}
	if k, kind := findClassKeyword(header); k >= 0 {
		if kind == "enum" {
			return scope{kind: scopeOther, ns: cur.ns, class: cur.class, start: at}
		}
		c := classHeader(f, cur, header, k, kind)
		if c == nil {
			return scope{kind: scopeOther, ns: cur.ns, class: cur.class, start: at}
		}
		return scope{kind: scopeClass, ns: cur.ns, class: c, start: at}
	}
	if len(header) > 0 && isIdent(header[0], "extern") {
		return scope{kind: cur.kind, ns: cur.ns, class: cur.class, start: at}
	}
	if f.lang == CPP && cur.kind == scopeClass && cur.class != nil {
		header = accessLabels(cur.class, header)
	}
	if m := methodHeader(f, cur, header, at+1); m != nil {
		if f.lang == CPP && cur.kind == scopeClass && cur.class != nil && privateSection(cur.class) {
			m.mods = append(m.mods, "private") // defined in a private section
		}
		return scope{kind: scopeMethod, ns: cur.ns, class: cur.class, method: m, start: at}
	}
	if f.lang == CSharp && cur.kind == scopeClass {
		getterProperty(f, cur, header, at)
	}
	return scope{kind: scopeOther, ns: cur.ns, class: cur.class, start: at}
}

// findClassKeyword finds a type keyword outside brackets and template
// argument lists.
func findClassKeyword(header []Token) (int, string) {
	depth := 0
	for k, t := range header {
		if t.Kind == TokPunct {
			switch t.Text {
			case "(", "[", "<":
				depth++
			case ")", "]", ">":
				depth--
			case "=":
				if depth == 0 {
					return -1, ""
				}
			}
			continue
		}
		if depth == 0 && isIdent(t, "where") {
			// a C# constraint clause: "class" or "struct" after it
			// constrains a type parameter ("M<T>() where T : class")
			return -1, ""
		}
		if depth == 0 && t.Kind == TokIdent {
			if kind, ok := classKeywords[t.Text]; ok {
				if k > 0 && isIdent(header[k-1], "enum") {
					return k - 1, "enum"
				}
				return k, kind
			}
		}
	}
	return -1, ""
}

func classHeader(f *fileModel, cur *scope, header []Token, k int, kind string) *classDecl {
	c := &classDecl{kind: kind, file: f}
	// modifiers and attributes before the keyword
	for j := 0; j < k; j++ {
		t := header[j]
		switch {
		case isPunct(t, "["):
			end := matchClose(header, j)
			attrGUID(header[j:min(end+1, len(header))], c)
			j = end
		case isIdent(t, "__declspec"):
			if j+1 < len(header) && isPunct(header[j+1], "(") {
				end := matchClose(header, j+1)
				attrGUID(header[j:min(end+1, len(header))], c)
				j = end
			}
		case t.Kind == TokIdent:
			switch t.Text {
			case "public":
				c.public = true
			case "sealed", "static":
				c.sealed = true
			case "partial":
				c.partial = true
			case "ref", "value":
				if kind == "class" || kind == "struct" {
					c.kind = t.Text + " " + kind
				}
			case "unsealed":
				c.kind = "runtimeclass"
			}
		}
	}
	j := k + 1
	for j < len(header) {
		t := header[j]
		if (isIdent(t, "__declspec") || isIdent(t, "DECLSPEC_UUID")) && j+1 < len(header) && isPunct(header[j+1], "(") {
			end := matchClose(header, j+1)
			attrGUID(header[j:min(end+1, len(header))], c)
			j = end + 1
			continue
		}
		if isPunct(t, "[") {
			end := matchClose(header, j)
			attrGUID(header[j:min(end+1, len(header))], c)
			j = end + 1
			continue
		}
		break
	}
	if j >= len(header) || header[j].Kind != TokIdent {
		return nil
	}
	parts, j := qualName(header, j)
	if len(parts) == 0 {
		return nil
	}
	c.name = parts[len(parts)-1]
	c.pos = f.pos(tokAt(header, j-1))
	// name position: the identifier itself
	for q := k + 1; q < j; q++ {
		if isIdent(header[q], c.name) {
			c.pos = f.pos(header[q])
		}
	}
	for ; j < len(header); j++ {
		t := header[j]
		if t.Kind == TokIdent && (t.Text == "sealed" || t.Text == "final") {
			c.sealed = true
			continue
		}
		if isPunct(t, ":") {
			c.bases = baseList(header[j+1:])
			break
		}
	}
	ns := cur.ns
	if f.lang == CPP {
		ns = cppNamespace(ns)
	}
	c.ns = ns
	if cur.class != nil {
		c.full = cur.class.full + "." + c.name
		c.outer = cur.class.full
	} else {
		c.full = joinNS(ns, c.name)
	}
	if kind == "struct" && (f.lang == CSharp || strings.HasPrefix(c.kind, "value")) {
		c.sealed = true // value types cannot be derived from
	}
	switch kind {
	case "runtimeclass":
		// MIDL 3 runtime classes are public and sealed unless unsealed.
		c.public = true
		c.sealed = !hasIdent(header[:k], "unsealed")
	case "interface":
		c.isInterface = true
	}
	if f.lang == CPP && !strings.HasPrefix(c.kind, "ref ") {
		// Standard C++ types are not Windows Runtime types: only a C++/CX
		// "public ref class" or an IDL runtimeclass is visible in the
		// component's metadata.
		c.public, c.sealed = false, c.sealed && c.public
	}
	f.classes = append(f.classes, c)
	return c
}

func tokAt(toks []Token, i int) Token {
	if i >= 0 && i < len(toks) {
		return toks[i]
	}
	return Token{}
}

func hasIdent(toks []Token, s string) bool {
	for _, t := range toks {
		if isIdent(t, s) {
			return true
		}
	}
	return false
}

// baseList splits the base list of a class header (C# "A, B<T> where T :
// X", C++ "public A, private B").
func baseList(toks []Token) []string {
	var bases []string
	for _, part := range splitTopAngles(toks) {
		var sb strings.Builder
		for q, t := range part {
			if q == 0 && t.Kind == TokIdent && (t.Text == "public" || t.Text == "private" || t.Text == "protected" || t.Text == "virtual") {
				continue
			}
			if t.Kind == TokIdent && t.Text == "where" {
				break
			}
			if isPunct(t, "::") {
				sb.WriteByte('.')
				continue
			}
			sb.WriteString(t.Text)
			if isPunct(t, ",") {
				sb.WriteByte(' ')
			}
		}
		if s := strings.TrimPrefix(strings.TrimPrefix(sb.String(), "global."), "winrt."); s != "" {
			bases = append(bases, s)
		}
		if hasIdent(part, "where") {
			break
		}
	}
	return bases
}

// splitTopAngles splits at commas outside <> and ().
func splitTopAngles(toks []Token) [][]Token {
	var out [][]Token
	depth, start := 0, 0
	for i, t := range toks {
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "<", "(", "[":
			depth++
		case ">", ")", "]":
			depth--
		case ",":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// attrGUID picks the GUID out of [Guid("...")], [uuid(...)],
// __declspec(uuid("...")), DECLSPEC_UUID("...") or <Guid("...")>.
func attrGUID(toks []Token, c *classDecl) {
	for q := 0; q+2 < len(toks); q++ {
		if toks[q].Kind == TokIdent && (strings.EqualFold(toks[q].Text, "Guid") || toks[q].Text == "uuid" || toks[q].Text == "GuidAttribute" || toks[q].Text == "DECLSPEC_UUID") && isPunct(toks[q+1], "(") {
			if g := toks[q+2]; g.Kind == TokString {
				c.guid = normGUID(g.Value)
			} else if g.Kind == TokIdent && q+3 < len(toks) && isPunct(toks[q+3], ")") && !looksLikeGUID(g.Text) {
				// __declspec(uuid(CLSID_MACRO)): resolved against #defines later
				c.guid, c.guidMacro = g.Text, g.Text
			} else if g.Kind == TokNumber || g.Kind == TokIdent {
				// MIDL [uuid(xxxxxxxx-xxxx-...)] lexes as several tokens
				end := matchClose(toks, q+1)
				var sb strings.Builder
				for _, t := range toks[q+2 : min(end, len(toks))] {
					sb.WriteString(t.Text)
				}
				c.guid = normGUID(sb.String())
			}
			return
		}
	}
}

func normGUID(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	return s
}

// methodHeader recognises "mods Type Name(params) [const] [override] ..."
// and C++ "Type Ns::Class::Name(params)". bodyStart is the token after '{'.
func methodHeader(f *fileModel, cur *scope, header []Token, bodyStart int) *methodDecl {
	depth := 0
	for k, t := range header {
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "[", "<":
			depth++
		case "]", ">":
			depth--
		case "=":
			if depth == 0 {
				return nil
			}
		case "(":
			if depth != 0 {
				continue
			}
			nameAt := k - 1
			var typeParams []string
			if f.lang == CSharp && k >= 4 && isPunct(header[k-1], ">") {
				// a generic method: Name<T, U>(…)
				open := genericOpen(header, k-1)
				if open < 1 {
					return nil
				}
				typeParams = typeParamNames(header[open+1 : k-1])
				if typeParams == nil {
					return nil
				}
				nameAt = open - 1
			}
			if nameAt < 0 || header[nameAt].Kind != TokIdent {
				return nil
			}
			name := header[nameAt]
			switch name.Text {
			case "if", "for", "foreach", "while", "switch", "using", "lock", "catch", "fixed", "get", "set", "init", "add", "remove":
				return nil
			}
			end := matchClose(header, k)
			m := &methodDecl{name: name.Text, file: f, ns: cur.ns, class: cur.class, s: bodyStart, e: bodyStart, pos: f.pos(name), typeParams: typeParams}
			if nameAt >= 2 && isPunct(header[nameAt-1], "::") && header[nameAt-2].Kind == TokIdent {
				m.qual = header[nameAt-2].Text
			}
			for _, mt := range header[:nameAt] {
				if mt.Kind == TokIdent {
					m.mods = append(m.mods, mt.Text)
				}
			}
			if end > k {
				m.params = parseParams(f.lang, header[k+1:min(end, len(header))])
			}
			f.methods = append(f.methods, m)
			if cur.class != nil {
				cur.class.methods = append(cur.class.methods, m)
			}
			return m
		}
	}
	return nil
}

// genericOpen returns the index of the "<" that the ">" at toks[close]
// closes, -1 when there is none.
func genericOpen(toks []Token, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		switch {
		case isPunct(toks[k], ">"):
			depth++
		case isPunct(toks[k], "<"):
			depth--
			if depth == 0 {
				return k
			}
		case toks[k].Kind == TokPunct && toks[k].Text != "," && toks[k].Text != ".":
			return -1 // not a type parameter list
		}
	}
	return -1
}

// typeParamNames reads a generic method's type parameter list ("T",
// "TTask, in TArg"), nil when it is something else.
func typeParamNames(toks []Token) []string {
	var out []string
	for _, part := range splitTop(toks, ",") {
		var names []string
		for _, t := range part {
			if t.Kind != TokIdent {
				return nil
			}
			names = append(names, t.Text)
		}
		switch {
		case len(names) == 1:
		case len(names) == 2 && (names[0] == "in" || names[0] == "out"):
			names = names[1:]
		default:
			return nil
		}
		out = append(out, names[0])
	}
	return out
}

// parseParams reads a C-family parameter list.
func parseParams(lang Language, toks []Token) []param {
	var ps []param
	for _, p := range splitTopAngles(toks) {
		if len(p) == 0 {
			continue
		}
		var def []Token
		for q, t := range p {
			if isPunct(t, "=") {
				def = p[q+1:]
				p = p[:q]
				break
			}
		}
		// the name is the last identifier (C++ may omit it; then the
		// last identifier is the type, which is harmless).
		name, typ := "", ""
		for q := len(p) - 1; q >= 0; q-- {
			if p[q].Kind == TokIdent {
				name = p[q].Text
				typ = exprText(p[:q])
				break
			}
		}
		if lang == CSharp && len(p) > 0 && isPunct(p[0], "[") {
			// attributes on a parameter
			if end := matchClose(p, 0); end < len(p) {
				typ = exprText(p[end+1 : max(end+1, len(p)-1)])
			}
		}
		if name != "" {
			variadic := lang == CSharp && len(p) > 0 && isIdent(p[0], "params")
			ps = append(ps, param{name: name, typ: strings.TrimPrefix(typ, "params "), def: def, variadic: variadic})
		}
	}
	return ps
}

// declaration handles a statement that ends with ';' outside methods:
// using directives, file-scoped namespaces, constants, expression-bodied
// methods.
func declaration(f *fileModel, s *scope, toks []Token, semi int, stack *[]scope) {
	if len(toks) == 0 {
		return
	}
	first := toks[0]
	switch {
	case isIdent(first, "using") && (f.lang == CSharp || f.lang == CPP):
		usingDirective(f, toks[1:])
		return
	case isIdent(first, "namespace") && f.lang == CSharp && s.kind == scopeFile:
		parts, _ := qualName(toks, 1)
		*stack = append(*stack, scope{kind: scopeNamespace, ns: strings.Join(parts, "."), start: semi})
		return
	case isIdent(first, "import") || isIdent(first, "#include"):
		return
	}
	if s.kind == scopeOther {
		return
	}
	if f.lang == CPP && s.kind == scopeClass && s.class != nil {
		toks = accessLabels(s.class, toks)
		memberPrototype(s.class, toks)
	}
	if f.lang == CSharp {
		if expressionBodied(f, s, toks, semi) {
			return
		}
	}
	constDeclaration(f, s, toks)
}

// memberPrototype records a C++ member function declaration in a class
// body ("virtual void Run(IBackgroundTaskInstance^ i) override;",
// "static R^ Register(String^ a, String^ b = nullptr);") on the class,
// with its parameters and their default values. A statement with a
// top-level '=' before the parameter list (a field's initialiser), a
// friend (not a member) and a typedef are not member functions. It
// reports whether it recorded one.
// accessLabels reads the C++ access labels a class-body statement starts
// with (public:, private:, protected:, internal:), records the last in
// c.access, and returns the statement without them.
func accessLabels(c *classDecl, toks []Token) []Token {
	for len(toks) >= 2 && toks[0].Kind == TokIdent && isPunct(toks[1], ":") {
		switch toks[0].Text {
		case "public", "private", "protected", "internal":
			c.access = toks[0].Text
		}
		toks = toks[2:]
	}
	return toks
}

// privateSection reports whether c's current section is private: a class
// starts private, a struct public.
func privateSection(c *classDecl) bool {
	if c.access != "" {
		return c.access == "private"
	}
	return strings.HasSuffix(c.kind, "class")
}

func memberPrototype(c *classDecl, toks []Token) bool {
	for len(toks) >= 2 && toks[0].Kind == TokIdent && isPunct(toks[1], ":") {
		toks = toks[2:] // public:, private:, protected:, internal:
	}
	depth := 0
	for k, t := range toks {
		if t.Kind == TokIdent && (t.Text == "friend" || t.Text == "typedef" || t.Text == "using") && depth == 0 {
			if t.Text == "friend" {
				c.friends = true
			}
			return false
		}
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "<", "[":
			depth++
		case ">", "]":
			depth--
		case "=":
			if depth == 0 {
				return false
			}
		case "(":
			if depth != 0 {
				continue
			}
			if k == 0 || toks[k-1].Kind != TokIdent || k >= 2 && isIdent(toks[k-2], "operator") {
				return false
			}
			end := matchClose(toks, k)
			if end >= len(toks) {
				return false
			}
			c.protos = append(c.protos, prototype{name: toks[k-1].Text, params: parseParams(CPP, toks[k+1:end]), private: privateSection(c),
				virtual: hasIdent(toks, "virtual") || hasIdent(toks[end:], "override"), pos: c.file.pos(toks[k-1])})
			return true
		}
	}
	return false
}

func usingDirective(f *fileModel, toks []Token) {
	i := 0
	if i < len(toks) && (isIdent(toks[i], "static") || isIdent(toks[i], "global")) {
		i++
	}
	if i < len(toks) && isIdent(toks[i], "namespace") {
		i++
	}
	if i+1 < len(toks) && toks[i].Kind == TokIdent && isPunct(toks[i+1], "=") {
		parts, _ := qualName(toks, i+2)
		if f.aliases == nil {
			f.aliases = map[string]string{}
		}
		f.aliases[toks[i].Text] = strings.Join(parts, ".")
		return
	}
	parts, _ := qualName(toks, i)
	if len(parts) > 0 {
		f.usings = append(f.usings, strings.Join(parts, "."))
	}
}

// expressionBodied records "T Name(params) => expr;" as a method.
func expressionBodied(f *fileModel, s *scope, toks []Token, semi int) bool {
	arrow := -1
	for k, t := range toks {
		if isPunct(t, "=>") {
			arrow = k
			break
		}
		if isPunct(t, "=") {
			return false
		}
	}
	if arrow <= 0 {
		return false // no arrow, or nothing before it ("=> x;" in broken code)
	}
	header := toks[:arrow]
	start := toks[arrow+1:]
	if len(start) == 0 {
		return false
	}
	// property: static string X => "..."
	if last := header[len(header)-1]; last.Kind == TokIdent && hasIdent(header, "static") {
		addConst(f, s, last, start)
		return true
	}
	base := indexOfToken(f.toks, toks[arrow])
	m := methodHeader(f, s, header, base+1)
	if m != nil {
		m.e = semi
		return true
	}
	return false
}

func indexOfToken(toks []Token, t Token) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if toks[mid].Offset < t.Offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// constDeclaration records named values whose initialiser is fixed:
// C# const / static readonly; C++ const, constexpr, static or qualified
// static-member definitions; IDL none.
func constDeclaration(f *fileModel, s *scope, toks []Token) {
	mutable := false
	switch f.lang {
	case CSharp:
		if !hasIdent(toks, "const") && !(hasIdent(toks, "static") && hasIdent(toks, "readonly")) {
			if s.class == nil || hasPunctTop(toks, "=>") {
				return
			}
			mutable = true // a field: constant only if never assigned
		}
	case CPP:
		if !hasIdent(toks, "const") && !hasIdent(toks, "constexpr") && !hasIdent(toks, "static") && !hasPunctTop(toks, "::") {
			if s.class == nil {
				return
			}
			mutable = true
		}
	default:
		return
	}
	for _, decl := range splitTop(toks, ",") {
		eq := -1
		for k, t := range decl {
			if isPunct(t, "=") {
				eq = k
				break
			}
			if isPunct(t, "(") {
				break
			}
		}
		if eq < 1 {
			continue
		}
		k := eq - 1
		for k > 0 && (isPunct(decl[k], "]") || isPunct(decl[k], "[")) {
			k--
		}
		if decl[k].Kind != TokIdent {
			continue
		}
		qual := ""
		if k >= 2 && isPunct(decl[k-1], "::") && decl[k-2].Kind == TokIdent {
			qual = decl[k-2].Text
		}
		addConstQual(f, s, decl[k], decl[eq+1:], qual)
		f.consts[len(f.consts)-1].mutable = mutable
	}
}

func hasPunctTop(toks []Token, p string) bool {
	for _, t := range toks {
		if isPunct(t, p) {
			return true
		}
	}
	return false
}

func addConst(f *fileModel, s *scope, name Token, expr []Token) {
	addConstQual(f, s, name, expr, "")
}

func addConstQual(f *fileModel, s *scope, name Token, expr []Token, qual string) {
	c := &constDecl{name: name.Text, ns: s.ns, file: f, expr: expr, pos: f.pos(name)}
	if f.lang == CPP {
		c.ns = cppNamespace(s.ns)
	}
	switch {
	case s.class != nil:
		c.class = s.class.full
	case qual != "":
		c.class = joinNS(c.ns, qual)
	}
	f.consts = append(f.consts, c)
}

// braceConst records "constexpr std::wstring_view X{ L"..." };".
func braceConst(f *fileModel, s *scope, toks []Token, closeIdx int) {
	if f.lang != CPP {
		return
	}
	// find the matching '{'
	depth := 0
	open := -1
	for k := closeIdx; k >= 0; k-- {
		if isPunct(toks[k], "}") {
			depth++
		} else if isPunct(toks[k], "{") {
			depth--
			if depth == 0 {
				open = k
				break
			}
		}
	}
	if open < 1 || toks[open-1].Kind != TokIdent {
		return
	}
	// the statement before the brace must be a const-like declaration
	k := open - 1
	start := k
	for start > 0 && !isPunct(toks[start-1], ";") && !isPunct(toks[start-1], "{") && !isPunct(toks[start-1], "}") {
		start--
	}
	decl := toks[start:open]
	if !hasIdent(decl, "const") && !hasIdent(decl, "constexpr") && !hasIdent(decl, "static") {
		return
	}
	if _, kind := findClassKeyword(decl); kind != "" || hasPunctTop(decl, "(") {
		return
	}
	addConst(f, s, toks[k], toks[open+1:closeIdx])
}

// jsFunction recognises function headers in JavaScript: function name(..),
// name: function(..), name = function(..), name = (..) =>, x =>, and
// method shorthand "name(..) {" in object literals and classes.
func jsFunction(f *fileModel, cur *scope, header []Token, at int) *methodDecl {
	n := len(header)
	if n == 0 {
		return nil
	}
	arrow := isPunct(header[n-1], "=>")
	var open, close int
	switch {
	case arrow && n >= 2 && isPunct(header[n-2], ")"):
		close = n - 2
		open = matchOpen(header, close)
	case arrow && n >= 2 && header[n-2].Kind == TokIdent:
		open, close = n-2, n-2
	case !arrow && isPunct(header[n-1], ")"):
		close = n - 1
		open = matchOpen(header, close)
	default:
		return nil
	}
	if open < 0 {
		return nil
	}
	var nameTok Token
	named, member := false, false
	qual := "" // the owner of Owner.prototype.name = function …
	k := open - 1
	if arrow || (k >= 0 && isIdent(header[k], "function")) {
		// anonymous: the name is what it is assigned to
		q := k
		if !arrow {
			q--
		}
		if open == close {
			q = open - 1
		}
		if q >= 0 && isIdent(header[q], "async") {
			q--
		}
		if q >= 1 && (isPunct(header[q], "=") || isPunct(header[q], ":")) && (header[q-1].Kind == TokIdent || header[q-1].Kind == TokString) {
			nameTok, named = header[q-1], true
			member = isPunct(header[q], ":") || (q >= 2 && isAccess(header[q-2]))
			if isPunct(header[q], "=") && q >= 3 && isAccess(header[q-2]) {
				qual = jsOwner(header[:q-2])
			}
		}
	} else if k >= 0 && header[k].Kind == TokIdent {
		switch header[k].Text {
		case "if", "for", "while", "switch", "catch", "with", "return":
			return nil
		}
		if k >= 1 && !isIdent(header[k-1], "function") && !isIdent(header[k-1], "async") && !isIdent(header[k-1], "static") &&
			!isIdent(header[k-1], "get") && !isIdent(header[k-1], "set") && !isPunct(header[k-1], ",") && !isPunct(header[k-1], "{") {
			return nil
		}
		nameTok, named = header[k], true
		member = !(k >= 1 && isIdent(header[k-1], "function"))
	} else {
		return nil
	}
	name := ""
	if named {
		name = nameTok.Text
		if nameTok.Kind == TokString {
			name = nameTok.Value
		}
	} else {
		nameTok = header[open]
	}
	m := &methodDecl{name: name, file: f, ns: cur.ns, s: at + 1, e: at + 1, pos: f.pos(nameTok), member: member, qual: qual}
	if open == close {
		m.params = parseParams(JavaScript, header[open:open+1])
	} else {
		m.params = parseParams(JavaScript, header[open+1:close])
	}
	if hasIdent(header, "async") {
		m.mods = append(m.mods, "async")
	}
	f.methods = append(f.methods, m)
	return m
}

// jsOwner is the object a JavaScript member function is assigned to, from
// the member chain before its name: TaskService in
// "TaskService.prototype.register = function", Helpers in "Helpers.register
// = function"; "" for this.x = … or anything else.
func jsOwner(chain []Token) string {
	k := len(chain) - 1
	if k >= 2 && isIdent(chain[k], "prototype") && isAccess(chain[k-1]) {
		k -= 2
	}
	if k < 0 || chain[k].Kind != TokIdent || isIdent(chain[k], "this") || k >= 1 && isAccess(chain[k-1]) {
		return ""
	}
	return chain[k].Text
}

func matchOpen(toks []Token, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		if isPunct(toks[k], ")") {
			depth++
		} else if isPunct(toks[k], "(") {
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// jsConstants records script-level names bound to a literal: var/let/
// const X = "..." and object-literal properties X: "..." (with the path of
// enclosing properties and WinJS.Namespace.define names as their class,
// so Ns.Object.prop resolves). The properties of an object literal that
// initialises a script-level variable (var Tasks = { entry: … }) are
// recorded with any value, and with the variable as their object: they
// are read only as Tasks.entry, by the evaluator's objectProperty, which
// knows when a local or a parameter hides the variable and when the
// property is assigned again.
func jsConstants(f *fileModel) {
	toks := f.toks
	var path []string
	var roots []string // per open brace: the script-level variable it initialises, or ""
	scriptLevel := func(i int) bool {
		// the outermost function bodies are sorted and disjoint
		rs := f.top.children
		k := sort.Search(len(rs), func(k int) bool { return rs[k][1] > i })
		return k == len(rs) || i < rs[k][0]
	}
	rootName := func(i int) string {
		// var Tasks = {   at script level, outside every function
		if i >= 3 && isPunct(toks[i-1], "=") && toks[i-2].Kind == TokIdent &&
			(isIdent(toks[i-3], "var") || isIdent(toks[i-3], "let") || isIdent(toks[i-3], "const")) && scriptLevel(i-3) {
			return toks[i-2].Text
		}
		return ""
	}
	objectName := func(i int) string {
		// name: {   "name": {   define("Ns.Name", {
		if i >= 2 && isPunct(toks[i-1], ":") {
			if t := toks[i-2]; t.Kind == TokIdent {
				return t.Text
			} else if t.Kind == TokString {
				return t.Value
			}
		}
		if i >= 3 && isPunct(toks[i-1], ",") && toks[i-2].Kind == TokString && isPunct(toks[i-3], "(") {
			return toks[i-2].Value
		}
		return ""
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case isPunct(t, "{"):
			path = append(path, objectName(i))
			roots = append(roots, rootName(i))
			continue
		case isPunct(t, "}"):
			if len(path) > 0 {
				path = path[:len(path)-1]
				roots = roots[:len(roots)-1]
			}
			continue
		}
		if i+2 >= len(toks) || (t.Kind != TokIdent && t.Kind != TokString) {
			continue
		}
		isVar := isPunct(toks[i+1], "=") && i > 0 && (isIdent(toks[i-1], "var") || isIdent(toks[i-1], "let") || isIdent(toks[i-1], "const"))
		isProp := isPunct(toks[i+1], ":") && i > 0 && (isPunct(toks[i-1], "{") || isPunct(toks[i-1], ","))
		if !isVar && !isProp {
			continue
		}
		if isProp && len(roots) > 0 && roots[len(roots)-1] != "" {
			name := t.Text
			if t.Kind == TokString {
				name = t.Value
			}
			end := exprEnd(JavaScript, toks, i+2)
			if end > i+2 && end-(i+2) <= maxExprSpan {
				f.consts = append(f.consts, &constDecl{name: name, object: roots[len(roots)-1], file: f, expr: toks[i+2 : end], pos: f.pos(t)})
			}
			continue
		}
		v := toks[i+2]
		if v.Kind != TokString && v.Kind != TokNumber {
			continue
		}
		end := i + 3
		for end+1 < len(toks) && isPunct(toks[end], "+") && (toks[end+1].Kind == TokString || toks[end+1].Kind == TokIdent) {
			end += 2
		}
		if end < len(toks) && !isPunct(toks[end], ";") && !isPunct(toks[end], ",") && !isPunct(toks[end], "}") && !jsStatementBreak(toks, end) {
			continue
		}
		name := t.Text
		if t.Kind == TokString {
			name = t.Value
		}
		k := &constDecl{name: name, file: f, expr: toks[i+2 : end], pos: f.pos(t), mutable: isVar && !isIdent(toks[i-1], "const")}
		if isProp {
			var parts []string
			for _, p := range path {
				if p != "" {
					parts = append(parts, p)
				}
			}
			k.class = strings.Join(parts, ".")
		}
		f.consts = append(f.consts, k)
	}
}
