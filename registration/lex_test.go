package registration

import (
	"fmt"
	"strings"
	"testing"
)

// render prints tokens compactly: kind:text(=value)@line:col.
func render(toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := fmt.Sprintf("%s:%s", t.Kind, t.Text)
		if t.Kind == TokString || t.Kind == TokChar {
			s += "=" + fmt.Sprintf("%q", t.Value)
			if t.Holes {
				s += "+holes"
			}
		}
		parts = append(parts, fmt.Sprintf("%s@%d:%d", s, t.Line, t.Col))
	}
	return strings.Join(parts, " ")
}

type lexCase struct {
	name, src, want string
}

func runLexCases(t *testing.T, lex func([]byte) *Lexed, cases []lexCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(lex([]byte(c.src)).Tokens)
			if got != c.want {
				t.Errorf("lex %q\n got: %s\nwant: %s", c.src, got, c.want)
			}
		})
	}
}

func TestLexCSharp(t *testing.T) {
	runLexCases(t, LexCSharp, []lexCase{
		{"ident and punct", "a.B = c;", "ident:a@1:1 punct:.@1:2 ident:B@1:3 punct:=@1:5 ident:c@1:7 punct:;@1:8"},
		{"line comment", "a // b\nc", "ident:a@1:1 ident:c@2:1"},
		{"block comment", "a /* b\n */ c", "ident:a@1:1 ident:c@2:5"},
		{"regular string", `"a\"b\\c"`, `string:"a\"b\\c"="a\"b\\c"@1:1`},
		{"unicode escape", `"\u0041"`, `string:"\u0041"="A"@1:1`},
		{"verbatim", `@"C:\x""y"""`, `string:@"C:\x""y"""="C:\\x\"y\""@1:1`},
		{"verbatim multiline", "@\"a\nb\" x", "string:@\"a\nb\"=\"a\\nb\"@1:1 ident:x@2:4"},
		{"interpolated no holes", `$"a{{b}}"`, `string:$"a{{b}}"="a{b}"@1:1`},
		{"interpolated holes", `$"a{x + "}"}b"`, `string:$"a{x + "}"}b"="ab"+holes@1:1`},
		{"interpolated verbatim", `$@"a{b}c"`, `string:$@"a{b}c"="ac"+holes@1:1`},
		{"raw string", "\"\"\"\n    Ns.Task\n    \"\"\"", "string:\"\"\"\n    Ns.Task\n    \"\"\"=\"Ns.Task\"@1:1"},
		{"raw single line", `"""a"b"""`, `string:"""a"b"""="a\"b"@1:1`},
		{"template parameter", "namespace $safeprojectname$ { }", "ident:namespace@1:1 ident:$safeprojectname$@1:11 punct:{@1:29 punct:}@1:31"},
		{"interpolated string is no template parameter", `$"a{b}c$"`, `string:$"a{b}c$"="ac$"+holes@1:1`},
		{"utf8 suffix", `"ab"u8;`, `string:"ab"u8="ab"@1:1 punct:;@1:7`},
		{"char literal", `'"' x`, `char:'"'="\""@1:1 ident:x@1:5`},
		{"at identifier", "@class", "ident:class@1:1"},
		{"multi punct", "a::b->c=>d==e?.f", "ident:a@1:1 punct:::@1:2 ident:b@1:4 punct:->@1:5 ident:c@1:7 punct:=>@1:8 ident:d@1:10 punct:==@1:11 ident:e@1:13 punct:?.@1:14 ident:f@1:16"},
		{"number", "15u 0x1F 1.5e-3", "number:15u@1:1 number:0x1F@1:5 number:1.5e-3@1:10"},
		{"columns count runes", "\"é\" x", "string:\"é\"=\"é\"@1:1 ident:x@1:5"},
		{"tab is one column", "\tx", "ident:x@1:2"},
		{"if false skipped", "a\n#if false\nb\n#else\nc\n#endif\nd", "ident:a@1:1 ident:c@5:1 ident:d@7:1"},
		{"if unknown kept", "#if DEBUG\nb\n#else\nc\n#endif", "ident:b@2:1 ident:c@4:1"},
		{"nested dead", "#if false\n#if true\nb\n#endif\nc\n#endif\nd", "ident:d@7:1"},
		{"elif after false", "#if false\na\n#elif true\nb\n#else\nc\n#endif", "ident:b@4:1"},
		{"region", "#region X\na\n#endregion", "ident:a@2:1"},
	})
}

func TestLexCPP(t *testing.T) {
	runLexCases(t, LexCPP, []lexCase{
		{"wide string", `L"a\tb"`, `string:L"a\tb"="a\tb"@1:1`},
		{"utf8 string", `u8"x"`, `string:u8"x"="x"@1:1`},
		{"raw string", `R"(a"b\n)"`, `string:R"(a"b\n)"="a\"b\\n"@1:1`},
		{"template parameter", "namespace $safeprojectname$ { }", "ident:namespace@1:1 ident:$safeprojectname$@1:11 punct:{@1:29 punct:}@1:31"},
		{"raw delimiter", `LR"xy(a)"b)xy" c`, `string:LR"xy(a)"b)xy"="a)\"b"@1:1 ident:c@1:16`},
		{"string suffix", `L"a"sv;`, `string:L"a"sv="a"@1:1 punct:;@1:7`},
		{"L alone is ident", "L + u8", "ident:L@1:1 punct:+@1:3 ident:u8@1:5"},
		{"char", `L'x'`, `char:L'x'="x"@1:1`},
		{"digit separator", "1'000", "number:1'000@1:1"},
		{"if 0 skipped", "#if 0\nx\n#endif\ny", "ident:y@4:1"},
		{"if 0 else", "#if 0\nx\n#else\ny\n#endif", "ident:y@4:1"},
		{"directive continuation", "#pragma a \\\n b\nc", "ident:c@3:1"},
		{"include", "#include \"x.h\"\nint", "ident:int@2:1"},
		{"ref new hat", "ref new X^", "ident:ref@1:1 ident:new@1:5 ident:X@1:9 punct:^@1:10"},
	})
}

func TestLexCPPDefines(t *testing.T) {
	lx := LexCPP([]byte("#define A L\"x\" \\\n L\"y\"\n#define F(x) x\n#if 0\n#define B 1\n#endif\n#define C 2 // c\nint"))
	var got []string
	for _, d := range lx.Defines {
		got = append(got, d.Name+"="+render(d.Tokens))
	}
	want := []string{`A=string:L"x"="x"@1:11 string:L"y"="y"@2:2`, `C=number:2@7:11`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("defines\n got: %q\nwant: %q", got, want)
	}
	if r := render(lx.Tokens); r != "ident:int@8:1" {
		t.Errorf("tokens after defines: %s", r)
	}
}

func TestLexIDL(t *testing.T) {
	runLexCases(t, LexIDL, []lexCase{
		{"runtimeclass", "[default_interface] runtimeclass X : A.B { X(); }",
			"punct:[@1:1 ident:default_interface@1:2 punct:]@1:19 ident:runtimeclass@1:21 ident:X@1:34 punct::@1:36 ident:A@1:38 punct:.@1:39 ident:B@1:40 punct:{@1:42 ident:X@1:44 punct:(@1:45 punct:)@1:46 punct:;@1:47 punct:}@1:49"},
		{"comment", "// x\nnamespace N", "ident:namespace@2:1 ident:N@2:11"},
	})
}

func TestLexJS(t *testing.T) {
	runLexCases(t, LexJS, []lexCase{
		{"single quotes", `'a\'b'`, `string:'a\'b'="a'b"@1:1`},
		{"backslash path", `"js\\task.js"`, `string:"js\\task.js"="js\\task.js"@1:1`},
		{"template", "`a${b}c`", "string:`a${b}c`=\"ac\"+holes@1:1"},
		{"template nested", "`a${f(`x${y}`)}` z", "string:`a${f(`x${y}`)}`=\"a\"+holes@1:1 ident:z@1:18"},
		{"template plain", "`js\\\\t.js`", "string:`js\\\\t.js`=\"js\\\\t.js\"@1:1"},
		{"regex", `x = /"[/]'/g; y`, `ident:x@1:1 punct:=@1:3 string:/"[/]'/g=""+holes@1:5 punct:;@1:13 ident:y@1:15`},
		{"division", "a / b / c", "ident:a@1:1 punct:/@1:3 ident:b@1:5 punct:/@1:7 ident:c@1:9"},
		{"hash is punct", "#x", "punct:#@1:1 ident:x@1:2"},
		{"shebang", "#!/usr/bin/env node\nx", "ident:x@2:1"},
	})
}

func TestLexVB(t *testing.T) {
	runLexCases(t, LexVB, []lexCase{
		{"doubled quotes", `x = "a""b"`, `ident:x@1:1 punct:=@1:3 string:"a""b"="a\"b"@1:5 newline:` + "\n" + `@1:11`},
		{"apostrophe comment", "a ' b \"c\nd", "ident:a@1:1 newline:\n@1:9 ident:d@2:1 newline:\n@2:2"},
		{"rem comment", "REM x\nRemove", "ident:Remove@2:1 newline:\n@2:7"},
		{"continuation", "a & _\n  b", "ident:a@1:1 punct:&@1:3 ident:b@2:3 newline:\n@2:4"},
		{"continuation with comment", "a _ ' note\nb", "ident:a@1:1 ident:b@2:1 newline:\n@2:2"},
		{"underscore ident", "_x = 1", "ident:_x@1:1 punct:=@1:4 number:1@1:6 newline:\n@1:7"},
		{"char literal", `"a"c`, `char:"a"c="a"@1:1 newline:` + "\n" + `@1:5`},
		{"escaped ident", "[Class]", "ident:Class@1:1 newline:\n@1:8"},
		{"named arg", "f(a:=1)", "ident:f@1:1 punct:(@1:2 ident:a@1:3 punct::=@1:4 number:1@1:6 punct:)@1:7 newline:\n@1:8"},
		{"if false", "#If False Then\na\n#Else\nb\n#End If", "ident:b@4:1 newline:\n@4:2"},
		{"interpolated", `$"a{b}c"`, `string:$"a{b}c"="ac"+holes@1:1 newline:` + "\n" + `@1:9`},
		{"hex", "&H1F", "number:&H1F@1:1 newline:\n@1:5"},
		{"date", "#1/2/2020#", "number:#1/2/2020#@1:1 newline:\n@1:11"},
		// Visual Basic 14 and later: a string literal may span lines
		{"multi-line string", "x = \"a\nb\"\ny", `ident:x@1:1 punct:=@1:3 string:"a` + "\n" + `b"="a\nb"@1:5 newline:` + "\n" + `@2:3 ident:y@3:1 newline:` + "\n" + `@3:2`},
		{"multi-line doubled quotes", "\"a\n\"\"b\"\"\n\" z", `string:"a` + "\n" + `""b""` + "\n" + `"="a\n\"b\"\n"@1:1 ident:z@3:3 newline:` + "\n" + `@3:4`},
		{"multi-line interpolated", "$\"<a>\n{t}</a>\" z", `string:$"<a>` + "\n" + `{t}</a>"="<a>\n</a>"+holes@1:1 ident:z@2:10 newline:` + "\n" + `@2:11`},
		{"multi-line interpolated hole", "$\"{f(\n1)}\" z", `string:$"{f(` + "\n" + `1)}"=""+holes@1:1 ident:z@2:6 newline:` + "\n" + `@2:7`},
		{"crlf inside string", "\"a\r\nb\"\r\nc", `string:"a` + "\r\n" + `b"="a\r\nb"@1:1 newline:` + "\n" + `@2:4 ident:c@3:1 newline:` + "\n" + `@3:2`},
		{"typographic quotes", "x = \u201cab\u201d\ny", `ident:x@1:1 punct:=@1:3 string:“ab”="ab"@1:5 newline:` + "\n" + `@1:9 ident:y@2:1 newline:` + "\n" + `@2:2`},
		{"typographic doubled quote", "\"a\u201d\u201cb\" y", `string:"a”“b"="a\"b"@1:1 ident:y@1:8 newline:` + "\n" + `@1:9`},
	})
}

// TestLexProblems checks that unterminated constructs are reported with
// the position where they start.
func TestLexProblems(t *testing.T) {
	cases := []struct {
		name string
		lex  func([]byte) *Lexed
		src  string
		want string
	}{
		{"cs string", LexCSharp, "x\n  \"abc", "2:3 unterminated string literal"},
		{"cs comment", LexCSharp, "/* x", "1:1 unterminated comment"},
		{"cs verbatim", LexCSharp, "@\"x\n", "1:1 unterminated string literal"},
		{"cpp raw", LexCPP, "R\"(x", "1:1 unterminated string literal"},
		{"js template", LexJS, "`x", "1:1 unterminated template literal"},
		{"vb string", LexVB, "a\n\"x\ny", "2:1 unterminated string literal"},
		{"vb interpolated", LexVB, "$\"{x}\n", "1:1 unterminated string literal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lx := c.lex([]byte(c.src))
			if len(lx.Problems) == 0 {
				t.Fatalf("no problem reported")
			}
			p := lx.Problems[0]
			if got := fmt.Sprintf("%d:%d %s", p.Pos.Line, p.Pos.Col, p.Message); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestLexAltBranches: the tokens of an #if group whose condition is
// unknown and that has a second branch that builds are marked Alt; a
// group with one live branch (no #else, or dead branches the lexer can
// rule out) is not.
func TestLexAltBranches(t *testing.T) {
	runCondCases(t, []condCase{
		{"cs if-else", LexCSharp, "a\n#if BETA\nb\n#else\nc\n#endif\nd", "a b* c* d"},
		{"cs elif", LexCSharp, "#if A\nb\n#elif B\nc\n#endif\n", "b* c*"},
		{"cs if alone", LexCSharp, "#if DEBUG\nb\n#endif\nc", "b c"},
		{"cs dead first branch", LexCSharp, "#if false\nb\n#elif DEBUG\nc\n#endif\n", "c"},
		{"cs dead first, then alternatives", LexCSharp, "#if false\nb\n#elif DEBUG\nc\n#else\nd\n#endif\n", "c* d*"},
		{"cs known true", LexCSharp, "#if true\nb\n#else\nc\n#endif\n", "b"},
		{"cs nested", LexCSharp, "#if A\n#if B\nx\n#endif\n#else\ny\n#endif\nz", "x* y* z"},
		{"cs unclosed", LexCSharp, "#if A\nx\n#else\ny", "x* y*"},
		{"cpp ifdef else", LexCPP, "#ifdef _DEBUG\nint a = 1;\n#else\nint a = 2;\n#endif\n", "int* a* =* 1* ;* int* a* =* 2* ;*"},
		{"vb if else", LexVB, "#If BETA Then\nx\n#Else\ny\n#End If\nz", "x* y* z"},
		{"vb if alone", LexVB, "#If DEBUG Then\nx\n#End If\n", "x"},
	}, "*", func(tok Token) bool { return tok.Alt })
}

// TestLexGuardedBranches: the only branch of an #if on a project's own
// symbol is marked Guard (C# and VB); standard symbols, negations,
// alternatives and groups with an #else are not.
func TestLexGuardedBranches(t *testing.T) {
	runCondCases(t, []condCase{
		{"cs custom switch", LexCSharp, "#if WS_ENABLED\nx\n#endif\ny", "x! y"},
		{"cs custom and standard", LexCSharp, "#if BETA && DEBUG\nx\n#endif\n", "x!"},
		{"cs DEBUG", LexCSharp, "#if DEBUG\nx\n#endif\n", "x"},
		{"cs SDK symbol", LexCSharp, "#if NET6_0_OR_GREATER\nx\n#endif\n", "x"},
		{"cs UWP template symbol", LexCSharp, "#if WINDOWS_UWP\nx\n#endif\n", "x"},
		{"cs negated", LexCSharp, "#if !WS_ENABLED\nx\n#endif\n", "x"},
		{"cs negated group", LexCSharp, "#if !(A && B)\nx\n#endif\n", "x"},
		{"cs either", LexCSharp, "#if BETA || DEBUG\nx\n#endif\n", "x"},
		{"cs with else", LexCSharp, "#if BETA\nx\n#else\ny\n#endif\n", "x y"},
		{"cs comment", LexCSharp, "#if BETA // the beta channel\nx\n#endif\n", "x!"},
		{"cpp not guarded", LexCPP, "#if FEATURE_X\nint a;\n#endif\n", "int a ;"},
		{"vb custom", LexVB, "#If WS_ENABLED Then\nx\n#End If\n", "x!"},
		{"vb standard", LexVB, "#If DEBUG Then\nx\n#End If\n", "x"},
		{"vb orelse", LexVB, "#If BETA OrElse DEBUG Then\nx\n#End If\n", "x"},
	}, "!", func(tok Token) bool { return tok.Guard })
}

// condCase is a lexer input and its tokens rendered with marks.
type condCase struct {
	name string
	lex  func([]byte) *Lexed
	src  string
	want string
}

// runCondCases renders each case's tokens (newlines left out), each
// followed by mark when has says so, and compares with want.
func runCondCases(t *testing.T, cases []condCase, mark string, has func(Token) bool) {
	t.Helper()
	for _, c := range cases {
		var parts []string
		for _, tok := range c.lex([]byte(c.src)).Tokens {
			if tok.Kind == TokNewline {
				continue
			}
			s := tok.Text
			if has(tok) {
				s += mark
			}
			parts = append(parts, s)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
