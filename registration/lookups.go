package registration

import "strings"

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
	// Any is true when the look-up may match any task: no comparison with
	// a Name was found (every task is unregistered, or the look-up is
	// handed on), or a compared value could not be resolved.
	Any bool `json:"any"`
}

// lookUps finds the look-ups of the registered tasks in the App's
// interesting files and the names each compares with.
func lookUps(ix *appIndex) []LookUp {
	var out []LookUp
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
			names, poss, any := comparedNames(ctxFor(ix, f, m, nil), toks)
			for _, p := range at {
				out = append(out, LookUp{Pos: p, Names: names, NamePos: poss, Any: any})
			}
		}
	}
	return out
}

// comparedNames lists the resolved values compared with a .Name member in
// toks; any is true when none is found or one cannot be resolved.
func comparedNames(c *ectx, toks []Token) (names []string, poss []Pos, any bool) {
	seen := map[string]bool{}
	found := false
	add := func(expr []Token) {
		expr = trimExpr(expr)
		if len(expr) == 0 {
			any = true
			return
		}
		found = true
		v := valueOf(c, expr)
		if !v.Resolved {
			any = true
			return
		}
		if !seen[v.Str] {
			seen[v.Str] = true
			names = append(names, v.Str)
			poss = append(poss, v.Pos)
		}
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
			add(toks[start:comparandEnd(toks, start)])
		case j+2 < len(toks) && isAccess(toks[j]) && (isIdentFold(toks[j+1], "Equals") || isIdentFold(toks[j+1], "equals")) && isPunct(toks[j+2], "("):
			close := matchClose(toks, j+2)
			args := splitTop(toks[j+3:min(close, len(toks))], ",")
			if len(args) > 0 {
				add(args[0])
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
				any = true // a Name read some other way
			}
		}
	}
	if !found {
		any = true
	}
	return names, poss, any
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
