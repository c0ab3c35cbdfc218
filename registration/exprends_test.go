package registration

import (
	"math/rand"
	"slices"
	"testing"
)

// exprEndsMap is exprEnds as it was with a map from depth to the nearest
// separator; the slice version must give the same table.
func exprEndsMap(toks []Token) []int32 {
	n := len(toks)
	depth := make([]int32, n)
	d := int32(0)
	for k, t := range toks {
		if t.Kind == TokPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}") {
			d--
		}
		depth[k] = d
		if t.Kind == TokPunct && (t.Text == "(" || t.Text == "[" || t.Text == "{") {
			d++
		}
	}
	next := make([]int32, n+1)
	last := map[int32]int32{}
	next[n] = int32(n)
	for k := n - 1; k >= 0; k-- {
		t := toks[k]
		closer := t.Kind == TokPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}")
		if t.Kind == TokNewline || closer || t.Kind == TokPunct && (t.Text == ";" || t.Text == ",") {
			dk := depth[k]
			if closer {
				dk++
			}
			last[dk] = int32(k)
		}
		if v, ok := last[depth[k]]; ok {
			next[k] = v
		} else {
			next[k] = int32(n)
		}
	}
	return next
}

// TestExprEndsRandom checks the slice-based table against the map-based
// one on random, often unbalanced, token sequences.
func TestExprEndsRandom(t *testing.T) {
	rnd := rand.New(rand.NewSource(6))
	kinds := []Token{
		{Kind: TokIdent, Text: "x"}, {Kind: TokPunct, Text: "="}, {Kind: TokPunct, Text: ";"}, {Kind: TokPunct, Text: ","},
		{Kind: TokPunct, Text: "("}, {Kind: TokPunct, Text: ")"}, {Kind: TokPunct, Text: "["}, {Kind: TokPunct, Text: "]"},
		{Kind: TokPunct, Text: "{"}, {Kind: TokPunct, Text: "}"}, {Kind: TokNewline}, {Kind: TokNumber, Text: "1"},
	}
	for iter := 0; iter < 3000; iter++ {
		toks := make([]Token, rnd.Intn(40))
		for i := range toks {
			toks[i] = kinds[rnd.Intn(len(kinds))]
		}
		if got, want := exprEnds(CSharp, toks), exprEndsMap(toks); !slices.Equal(got, want) {
			t.Fatalf("tokens %v: ends %v, want %v", toks, got, want)
		}
	}
}

// TestExprEndJavaScriptLineBreaks reads the right-hand side of the first
// "=" of each script as a JavaScript engine does: a line break ends it
// only where the next line cannot continue it (automatic semicolon
// insertion).
func TestExprEndJavaScriptLineBreaks(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"semicolon", "var t = new T(1, false); b.setTrigger(t);", "new T(1, false)"},
		{"no semicolon, next statement", "var t = new T(1, false)\n\nb.setTrigger(t);", "new T(1, false)"},
		{"no semicolon, var", "var t = \"a\"\nvar u = 2", `"a"`},
		{"no semicolon, closing brace ends anyway", "function f() { var t = g()\n}", "g()"},
		{"string at end of file", "var t = \"js\\\\x.js\"", `"js\\x.js"`},
		{"next line starts with a dot", "var t = bg\n    .TimeTrigger\nx()", "bg .TimeTrigger"},
		{"next line starts with (: a call", "var t = f\n(1)\nx()", "f (1)"},
		{"next line starts with [: an index", "var t = a\n[0]\nx()", "a [0]"},
		{"next line starts with a binary operator", "var t = \"a\"\n  + \"b\"\nx()", `"a" + "b"`},
		{"next line starts with ?", "var t = c\n? 1\n: 2\nx()", "c ? 1 : 2"},
		{"next line starts with a comma", "var t = 1\n, u = 2", "1"},
		{"line ends with an operator", "var t = \"a\" +\n\"b\"\nx()", `"a" + "b"`},
		{"line ends with new", "var t = new\nT()\nx()", "new T()"},
		{"line ends with an open paren", "var t = f(\n1,\n2)\nx()", "f( 1, 2)"},
		{"next line starts with ++", "var t = a\n++b", "a"},
		{"next line starts with --", "var t = a\n--b", "a"},
		{"postfix ++ ends the line", "var t = a++\nb()", "a++"},
		{"prefix ++ across a line", "var t = ++\na\nb()", "++ a"},
		{"binary + then unary +", "var t = a\n+ +b\nc()", "a + +b"},
		{"next line starts with !", "var t = a\n!b", "a"},
		{"next line starts with a block", "var t = a\n{ b() }", "a"},
		{"next line starts with a keyword", "var t = a\nif (b) c()", "a"},
		{"next line starts with instanceof", "var t = a\ninstanceof B\nc()", "a instanceof B"},
		{"tagged template", "var t = tag\n`x`\nc()", "tag `x`"},
		{"plain string on the next line", "var t = a\n\"b\"", "a"},
		{"regex division after an operand", "var t = a\n/ 2\nc()", "a / 2"},
		{"multi-line template ends on the line of the next token", "var t = `a\nb` + c\nd()", "`a\nb` + c"},
		{"function expression then a call", "var t = function () { return 1 }\n(g)\nh()", "function () { return 1 } (g)"},
		{"object literal across lines", "var t = {\n  a: 1\n}\nx()", "{ a: 1 }"},
		{"block comment with a line break", "var t = a /*\n*/ b()", "a"},
		{"line comment", "var t = a // note\nb()", "a"},
		{"return at a line end inside a function", "x = function () { return\n 1 }", "function () { return 1 }"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := LexJS([]byte(c.src)).Tokens
			j := slices.IndexFunc(toks, func(t Token) bool { return isPunct(t, "=") }) + 1
			if j == 0 {
				t.Fatalf("no = in %q", c.src)
			}
			end := exprEnd(JavaScript, toks, j)
			if got := exprText(toks[j:end]); got != c.want {
				t.Errorf("%q: expression %q, want %q", c.src, got, c.want)
			}
			if table := exprEnds(JavaScript, toks); int(table[j]) != end {
				t.Errorf("%q: exprEnds gives %d, exprEnd %d", c.src, table[j], end)
			}
		})
	}
}

// TestJSStatementBreak checks single breaks: a restricted production at
// the line before ("return\nx" ends after return), and the "(" that
// continues a line as a call.
func TestJSStatementBreak(t *testing.T) {
	cases := []struct {
		src  string
		k    int
		want bool
	}{
		{"return\nnew T()", 1, true},
		{"x = y\n(z)", 3, false},
		{"x = y\nz", 3, true},
		{"x = y\n)", 3, false}, // a closer ends the expression by itself
		{"x = y z", 3, false},  // no line break
	}
	for _, c := range cases {
		toks := LexJS([]byte(c.src)).Tokens
		if got := jsStatementBreak(toks, c.k); got != c.want {
			t.Errorf("%q: break before %q = %v, want %v", c.src, toks[c.k].Text, got, c.want)
		}
	}
}

// TestExprEndsJavaScriptRandom checks the JavaScript table against
// exprEnd on random token sequences spread over random lines.
func TestExprEndsJavaScriptRandom(t *testing.T) {
	rnd := rand.New(rand.NewSource(7))
	kinds := []Token{
		{Kind: TokIdent, Text: "x"}, {Kind: TokIdent, Text: "return"}, {Kind: TokIdent, Text: "new"}, {Kind: TokPunct, Text: "="},
		{Kind: TokPunct, Text: ";"}, {Kind: TokPunct, Text: ","}, {Kind: TokPunct, Text: "("}, {Kind: TokPunct, Text: ")"},
		{Kind: TokPunct, Text: "["}, {Kind: TokPunct, Text: "]"}, {Kind: TokPunct, Text: "{"}, {Kind: TokPunct, Text: "}"},
		{Kind: TokPunct, Text: "+"}, {Kind: TokPunct, Text: "."}, {Kind: TokPunct, Text: "!"}, {Kind: TokNumber, Text: "1"},
		{Kind: TokString, Text: `"s"`},
	}
	for iter := 0; iter < 3000; iter++ {
		toks := make([]Token, rnd.Intn(40))
		line, off := int32(1), int32(0)
		for i := range toks {
			toks[i] = kinds[rnd.Intn(len(kinds))]
			if rnd.Intn(3) == 0 {
				line++
			}
			off += int32(1 + rnd.Intn(2))
			toks[i].Line, toks[i].Offset = line, off
		}
		table := exprEnds(JavaScript, toks)
		for j, tj := range toks {
			if isPunct(tj, ")") || isPunct(tj, "]") || isPunct(tj, "}") {
				continue // no expression starts at a closer (the two differ there from the start)
			}
			if got, want := int(table[j]), exprEnd(JavaScript, toks, j); got != want {
				t.Fatalf("tokens %v: exprEnds[%d] = %d, exprEnd %d", toks, j, got, want)
			}
		}
	}
}
