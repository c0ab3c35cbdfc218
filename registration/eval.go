package registration

import (
	"slices"
	"strconv"
	"strings"

	"github.com/bgmanifest/bgmanifest/platform"
)

// valKind is what a statically evaluated expression turned out to be.
type valKind uint8

const (
	vUnknown valKind = iota
	vString
	vInt
	vBool
	vType   // a type (typeof(X)); s is its full name
	vGUID   // s is a normalised GUID
	vMember // an enum member; s is the member name, q the enum type
	// vGuidOf is winrt::guid_of<T>(): an interface id, not T's own
	// GUID. s is T as written, q the interface id when the App declares it.
	vGuidOf
)

type val struct {
	kind valKind
	s, q string
	n    int
	// origin is set when the expression was a parameter bound to an
	// argument: the value's position and text are the argument's.
	origin *Value
}

func (v val) ok() bool { return v.kind != vUnknown }

// binding is an argument bound to a helper's parameter, evaluated in the
// caller's context.
type binding struct {
	toks []Token
	ctx  *ectx
}

// env binds the parameters of one helper invocation.
type env struct {
	params map[string]binding // key: parameter name (lower case for VB)
	// types binds a generic method's type parameters to the type
	// arguments of its call (C#: case-sensitive names).
	types map[string]binding
}

// ectx is where an expression is evaluated.
type ectx struct {
	ix    *appIndex
	f     *fileModel
	m     *methodDecl // nil for constant initialisers
	class string      // enclosing class full name
	ns    string
	env   *env
	depth int
	// usedParam is set when evaluation met a parameter of m that env does
	// not bind: m is then a helper whose call sites decide the value.
	usedParam *bool
	// fields are the builder fields of m's class configured across its
	// methods: extraction follows them only when they are bound (the
	// class's own pass, fieldRegistrations).
	fields map[string]bool
	// spelling, when set, collects the positions of the tokens of every
	// argument a parameter is bound to while a value is evaluated: where
	// a helper's caller spelled the entry point.
	spelling *[]Pos
}

func (c *ectx) fold() bool { return c.f.lang == VB }

func (c *ectx) key(s string) string {
	if c.fold() {
		return strings.ToLower(s)
	}
	return s
}

func (c *ectx) deeper() *ectx {
	d := *c
	d.depth++
	return &d
}

func ctxFor(ix *appIndex, f *fileModel, m *methodDecl, e *env) *ectx {
	c := &ectx{ix: ix, f: f, m: m, env: e}
	if m != nil {
		c.ns = m.ns
		if m.class != nil {
			c.class = m.class.full
			c.ns = m.class.ns
		}
		if f.lang == CPP {
			c.ns = cppNamespace(c.ns)
		}
	}
	return c
}

const maxDepth = 24

// trimExpr removes statement terminators and wrapping parentheses.
func trimExpr(toks []Token) []Token {
	for len(toks) > 0 && (isPunct(toks[len(toks)-1], ";") || toks[len(toks)-1].Kind == TokNewline) {
		toks = toks[:len(toks)-1]
	}
	for len(toks) > 0 && toks[0].Kind == TokNewline {
		toks = toks[1:]
	}
	for n := 0; n < 32 && len(toks) >= 2 && isPunct(toks[0], "(") && matchClose(toks, 0) == len(toks)-1; n++ {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// valueOf evaluates an expression to a Value with its provenance.
func valueOf(c *ectx, toks []Token) Value {
	toks = trimExpr(toks)
	v := c.eval(toks)
	if v.origin != nil {
		o := *v.origin
		o.Resolved = v.kind == vString
		o.Str = ""
		if o.Resolved {
			o.Str = v.s
		}
		return o
	}
	out := Value{Expr: exprText(toks)}
	if len(toks) > 0 {
		out.Pos = c.f.pos(toks[0])
		out.Literal = len(toks) == 1 && toks[0].Kind == TokString && !toks[0].Holes
	}
	if v.kind == vString {
		out.Str, out.Resolved = v.s, true
	}
	return out
}

// eval evaluates toks statically; anything it cannot prove is vUnknown.
func (c *ectx) eval(toks []Token) val {
	toks = trimExpr(toks)
	if len(toks) == 0 || c.depth > maxDepth {
		return val{}
	}
	// concatenation / arithmetic
	for _, op := range []string{"+", "&"} {
		if op == "&" && c.f.lang != VB {
			continue
		}
		if parts := splitTop(toks, op); len(parts) > 1 {
			return c.concat(parts)
		}
	}
	if parts := splitTop(toks, "*"); len(parts) > 1 {
		prod := 1
		for _, p := range parts {
			v := c.deeper().eval(p)
			if v.kind != vInt {
				return val{}
			}
			prod *= v.n
		}
		return val{kind: vInt, n: prod}
	}
	// adjacent C/C++ string literals
	if len(toks) > 1 && allStrings(toks) && (c.f.lang == CPP || c.f.lang == IDL) {
		var sb strings.Builder
		for _, t := range toks {
			sb.WriteString(t.Value)
		}
		return val{kind: vString, s: sb.String()}
	}
	if len(toks) == 1 {
		return c.single(toks[0])
	}
	if len(toks) == 2 && isPunct(toks[0], "-") && toks[1].Kind == TokNumber {
		if v := c.single(toks[1]); v.kind == vInt {
			return val{kind: vInt, n: -v.n}
		}
	}
	return c.compound(toks)
}

func allStrings(toks []Token) bool {
	for _, t := range toks {
		if t.Kind != TokString || t.Holes || t.Alt {
			return false
		}
	}
	return true
}

func (c *ectx) concat(parts [][]Token) val {
	var sb strings.Builder
	sum, ints, strs := 0, 0, 0
	for _, p := range parts {
		v := c.deeper().eval(p)
		switch v.kind {
		case vString:
			strs++
			sb.WriteString(v.s)
		case vInt:
			ints++
			sum += v.n
		default:
			return val{}
		}
	}
	switch {
	case strs == len(parts):
		return val{kind: vString, s: sb.String()}
	case ints == len(parts):
		return val{kind: vInt, n: sum}
	}
	return val{}
}

func (c *ectx) single(t Token) val {
	switch t.Kind {
	case TokString:
		if t.Alt {
			return val{}
		}
		if t.Holes {
			if c.f.lang == CSharp {
				return c.interpolated(t)
			}
			return val{}
		}
		return val{kind: vString, s: t.Value}
	case TokNumber:
		if t.Alt {
			return val{}
		}
		if n, ok := parseIntLit(t.Text); ok {
			return val{kind: vInt, n: n}
		}
		return val{}
	case TokIdent:
		switch strings.ToLower(t.Text) {
		case "true":
			if c.fold() || t.Text == "true" {
				return val{kind: vBool, n: 1}
			}
		case "false":
			if c.fold() || t.Text == "false" {
				return val{kind: vBool}
			}
		case "null", "nullptr", "nothing", "undefined":
			return val{}
		}
		return c.name([]string{t.Text}, t)
	}
	return val{}
}

func parseIntLit(s string) (int, bool) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "'", ""), "_", "")
	low := strings.ToLower(s)
	base := 10
	switch {
	case strings.HasPrefix(low, "0x"):
		base, low = 16, low[2:]
	case strings.HasPrefix(low, "&h"):
		base, low = 16, low[2:]
	}
	if base == 10 {
		low = strings.TrimRight(low, "ulsi%&")
	} else {
		low = strings.TrimRight(low, "uls")
	}
	n, err := strconv.ParseInt(low, base, 64)
	if err != nil || n > 1<<31 || n < -(1<<31) {
		return 0, false
	}
	return int(n), true
}

// compound handles calls, member access and the type operators.
func (c *ectx) compound(toks []Token) val {
	n := len(toks)
	first := toks[0]
	// nameof(X)
	if first.Kind == TokIdent && (first.Text == "nameof" || strings.EqualFold(first.Text, "NameOf") && c.fold()) && n >= 4 && isPunct(toks[1], "(") && matchClose(toks, 1) == n-1 {
		parts, _ := qualName(toks, 2)
		if len(parts) > 0 {
			return val{kind: vString, s: parts[len(parts)-1]}
		}
		return val{}
	}
	// typeof(X) / GetType(X)
	if first.Kind == TokIdent && (first.Text == "typeof" || (c.fold() && strings.EqualFold(first.Text, "GetType"))) && n >= 4 && isPunct(toks[1], "(") && matchClose(toks, 1) == n-1 {
		parts, end := qualName(toks, 2)
		if end != n-1 {
			return val{}
		}
		return c.typeValue(parts, toks[2])
	}
	// __uuidof(X), or _uuidof(X), which MSVC takes as a synonym (audit 30:
	// MichaelKoster70/WindowsSamples)
	if (isIdent(first, "__uuidof") || isIdent(first, "_uuidof")) && n >= 4 && isPunct(toks[1], "(") && matchClose(toks, 1) == n-1 {
		parts, _ := qualName(toks, 2)
		return c.guidOf(parts, toks[2])
	}
	// winrt::name_of<X>() / winrt::guid_of<X>()
	if v, ok := c.templateCall(toks); ok {
		return v
	}
	// X::typeid
	if n >= 3 && isIdent(toks[n-1], "typeid") && isPunct(toks[n-2], "::") {
		parts, end := qualName(toks[:n-2], 0)
		if end == n-2 {
			return c.typeValue(parts, toks[0])
		}
		return val{}
	}
	// postfix members on a type value
	if n >= 3 && isAccess(toks[n-2]) && toks[n-1].Kind == TokIdent {
		member := toks[n-1].Text
		switch strings.ToLower(member) {
		case "fullname", "name", "guid":
			if base := c.deeper().eval(toks[:n-2]); base.kind == vType {
				return typeMember(base, member, c)
			}
		}
	}
	if n >= 5 && isPunct(toks[n-1], ")") && isPunct(toks[n-2], "(") && isIdentFold(toks[n-3], "ToString") && isAccess(toks[n-4]) {
		base := c.deeper().eval(toks[:n-4])
		switch base.kind {
		case vType:
			return val{kind: vString, s: base.s}
		case vString:
			return base
		}
		return val{}
	}
	// wrappers and GUID constructors: [new|ref new] W(x) / W{x} / W.Parse(x)
	if v, ok := c.wrapper(toks); ok {
		return v
	}
	// a call of a parameterless static method that only returns a value:
	// X(), Q.X()
	if n >= 3 && isPunct(toks[n-1], ")") && isPunct(toks[n-2], "(") {
		if parts, end := qualName(toks, 0); end == n-2 && len(parts) > 0 {
			v, _ := c.lookUp(parts, c.ix.returnsNamed)
			return v
		}
	}
	// qualified name: constant or enum member
	parts, end := qualName(toks, 0)
	if end == n && len(parts) > 0 {
		return c.name(parts, first)
	}
	return val{}
}

func typeMember(base val, member string, c *ectx) val {
	switch strings.ToLower(member) {
	case "fullname":
		return val{kind: vString, s: base.s}
	case "name":
		return val{kind: vString, s: lastPart(base.s)}
	case "guid":
		c.ix.want(lastPart(base.s))
		for _, cl := range c.ix.classes[lastPart(base.s)] {
			if g := resolveGUID(c.ix, cl); cl.full == base.s && g != "" && looksLikeGUID(g) {
				return val{kind: vGUID, s: g}
			}
		}
	}
	return val{}
}

func (c *ectx) templateCall(toks []Token) (val, bool) {
	n := len(toks)
	k := -1
	for i := 0; i+1 < n; i++ {
		if toks[i].Kind == TokIdent && (toks[i].Text == "name_of" || toks[i].Text == "guid_of") && isPunct(toks[i+1], "<") {
			k = i
			break
		}
	}
	if k < 0 {
		return val{}, false
	}
	if k > 0 && !(k == 2 && isIdent(toks[0], "winrt") && isPunct(toks[1], "::")) {
		return val{}, true
	}
	parts, end := qualName(toks, k+2)
	if end >= n || !isPunct(toks[end], ">") || end+2 != n-1 || !isPunct(toks[end+1], "(") {
		return val{}, true
	}
	if toks[k].Text == "guid_of" {
		return val{kind: vGuidOf, s: strings.Join(parts, "::"), q: c.interfaceIDOf(parts)}, true
	}
	t := c.typeValue(parts, toks[k+2])
	if t.kind == vType {
		return val{kind: vString, s: t.s}, true
	}
	return val{}, true
}

func (c *ectx) guidOf(parts []string, at Token) val {
	t := c.typeValue(parts, at)
	if t.kind != vType {
		return val{}
	}
	return typeMember(t, "guid", c)
}

// interfaceIDOf is what winrt::guid_of<T>() returns when the App declares
// it: T's uuid when T is an interface, else the uuid of the first
// interface of T's winrt::implements<T, I…> base (cppwinrt#1494); "" when
// unknown (a runtime class's default interface, an interface the App does
// not declare, two classes of T's name).
func (c *ectx) interfaceIDOf(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	cl := c.onlyClass(parts[len(parts)-1])
	if cl == nil {
		return ""
	}
	if cl.isInterface {
		if g := resolveGUID(c.ix, cl); looksLikeGUID(g) {
			return g
		}
		return ""
	}
	for _, b := range cl.bases {
		open := strings.IndexByte(b, '<')
		if open < 0 || lastPart(strings.ReplaceAll(strings.TrimSpace(b[:open]), "::", ".")) != "implements" {
			continue
		}
		args := strings.Split(strings.TrimSuffix(strings.TrimSpace(b[open+1:]), ">"), ",")
		if len(args) < 2 {
			return ""
		}
		first := lastPart(strings.ReplaceAll(strings.TrimSpace(args[1]), "::", "."))
		// a classic COM interface is a struct with a uuid in C++
		if iface := c.onlyClass(first); iface != nil && (iface.isInterface || iface.guid != "") {
			if g := resolveGUID(c.ix, iface); looksLikeGUID(g) {
				return g
			}
		}
		return ""
	}
	return ""
}

// onlyClass is the App's one class or interface of a simple name (nil when
// none or several).
func (c *ectx) onlyClass(name string) *classDecl {
	c.ix.want(name)
	var found *classDecl
	for _, cl := range c.ix.classes[name] {
		if found != nil && found != cl {
			return nil
		}
		found = cl
	}
	return found
}

var stringWrappers = map[string]bool{
	"hstring": true, "wstring": true, "String": true, "StringReference": true, "wstring_view": true,
	"to_hstring": true, "CStr": true,
}

// wrapper evaluates W(x) for string wrappers and GUID constructors.
func (c *ectx) wrapper(toks []Token) (val, bool) {
	i := 0
	if i < len(toks) && (isIdent(toks[i], "new") || isIdentFold(toks[i], "New") && c.fold() || isIdent(toks[i], "gcnew")) {
		i++
	} else if i+1 < len(toks) && isIdent(toks[i], "ref") && isIdent(toks[i+1], "new") {
		i += 2
	}
	parts, j := qualName(toks, i)
	if len(parts) == 0 && i > 0 && i < len(toks) && isPunct(toks[i], "(") && matchClose(toks, i) == len(toks)-1 {
		// C#'s target-typed new("…"): the type is the declaration's
		// (static readonly Guid Clsid = new("…")); a string in GUID form
		// is taken for a GUID, anything else is left to the callers
		if v := c.deeper().eval(toks[i+1 : len(toks)-1]); v.kind == vString && looksLikeGUID(v.s) {
			return val{kind: vGUID, s: normGUID(v.s)}, true
		}
		return val{}, false
	}
	if len(parts) == 0 || j >= len(toks) {
		return val{}, false
	}
	name := parts[len(parts)-1]
	if strings.EqualFold(name, "Parse") && len(parts) >= 2 {
		name = parts[len(parts)-2]
	}
	if !isPunct(toks[j], "(") && !isPunct(toks[j], "{") {
		return val{}, false
	}
	end := matchClose(toks, j)
	if end != len(toks)-1 {
		return val{}, false
	}
	inner := toks[j+1 : end]
	switch {
	case strings.EqualFold(name, "Guid"):
		v := c.deeper().eval(inner)
		if v.kind == vString && looksLikeGUID(v.s) {
			return val{kind: vGUID, s: normGUID(v.s)}, true
		}
		return val{}, true
	case stringWrappers[name]:
		v := c.deeper().eval(inner)
		if v.kind == vString {
			return v, true
		}
		return val{}, true
	}
	return val{}, false
}

func looksLikeGUID(s string) bool {
	g := normGUID(s)
	if len(g) != 36 {
		return false
	}
	for i := 0; i < len(g); i++ {
		switch i {
		case 8, 13, 18, 23:
			if g[i] != '-' {
				return false
			}
		default:
			if hexVal(g[i]) < 0 {
				return false
			}
		}
	}
	return true
}

// name resolves an identifier or qualified name: a bound parameter, a
// local assigned once, a constant, a macro or an enum member.
func (c *ectx) name(parts []string, at Token) val {
	if len(parts) == 0 {
		return val{}
	}
	if len(parts) >= 2 && (parts[0] == "this" || strings.EqualFold(parts[0], "Me") && c.fold()) {
		parts = parts[1:]
	}
	if len(parts) == 1 && c.m != nil {
		if idx := c.m.paramIndex(parts[0], c.fold()); idx >= 0 {
			if c.ix.paramWritten(c.m, c.m.params[idx].name) {
				return val{} // the body changes what the call passed
			}
			return c.param(c.m.params[idx])
		}
		if v, found := c.local(parts[0], at); found {
			return v
		}
	}
	if len(parts) == 2 && c.f.lang == JavaScript {
		if v, found := c.objectProperty(parts[0], parts[1], at); found {
			return v
		}
	}
	if len(parts) >= 2 && platformEnums[parts[len(parts)-2]] && len(c.ix.classes[parts[len(parts)-2]]) == 0 {
		// SystemTriggerType.InternetAvailable: a member of the
		// platform's enum, not a constant to look for in every file of
		// the App (an App that declares its own type of that name has
		// it among the lexed classes)
		return val{kind: vMember, s: parts[len(parts)-1], q: parts[len(parts)-2]}
	}
	if v, found := c.constant(parts); found {
		return v
	}
	if len(parts) >= 2 {
		enum := parts[len(parts)-2]
		if strings.HasSuffix(enum, "Type") || strings.HasSuffix(enum, "Kind") {
			return val{kind: vMember, s: parts[len(parts)-1], q: enum}
		}
	}
	return val{}
}

// platformEnums are the enumerations of Windows.ApplicationModel.Background
// whose members registrations name (triggers, conditions, access).
var platformEnums = map[string]bool{
	"SystemTriggerType": true, "SystemConditionType": true, "BackgroundAccessStatus": true,
	"BackgroundTaskCancellationReason": true, "BackgroundAccessRequestKind": true, "LocationTriggerType": true,
	"BackgroundWorkCostValue": true, "ApplicationTriggerResult": true, "MediaProcessingTriggerResult": true,
	"DeviceTriggerResult": true,
}

func (c *ectx) param(p param) val {
	if c.env != nil {
		if b, ok := c.env.params[c.key(p.name)]; ok {
			bc := b.ctx.deeper()
			if c.spelling != nil {
				bc.spelling = c.spelling
				for _, t := range b.toks {
					*c.spelling = append(*c.spelling, b.ctx.f.pos(t))
				}
			}
			v := bc.eval(b.toks)
			if v.origin == nil {
				toks := trimExpr(b.toks)
				if len(toks) > 0 {
					o := Value{Expr: exprText(toks), Pos: b.ctx.f.pos(toks[0]), Literal: len(toks) == 1 && toks[0].Kind == TokString && !toks[0].Holes}
					v.origin = &o
				}
			}
			return v
		}
	}
	if c.usedParam != nil {
		*c.usedParam = true
	}
	return val{}
}

// local resolves a local variable of the current method that is assigned
// values that all evaluate to the same thing.
func (c *ectx) local(name string, at Token) (val, bool) {
	var out val
	found := false
	for _, a := range c.ix.localAssignsAt(c.m, name, c.fold(), at) {
		if a[0].Offset <= at.Offset && int(at.Offset) < int(a[len(a)-1].Offset)+len(a[len(a)-1].Text) {
			continue // the assignment's own right-hand side
		}
		if c.spelling != nil {
			for _, t := range a {
				*c.spelling = append(*c.spelling, c.f.pos(t))
			}
		}
		v := c.deeper().eval(a)
		if !found {
			out, found = v, true
			continue
		}
		if v.kind != out.kind || v.s != out.s || v.n != out.n {
			return val{}, true
		}
	}
	if found {
		out.origin = nil
	}
	return out, found
}

// constant looks a (qualified) name up among the App's constants and
// macros, nearest scope first. Ambiguity resolves to unknown.
func (c *ectx) constant(parts []string) (val, bool) {
	if v, found := c.lookUp(parts, c.ix.constsNamed); found {
		return v, true
	}
	return c.macro(parts)
}

// lookUp finds a (qualified) name among the named values that named
// lists (constants, or methods that only return a value), nearest scope
// first; found is false when there is no candidate.
func (c *ectx) lookUp(parts []string, named func(string, bool) []*constDecl) (val, bool) {
	name := parts[len(parts)-1]
	qual := strings.Join(parts[:len(parts)-1], ".")
	if c.f.aliases != nil && len(parts) > 1 {
		if a, ok := c.f.aliases[parts[0]]; ok {
			qual = strings.Join(append([]string{a}, parts[1:len(parts)-1]...), ".")
		}
	}
	if c.f.lang == CPP {
		qual = strings.TrimPrefix(qual, "winrt.")
	}
	// the properties of a script variable's object literal are read only
	// as that variable's members (objectProperty)
	cands := slices.DeleteFunc(named(name, c.fold()), func(k *constDecl) bool { return k.object != "" })
	if qual != "" {
		var keep []*constDecl
		for _, k := range cands {
			if k.class != "" && (equalName(k.class, qual, c.fold()) || hasSuffixName(k.class, "."+qual, c.fold())) {
				keep = append(keep, k)
			} else if k.class == "" && (equalName(k.ns, qual, c.fold()) || hasSuffixName(k.ns, "."+qual, c.fold())) {
				keep = append(keep, k)
			}
		}
		return c.agree(keep)
	}
	if c.f.lang == JavaScript {
		// a bare name never refers to an object property
		var vars []*constDecl
		for _, k := range cands {
			if k.class == "" {
				vars = append(vars, k)
			}
		}
		cands = vars
	}
	if len(cands) > 0 {
		tiers := [][]*constDecl{nil, nil, nil}
		for _, k := range cands {
			switch {
			case k.class != "" && c.class != "" && (k.class == c.class || strings.HasPrefix(c.class, k.class+".")):
				tiers[0] = append(tiers[0], k)
			case k.file == c.f:
				tiers[1] = append(tiers[1], k)
			default:
				tiers[2] = append(tiers[2], k)
			}
		}
		for _, t := range tiers {
			if len(t) > 0 {
				return c.agree(t)
			}
		}
	}
	return val{}, false
}

// macro evaluates a C++ #define of the name (an unqualified one).
func (c *ectx) macro(parts []string) (val, bool) {
	name := parts[len(parts)-1]
	qual := len(parts) > 1
	if c.f.lang == CPP || c.f.lang == IDL {
		if defs := c.ix.defines[name]; len(defs) > 0 && !qual { // name is wanted by constsNamed (constant)
			var out val
			for i, d := range defs {
				v := ctxFor(c.ix, d.file, nil, nil)
				v.depth = c.depth + 1
				r := v.eval(d.def.Tokens)
				if i > 0 && (r.kind != out.kind || r.s != out.s || r.n != out.n) {
					return val{}, true
				}
				out = r
			}
			return out, true
		}
	}
	return val{}, false
}

func equalName(a, b string, fold bool) bool {
	if fold {
		return strings.EqualFold(a, b)
	}
	return a == b
}

func hasSuffixName(s, suf string, fold bool) bool {
	if fold {
		return len(s) >= len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf)
	}
	return strings.HasSuffix(s, suf)
}

// agree evaluates every candidate in its own context; they must all give
// the same value.
func (c *ectx) agree(cands []*constDecl) (val, bool) {
	if len(cands) == 0 {
		return val{}, false
	}
	var out val
	for i, k := range cands {
		kc := &ectx{ix: c.ix, f: k.file, class: k.class, ns: k.ns, depth: c.depth + 1}
		v := kc.eval(k.expr)
		if !v.ok() {
			return val{}, true
		}
		if i > 0 && (v.kind != out.kind || v.s != out.s || v.n != out.n) {
			return val{}, true
		}
		out = v
	}
	out.origin = nil
	return out, true
}

// typeValue resolves a type name to its full name using the App's
// classes, the file's namespace, usings and aliases.
func (c *ectx) typeValue(parts []string, at Token) val {
	if len(parts) == 0 {
		return val{}
	}
	if len(parts) == 1 && c.m != nil && slices.Contains(c.m.typeParams, parts[0]) {
		// typeof(T) in a generic method: the call's type argument
		if c.env == nil {
			if c.usedParam != nil {
				*c.usedParam = true // the call sites decide, as for a parameter
			}
			return val{}
		}
		if c.depth > maxDepth {
			return val{}
		}
		b, ok := c.env.types[parts[0]]
		if !ok {
			if c.usedParam != nil {
				*c.usedParam = true // the call sites decide, as for a parameter
			}
			return val{}
		}
		tp, end := qualName(b.toks, 0)
		if end != len(b.toks) {
			return val{} // List<X>, X[]: not a task class
		}
		return b.ctx.deeper().typeValue(tp, b.toks[0])
	}
	explicit := false
	if c.f.lang == CPP && parts[0] == "winrt" {
		parts, explicit = parts[1:], true
	}
	if c.f.aliases != nil {
		if a, ok := c.f.aliases[parts[0]]; ok {
			parts = append(strings.Split(a, "."), parts[1:]...)
		}
	}
	var clean []string
	for _, p := range parts {
		if p != "implementation" {
			clean = append(clean, p)
		}
	}
	parts = clean
	if len(parts) == 0 {
		return val{}
	}
	name := parts[len(parts)-1]
	qual := strings.Join(parts, ".")
	var cands []*classDecl
	seen := map[string]bool{}
	for _, cl := range c.ix.classesNamed(name, c.fold()) {
		if cl.isInterface || seen[cl.full] {
			continue
		}
		if len(parts) > 1 && !equalName(cl.full, qual, c.fold()) && !hasSuffixName(cl.full, "."+qual, c.fold()) {
			continue
		}
		seen[cl.full] = true
		cands = append(cands, cl)
	}
	if len(cands) == 1 {
		return val{kind: vType, s: cands[0].full}
	}
	if len(cands) == 0 {
		if explicit && len(parts) > 1 {
			return val{kind: vType, s: qual}
		}
		if full, ok := c.builtInTaskClass(parts); ok {
			return val{kind: vType, s: full}
		}
		return val{}
	}
	// several: prefer the enclosing namespaces, then the usings
	var near []*classDecl
	for _, cl := range cands {
		for ns := c.ns; ; {
			if equalName(cl.ns, ns, c.fold()) {
				near = append(near, cl)
				break
			}
			k := strings.LastIndexByte(ns, '.')
			if ns == "" {
				break
			}
			if k < 0 {
				ns = ""
			} else {
				ns = ns[:k]
			}
		}
	}
	if len(near) == 1 {
		return val{kind: vType, s: near[0].full}
	}
	var used []*classDecl
	for _, cl := range cands {
		for _, u := range c.f.usings {
			if equalName(cl.ns, strings.TrimPrefix(u, "winrt."), c.fold()) {
				used = append(used, cl)
			}
		}
	}
	if len(used) == 1 {
		return val{kind: vType, s: used[0].full}
	}
	return val{}
}

// builtInTaskClass resolves a type name that no class of the App defines
// to a background-task class Windows ships (Windows.Networking.Sockets.
// WebSocketKeepAlive): written in full, or by its simple name in a file
// that imports its namespace (using, Imports, using namespace) or in code
// inside that namespace. A simple name without either may be another
// library's class of the same name: it stays unresolved.
func (c *ectx) builtInTaskClass(parts []string) (string, bool) {
	full, ok := platform.BuiltInTaskClass(parts[len(parts)-1])
	if !ok {
		return "", false
	}
	qual := strings.Join(parts, ".")
	if len(parts) > 1 {
		return full, equalName(qual, full, c.fold())
	}
	ns := full[:strings.LastIndexByte(full, '.')]
	if equalName(c.ns, ns, c.fold()) || len(c.ns) > len(ns) && equalName(c.ns[:len(ns)+1], ns+".", c.fold()) {
		return full, true
	}
	for _, u := range c.f.usings {
		if equalName(strings.TrimPrefix(u, "winrt."), ns, c.fold()) {
			return full, true
		}
	}
	return "", false
}

// objectProperty resolves obj.prop in JavaScript when obj is a parameter
// bound to an object literal ({ entryPoint: "…" } passed to a helper), a
// variable of this function or an enclosing one assigned an object
// literal (var Task = { TaskEntryPoint: "…" }), or a script-level
// variable initialised with one (scriptObjectProperty). A property some
// code assigns (Task.TaskEntryPoint = …) is not the literal's value.
func (c *ectx) objectProperty(obj, prop string, at Token) (val, bool) {
	if c.depth > maxDepth {
		return val{}, false
	}
	if c.m == nil {
		return c.scriptObjectProperty(obj, prop)
	}
	if idx := c.m.paramIndex(obj, false); idx >= 0 {
		if c.env == nil {
			return val{}, false
		}
		b, ok := c.env.params[c.m.params[idx].name]
		if !ok {
			return val{}, false
		}
		toks := trimExpr(b.toks)
		if len(toks) == 1 && toks[0].Kind == TokIdent && b.ctx.m != nil {
			return b.ctx.deeper().objectProperty(toks[0].Text, prop, toks[0])
		}
		if v, ok := propertyOf(toks, prop); ok {
			return b.ctx.deeper().eval(v), true
		}
		return val{}, false
	}
	for m := c.m; m != nil; m = outerFunction(c.f, m) {
		if m != c.m && m.paramIndex(obj, false) >= 0 {
			return val{}, false // a parameter of an enclosing function
		}
		assigns := c.ix.localAssigns(m, obj, false)
		if len(assigns) != 1 {
			if len(assigns) > 1 {
				return val{}, false
			}
			continue
		}
		if v, ok := propertyOf(trimExpr(assigns[0]), prop); ok {
			if c.ix.jsPropertyAssigned(obj, prop) || m == c.f.top && c.ix.jsTargets[obj] != 1 {
				// assigned again, or a global some other script assigns too
				return val{}, true
			}
			mc := ctxFor(c.ix, c.f, m, c.env)
			mc.depth = c.depth + 1
			return mc.eval(v), true
		}
		return val{}, false
	}
	return c.scriptObjectProperty(obj, prop)
}

// outerFunction is the innermost method of f whose body holds m's.
func outerFunction(f *fileModel, m *methodDecl) *methodDecl {
	var best *methodDecl
	for _, o := range f.methods {
		if o != m && o.s <= m.s && m.e <= o.e && (best == nil || o.s >= best.s) {
			best = o
		}
	}
	return best
}

// propertyOf returns the value of property prop of an object literal
// { prop: value, "prop": value, … }.
func propertyOf(toks []Token, prop string) ([]Token, bool) {
	if len(toks) < 2 || !isPunct(toks[0], "{") || matchClose(toks, 0) != len(toks)-1 {
		return nil, false
	}
	for _, item := range splitTop(toks[1:len(toks)-1], ",") {
		item = trimNewlines(item)
		if len(item) < 3 || !isPunct(item[1], ":") {
			continue
		}
		key := item[0]
		if (key.Kind == TokIdent && key.Text == prop) || (key.Kind == TokString && key.Value == prop) {
			return item[2:], true
		}
	}
	return nil, false
}

// interpolated evaluates a C# interpolated string whose holes are names
// or nameof(X) that resolve to constants: $"Tasks.{TaskName}" (C# 10
// constant interpolation; audit 32: Taskbar-Customizer). Anything else in
// a hole (a call, a format or alignment, a verbatim or raw string) leaves
// it unknown.
func (c *ectx) interpolated(t Token) val {
	text := t.Text
	if !strings.HasPrefix(text, "$\"") || !strings.HasSuffix(text, "\"") || len(text) < 3 {
		return val{}
	}
	body := text[2 : len(text)-1]
	var sb strings.Builder
	for i := 0; i < len(body); i++ {
		ch := body[i]
		switch {
		case ch == '{' && i+1 < len(body) && body[i+1] == '{', ch == '}' && i+1 < len(body) && body[i+1] == '}':
			sb.WriteByte(ch)
			i++
		case ch == '\\':
			return val{} // escapes: left to the lexer's value, not rebuilt here
		case ch == '{':
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				return val{}
			}
			v := c.hole(strings.TrimSpace(body[i+1:i+end]), t)
			switch v.kind {
			case vString:
				sb.WriteString(v.s)
			case vInt:
				sb.WriteString(strconv.Itoa(v.n))
			default:
				return val{}
			}
			i += end
		default:
			sb.WriteByte(ch)
		}
	}
	return val{kind: vString, s: sb.String()}
}

// hole evaluates one interpolation hole: a dotted name, or nameof(a
// dotted name).
func (c *ectx) hole(expr string, at Token) val {
	if inner, ok := strings.CutPrefix(expr, "nameof("); ok && strings.HasSuffix(inner, ")") {
		parts := strings.Split(strings.TrimSuffix(inner, ")"), ".")
		last := strings.TrimSpace(parts[len(parts)-1])
		if !isDottedName(strings.TrimSuffix(inner, ")")) {
			return val{}
		}
		return val{kind: vString, s: last}
	}
	if !isDottedName(expr) {
		return val{}
	}
	// a hole that names an unbound parameter leaves the string unknown
	// without making its method a helper whose callers decide: an
	// interpolated entry point read that way was always unknown
	hc := c.deeper()
	hc.usedParam = nil
	return hc.name(strings.Split(expr, "."), at)
}

// isDottedName reports an identifier or a dotted chain of them (ASCII).
func isDottedName(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		for i := 0; i < len(part); i++ {
			ch := part[i]
			letter := ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
			if !letter && (i == 0 || ch < '0' || ch > '9') {
				return false
			}
		}
		if part == "" {
			return false
		}
	}
	return true
}
