package registration

import (
	"strings"
	"testing"
)

// TestMethodBodyCutsNestedMethods checks body() on nested script
// functions: each level holds its own tokens only, in order, and its
// copy has no room past them (a caller's append must not write into a
// shared array, and room for the nested levels was the cost that made a
// WinJS App take 100 MB).
func TestMethodBodyCutsNestedMethods(t *testing.T) {
	src := `var outer = 1;
(function () {
    var a = 2;
    function inner() {
        var b = 3;
        function innermost() { var c = 4; }
        var d = 5;
    }
    var e = 6;
})();
var f = 7;
`
	fm, _ := parseSource(SourceFile{Path: "nested.js", Language: JavaScript}, []byte(src), true)
	if fm == nil {
		t.Fatal("no model")
	}
	idents := func(toks []Token) string {
		var out []string
		for _, tk := range toks {
			if tk.Kind == TokIdent && len(tk.Text) == 1 {
				out = append(out, tk.Text)
			}
		}
		return strings.Join(out, " ")
	}
	got := map[string]string{"<top>": idents(fm.top.body())}
	for _, m := range fm.methods {
		b := m.body()
		if cap(b) != len(b) {
			t.Errorf("%s: body has room for %d tokens past its %d", m.name, cap(b)-len(b), len(b))
		}
		got[m.name] = idents(b)
	}
	want := map[string]string{
		"<top>":     "f",
		"":          "a e", // the wrapping function
		"inner":     "b d",
		"innermost": "c",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("body of %s: single-letter identifiers %q, want %q (all: %v)", name, got[name], w, got)
		}
	}
}
