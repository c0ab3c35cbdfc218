package registration

import (
	"strings"
)

// fileModel is one lexed file with the structure the resolver needs.
type fileModel struct {
	sf      SourceFile
	lang    Language
	toks    []Token
	defines []Define
	// usings are imported namespaces (C# using, VB Imports, C++ using
	// namespace), dotted; aliases map an alias to its dotted target.
	usings  []string
	aliases map[string]string
	classes []*classDecl
	methods []*methodDecl
	consts  []*constDecl
	// returns are the parameterless static methods that only return a
	// value (C# "static string Entry() { return _entry; }" or "=> …"):
	// a call Entry() is that value.
	returns []*constDecl
	// top is a pseudo-method for the code outside every method (script
	// files, C# top-level statements).
	top *methodDecl
	// interesting is the byte prefilter's verdict: the file may hold
	// registrations, access requests or look-ups.
	interesting bool
	// assigns caches the file's part of the App-wide assignment tables:
	// a scan indexes a file once per lexing round.
	assigns *fileAssigns
}

// classDecl is a class, struct, interface, module or IDL runtimeclass.
type classDecl struct {
	name string // simple name
	full string // dotted full name
	ns   string
	kind string
	// public: the declaration itself says public (or is a MIDL
	// runtimeclass); whether the class is visible outside its assembly
	// also depends on the classes around it (see hiddenClasses).
	public bool
	sealed bool
	// outer is the full name of the enclosing class of a nested class, ""
	// for a class declared in a namespace.
	outer string
	// partial: a C# part that says partial (other parts may be elsewhere)
	partial bool
	bases   []string
	guid    string
	// guidMacro is the macro named in __declspec(uuid(MACRO)).
	guidMacro   string
	pos         Pos
	file        *fileModel
	methods     []*methodDecl
	isInterface bool
	// access is the C++ access section the parser is in while it reads
	// the class's body ("public", "private", "protected")
	access string
	// friends: the C++ class body declares a friend, which may call its
	// private members
	friends bool
	// protos are the C++ member functions the class body declares
	// without defining them ("static R^ Register(String^ name, T t =
	// nullptr);"): a header's declaration carries the default arguments
	// that the out-of-class definition in the .cpp leaves out.
	protos []prototype
}

// prototype is a C++ member function declaration without a body.
type prototype struct {
	name   string
	params []param
	// private: declared in a private section of its class (C++ access
	// labels; a class starts private, a struct public)
	private bool
	// virtual: declared virtual or override
	virtual bool
	pos     Pos
}

// methodDecl is a method or function with a body.
type methodDecl struct {
	name  string
	qual  string // C++ out-of-class qualifier (X in X::Run)
	class *classDecl
	// attached marks a method given to its class by
	// attachOutOfClassMethods, which undoes that when it runs again.
	attached bool
	ns       string
	params   []param
	// typeParams are a C# generic method's type parameters (T in
	// Register<T>(…)), bound at each call site to its type arguments.
	typeParams []string
	mods       []string // identifiers before the name (modifiers, return type)
	s, e       int      // body token range [s, e) in file.toks
	children   [][2]int // nested method ranges to skip
	pos        Pos
	file       *fileModel
	// member is true for a JavaScript function stored in an object
	// property or class (called as obj.name(...)); plain function
	// declarations are called by bare name.
	member bool
	// joined caches body() for a method with nested methods cut out (a
	// file's top-level code): the index and every call-site look-up ask
	// for it, and copying it each time was 37% of a workspace check's
	// allocations. One App is resolved by one goroutine, so no lock.
	joined []Token
}

type param struct {
	name string
	typ  string
	def  []Token // default value, if any
	// variadic marks a C# params / VB ParamArray parameter: a call may
	// leave it out or pass it several arguments.
	variadic bool
}

// constDecl is a named value that cannot change: const, static readonly,
// #define, VB Const, module-level script variables.
type constDecl struct {
	name  string
	class string // full name of the enclosing class ("" at namespace level)
	ns    string
	file  *fileModel
	expr  []Token
	pos   Pos
	// mutable is set for an ordinary field or script variable: it counts
	// as a constant only when nothing in the App assigns its name again.
	mutable bool
	// object is, for a property of the object literal that initialises
	// a script-level JavaScript variable, that variable: the property is
	// a value only as object.name (objectProperty), never as a bare name.
	object string
}

func (f *fileModel) pos(t Token) Pos {
	return Pos{File: f.sf.Path, Line: int(t.Line), Col: int(t.Col)}
}

// body returns the method's tokens with nested methods removed.
func (m *methodDecl) body() []Token {
	toks := m.file.toks
	if m.s < 0 || m.e > len(toks) || m.s > m.e {
		return nil
	}
	if len(m.children) == 0 {
		return toks[m.s:m.e:m.e] // no room: an append by a caller copies
	}
	if m.joined != nil {
		return m.joined
	}
	// Two passes over the child ranges: the first sizes the copy. Room for
	// the whole range [s, e) would hold every nested method again, once
	// per level of nesting (a script's top level, its wrapping function,
	// …: 100 MB per App of WinJS).
	n := 0
	m.eachOwnRange(func(a, b int) { n += b - a })
	out := make([]Token, 0, n) // exact: an append by a caller copies
	m.eachOwnRange(func(a, b int) { out = append(out, toks[a:b]...) })
	m.joined = out
	return m.joined
}

// eachOwnRange calls fn with each range [a, b) of m's body that lies
// outside its nested methods, in order.
func (m *methodDecl) eachOwnRange(fn func(a, b int)) {
	i := m.s
	for _, c := range m.children {
		if c[0] > i {
			fn(i, min(c[0], m.e))
		}
		if c[1] > i {
			i = c[1]
		}
	}
	if i < m.e {
		fn(i, m.e)
	}
}

func (m *methodDecl) paramIndex(name string, fold bool) int {
	for i, p := range m.params {
		if p.name == name || (fold && strings.EqualFold(p.name, name)) {
			return i
		}
	}
	return -1
}

// isPunct reports whether t is the punctuation p.
func isPunct(t Token, p string) bool { return t.Kind == TokPunct && t.Text == p }

func isIdent(t Token, s string) bool { return t.Kind == TokIdent && t.Text == s }

func isIdentFold(t Token, s string) bool {
	return t.Kind == TokIdent && strings.EqualFold(t.Text, s)
}

// isAccess reports whether t is a member-access operator in any language.
func isAccess(t Token) bool {
	return t.Kind == TokPunct && (t.Text == "." || t.Text == "->" || t.Text == "::" || t.Text == "?.")
}

// matchClose returns the index of the bracket closing toks[i] (one of
// ( [ {), or len(toks) when unbalanced.
func matchClose(toks []Token, i int) int {
	open := toks[i].Text
	var close string
	switch open {
	case "(":
		close = ")"
	case "[":
		close = "]"
	case "{":
		close = "}"
	case "<":
		close = ">"
	default:
		return i
	}
	depth := 0
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		case ";", "{", "}":
			if open == "<" {
				return len(toks)
			}
		}
	}
	return len(toks)
}

// splitTop splits toks at the separator sep found at bracket depth 0.
func splitTop(toks []Token, sep string) [][]Token {
	var out [][]Token
	depth, start := 0, 0
	for i, t := range toks {
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		default:
			if depth == 0 && t.Text == sep {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	if start < len(toks) || len(out) > 0 {
		out = append(out, toks[start:])
	}
	return out
}

// qualName reads a qualified name starting at toks[i] (A.B::C, skipping
// a leading global:: / Global. and template arguments). It returns the
// parts and the index after the name.
func qualName(toks []Token, i int) ([]string, int) {
	var parts []string
	for i < len(toks) {
		if toks[i].Kind != TokIdent {
			break
		}
		parts = append(parts, toks[i].Text)
		i++
		if i < len(toks) && isPunct(toks[i], "<") && i+1 < len(toks) && toks[i+1].Kind == TokIdent {
			if j := matchClose(toks, i); j < len(toks) {
				i = j + 1
			}
		}
		if i+1 < len(toks) && (isPunct(toks[i], ".") || isPunct(toks[i], "::")) && toks[i+1].Kind == TokIdent {
			i++
			continue
		}
		break
	}
	if len(parts) > 0 && (parts[0] == "global" || strings.EqualFold(parts[0], "Global")) {
		parts = parts[1:]
	}
	return parts, i
}

// exprText is the source text of a token range, with runs of whitespace
// (including newlines) collapsed to one space.
func exprText(src []Token) string {
	var sb strings.Builder
	for i, t := range src {
		if t.Kind == TokNewline {
			continue
		}
		if i > 0 {
			prev := src[i-1]
			if int(prev.Offset)+len(prev.Text) < int(t.Offset) && prev.Kind != TokNewline {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(t.Text)
		if sb.Len() > 400 {
			sb.WriteString("…")
			break
		}
	}
	return sb.String()
}

// cppNamespace normalises a C++ namespace path: winrt::A::B::implementation
// → A.B (the name the runtime class has).
func cppNamespace(ns string) string {
	ns = strings.TrimPrefix(ns, "winrt.")
	if ns == "winrt" {
		return ""
	}
	ns = strings.TrimSuffix(ns, ".implementation")
	if ns == "implementation" {
		return ""
	}
	return ns
}

func joinNS(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}

func lastPart(s string) string {
	if k := strings.LastIndexByte(s, '.'); k >= 0 {
		return s[k+1:]
	}
	return s
}

// mentionsWord reports whether s contains the identifier w as a whole word.
func mentionsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		if (a == 0 || !isIdentByte(s[a-1])) && (b == len(s) || !isIdentByte(s[b])) {
			return true
		}
		i = b
	}
}
