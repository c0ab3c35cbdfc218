package registration

import "strings"

// Receivers of member calls: obj.Register(...) is a call of the App's
// helper Register only when obj is that helper's class (a static call),
// this/base, or a variable, field or parameter whose declared or
// constructed type is that class (or an interface it implements). Any
// other receiver — DependencyProperty.Register(...) in a XAML control, a
// COM helper's registerType.Register() — calls another method of the
// same name.

// receiverName reads the plain name before the access operator at
// toks[acc], outermost first; nil when the receiver is not a plain
// (possibly qualified) name.
func receiverName(toks []Token, acc int) []string {
	var parts []string
	k := acc - 1
	for k >= 0 && toks[k].Kind == TokIdent {
		parts = append(parts, toks[k].Text)
		if k >= 2 && isAccess(toks[k-1]) && toks[k-2].Kind == TokIdent {
			k -= 2
			continue
		}
		if k >= 1 && (isPunct(toks[k-1], ")") || isPunct(toks[k-1], "]") || isPunct(toks[k-1], ">")) {
			return nil // f().x.Name(...), a[i].x.Name(...)
		}
		break
	}
	if k < 0 || len(parts) == 0 {
		return nil
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	return parts
}

// receiverMayBe reports whether the member call cs may call helper h.
func (ix *appIndex) receiverMayBe(cs callSite, h *methodDecl) bool {
	if len(cs.recv) == 0 {
		return false
	}
	fold := cs.m.file.lang == VB || h.file.lang == VB
	last := cs.recv[len(cs.recv)-1]
	switch strings.ToLower(last) {
	case "this", "base", "me", "mybase", "myclass":
		return true
	}
	owner, bases := helperOwner(h)
	if owner == "" {
		// a C++ free function reached through its namespace (ns::Name)
		return h.file.lang == CPP && ix.classesNamed(last, false) == nil && !cs.m.declares(last, fold)
	}
	if equalName(last, owner, fold) {
		return true // a static call: Helper.Register(...)
	}
	if len(cs.recv) > 2 || (len(cs.recv) == 2 && !isSelf(cs.recv[0])) {
		return false
	}
	typ := cs.m.typeOf(last, fold)
	if typ == "" {
		return false
	}
	if equalName(typ, owner, fold) {
		return true
	}
	for _, b := range bases {
		if equalName(typ, lastPart(strings.ReplaceAll(b, "::", ".")), fold) {
			return true
		}
	}
	return false
}

func isSelf(s string) bool {
	switch strings.ToLower(s) {
	case "this", "me":
		return true
	}
	return false
}

// helperOwner is the simple name of the class that defines h ("" for a
// free function) and that class's bases.
func helperOwner(h *methodDecl) (string, []string) {
	if h.class != nil {
		return h.class.name, h.class.bases
	}
	if h.qual != "" {
		return lastPart(strings.ReplaceAll(h.qual, "::", ".")), nil
	}
	return "", nil
}

// declares reports whether name is a parameter of m.
func (m *methodDecl) declares(name string, fold bool) bool {
	return m.paramIndex(name, fold) >= 0
}

// typeOf is the simple type name of a parameter, local or field named
// name as seen from m: its declared type (Type name, Type^ name, Dim name
// As Type) or the class it is constructed from (name = new Type(...),
// Dim name As New Type); "" when unknown.
func (m *methodDecl) typeOf(name string, fold bool) string {
	if i := m.paramIndex(name, fold); i >= 0 {
		return simpleTypeName(m.params[i].typ)
	}
	toks := m.file.toks
	for k, t := range toks {
		if t.Kind != TokIdent || !equalName(t.Text, name, fold) {
			continue
		}
		if k >= 1 && toks[k-1].Kind == TokIdent && !declarationKeyword(toks[k-1].Text) && !isAccess(tokAt(toks, k-2)) {
			return toks[k-1].Text // Type name
		}
		if k >= 2 && (isPunct(toks[k-1], "^") || isPunct(toks[k-1], "*") || isPunct(toks[k-1], "&")) && toks[k-2].Kind == TokIdent {
			return toks[k-2].Text // Type^ name
		}
		if k+2 < len(toks) && (isPunct(toks[k+1], "=") || isIdentFold(toks[k+1], "As")) {
			j := k + 2
			switch {
			case isIdent(toks[j], "new") || isIdent(toks[j], "gcnew") || isIdentFold(toks[j], "New"):
				j++
			case isIdent(toks[j], "ref") && j+1 < len(toks) && isIdent(toks[j+1], "new"):
				j += 2
			case !isIdentFold(toks[k+1], "As"):
				continue
			}
			if parts, _ := qualName(toks, j); len(parts) > 0 {
				return parts[len(parts)-1]
			}
		}
	}
	return ""
}

// declarationKeyword lists words that stand before a name without being
// its type.
func declarationKeyword(s string) bool {
	switch strings.ToLower(s) {
	case "var", "auto", "dim", "let", "const", "return", "await", "co_await", "new", "in", "of", "is", "as", "else", "case", "goto", "throw", "yield", "typeof", "nameof", "sizeof", "delete", "out", "ref":
		return true
	}
	return false
}

// simpleTypeName is the last part of a declared type ("const Ns::Helper&"
// → "Helper", "Ns.Helper?" → "Helper").
func simpleTypeName(typ string) string {
	typ = strings.TrimSpace(typ)
	if i := strings.IndexByte(typ, '<'); i >= 0 {
		typ = typ[:i]
	}
	typ = strings.TrimRight(typ, "^*&? []")
	typ = strings.ReplaceAll(typ, "::", ".")
	if i := strings.LastIndexAny(typ, ". "); i >= 0 {
		typ = typ[i+1:]
	}
	return typ
}
