package registration

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLanguageOf(t *testing.T) {
	cases := map[string]Language{
		"a.cs": CSharp, "A.VB": VB, "x.cpp": CPP, "x.cc": CPP, "x.cxx": CPP, "x.h": CPP, "x.hpp": CPP,
		"x.hxx": CPP, "x.inl": CPP, "x.idl": IDL, "x.js": JavaScript, "x.mjs": JavaScript, "lib.min.js": JavaScript,
	}
	for p, want := range cases {
		if got, ok := LanguageOf(p); !ok || got != want {
			t.Errorf("LanguageOf(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
	for _, p := range []string{"a.xaml", "a.csproj", "Makefile", "a.ts"} {
		if _, ok := LanguageOf(p); ok {
			t.Errorf("LanguageOf(%q) accepted a non-source file", p)
		}
	}
	// only the extension is lower-cased now: the same answers as
	// lower-casing the whole base name first, as it did
	wholeBase := func(path string) (Language, bool) { return LanguageOf(strings.ToLower(filepath.Base(path))) }
	for _, p := range []string{"a.CS", "dir.cs/file", "dir.cs" + string(filepath.Separator) + "file", "İ.Cs", "x.\u212aS", ".cs", "a.", "a.c.s", "A.MJS", "ünïcode.Hpp", "a.cs.bak"} {
		got, gok := LanguageOf(p)
		want, wok := wholeBase(p)
		if got != want || gok != wok {
			t.Errorf("LanguageOf(%q) = %q, %v; lower-casing the base name gives %q, %v", p, got, gok, want, wok)
		}
	}
}

const simpleCS = `using Windows.ApplicationModel.Background;
class R { void M() {
    var b = new BackgroundTaskBuilder();
    b.TaskEntryPoint = "Tasks.T";
    b.SetTrigger(new TimeTrigger(15, false));
    b.Register();
} }
`

func entryPoints(f *Facts) []string {
	var out []string
	for _, r := range f.Registrations {
		out = append(out, r.EntryPoint.Str)
	}
	return out
}

// TestScanOverlay scans unsaved buffers without touching the disk.
func TestScanOverlay(t *testing.T) {
	files := []SourceFile{{Path: "mem/R.cs"}}
	f := ScanWithOverlay(files, map[string][]byte{"mem/R.cs": []byte(simpleCS)}, Options{Jobs: 1})
	if got := entryPoints(f); len(got) != 1 || got[0] != "Tasks.T" {
		t.Fatalf("entry points = %q", got)
	}
	if f.FilesScanned != 1 || len(f.Notes) != 0 {
		t.Errorf("FilesScanned=%d notes=%v", f.FilesScanned, f.Notes)
	}
	r := f.Registrations[0]
	if r.Pos != (Pos{File: "mem/R.cs", Line: 3, Col: 13}) || !r.EntryPoint.Literal || r.EntryPoint.Pos != (Pos{File: "mem/R.cs", Line: 4, Col: 24}) {
		t.Errorf("positions: reg %+v entry %+v", r.Pos, r.EntryPoint)
	}
}

// TestScanNotes: unreadable and oversized files become notes, the rest
// is still scanned.
func TestScanNotes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "Good.cs")
	if err := os.WriteFile(good, []byte(simpleCS), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "Big.cs")
	if err := os.WriteFile(big, bytes.Repeat([]byte("// padding line\n"), (MaxFileSize/16)+2), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []SourceFile{{Path: good}, {Path: filepath.Join(dir, "Missing.cs")}, {Path: big}, {Path: filepath.Join(dir, "notes.txt")}}
	f := Scan(files, Options{})
	if got := entryPoints(f); len(got) != 1 || got[0] != "Tasks.T" {
		t.Errorf("entry points = %q", got)
	}
	if f.FilesScanned != 1 {
		t.Errorf("FilesScanned = %d, want 1", f.FilesScanned)
	}
	var msgs []string
	for _, n := range f.Notes {
		msgs = append(msgs, n.Pos.File+": "+n.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"Missing.cs: cannot read source file", "Big.cs: skipped", "notes.txt: not a source file"} {
		if !strings.Contains(joined, want) {
			t.Errorf("notes lack %q:\n%s", want, joined)
		}
	}
}

// TestScanDeterministic: the same input gives byte-identical facts
// whatever the number of jobs.
func TestScanDeterministic(t *testing.T) {
	files := sourcesIn(t, filepath.Join("testdata", "cs-helpers"))
	files = append(files, sourcesIn(t, filepath.Join("testdata", "cpp-winrt"))...)
	first, _ := json.Marshal(Scan(files, Options{Jobs: 1}))
	for _, jobs := range []int{2, 8} {
		again, _ := json.Marshal(Scan(files, Options{Jobs: jobs}))
		if !bytes.Equal(first, again) {
			t.Fatalf("facts differ with %d jobs", jobs)
		}
	}
}

// TestHostileInput feeds broken sources: nothing panics or hangs, and
// what can be read still yields facts.
func TestHostileInput(t *testing.T) {
	registration := map[Language]string{
		CSharp:     simpleCS,
		CPP:        "void F() { BackgroundTaskBuilder b; b.TaskEntryPoint(L\"Tasks.T\"); b.SetTrigger(TimeTrigger(15, false)); b.Register(); }\n",
		VB:         "Module M\nSub F()\nDim b As New BackgroundTaskBuilder()\nb.TaskEntryPoint = \"Tasks.T\"\nb.Register()\nEnd Sub\nEnd Module\n",
		JavaScript: "var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.taskEntryPoint = \"Tasks.T\"; b.register();\n",
	}
	ext := map[Language]string{CSharp: ".cs", CPP: ".cpp", VB: ".vb", JavaScript: ".js"}
	tails := map[string]string{
		"unterminated string":  "x = \"never closed",
		"unterminated comment": "/* never closed",
		"unbalanced open":      "{{{{ ( [ {",
		"unbalanced close":     "}}}} ) ] }",
		"nul bytes":            "\x00\x00 \"a\x00b\" \x00",
		"invalid utf8":         "\xff\xfe\xc3\x28 \"\xa0\xa1\" \xe2\x28\xa1",
		"raw and verbatim":     "R\"xyz( @\"  $\"{ \"\"\" `${",
		"deep nesting":         strings.Repeat("{(", 5000),
		"preprocessor":         "#if 0\n#if\n#else\n#elif\n#endif\n#endif\n#endif\n#define\n#define X \\",
	}
	for lang, good := range registration {
		for name, tail := range tails {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				path := "mem/f" + ext[lang]
				src := good + tail
				f := ScanWithOverlay([]SourceFile{{Path: path}}, map[string][]byte{path: []byte(src)}, Options{Jobs: 1})
				if got := entryPoints(f); len(got) != 1 || got[0] != "Tasks.T" {
					t.Errorf("entry points before the broken part = %q", got)
				}
				for _, n := range f.Notes {
					if strings.Contains(n.Message, "internal error") {
						t.Errorf("scanner failed: %s", n.Message)
					}
				}
			})
		}
	}
}

// TestMinifiedJS: a bundle on one line with regular expressions and
// divisions is read to the end.
func TestMinifiedJS(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 20000; i++ {
		sb.WriteString(`var a=b/2/c,r=/["'/]+/g,s="x\"y",t='z';function f(q){return q/3}`)
	}
	sb.WriteString(`var k=new Windows.ApplicationModel.Background.BackgroundTaskBuilder();k.taskEntryPoint="js\\end.js";k.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(30,!1));k.register();`)
	path := "mem/app.min.js"
	f := ScanWithOverlay([]SourceFile{{Path: path}}, map[string][]byte{path: []byte(sb.String())}, Options{})
	if got := entryPoints(f); len(got) != 1 || got[0] != `js\end.js` {
		t.Fatalf("entry points = %q", got)
	}
	if f.Registrations[0].Pos.Line != 1 {
		t.Errorf("line = %d, want 1", f.Registrations[0].Pos.Line)
	}
}

// TestLargeInput lexes a generated 20 MB file with every lexer (no hang,
// linear work) and checks that Scan skips it with a note.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	chunk := "class C { void M() { var s = \"a\\\"b\"; /* c */ x = y + 1; } } // tail\n"
	src := []byte(strings.Repeat(chunk, 20<<20/len(chunk)))
	for name, lex := range map[string]func([]byte) *Lexed{"cs": LexCSharp} {
		lx := lex(src)
		if len(lx.Tokens) < 1000000 {
			t.Errorf("%s: only %d tokens from 20 MB", name, len(lx.Tokens))
		}
	}
	f := ScanWithOverlay([]SourceFile{{Path: "big.cs"}}, map[string][]byte{"big.cs": src}, Options{})
	if len(f.Notes) != 1 || !strings.Contains(f.Notes[0].Message, "over the") || f.FilesScanned != 0 {
		t.Errorf("notes = %+v, scanned = %d", f.Notes, f.FilesScanned)
	}
}

// TestCommentsAndDeadCodeNeverCount: registrations, access requests and
// look-ups inside comments, strings and #if false never count.
func TestCommentsAndDeadCodeNeverCount(t *testing.T) {
	src := map[string]string{
		"a.cs":  "// BackgroundExecutionManager.RequestAccessAsync(); BackgroundTaskRegistration.AllTasks\nclass C { string s = \"BackgroundTaskRegistration.AllTasks\"; }\n#if false\nclass D { void M() { BackgroundExecutionManager.RequestAccessAsync(); } }\n#endif\n",
		"b.cpp": "#if 0\nvoid F() { BackgroundTaskBuilder b; b.TaskEntryPoint(L\"X.Y\"); b.Register(); }\n#endif\n/* BackgroundTaskRegistration::AllTasks() */\n",
		"c.vb":  "' BackgroundTaskRegistration.AllTasks\nREM BackgroundExecutionManager.RequestAccessAsync()\n#If False Then\nDim b = New BackgroundTaskBuilder()\nb.Register()\n#End If\n",
		"d.js":  "// BackgroundExecutionManager.requestAccessAsync()\nvar s = 'BackgroundTaskRegistration.allTasks';\n",
	}
	var files []SourceFile
	overlay := map[string][]byte{}
	for p, s := range src {
		files = append(files, SourceFile{Path: p})
		overlay[p] = []byte(s)
	}
	f := ScanWithOverlay(files, overlay, Options{})
	if len(f.Registrations) != 0 || len(f.AccessRequests) != 0 || len(f.ExistingChecks) != 0 {
		t.Errorf("facts from comments/strings/dead code: %+v", f)
	}
}

// TestNoQuadraticBlowUp: shapes that would make a naive scanner quadratic
// (unbalanced brackets after every assignment, deep nesting, a helper
// called in a deeply nested chain) finish.
func TestNoQuadraticBlowUp(t *testing.T) {
	reps := 200000
	helper := "class H { static void Reg(string e) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = e; b.Register(); } }\n"
	inputs := map[string]string{
		"unbalanced assignments": "class C { void M() {" + strings.Repeat("a=(f(", reps),
		"deep parentheses":       "class C { void M() { x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "; } }",
		"nested helper calls":    helper + "class C { void M() {" + strings.Repeat("Reg(", 100000) + "\"x\"" + strings.Repeat(")", 100000) + "; } }",
		"unclosed helper calls":  helper + "class C { void M() {" + strings.Repeat("Reg(", 200000),
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: "q.cs"}}, map[string][]byte{"q.cs": []byte(src)}, Options{Jobs: 1})
			for _, n := range f.Notes {
				if strings.Contains(n.Message, "internal error") {
					t.Fatal(n.Message)
				}
			}
		})
	}
}
