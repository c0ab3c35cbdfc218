package registration

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTokens asserts the invariants every lexer keeps on any input:
// tokens are in source order, inside the input, with 1-based positions,
// and their text is the source slice at their offset.
func checkTokens(t *testing.T, src []byte, lx *Lexed) {
	t.Helper()
	prev := int32(-1)
	for _, tok := range lx.Tokens {
		if tok.Kind == TokNewline {
			continue
		}
		if tok.Line < 1 || tok.Col < 1 {
			t.Fatalf("bad position %d:%d for %q", tok.Line, tok.Col, tok.Text)
		}
		if tok.Offset < prev || int(tok.Offset) > len(src) {
			t.Fatalf("offset %d out of order or range (prev %d, len %d)", tok.Offset, prev, len(src))
		}
		prev = tok.Offset
		end := int(tok.Offset) + len(tok.Text)
		if end <= len(src) && string(src[tok.Offset:end]) != tok.Text && tok.Kind != TokIdent {
			t.Fatalf("token text %q is not the source at %d", tok.Text, tok.Offset)
		}
	}
}

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add([]byte{0, 0xff, '"', '\\'})
	f.Add([]byte("\xef\xbb\xbf{"))
}

func FuzzLexCSharp(f *testing.F) {
	fuzzSeeds(f, simpleCS, `@"a""b" $"{x}" $@"{{y}}" """raw""" '\''`, "#if false\n{\n#endif\n}", `$$"""{{x}}"""`, "/* x", `"\u00`)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTokens(t, src, LexCSharp(src))
		scanNoInternalError(t, []SourceFile{{Path: "f.cs"}}, src)
	})
}

func FuzzLexCPP(f *testing.F) {
	fuzzSeeds(f, `LR"x(a)x" u8"b" L'c' #define A L"x" \`, "#if 0\n#if 1\n#endif\n", `BackgroundTaskBuilder b; b.TaskEntryPoint(winrt::name_of<A::B>());`, `R"(`, "ref new X(")
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTokens(t, src, LexCPP(src))
		scanNoInternalError(t, []SourceFile{{Path: "f.cpp"}}, src)
	})
}

func FuzzLexIDL(f *testing.F) {
	fuzzSeeds(f, "namespace N { runtimeclass X : Windows.ApplicationModel.Background.IBackgroundTask { X(); } }", "[uuid(1-2)]")
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTokens(t, src, LexIDL(src))
		scanNoInternalError(t, []SourceFile{{Path: "f.idl"}}, src)
	})
}

func FuzzLexJS(f *testing.F) {
	fuzzSeeds(f, "`a${`b${c}`}` /re[/]/g a/b", "function f(a){var b=new x.BackgroundTaskBuilder();b.taskEntryPoint=a;b.register()} f('x')", "x => { y }", "#!")
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTokens(t, src, LexJS(src))
		scanNoInternalError(t, []SourceFile{{Path: "f.js"}}, src)
	})
}

func FuzzLexVB(f *testing.F) {
	fuzzSeeds(f, "Dim x = \"a\"\"b\" ' c\nREM d\n#If False Then\ny\n#End If", "x _\n y", "New BackgroundTaskBuilder() With {.TaskEntryPoint = \"a\"}", "[Class] &H1F #1/1/2000#")
	f.Fuzz(func(t *testing.T, src []byte) {
		lx := LexVB(src)
		checkTokens(t, src, lx)
		scanNoInternalError(t, []SourceFile{{Path: "f.vb", RootNamespace: "Root"}}, src)
		if utf8.Valid(src) && len(lx.Tokens) > len(src)+1 {
			t.Fatalf("%d tokens from %d bytes", len(lx.Tokens), len(src))
		}
	})
}

// scanNoInternalError scans src as the one file of an App; the scanner
// recovers from panics into notes, so a fuzz run must look at them.
func scanNoInternalError(t *testing.T, files []SourceFile, src []byte) {
	t.Helper()
	f := ScanWithOverlay(files, map[string][]byte{files[0].Path: src}, Options{Jobs: 1})
	for _, n := range f.Notes {
		if strings.Contains(n.Message, "internal error") {
			t.Fatalf("%s", n.Message)
		}
	}
}
