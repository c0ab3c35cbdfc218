package registration

import "strings"

// A builder holds one trigger: SetTrigger replaces the one before. Which
// trigger a Register() takes depends on the paths that reach it, so the
// builder keeps every SetTrigger it met (triggerSet), in the order the
// walk met them, and each Register() takes the ones that can still be set
// there (reaching). The walk is in source order and helper bodies are
// walked at their call sites, so that order is the order of execution in
// straight-line code.

// triggerSet is one SetTrigger call on a builder.
type triggerSet struct {
	trigger Trigger
	// body is the method body holding the call (nil for a call the walk
	// cannot place), at the index of its member token in body.
	body []Token
	at   int
}

// reaching lists the triggers a Register() at body[r] can take: those set
// since the last SetTrigger that runs on every path to it. That is a
// SetTrigger of the same body, before r, that is no branch's choice and
// whose block (or switch section) holds r: every way into that block
// passes it before r. A SetTrigger inside an if, a loop, a case, a catch
// or a lambda replaces the ones before it only for a Register() of its
// own block; after the block either may be the one set. Without such a
// SetTrigger (a Register() in another body than every SetTrigger: a field
// builder, a helper) every trigger set so far may be the one.
//
// Several triggers are possible triggers, not several at once: BG102
// checks each, BG105 counts each as used.
func reaching(lang Language, sets []triggerSet, body []Token, r int) []Trigger {
	from := 0
	for k := len(sets) - 1; k >= 0; k-- {
		s := sets[k]
		if s.body != nil && sameBody(s.body, body) && s.at < r && dominates(lang, body, s.at, r) {
			from = k
			break
		}
	}
	out := make([]Trigger, 0, len(sets)-from)
	for _, s := range sets[from:] {
		out = append(out, s.trigger)
	}
	return out
}

func sameBody(a, b []Token) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}

// dominates reports whether the SetTrigger whose member token is toks[p]
// runs on every path to toks[r] (p < r): its statement is unconditional
// and r lies in the rest of its block or switch section.
func dominates(lang Language, toks []Token, p, r int) bool {
	if !unconditional(lang, toks, p) {
		return false
	}
	if lang == VB {
		return r < vbSectionEnd(toks, p)
	}
	return r < sectionEnd(toks, p)
}

// controlWords begin or guard a statement's branch (lower case). A
// SetTrigger in a statement that holds one before it ("if (x)
// b.SetTrigger(…)", "If x Then b.SetTrigger(…)", a lambda) may not run.
var controlWords = map[string]bool{
	"if": true, "else": true, "elseif": true, "then": true, "while": true, "for": true, "foreach": true, "each": true,
	"do": true, "loop": true, "until": true, "switch": true, "select": true, "case": true, "default": true,
	"try": true, "catch": true, "finally": true, "when": true, "using": true, "lock": true, "synclock": true,
	"fixed": true, "return": true, "yield": true, "goto": true, "sub": true, "function": true, "delegate": true,
	"co_await": true, "await": true,
}

// unconditional reports whether the statement holding toks[p] reaches
// toks[p] whenever it runs: what stands before p in the statement is only
// the receiver (names, member access, casts, parentheses). A C-family
// case label that opens the statement is the start of its section, not a
// condition. Anything else (a braceless if, else or loop body, a VB
// single-line If, a lambda, a ternary, a label, several VB statements
// after ':') makes p a branch's choice.
func unconditional(lang Language, toks []Token, p int) bool {
	start := 0
	if lang == VB {
		depth := 0
		for k := p - 1; k >= 0; k-- {
			t := toks[k]
			if t.Kind == TokNewline && depth == 0 {
				start = k + 1
				break
			}
			if isPunct(t, ")") {
				depth++
			} else if isPunct(t, "(") {
				if depth == 0 {
					start = k // inside an argument list: the "(" is no receiver
					break
				}
				depth--
			}
		}
	} else {
		start = statementStart(lang, toks, p)
		if start > 0 && isPunct(toks[start-1], "(") {
			start-- // inside an argument list, as above
		}
		if start < p && (isIdent(toks[start], "case") || isIdent(toks[start], "default")) {
			if colon := labelColon(toks, start, p); colon >= 0 {
				start = colon + 1
			}
		}
	}
	for _, t := range toks[start:p] {
		switch t.Kind {
		case TokIdent:
			if controlWords[strings.ToLower(t.Text)] {
				return false
			}
		case TokPunct:
			switch t.Text {
			case ".", "->", "::", "?.", "(", ")", "<", ">", "^":
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// labelColon is the index of the ':' that ends the case label starting at
// toks[start], before p (-1 when there is none).
func labelColon(toks []Token, start, p int) int {
	depth := 0
	for k := start; k < p; k++ {
		switch {
		case isPunct(toks[k], "(") || isPunct(toks[k], "["):
			depth++
		case isPunct(toks[k], ")") || isPunct(toks[k], "]"):
			depth--
		case isPunct(toks[k], ":") && depth == 0:
			return k
		}
	}
	return -1
}

// sectionEnd is the index where the C-family block holding toks[p] ends:
// its closing brace, the next case label of its switch, or the close of
// an argument list p is in.
func sectionEnd(toks []Token, p int) int {
	braces, parens := 0, 0
	for k := p; k < len(toks); k++ {
		t := toks[k]
		switch t.Kind {
		case TokPunct:
			switch t.Text {
			case "(", "[":
				parens++
			case ")", "]":
				if parens--; parens < 0 {
					return k
				}
			case "{":
				braces++
			case "}":
				if braces--; braces < 0 {
					return k
				}
			}
		case TokIdent:
			if braces == 0 && parens == 0 && (t.Text == "case" || t.Text == "default" && k+1 < len(toks) && isPunct(toks[k+1], ":")) {
				return k
			}
		}
	}
	return len(toks)
}

// vbBlockOpeners begin a Visual Basic block statement that an End, Next or
// Loop statement closes (a block If is recognised by its last token,
// Select by the Case after it).
var vbBlockOpeners = map[string]bool{
	"for": true, "while": true, "do": true, "try": true, "using": true, "with": true, "synclock": true,
}

// vbSectionEnd is the index where the Visual Basic block holding toks[p]
// ends: the End, Next or Loop statement that closes it, the Else, ElseIf,
// Case, Catch or Finally that starts its next branch, or the close of an
// argument list p is in.
func vbSectionEnd(toks []Token, p int) int {
	depth, parens := 0, 0
	for k := p; k < len(toks); k++ {
		t := toks[k]
		if isPunct(t, "(") || isPunct(t, "{") {
			parens++
		} else if isPunct(t, ")") || isPunct(t, "}") {
			if parens--; parens < 0 {
				return k
			}
		}
		if parens > 0 || !(t.Kind == TokNewline || isPunct(t, ":")) || k+1 >= len(toks) {
			continue
		}
		// toks[k+1:end] is the next statement
		s := k + 1
		end := s
		for d := 0; end < len(toks); end++ {
			u := toks[end]
			if d == 0 && (u.Kind == TokNewline || isPunct(u, ":")) {
				break
			}
			if isPunct(u, "(") || isPunct(u, "{") {
				d++
			} else if isPunct(u, ")") || isPunct(u, "}") {
				d--
			}
		}
		first := toks[s]
		if first.Kind != TokIdent {
			continue
		}
		switch w := strings.ToLower(first.Text); {
		case w == "end" && s+1 < end && isIdentFold(toks[s+1], "With") && depth == 0:
			// With runs its block once, always: the SetTrigger in it
			// still runs on every path to what follows End With
		case w == "end" && s+1 < end && toks[s+1].Kind == TokIdent, w == "next", w == "loop":
			if depth--; depth < 0 {
				return s
			}
		case w == "else" || w == "elseif" || w == "case" || w == "catch" || w == "finally":
			if depth == 0 {
				return s
			}
		case w == "if":
			if vbBlockIf(toks[s:end]) {
				depth++
			}
		case vbBlockOpeners[w], w == "select" && s+1 < end && isIdentFold(toks[s+1], "Case"):
			// (a query's Select on a line of its own is no block)
			depth++
		default:
			depth += vbLambdaOpens(toks[s:end])
		}
	}
	return len(toks)
}

// vbBlockIf reports whether the If statement s opens a block: Then is its
// last token (a single-line If has its statement after Then).
func vbBlockIf(s []Token) bool {
	return len(s) > 0 && isIdentFold(s[len(s)-1], "Then")
}
