package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleSources are the files the sample findings point into. The C# file
// indents with tabs and holds multi-byte text; the JavaScript file is one
// long minified line.
var sampleSources = map[string][]string{
	"App/Package.appxmanifest": {
		`<?xml version="1.0" encoding="utf-8"?>`,
		`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10">`,
		`  <Applications>`,
		`    <Application Id="App">`,
		`      <Extensions>`,
		`        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.OldTask">`,
		`          <BackgroundTasks>`,
		`            <Task Type="systemEvent" />`,
		`          </BackgroundTasks>`,
		`        </Extension>`,
		`        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask">`,
		`          <BackgroundTasks>`,
		`            <Task Type="systemEvent" />`,
		`          </BackgroundTasks>`,
		`        </Extension>`,
	},
	"Tasks/Registrar.cs": {
		"namespace Tasks {",
		"\tclass Registrar {",
		"\t\tvoid Register() {",
		"\t\t\tvar builder = new BackgroundTaskBuilder();",
		"\t\t\tbuilder.SetTrigger(new TimeTrigger(15, false));",
		"\t\t\tvar name = \"Tâche€😀\";\tbuilder.TaskEntryPoint = \"Tasks.Tâche\";",
		"\t\t}",
		"\t}",
		"}",
	},
	"src/app.min.js": {
		"var a=1;" + strings.Repeat("x=x+1;", 60) + "b.taskEntryPoint=\"Tasks.JsTask\";" + strings.Repeat("y=y+2;", 60),
	},
}

func sampleSourceLine(file string, line int) (string, bool) {
	lines, ok := sampleSources[file]
	if !ok || line < 1 || line > len(lines) {
		return "", false
	}
	return lines[line-1], true
}

// sampleFindings covers several files, related locations, fixes (one
// spanning two files), tabs and multi-byte text under the caret, a span, a
// long line, a file the caller cannot read, and messages with the characters
// every format must escape.
func sampleFindings() []rules.Finding {
	fs := []rules.Finding{
		{
			Rule: "BG104", Name: "declaration-unused", Severity: rules.Warning,
			Message: `the manifest declares entry point "Tasks.OldTask" and no code registers it`,
			File:    "App/Package.appxmanifest", Line: 6, Column: 9, EndLine: 6, EndColumn: 82,
			Fix: &rules.Fix{
				Description: `remove the extension for "Tasks.OldTask"`,
				Edits:       []rules.Edit{{File: "App/Package.appxmanifest", Line: 6, Column: 1, EndLine: 11, EndColumn: 1, NewText: ""}},
			},
		},
		{
			Rule: "BG105", Name: "task-type-unused", Severity: rules.Info,
			Message: "task type \"systemEvent\" of Tasks.TimerTask: no registration uses it\r\n(registrations: 0% of 1)",
			File:    "App/Package.appxmanifest", Line: 13, Column: 13,
		},
		{
			Rule: "BG102", Name: "trigger-type-not-declared", Severity: rules.Error,
			Message: `TimeTrigger needs task type "timer": 100% of runs fail, see Tasks.TimerTask, line 11`,
			File:    "Tasks/Registrar.cs", Line: 5, Column: 4, EndLine: 5, EndColumn: 22,
			Related: []rules.Related{
				{File: "App/Package.appxmanifest", Line: 11, Column: 9, Message: `Tasks.TimerTask is declared here, with "systemEvent" only`},
				{File: "Tasks/Registrar.cs", Line: 4, Column: 8, Message: "the builder is created here"},
			},
			Fix: &rules.Fix{
				Description: `add <Task Type="timer" /> to the extension of Tasks.TimerTask`,
				Edits: []rules.Edit{
					{File: "App/Package.appxmanifest", Line: 14, Column: 1, EndLine: 14, EndColumn: 1, NewText: "            <Task Type=\"timer\" />\n"},
				},
			},
		},
		{
			Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error,
			Message: "entry point \"Tasks.Tâche\" is not declared in <Extension Category='windows.backgroundTasks'>\ndid you mean \"Tasks.OldTask\" & not \"Tasks.TimerTask\"?",
			File:    "Tasks/Registrar.cs", Line: 6, Column: 51,
			Related: []rules.Related{{File: "App/Package.appxmanifest", Line: 6, Column: 9, Message: `nearest declaration: "Tasks.OldTask"`}},
			Fix: &rules.Fix{
				Description: "declare Tasks.Tâche in both manifests",
				Edits: []rules.Edit{
					{File: "App/Package.appxmanifest", Line: 15, Column: 21, EndLine: 15, EndColumn: 21, NewText: "\n        <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.Tâche\" />"},
					{File: "Pkg/Package.appxmanifest", Line: 3, Column: 5, EndLine: 3, EndColumn: 5, NewText: "<Extension />"},
					{File: "App/Package.appxmanifest", Line: 6, Column: 67, EndLine: 6, EndColumn: 80, NewText: "Tasks.Tâche"},
				},
			},
		},
		{
			Rule: "BG900", Name: "unused-suppression", Severity: rules.Info,
			Message: "bgmanifest:ignore BG104 suppresses nothing",
			File:    "Tasks/Sync Task,v2.cs", Line: 2, Column: 5,
		},
		{
			Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error,
			Message: `entry point "Tasks.JsTask" is not declared`,
			File:    "src/app.min.js", Line: 1, Column: 387, EndLine: 1, EndColumn: 399,
		},
	}
	rules.SortFindings(fs)
	return fs
}

func sampleRules() []rules.Meta {
	return []rules.Meta{
		{ID: "BG101", Name: "entry-point-not-declared", Severity: rules.Error, NeedsCode: true,
			Summary: "code registers an entry point that no background-task extension declares",
			Doc:     "# entry-point-not-declared\n\nThe code registers a task entry point that the manifest\ndoes not declare.\n\nRegistration then fails with \"class not registered\".\n\n```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.A\" />\n```\n"},
		{ID: "BG102", Name: "trigger-type-not-declared", Severity: rules.Error, NeedsCode: true,
			Summary: "a trigger whose task type the extension does not declare",
			Doc:     "The trigger's task type must be listed under `BackgroundTasks`."},
		{ID: "BG104", Name: "declaration-unused", Severity: rules.Warning, NeedsCode: true,
			Summary: "a declared entry point that no code registers"},
		{ID: "BG105", Name: "task-type-unused", Severity: rules.Info, NeedsCode: true,
			Summary: "a declared task type that no registration uses",
			Doc:     "```xml\n<Task Type=\"timer\" />\n```\nRemove the type."},
		{ID: "BG900", Name: "unused-suppression", Severity: rules.Info,
			Summary: "a suppression comment that suppresses nothing", Doc: "Remove the comment."},
	}
}

func sampleSummary(findings []rules.Finding) Summary {
	e, w, i := Count(findings)
	return Summary{Apps: 1, Manifests: 1, SourceFiles: 12, Errors: e, Warnings: w, Infos: i}
}

func sampleOptions(format string) Options {
	return Options{
		Format:      format,
		Rules:       sampleRules(),
		SourceLine:  sampleSourceLine,
		ToolVersion: "1.2.3",
		SourceRoot:  "/home/dev/My App",
	}
}

func render(t *testing.T, findings []rules.Finding, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, findings, sampleSummary(findings), opt); err != nil {
		t.Fatalf("Write(%s): %v", opt.Format, err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run with -update if the change is intended)\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}

func TestGolden(t *testing.T) {
	findings := sampleFindings()
	colored := sampleOptions(FormatText)
	colored.Color = true
	cases := []struct {
		name string
		opt  Options
	}{
		{"text", sampleOptions(FormatText)},
		{"text-color", colored},
		{"json", sampleOptions(FormatJSON)},
		{"sarif", sampleOptions(FormatSARIF)},
		{"github", sampleOptions(FormatGitHub)},
		{"checkstyle", sampleOptions(FormatCheckstyle)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkGolden(t, c.name, render(t, findings, c.opt))
		})
	}
}

func TestGoldenEmpty(t *testing.T) {
	for _, format := range []string{FormatJSON, FormatSARIF, FormatCheckstyle} {
		t.Run(format, func(t *testing.T) {
			checkGolden(t, format+"-empty", render(t, nil, sampleOptions(format)))
		})
	}
	for _, format := range []string{FormatText, FormatGitHub} {
		t.Run(format, func(t *testing.T) {
			if got := render(t, nil, sampleOptions(format)); len(got) != 0 {
				t.Errorf("%s with no findings printed %q, want nothing", format, got)
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, sampleFindings(), Summary{}, Options{Format: "xml"})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) || !strings.Contains(err.Error(), "checkstyle") {
		t.Fatalf("Write with format xml: err = %v, want an error naming the format and the choices", err)
	}
}

func TestWriteDefaultsToText(t *testing.T) {
	findings := sampleFindings()
	opt := sampleOptions("")
	got := render(t, findings, opt)
	opt.Format = "TEXT"
	if want := render(t, findings, opt); !bytes.Equal(got, want) {
		t.Errorf("empty format and TEXT render differently")
	}
	if !bytes.HasPrefix(got, []byte("App/Package.appxmanifest:6:9: warning: ")) {
		t.Errorf("empty format did not render text: %q", got[:min(len(got), 80)])
	}
}

func TestWriteLeavesFindingsAlone(t *testing.T) {
	findings := []rules.Finding{{
		Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error, Message: "m",
		File: "a.cs", Line: 0, Column: 0, EndLine: 3,
		Related: []rules.Related{{File: "b.xml", Line: 0, Column: -2, Message: "r"}},
	}}
	for _, format := range Formats() {
		render(t, findings, sampleOptions(format))
	}
	f := findings[0]
	if f.Line != 0 || f.Column != 0 || f.EndLine != 3 || f.Related[0].Column != -2 {
		t.Errorf("Write modified its input: %+v", f)
	}
}

func TestFormats(t *testing.T) {
	got := Formats()
	if got[0] != FormatText {
		t.Errorf("Formats()[0] = %q, want the default %q first", got[0], FormatText)
	}
	if len(got) != len(writers) {
		t.Errorf("Formats() lists %d formats, %d writers exist", len(got), len(writers))
	}
	for _, name := range got {
		if _, ok := writers[name]; !ok {
			t.Errorf("Formats() lists %q, which has no writer", name)
		}
	}
}

func TestCount(t *testing.T) {
	e, w, i := Count(sampleFindings())
	if e != 3 || w != 1 || i != 2 {
		t.Errorf("Count = %d errors, %d warnings, %d infos; want 3, 1, 2", e, w, i)
	}
	if e, w, i := Count(nil); e+w+i != 0 {
		t.Errorf("Count(nil) = %d, %d, %d", e, w, i)
	}
}

func TestSummaryLine(t *testing.T) {
	cases := []struct {
		sum  Summary
		want string
	}{
		{Summary{Apps: 1, Manifests: 1, SourceFiles: 12, Errors: 2, Warnings: 1},
			"2 errors, 1 warning, 0 infos in 1 app (1 manifest, 12 source files)"},
		{Summary{Apps: 3, Manifests: 4, SourceFiles: 1, Errors: 1, Infos: 1},
			"1 error, 0 warnings, 1 info in 3 apps (4 manifests, 1 source file)"},
		{Summary{},
			"0 errors, 0 warnings, 0 infos in 0 apps (0 manifests, 0 source files)"},
	}
	for _, c := range cases {
		if got := SummaryLine(c.sum); got != c.want {
			t.Errorf("SummaryLine(%+v) = %q, want %q", c.sum, got, c.want)
		}
	}
}
