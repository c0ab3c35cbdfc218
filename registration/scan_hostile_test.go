package registration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sources in every language with the registration's builder on line 5 and
// a line comment before it: a lexer that ends comments only at LF would
// swallow the rest of a file with classic-Mac CR line ends.
var lineEndingSources = map[string]string{
	"a.cs":  "using Windows.ApplicationModel.Background;\n// comment\nclass A {\n void R() {\n  var b = new BackgroundTaskBuilder();\n  b.TaskEntryPoint = \"T.X\";\n  b.SetTrigger(new TimeTrigger(15, false));\n  b.Register();\n }\n}\n",
	"a.vb":  "Imports Windows.ApplicationModel.Background\n' comment\nClass A\n Sub R()\n  Dim b As New BackgroundTaskBuilder()\n  b.TaskEntryPoint = \"T.X\"\n  b.SetTrigger(New TimeTrigger(15, False))\n  b.Register()\n End Sub\nEnd Class\n",
	"a.cpp": "#include <x.h>\n// comment\nvoid R()\n{\n  BackgroundTaskBuilder b;\n  b.TaskEntryPoint(L\"T.X\");\n  b.SetTrigger(TimeTrigger(15, false));\n  b.Register();\n}\n",
	"a.js":  "'use strict';\n// comment\nfunction r()\n{\n  var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();\n  b.taskEntryPoint = \"T.X\";\n  b.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(15, false));\n  b.register();\n}\n",
}

func TestScanLineEndings(t *testing.T) {
	for name, lf := range lineEndingSources {
		for _, nl := range []string{"\n", "\r\n", "\r"} {
			src := strings.ReplaceAll(lf, "\n", nl)
			facts := ScanWithOverlay([]SourceFile{{Path: name}}, map[string][]byte{name: []byte(src)}, Options{Jobs: 1})
			if len(facts.Registrations) != 1 {
				t.Errorf("%s with %q line ends: %d registrations, want 1", name, nl, len(facts.Registrations))
				continue
			}
			r := facts.Registrations[0]
			if r.EntryPoint.Str != "T.X" || r.EntryPoint.Pos.Line != 6 {
				t.Errorf("%s with %q line ends: entry point %q at line %d, want \"T.X\" at line 6", name, nl, r.EntryPoint.Str, r.EntryPoint.Pos.Line)
			}
			if len(r.Triggers) != 1 || r.Triggers[0].Pos.Line != 7 {
				t.Errorf("%s with %q line ends: triggers %+v, want one on line 7", name, nl, r.Triggers)
			}
		}
	}
}

// TestLoneCRLeavesOverlayAlone: the CR rewrite copies; an editor's buffer
// handed in as an overlay is never changed.
func TestLoneCRLeavesOverlayAlone(t *testing.T) {
	buf := []byte("// a\rclass B {}\r\n")
	keep := string(buf)
	ScanWithOverlay([]SourceFile{{Path: "b.cs"}}, map[string][]byte{"b.cs": buf}, Options{Jobs: 1})
	if string(buf) != keep {
		t.Errorf("overlay changed to %q", buf)
	}
	if got := string(loneCRToLF([]byte("a\rb\r\nc\r"))); got != "a\nb\r\nc\n" {
		t.Errorf("loneCRToLF = %q", got)
	}
}

// TestScanVanishedFile: a file deleted between discovery and the scan (or
// never there) is a note naming it; the other files are still scanned.
func TestScanVanishedFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "Good.cs")
	gone := filepath.Join(dir, "Gone Ünïcode.cs")
	if err := os.WriteFile(good, []byte(lineEndingSources["a.cs"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gone, []byte(lineEndingSources["a.cs"]), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []SourceFile{{Path: gone}, {Path: good}, {Path: filepath.Join(dir, "never.vb")}}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	facts := Scan(files, Options{Jobs: 2})
	if len(facts.Registrations) != 1 || facts.Registrations[0].Pos.File != good {
		t.Errorf("registrations %+v, want the one in %s", facts.Registrations, good)
	}
	for _, missing := range []string{gone, filepath.Join(dir, "never.vb")} {
		found := false
		for _, n := range facts.Notes {
			if n.Pos.File == missing && strings.Contains(n.Message, missing) || n.Pos.File == missing && strings.Contains(n.Message, "no such file") {
				found = true
			}
		}
		if !found {
			t.Errorf("no note names the missing %s: %+v", missing, facts.Notes)
		}
	}
}

// TestScanDirectoryAsFile: a path that turned into a directory is a note,
// not a crash.
func TestScanDirectoryAsFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Odd.cs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	facts := Scan([]SourceFile{{Path: dir}}, Options{Jobs: 1})
	if len(facts.Notes) != 1 || facts.Notes[0].Pos.File != dir {
		t.Errorf("notes %+v, want one naming %s", facts.Notes, dir)
	}
}

// TestScanRecoversPanicPerFile: a panic while scanning one file becomes an
// internal Note naming it; the other files are still scanned.
func TestScanRecoversPanicPerFile(t *testing.T) {
	ParseHook = func(path string) {
		if strings.Contains(path, "boom") {
			var files []SourceFile
			_ = files[len(path)] // an index out of range: a real runtime panic
		}
	}
	defer func() { ParseHook = nil }()
	src := []byte(lineEndingSources["a.cs"])
	facts := ScanWithOverlay([]SourceFile{{Path: "dir/boom.cs"}, {Path: "dir/fine.cs"}},
		map[string][]byte{"dir/boom.cs": src, "dir/fine.cs": src}, Options{Jobs: 2})
	if len(facts.Registrations) != 1 || facts.Registrations[0].Pos.File != "dir/fine.cs" {
		t.Errorf("registrations %+v, want the one of dir/fine.cs", facts.Registrations)
	}
	if len(facts.Notes) != 1 || !facts.Notes[0].Internal || facts.Notes[0].Pos.File != "dir/boom.cs" ||
		!strings.Contains(facts.Notes[0].Message, "dir/boom.cs") || !strings.Contains(facts.Notes[0].Message, "index out of range") {
		t.Errorf("notes %+v, want one internal note naming dir/boom.cs and the panic", facts.Notes)
	}
}
