package registration

// WinJS samples keep entry points as properties of an object literal held
// in a script-level variable, and pass them to a registration helper:
//
//	var Tasks = { "syncEntryPoint": "js\\sync.js", … };
//	Tasks.register(Tasks.syncEntryPoint, …);
//
// Tasks.syncEntryPoint is that string only while nothing replaces it: the
// variable must be declared once and never assigned again, and no code may
// assign the property (Tasks.syncEntryPoint = …, Tasks[k] = …,
// this.syncEntryPoint = … in one of its methods, Object.assign(Tasks, …)).
// The scanner collects every such assignment target of the App's scripts;
// a property it cannot be sure of stays unresolved.

// jsAssignTargets lists the member chains a script assigns, each as
// written: "Tasks" (Tasks = …, and also var Tasks = …), "Tasks.entry"
// (Tasks.entry = …, Tasks.entry += …, Tasks.entry++, delete
// Tasks.entry), "Tasks[]" (an index assignment Tasks[k] = …, or Tasks
// handed to Object.assign, defineProperty, WinJS.Class.mix, $.extend as
// the object they change), "this.entry".
func jsAssignTargets(toks []Token) []string {
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	for k, t := range toks {
		switch t.Kind {
		case TokPunct:
			switch t.Text {
			case "=":
				if e, ok := jsAssignedBefore(toks, k); ok {
					add(jsChainBefore(toks, e))
				}
			case "+=", "-=", "&=":
				add(jsChainBefore(toks, k-1))
			case "+", "-":
				if incDecAt(toks, k) {
					add(jsChainBefore(toks, k-1)) // x++
					add(jsChainAfter(toks, k+2))  // ++x
				}
			}
		case TokIdent:
			switch t.Text {
			case "delete":
				add(jsChainAfter(toks, k+1))
			case "assign", "defineProperty", "defineProperties", "setPrototypeOf", "mix", "extend":
				if k+2 < len(toks) && isPunct(toks[k+1], "(") {
					if c := jsChainAfter(toks, k+2); c != "" {
						add(c + "[]")
					}
				}
			}
		}
	}
	return out
}

// jsAssignedBefore reports whether the "=" at toks[k] is an assignment
// (plain or compound: the lexer splits *=, >>=, ||=, ??= … into an
// operator and "="), and the index of the last token of its target.
// "===" and "!==" ("==" or "!=" glued to "=") and ">=" compare.
func jsAssignedBefore(toks []Token, k int) (int, bool) {
	e := k - 1
	glued := func(i int) bool {
		return i >= 0 && toks[i].Kind == TokPunct && int(toks[i].Offset)+len(toks[i].Text) == int(toks[i+1].Offset)
	}
	if !glued(e) {
		return e, e >= 0
	}
	switch toks[e].Text {
	case "==", "!=":
		return 0, false
	case ">", "<":
		if !glued(e-1) || toks[e-1].Text != toks[e].Text {
			return 0, false // >= (<= is one token)
		}
		for glued(e-1) && toks[e-1].Text == toks[e].Text {
			e-- // <<=, >>=, >>>=
		}
		return e - 1, true
	case "*", "/", "%", "|", "^", "||", "??", "&&", "&":
		for glued(e-1) && toks[e-1].Text == toks[e].Text {
			e-- // **=
		}
		return e - 1, true
	case ")", "]":
		return e, true
	}
	return 0, false
}

// jsChainBefore spells the member chain that ends at toks[e] (Tasks,
// Tasks.entry, this.entry, Tasks[…] as "Tasks[]"), or "" when toks[e]
// does not end one (a call, a literal).
func jsChainBefore(toks []Token, e int) string {
	if e < 0 || e >= len(toks) {
		return ""
	}
	var segs []string // last first
	k := e
	for k >= 0 {
		switch {
		case isPunct(toks[k], "]"):
			open := matchOpenBracket(toks, k)
			if open <= 0 {
				return ""
			}
			segs, k = append(segs, "[]"), open-1
			continue
		case toks[k].Kind == TokIdent:
			segs = append(segs, toks[k].Text)
			if k >= 2 && (isPunct(toks[k-1], ".") || isPunct(toks[k-1], "?.")) {
				k -= 2
				continue
			}
		default:
			return ""
		}
		break
	}
	if len(segs) == 0 || segs[len(segs)-1] == "[]" {
		return ""
	}
	chain := segs[len(segs)-1]
	for i := len(segs) - 2; i >= 0; i-- {
		if segs[i] == "[]" {
			return chain + "[]" // anything under an index may be any property
		}
		chain += "." + segs[i]
	}
	return chain
}

// jsChainAfter spells the member chain that starts at toks[s] (see
// jsChainBefore).
func jsChainAfter(toks []Token, s int) string {
	if s >= len(toks) || toks[s].Kind != TokIdent {
		return ""
	}
	chain := toks[s].Text
	for k := s + 1; k+1 < len(toks); k += 2 {
		switch {
		case isPunct(toks[k], "["):
			return chain + "[]"
		case (isPunct(toks[k], ".") || isPunct(toks[k], "?.")) && toks[k+1].Kind == TokIdent:
			chain += "." + toks[k+1].Text
		default:
			return chain
		}
	}
	return chain
}

// matchOpenBracket returns the index of the "[" that the "]" at close
// closes, or -1.
func matchOpenBracket(toks []Token, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		switch {
		case isPunct(toks[k], "]"):
			depth++
		case isPunct(toks[k], "["):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// jsPropertyAssigned reports whether any script of the App assigns
// property prop of obj, or may: through an index or a helper that
// changes obj, or through this in one of its methods.
func (ix *appIndex) jsPropertyAssigned(obj, prop string) bool {
	return ix.jsTargets[obj+"."+prop] > 0 || ix.jsTargets[obj+"[]"] > 0 || ix.jsTargets["this."+prop] > 0
}

// scriptObjectProperty resolves obj.prop where obj is a script-level
// variable initialised with an object literal (jsConstants), declared
// once in the App's scripts and never assigned again, and prop is one of
// the literal's properties that no code assigns. found is false when no
// such literal has the property.
func (c *ectx) scriptObjectProperty(obj, prop string) (val, bool) {
	var cands []*constDecl
	for _, k := range c.ix.constsNamed(prop, false) {
		if k.object == obj && k.file.lang == JavaScript {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return val{}, false
	}
	c.ix.want(obj) // a script that assigns obj again is read too
	if c.ix.jsTargets[obj] != 1 || c.ix.jsPropertyAssigned(obj, prop) {
		return val{}, true // declared twice, or replaced: which value holds depends on run-time order
	}
	return c.agree(cands)
}

// jsLiteralValue reports whether expr is a string or number literal,
// possibly followed by "+ literal-or-name" terms: the values jsConstants
// records for every property.
func jsLiteralValue(expr []Token) bool {
	if len(expr) == 0 || expr[0].Kind != TokString && expr[0].Kind != TokNumber || len(expr)%2 == 0 {
		return false
	}
	for i := 1; i+1 < len(expr); i += 2 {
		if !isPunct(expr[i], "+") || expr[i+1].Kind != TokString && expr[i+1].Kind != TokIdent {
			return false
		}
	}
	return true
}
