package suppress

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

// fakeResolver knows three rules, so these tests do not depend on which
// rules are registered.
func fakeResolver(s string) (string, bool) {
	names := map[string]string{
		"BG101": "entry-point-not-declared",
		"BG104": "declaration-unused",
		"BG205": "async-run-without-deferral",
		"BG900": "unused-suppression",
	}
	for id, name := range names {
		if strings.EqualFold(s, id) || s == name {
			return id, true
		}
	}
	return "", false
}

func finding(rule, file string, line int) rules.Finding {
	return rules.Finding{Rule: rule, File: file, Line: line, Column: 1, Severity: rules.Warning, Message: rule}
}

// brief renders findings as "RULE FILE:LINE[: message]" for comparison.
func brief(fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s %s:%d:%d", f.Rule, f.File, f.Line, f.Column)
		if f.Rule == "BG900" {
			s += ": " + f.Message
		}
		out = append(out, s)
	}
	return out
}

func TestApply(t *testing.T) {
	files := map[string]string{
		"App/Register.cs": "" +
			"// bgmanifest:ignore BG101 declared by the installer\n" + // line 1 → 2
			"builder.TaskEntryPoint = \"A.B\";\n" +
			"builder.Register(); // bgmanifest:ignore entry-point-not-declared\n" + // line 3, unused
			"// bgmanifest:ignore BG1O1\n" + // line 4: unknown rule
			"x();\n",
		"Tasks/Task.cs": "// bgmanifest:ignore-file async-run-without-deferral\nclass T {}\n",
		"Tasks/Register.cs": "" +
			"// bgmanifest:ignore BG101\n" +
			"Register(\n" +
			"    \"A.B\");\n" + // line 3: inside the statement the comment covers
			"x();\n",
		"Package.appxmanifest": "<Package>\n" +
			"  <!-- bgmanifest:ignore BG104,BG101 one used, one not -->\n" +
			"  <Extension/>\n" +
			"</Package>\n",
	}
	load := func(path string) ([]byte, error) {
		if src, ok := files[path]; ok {
			return []byte(src), nil
		}
		return nil, errors.New("no such file")
	}
	findings := []rules.Finding{
		finding("BG101", "App/Register.cs", 2),      // suppressed by line 1
		finding("BG104", "App/Register.cs", 2),      // other rule: kept
		finding("BG205", "Tasks/Task.cs", 40),       // file-wide
		finding("BG101", "Tasks/Register.cs", 3),    // continuation line of the covered statement
		finding("BG101", "Tasks/Register.cs", 4),    // next statement: kept
		finding("BG104", "Package.appxmanifest", 3), // suppressed
		finding("BG104", "Package.appxmanifest", 4), // wrong line: kept
		finding("BG101", "Missing.cs", 1),           // unreadable file: kept
	}
	s := NewSet(load)
	s.Resolve = fakeResolver
	got := brief(s.Apply(findings))
	want := []string{
		"BG104 App/Register.cs:2:1",
		`BG900 App/Register.cs:3:24: bgmanifest:ignore entry-point-not-declared suppresses nothing on line 3; remove it`,
		`BG900 App/Register.cs:4:4: bgmanifest:ignore names unknown rule "BG1O1"`,
		"BG101 Missing.cs:1:1",
		`BG900 Package.appxmanifest:2:8: bgmanifest:ignore BG101 suppresses nothing on line 3; remove it`,
		"BG104 Package.appxmanifest:4:1",
		"BG101 Tasks/Register.cs:4:1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Apply:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestApplyAddedFilesAndDisabledRules(t *testing.T) {
	s := NewSet(func(string) ([]byte, error) { return nil, errors.New("must not be read") })
	s.Resolve = fakeResolver
	s.Enabled = func(id string) bool { return id != "BG205" }
	// A file of a linted App with no findings: its unused suppressions are
	// still reported, except for rules that did not run.
	s.AddFile("a.cs", []byte("// bgmanifest:ignore BG101\nx();\n// bgmanifest:ignore BG205\ny();\n"))
	got := brief(s.Apply(nil))
	want := []string{`BG900 a.cs:1:4: bgmanifest:ignore BG101 suppresses nothing on line 2; remove it`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestApplyBG900CanBeSilenced(t *testing.T) {
	s := NewSet(nil)
	s.Resolve = fakeResolver
	s.AddFile("a.cs", []byte("// bgmanifest:ignore-file BG900 kept for the next release\n// bgmanifest:ignore BG101\nx();\n"))
	if got := s.Apply(nil); len(got) != 0 {
		t.Errorf("ignore-file BG900 should hide the unused suppression, got %v", brief(got))
	}
}

func TestApplyMalformed(t *testing.T) {
	got := brief(Apply(nil, nil))
	if len(got) != 0 {
		t.Fatalf("no findings, no files: want nothing, got %v", got)
	}
	s := NewSet(nil)
	s.Resolve = fakeResolver
	s.AddFile("a.vb", []byte("' bgmanifest:ignore\nx()\n"))
	got = brief(s.Apply(nil))
	want := []string{"BG900 a.vb:1:3: bgmanifest:ignore names no rule; write the rule ID or name after it"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestApplyUsesRegistry(t *testing.T) {
	// Apply with the real registry: rule names resolve to IDs, BG900 is
	// registered by package rules.
	for _, name := range []string{"unused-suppression", "entry-point-not-declared"} {
		if _, ok := rules.Lookup(name); !ok {
			t.Fatalf("%s is not registered", name)
		}
	}
	load := func(string) ([]byte, error) {
		return []byte("x(); // bgmanifest:ignore entry-point-not-declared, no-such-rule\n"), nil
	}
	got := brief(Apply([]rules.Finding{finding("BG101", "a.cs", 1), finding("BG101", "a.cs", 5)}, load))
	want := []string{
		`BG900 a.cs:1:9: bgmanifest:ignore names unknown rule "no-such-rule"`,
		"BG101 a.cs:5:1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A check adds every source file of its App, nearly all without a
// suppression: they share one record, and cost the Set no more than its
// map's room.
func TestFilesWithoutSuppressionsShareOneRecord(t *testing.T) {
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("src/File%03d.cs", i)
	}
	empty := []byte("class C {}\n")
	allocs := testing.AllocsPerRun(10, func() {
		s := NewSet(nil)
		for _, p := range paths {
			s.AddFile(p, empty)
		}
	})
	if allocs > 40 {
		t.Errorf("adding 200 files without suppressions made %.0f allocations, want at most 40", allocs)
	}
	s := NewSet(func(string) ([]byte, error) { t.Fatal("a file added with its bytes was read again"); return nil, nil })
	for _, p := range paths {
		s.AddFile(p, empty)
	}
	if got := s.Apply(nil); len(got) != 0 {
		t.Errorf("files without suppressions gave findings: %v", got)
	}
}
