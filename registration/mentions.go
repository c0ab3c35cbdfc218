package registration

import (
	"strings"
)

// Mentions of a name in code: the scanner's answer to "does some source
// still spell this entry point?", which rules ask when no registration
// of a declared task was found (the registration may be code the
// scanner could not follow). Only code that may run counts: comments and
// code an #if false / #if 0 leaves out are not tokens, a string kept in a
// constant that nothing uses is not a mention either, and neither is what
// a private method nothing calls spells (its registrations are Unreached).

// mentioned lists the names of want that the lexed files mention: as a
// string literal (a path compared with either separator and any case),
// or, for a class name, as a type reference (typeof(X), nameof(X),
// GetType(X), __uuidof(X), name_of<X>, guid_of<X>). A file not lexed yet
// that spells a name is lexed.
//
// A name that a registration found uses as its entry point is left out
// (unless the registration is Unreached): a rule asks whether code
// mentions a name only when nothing registers it (BG104), so the answer is
// never read, and the App's other files need not be searched for it.
func mentioned(ix *appIndex, want []string, regs []Registration) []string {
	if len(want) == 0 {
		return nil
	}
	registered := map[string]bool{}
	for i := range regs {
		if r := &regs[i]; !r.Discarded && !r.Unreached && r.EntryPoint.Resolved {
			registered[r.EntryPoint.Str] = true
		}
	}
	var out []string
	for _, name := range want {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if registered[name] {
			continue
		}
		ix.want(name)
		if ix.mentions(name) {
			out = append(out, name)
		}
	}
	return out
}

// mentions reports whether some lexed file mentions name in live code.
func (ix *appIndex) mentions(name string) bool {
	path := isPathName(name)
	simple := ""
	if !path {
		simple = lastPart(strings.ReplaceAll(name, "::", "."))
	}
	for _, f := range ix.files {
		toks := f.toks
		for i, t := range toks {
			hit := false
			// at is where the spelling starts: typeof(X) starts at typeof,
			// which a discarded builder's value records as its origin.
			at := t
			switch t.Kind {
			case TokString:
				hit = !t.Holes && (t.Value == name || path && sameScriptPath(t.Value, name))
			case TokIdent:
				var start int
				start, hit = typeReferenceAt(toks, i)
				hit = hit && simple != "" && t.Text == simple
				if hit && simple != name && isIdentFold(toks[start], "nameof") && !concatenated(toks, start, i+1) {
					// nameof(X) alone is the simple name: a task's Name,
					// never the entry point of a class in a namespace
					hit = false
				}
				if hit {
					at = toks[start]
				}
			}
			if hit && !ix.discarded[f.pos(t)] && !ix.discarded[f.pos(at)] && !ix.inDead(f, i) && !ix.inUnusedConstant(f, t) {
				return true
			}
		}
		for _, d := range f.defines {
			for _, t := range d.Tokens {
				if t.Kind == TokString && t.Value == name && ix.nameUsed(d.Name, false, nil, "") {
					return true
				}
			}
		}
	}
	return false
}

// isPathName reports whether name is a JavaScript task's StartPage (a
// file path) rather than a class name.
func isPathName(name string) bool {
	return strings.ContainsAny(name, `\/`) || strings.HasSuffix(strings.ToLower(name), ".js")
}

// sameScriptPath compares two package-relative paths: separators, a
// leading ".\" or "\" and case do not matter.
func sameScriptPath(a, b string) bool {
	norm := func(s string) string {
		s = strings.ReplaceAll(strings.TrimSpace(s), "/", `\`)
		s = strings.TrimPrefix(s, `.\`)
		s = strings.TrimPrefix(s, `\`)
		return strings.ToLower(s)
	}
	return norm(a) == norm(b)
}

// concatenated reports whether the expression toks[start] … toks[end]
// (end at its closing parenthesis) is an operand of + or &.
func concatenated(toks []Token, start, end int) bool {
	op := func(t Token) bool { return isPunct(t, "+") || isPunct(t, "&") }
	return start > 0 && op(toks[start-1]) || end+1 < len(toks) && op(toks[end+1])
}

// typeReferenceAt reports whether the identifier at toks[i] ends a type
// reference that names a class as a value: typeof(Ns.X), nameof(X),
// GetType(X), __uuidof(X), name_of<Ns::X>, guid_of<X>; start is the index
// of its operator (typeof, name_of…).
func typeReferenceAt(toks []Token, i int) (start int, ok bool) {
	if i+1 < len(toks) && isAccess(toks[i+1]) {
		return 0, false // Ns.X.Y: X is not the last part
	}
	j := i
	for j >= 2 && isAccess(toks[j-1]) && toks[j-2].Kind == TokIdent {
		j -= 2
	}
	if j >= 1 && isAccess(toks[j-1]) {
		j-- // global::X
	}
	if j < 2 {
		return 0, false
	}
	open, fn := toks[j-1], toks[j-2]
	if fn.Kind != TokIdent {
		return 0, false
	}
	switch {
	case isPunct(open, "("):
		switch strings.ToLower(fn.Text) {
		case "typeof", "gettype":
			// typeof(X).Name is the class's simple name, which names a
			// task (a registration's Name, a lookup among AllTasks) but
			// never its entry point
			if i+3 < len(toks) && isPunct(toks[i+1], ")") && isAccess(toks[i+2]) && isIdent(toks[i+3], "Name") {
				return 0, false
			}
			return j - 2, true
		case "nameof", "__uuidof", "_uuidof":
			return j - 2, true
		}
	case isPunct(open, "<"):
		return j - 2, fn.Text == "name_of" || fn.Text == "guid_of"
	}
	return 0, false
}

// inUnusedConstant reports whether token t of f lies in the initialiser
// of a constant (or never reassigned field, or script variable) whose
// name no other code of the App uses.
func (ix *appIndex) inUnusedConstant(f *fileModel, t Token) bool {
	for _, k := range f.consts {
		if len(k.expr) == 0 {
			continue
		}
		first, last := k.expr[0], k.expr[len(k.expr)-1]
		if t.Offset < first.Offset || t.Offset > last.Offset {
			continue
		}
		decl := k.pos
		return !ix.nameUsed(lastPart(k.name), f.lang == VB, &decl, lastPart(k.class))
	}
	return false
}

// declaresConstant reports whether p is where a constant named name is
// declared.
func (ix *appIndex) declaresConstant(p Pos, name string) bool {
	for _, k := range ix.consts[strings.ToLower(name)] {
		if k.pos == p {
			return true
		}
	}
	return false
}

// nameUsed reports whether an identifier spelled name occurs in some lexed
// file (or #define) other than at skip. For a constant of class owner
// (simple name), Other.name, where Other is another class of the App, is a
// use of Other's constant, not of this one.
func (ix *appIndex) nameUsed(name string, fold bool, skip *Pos, owner string) bool {
	ix.want(name)
	for _, f := range ix.files {
		for i, t := range f.toks {
			if t.Kind != TokIdent || !(t.Text == name || (fold || f.lang == VB) && strings.EqualFold(t.Text, name)) {
				continue
			}
			if skip != nil && skip.File == f.sf.Path && skip.Line == int(t.Line) && skip.Col == int(t.Col) {
				continue
			}
			if ix.discarded[f.pos(t)] {
				continue // the constant spells a discarded builder's entry point
			}
			if ix.inDead(f, i) {
				continue // used only by a method nothing calls
			}
			if ix.declaresConstant(f.pos(t), name) {
				continue // another class's constant of the same name
			}
			if owner != "" && i >= 2 && isAccess(f.toks[i-1]) && ix.otherClass(f.toks[i-2], owner, f.lang == VB) {
				continue
			}
			return true
		}
		for _, d := range f.defines {
			for _, t := range d.Tokens {
				if t.Kind == TokIdent && t.Text == name {
					return true
				}
			}
		}
	}
	return false
}

// otherClass reports whether t names a class of the App other than owner.
func (ix *appIndex) otherClass(t Token, owner string, fold bool) bool {
	if t.Kind != TokIdent || t.Text == owner || fold && strings.EqualFold(t.Text, owner) {
		return false
	}
	if fold {
		return len(ix.lower[strings.ToLower(t.Text)]) > 0
	}
	return len(ix.classes[t.Text]) > 0
}
