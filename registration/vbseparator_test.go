package registration

import (
	"strings"
	"testing"
)

// TestVBStatementSeparator: in Visual Basic a ':' separates two statements
// on one line, so an assignment's value ends there and the next statement
// is read on its own. A ":=" named argument, a ':' inside a string, a
// label and a single-line If are not separators of an expression.
func TestVBStatementSeparator(t *testing.T) {
	vb := func(body string) string {
		return "Imports Windows.ApplicationModel.Background\nModule M\nSub F(ok As Boolean)\n" + body + "\nEnd Sub\nEnd Module\n"
	}
	cases := []struct {
		name, src, ep, task, triggers string
	}{
		{"name then entry point", vb("Dim b = New BackgroundTaskBuilder()\nb.Name = \"t\" : b.TaskEntryPoint = \"N.T\"\nb.Register()"), "N.T", "t", ""},
		{"entry point then name", vb("Dim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = \"N.T\" : b.Name = \"t\"\nb.Register()"), "N.T", "t", ""},
		{"three statements", vb("Dim b As New BackgroundTaskBuilder() : b.Name = \"t\" : b.TaskEntryPoint = \"N.T\" : b.Register()"), "N.T", "t", ""},
		{"colon in a string", vb("Dim b = New BackgroundTaskBuilder()\nb.Name = \"a:b\" : b.TaskEntryPoint = \"N.T\"\nb.Register()"), "N.T", "a:b", ""},
		{"named arguments", vb("Dim b = New BackgroundTaskBuilder()\nb.SetTrigger(New TimeTrigger(freshnessTime:=15, oneShot:=False)) : b.TaskEntryPoint = \"N.T\"\nb.Register()"), "N.T", "", "TimeTrigger"},
		{"label at line start", vb("Dim b = New BackgroundTaskBuilder()\nAgain: b.TaskEntryPoint = \"N.T\" : b.Name = \"t\"\nb.Register()"), "N.T", "t", ""},
		{"single-line If", vb("Dim b = New BackgroundTaskBuilder()\nIf ok Then b.Name = \"t\" : b.TaskEntryPoint = \"N.T\"\nb.Register()"), "N.T", "t", ""},
		{"local then use", vb("Dim ep = \"N.T\" : Dim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = ep : b.Register()"), "N.T", "", ""},
		{"two separators", vb("Dim b = New BackgroundTaskBuilder()\nb.Name = \"t\"::b.TaskEntryPoint = \"N.T\"\nb.Register()"), "N.T", "t", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: "a.vb"}}, map[string][]byte{"a.vb": []byte(c.src)}, Options{Jobs: 1})
			if len(f.Registrations) != 1 {
				t.Fatalf("%d registrations, want 1 (notes %v)", len(f.Registrations), f.Notes)
			}
			r := f.Registrations[0]
			if r.EntryPoint.Str != c.ep || !r.EntryPoint.Resolved {
				t.Errorf("entry point = %q resolved=%v (expr %q), want %q", r.EntryPoint.Str, r.EntryPoint.Resolved, r.EntryPoint.Expr, c.ep)
			}
			if c.task != "" && (r.Name.Str != c.task || !r.Name.Resolved) {
				t.Errorf("name = %q resolved=%v (expr %q), want %q", r.Name.Str, r.Name.Resolved, r.Name.Expr, c.task)
			}
			var tr []string
			for _, x := range r.Triggers {
				tr = append(tr, x.Class)
			}
			if got := strings.Join(tr, ","); got != c.triggers {
				t.Errorf("triggers = %q, want %q", got, c.triggers)
			}
		})
	}
}

// TestExprEndColon: a ':' ends an expression in Visual Basic only; in C#,
// C++ and JavaScript it is the conditional operator's (or a named
// argument's) and the expression goes on.
func TestExprEndColon(t *testing.T) {
	cases := []struct {
		lang Language
		src  string
		want string // the expression after the first '='
	}{
		{VB, "x = a : y = b", "a"},
		{VB, "x = F(n:=1) : y = b", "F(n:=1)"},
		{VB, "x = \"a:b\" : y = b", `"a:b"`},
		{VB, "x = a::y = b", "a"},
		{CSharp, "x = c ? a : b;", "c ? a : b"},
		{CSharp, "x = F(n: 1);", "F(n: 1)"},
		{CPP, "x = c ? a : b;", "c ? a : b"},
		{JavaScript, "x = c ? a : b;", "c ? a : b"},
	}
	for _, c := range cases {
		var lx *Lexed
		switch c.lang {
		case VB:
			lx = LexVB([]byte(c.src))
		case CPP:
			lx = LexCPP([]byte(c.src))
		case JavaScript:
			lx = LexJS([]byte(c.src))
		default:
			lx = LexCSharp([]byte(c.src))
		}
		toks := lx.Tokens
		eq := -1
		for k, tk := range toks {
			if isPunct(tk, "=") {
				eq = k
				break
			}
		}
		if eq < 0 {
			t.Fatalf("%s %q: no '='", c.lang, c.src)
		}
		one := exprEnd(c.lang, toks, eq+1)
		table := int(exprEnds(c.lang, toks)[eq+1])
		if one != table {
			t.Errorf("%s %q: exprEnd %d, exprEnds %d", c.lang, c.src, one, table)
		}
		if got := exprText(toks[eq+1 : one]); got != c.want {
			t.Errorf("%s %q: expression %q, want %q", c.lang, c.src, got, c.want)
		}
	}
}
