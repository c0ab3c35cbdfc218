package suppress

import (
	"reflect"
	"strings"
	"testing"
)

// sup is the part of a Suppression a table row states.
type sup struct {
	Line, Col int
	Rules     string // comma-joined
	Target    int    // 0 for file-wide
	Reason    string
}

func summarize(ss []Suppression) []sup {
	var out []sup
	for _, s := range ss {
		out = append(out, sup{Line: s.Line, Col: s.Col, Rules: strings.Join(s.Rules, ","), Target: s.Target, Reason: s.Reason})
	}
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		path string
		src  string
		want []sup
	}{
		// C#
		{"cs line before", "a.cs", "class A {\n    // bgmanifest:ignore BG101 set by the installer\n    var x = 1;\n}\n",
			[]sup{{2, 8, "BG101", 3, "set by the installer"}}},
		{"cs end of line", "a.cs", "builder.TaskEntryPoint = \"X\"; // bgmanifest:ignore BG101\nnext();\n",
			[]sup{{1, 34, "BG101", 1, ""}}},
		{"cs block comment", "a.cs", "/* bgmanifest:ignore BG205, BG206 async on purpose */\nasync void Run() {}\n",
			[]sup{{1, 4, "BG205,BG206", 2, "async on purpose"}}},
		{"cs doc comment", "a.cs", "/// bgmanifest:ignore task-class-not-sealed\npublic class T {}\n",
			[]sup{{1, 5, "task-class-not-sealed", 2, ""}}},
		{"cs stacked and blank lines", "a.cs", "// bgmanifest:ignore BG101\n\n// bgmanifest:ignore BG102\nRegister();\n",
			[]sup{{1, 4, "BG101", 4, ""}, {3, 4, "BG102", 4, ""}}},
		{"cs file-wide", "a.cs", "using X;\n// bgmanifest:ignore-file BG207 access requested by the host\n",
			[]sup{{2, 4, "BG207", 0, "access requested by the host"}}},
		{"cs string is not a comment", "a.cs", "var s = \"// bgmanifest:ignore BG101\";\n",
			nil},
		{"cs escaped quote in string", "a.cs", "var s = \"a\\\" // bgmanifest:ignore BG101\";\n",
			nil},
		{"cs verbatim string", "a.cs", "var s = @\"C:\\dir\\\"\" // bgmanifest:ignore BG101\";\n",
			nil},
		{"cs raw string", "a.cs", "var s = \"\"\"\n  // bgmanifest:ignore BG101\n  \"\"\";\n",
			nil},
		{"cs char literal", "a.cs", "var c = '\"'; // bgmanifest:ignore BG101\n",
			[]sup{{1, 17, "BG101", 1, ""}}},
		{"cs directive in prose", "a.cs", "// see bgmanifest:ignore BG101 in the docs\nx();\n",
			nil},
		{"cs other marker", "a.cs", "// bgmanifest:ignored BG101\nx();\n",
			nil},
		{"cs non-ASCII columns", "a.cs", "var é = \"ü\"; // bgmanifest:ignore BG101\n",
			[]sup{{1, 17, "BG101", 1, ""}}},
		{"cs CRLF", "a.cs", "x();\r\n// bgmanifest:ignore BG101\r\ny();\r\n",
			[]sup{{2, 4, "BG101", 3, ""}}},
		{"comment at end of file", "a.cs", "x();\n// bgmanifest:ignore BG101",
			[]sup{{2, 4, "BG101", 3, ""}}},

		// C++ / IDL
		{"cpp raw string", "a.cpp", "auto s = R\"x(// bgmanifest:ignore BG101)x\";\n",
			nil},
		{"cpp digit separator", "a.cpp", "int n = 1'000; // bgmanifest:ignore BG209\n",
			[]sup{{1, 19, "BG209", 1, ""}}},
		{"cpp wide string", "a.cpp", "builder.TaskEntryPoint(L\"Tasks.T\"); // bgmanifest:ignore BG101\n",
			[]sup{{1, 40, "BG101", 1, ""}}},
		{"idl", "a.idl", "namespace N {\n  // bgmanifest:ignore BG201\n  runtimeclass T;\n}\n",
			[]sup{{2, 6, "BG201", 3, ""}}},

		// JavaScript
		{"js template literal", "a.js", "var s = `\n// bgmanifest:ignore BG101\n`;\n",
			nil},
		{"js single-quoted string", "a.js", "var s = '// bgmanifest:ignore BG101';\n",
			nil},
		{"js regex literal", "a.js", "var re = /\"/; // bgmanifest:ignore BG101\n",
			[]sup{{1, 18, "BG101", 1, ""}}},
		{"js division is not a regex", "a.js", "var x = a / b; // bgmanifest:ignore BG101\n",
			[]sup{{1, 19, "BG101", 1, ""}}},

		// VB
		{"vb apostrophe", "a.vb", "' bgmanifest:ignore BG101\nbuilder.TaskEntryPoint = \"X\"\n",
			[]sup{{1, 3, "BG101", 2, ""}}},
		{"vb end of line", "a.vb", "Dim s = \"X\" ' bgmanifest:ignore BG101 reason\n",
			[]sup{{1, 15, "BG101", 1, "reason"}}},
		{"vb REM", "a.vb", "REM bgmanifest:ignore BG101\nx()\n",
			[]sup{{1, 5, "BG101", 2, ""}}},
		{"vb REM after colon", "a.vb", "x() : Rem bgmanifest:ignore BG101\n",
			[]sup{{1, 11, "BG101", 1, ""}}},
		{"vb remark identifier is code", "a.vb", "Remark = 1 ' bgmanifest:ignore BG101\n",
			[]sup{{1, 14, "BG101", 1, ""}}},
		{"vb doubled quote in string", "a.vb", "Dim s = \"a\"\"' bgmanifest:ignore BG101\"\n",
			nil},

		// XML
		{"xml line before", "Package.appxmanifest", "<Extensions>\n  <!-- bgmanifest:ignore BG104 registered by a plug-in -->\n  <Extension Category=\"windows.backgroundTasks\"/>\n</Extensions>\n",
			[]sup{{2, 8, "BG104", 3, "registered by a plug-in"}}},
		{"xml multi-line comment", "AppxManifest.xml", "<A>\n  <!--\n    bgmanifest:ignore BG105\n  -->\n  <B/>\n</A>\n",
			[]sup{{3, 5, "BG105", 5, ""}}},
		{"xml end of line", "Package.appxmanifest", "<Task Type=\"timer\"/> <!-- bgmanifest:ignore task-type-unused -->\n",
			[]sup{{1, 27, "task-type-unused", 1, ""}}},
		{"xml CDATA is not a comment", "Package.appxmanifest", "<A><![CDATA[<!-- bgmanifest:ignore BG104 -->]]></A>\n",
			nil},
		{"xml file-wide", "Package.appxmanifest", "<?xml version=\"1.0\"?>\n<!-- bgmanifest:ignore-file BG104 -->\n<Package/>\n",
			[]sup{{2, 6, "BG104", 0, ""}}},

		// Other files have no suppressions.
		{"unknown extension", "notes.txt", "// bgmanifest:ignore BG101\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(Scan(tt.path, []byte(tt.src)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestScanEncodings(t *testing.T) {
	text := "<A>\n  <!-- bgmanifest:ignore BG104 -->\n  <B/>\n</A>\n"
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range text {
		utf16le = append(utf16le, byte(r), 0)
	}
	for name, src := range map[string][]byte{
		"utf-8 BOM": append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf-16le":  utf16le,
	} {
		got := summarize(Scan("Package.appxmanifest", src))
		want := []sup{{2, 8, "BG104", 3, ""}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", name, got, want)
		}
	}
	// A BOM does not shift line 1's columns.
	got := summarize(Scan("a.cs", append([]byte{0xEF, 0xBB, 0xBF}, "x(); // bgmanifest:ignore BG101\n"...)))
	if len(got) != 1 || got[0].Col != 9 {
		t.Errorf("BOM shifted the column: %+v", got)
	}
}

func TestScanMalformed(t *testing.T) {
	ss := Scan("a.cs", []byte("// bgmanifest:ignore\nx();\n"))
	if len(ss) != 1 || !ss[0].Malformed {
		t.Fatalf("want one malformed suppression, got %+v", ss)
	}
}

func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		"// bgmanifest:ignore BG101\n", "/* bgmanifest:ignore", "\"// bgmanifest:ignore", "R\"(", "`${", "' bgmanifest:ignore-file",
		"<!-- bgmanifest:ignore BG104 -->", "<![CDATA[", "REM bgmanifest:ignore x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, path := range []string{"a.cs", "a.js", "a.vb", "a.cpp", "Package.appxmanifest"} {
			for _, s := range Scan(path, []byte(src)) {
				if s.Line < 1 || s.Col < 1 || (!s.FileWide && (s.Target < 1 || s.TargetEnd < s.Target)) {
					t.Fatalf("%s: bad position %+v", path, s)
				}
			}
		}
	})
}

// A suppression covers the whole statement or tag that starts on its
// target line: findings may point at a trigger argument or an attribute
// on a continuation line.
func TestScanTargetSpan(t *testing.T) {
	tests := []struct {
		name, path, src string
		target, end     int
	}{
		{"xml tag over three lines", "Package.appxmanifest",
			"<!-- bgmanifest:ignore BG006 -->\n<Extension Category=\"windows.backgroundTasks\"\n  EntryPoint=\"Bad Name\"\n  Executable=\"a>b.exe\">\n<Other/>\n", 2, 4},
		{"xml one-line tag", "Package.appxmanifest", "<!-- bgmanifest:ignore BG004 -->\n<Task Type=\"timer\"/>\n<Task/>\n", 2, 2},
		{"cs statement over three lines", "a.cs",
			"// bgmanifest:ignore BG102\nbuilder.SetTrigger(\n    new TimeTrigger(15, false));\nnext();\n", 2, 3},
		{"cs class header and brace", "a.cs", "// bgmanifest:ignore BG201\npublic class T : IBackgroundTask\n{\n}\n", 2, 3},
		{"cs one line", "a.cs", "// bgmanifest:ignore BG101\nx();\ny();\n", 2, 2},
		{"cs trailing on a statement's first line", "a.cs", "Register(name, // bgmanifest:ignore BG101\n    \"A.B\");\n", 1, 2},
		{"vb line continuation", "a.vb",
			"' bgmanifest:ignore BG102\nbuilder.SetTrigger( _\n    New TimeTrigger(15, False))\nx()\n", 2, 3},
		{"vb implicit continuation", "a.vb", "' bgmanifest:ignore BG101\nRegister(\"A.B\",\n         \"name\")\nx()\n", 2, 3},
		{"vb one line", "a.vb", "' bgmanifest:ignore BG101\nx()\ny()\n", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Scan(tt.path, []byte(tt.src))
			if len(ss) != 1 {
				t.Fatalf("want one suppression, got %+v", ss)
			}
			if ss[0].Target != tt.target || ss[0].TargetEnd != tt.end {
				t.Errorf("covers lines %d-%d, want %d-%d", ss[0].Target, ss[0].TargetEnd, tt.target, tt.end)
			}
		})
	}
}
