package registration

import "strings"

// JavaScript ends a statement at a line break when the next token cannot
// continue it (automatic semicolon insertion, ECMA-262 §12.10): scripts
// written without semicolons are common, and reading
//
//	var every30 = new bg.TimeTrigger(30, false)
//	builder.setTrigger(every30);
//
// up to the next ';' makes the trigger's value "new bg.TimeTrigger(30,
// false) builder.setTrigger(every30)", which resolves to nothing. The
// lexer emits no line tokens for JavaScript; the break is read from the
// lines of the tokens on either side of it.

// jsStatementBreak reports whether a JavaScript engine ends the statement
// before toks[k] because a line break separates it from toks[k-1]. Like
// the engine it continues the expression when the next line starts with
// an operator, '.', '(', '[', ',', '?', ':' or a template (a call, an
// index, a tagged template: the classic hazard of a line that starts
// with '(' or '['), and when the line before ends with an operator or an
// operator keyword (new, typeof, in, …). It ends it after return, throw,
// break, continue and yield, whose operand must start on their own line,
// and before ++ and --, which never apply to the line above.
func jsStatementBreak(toks []Token, k int) bool {
	if k <= 0 || k >= len(toks) {
		return false
	}
	a, b := toks[k-1], toks[k]
	if b.Line <= a.Line+int32(strings.Count(a.Text, "\n")) {
		return false // same line
	}
	if b.Kind == TokPunct {
		switch b.Text {
		case ";", ",", ")", "]", "}":
			return false // a separator or closer ends the expression by itself
		}
	}
	if a.Kind == TokIdent {
		switch a.Text {
		case "return", "throw", "break", "continue", "yield":
			return true // restricted productions: "return\nx" returns undefined
		}
	}
	if jsContinuesAfter(toks, k-1) {
		return false
	}
	if incDecAt(toks, k) {
		return true // "a\n++b" is "a; ++b": no line break before a postfix ++
	}
	return !jsContinuesBefore(b)
}

// jsContinuesAfter reports whether toks[i] at the end of a line needs an
// operand after it: an operator, an opening bracket, a separator, or an
// operator keyword.
func jsContinuesAfter(toks []Token, i int) bool {
	t := toks[i]
	switch t.Kind {
	case TokPunct:
		switch t.Text {
		case ")", "]", "}":
			return false
		case "+", "-":
			// the second sign of a postfix x++ ends the operand; a prefix
			// ++ (after an operator, or first) still wants one
			if i >= 1 && incDecAt(toks, i-1) {
				return i < 2 || !operandEnd(toks[i-2])
			}
		}
		return true
	case TokIdent:
		switch t.Text {
		case "new", "typeof", "void", "delete", "await", "instanceof", "in":
			return true
		}
	}
	return false
}

// jsContinuesBefore reports whether t at the start of a line continues
// the expression of the line above: binary and assignment operators,
// member access, a call or an index, a separator, a conditional, a tagged
// template, the operator keywords instanceof and in. Closers and ';' end
// the expression anyway.
func jsContinuesBefore(t Token) bool {
	switch t.Kind {
	case TokPunct:
		switch t.Text {
		case "{", "!", "~", "@", "#":
			return false // a block, a unary operator, a decorator: a new statement
		}
		return true
	case TokString:
		return strings.HasPrefix(t.Text, "`")
	case TokIdent:
		return t.Text == "instanceof" || t.Text == "in"
	}
	return false
}

// incDecAt reports whether toks[k] and toks[k+1] are the two signs of one
// ++ or -- (the lexer reads them as two tokens).
func incDecAt(toks []Token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	a, b := toks[k], toks[k+1]
	return a.Kind == TokPunct && b.Kind == TokPunct && (a.Text == "+" || a.Text == "-") && b.Text == a.Text && b.Offset == a.Offset+1
}

// operandEnd reports whether t can end an operand (a postfix ++ may
// follow it).
func operandEnd(t Token) bool {
	switch t.Kind {
	case TokIdent, TokNumber, TokString, TokChar:
		return true
	case TokPunct:
		return t.Text == ")" || t.Text == "]"
	}
	return false
}
