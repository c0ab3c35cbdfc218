package registration

import "strings"

// nestedMask marks the tokens of a method body b that belong to code nested
// in it: C# lambdas (`=>`), anonymous delegates and local functions, C++
// lambdas (`[…](…) { … }`), VB lambdas (`Sub(…)`, `Function(…)`, single or
// multi-line). That code runs when it is invoked, not as part of the body:
// an await there is not the method's own. nil when nothing is nested.
func nestedMask(lang Language, b []Token) []bool {
	var mask []bool
	mark := func(from, to int) {
		if mask == nil {
			mask = make([]bool, len(b))
		}
		for k := max(from, 0); k <= to && k < len(b); k++ {
			mask[k] = true
		}
	}
	switch lang {
	case CSharp:
		for i, t := range b {
			switch {
			case isPunct(t, "=>"):
				if i+1 < len(b) && isPunct(b[i+1], "{") {
					mark(i, matchClose(b, i+1))
				} else {
					mark(i, lambdaExprEnd(b, i+1))
				}
			case isIdent(t, "delegate") && i+1 < len(b):
				k := i + 1
				if isPunct(b[k], "(") {
					k = matchClose(b, k) + 1
				}
				if k < len(b) && isPunct(b[k], "{") {
					mark(i, matchClose(b, k))
				}
			case isPunct(t, "{") && csLocalFunction(b, i):
				mark(i, matchClose(b, i))
			}
		}
	case CPP:
		for i, t := range b {
			if isPunct(t, "{") && cppLambdaBody(b, i) {
				mark(i, matchClose(b, i))
			}
		}
	case VB:
		for i := 0; i+1 < len(b); i++ {
			if end := vbLambdaEnd(b, i); end > i {
				mark(i, end)
			}
		}
	}
	return mask
}

// lambdaExprEnd returns the last token of an expression-bodied lambda whose
// body starts at j: it ends before a top-level ',' or ';' or the bracket
// that closes an enclosing one.
func lambdaExprEnd(b []Token, j int) int {
	depth := 0
	for k := j; k < len(b); k++ {
		if b[k].Kind != TokPunct {
			continue
		}
		switch b[k].Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth < 0 {
				return k - 1
			}
		case ",", ";":
			if depth == 0 {
				return k - 1
			}
		}
	}
	return len(b) - 1
}

// csControlWords take a parenthesised part before a block: `if (x) {` is
// no local function.
var csControlWords = map[string]bool{
	"if": true, "while": true, "for": true, "foreach": true, "using": true, "lock": true, "switch": true,
	"catch": true, "when": true, "fixed": true, "return": true, "await": true, "new": true, "nameof": true,
	"typeof": true, "sizeof": true, "checked": true, "unchecked": true, "default": true, "base": true, "this": true,
}

// csLocalFunction reports a C# local function's block at b[i]:
// `Type Name(…) {` (the name follows a type, not `new` or an access).
func csLocalFunction(b []Token, i int) bool {
	if i < 3 || !isPunct(b[i-1], ")") {
		return false
	}
	open := matchOpen(b[:i], i-1)
	if open < 2 || b[open-1].Kind != TokIdent || csControlWords[b[open-1].Text] {
		return false
	}
	prev := b[open-2]
	if prev.Kind == TokIdent {
		return !csControlWords[prev.Text] && prev.Text != "else" && prev.Text != "in" && prev.Text != "is"
	}
	// a generic or array return type: Task<int> Local() { … }
	return isPunct(prev, ">") || isPunct(prev, "]") || isPunct(prev, "?")
}

// cppLambdaBody reports a C++ lambda's body at b[i]: `[…] {`, `[…](…) {`,
// with specifiers and a trailing return type between (`mutable`,
// `-> winrt::fire_and_forget`).
func cppLambdaBody(b []Token, i int) bool {
	k := i - 1
	for steps := 0; k >= 0 && steps < 24; steps++ {
		t := b[k]
		switch {
		case isPunct(t, "]"):
			return true
		case isPunct(t, ")"):
			open := matchOpen(b[:k+1], k)
			return open > 0 && isPunct(b[open-1], "]")
		case t.Kind == TokIdent, isPunct(t, "::"), isPunct(t, "->"), isPunct(t, "<"), isPunct(t, ">"), isPunct(t, ","), isPunct(t, "&"), isPunct(t, "*"):
			k--
		default:
			return false
		}
	}
	return false
}

// vbLambdaEnd returns the last token of a VB lambda starting at b[i]
// ([Async] Sub(…) / Function(…)), or -1. A multi-line lambda ends at its
// End Sub / End Function; a single-line one at the end of its line, a
// top-level ',' or the bracket closing an enclosing one.
func vbLambdaEnd(b []Token, i int) int {
	t := b[i]
	if !(isIdentFold(t, "Sub") || isIdentFold(t, "Function")) || !isPunct(b[i+1], "(") {
		return -1
	}
	if i > 0 && (isIdentFold(b[i-1], "End") || isIdentFold(b[i-1], "Exit") || isIdentFold(b[i-1], "Declare")) {
		return -1
	}
	j := matchClose(b, i+1) + 1
	if j < len(b) && isIdentFold(b[j], "As") {
		_, j = qualName(b, j+1)
	}
	if j >= len(b) {
		return len(b) - 1
	}
	if b[j].Kind == TokNewline {
		kind := strings.ToLower(t.Text)
		depth := 1
		for k := j; k+1 < len(b); k++ {
			if isIdentFold(b[k], "End") && isIdentFold(b[k+1], kind) {
				depth--
				if depth == 0 {
					return k + 1
				}
				continue
			}
			if isIdentFold(b[k], kind) && isPunct(b[k+1], "(") && !(k > 0 && (isIdentFold(b[k-1], "End") || isIdentFold(b[k-1], "Exit"))) {
				if e := matchClose(b, k+1) + 1; e < len(b) && b[e].Kind == TokNewline {
					depth++
				}
			}
		}
		return len(b) - 1
	}
	depth := 0
	for k := j; k < len(b); k++ {
		switch {
		case b[k].Kind == TokNewline:
			if depth == 0 {
				return k - 1
			}
		case isPunct(b[k], "("), isPunct(b[k], "{"):
			depth++
		case isPunct(b[k], ")"), isPunct(b[k], "}"):
			depth--
			if depth < 0 {
				return k - 1
			}
		case isPunct(b[k], ","):
			if depth == 0 {
				return k - 1
			}
		}
	}
	return len(b) - 1
}
