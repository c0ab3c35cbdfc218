package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Hand-built contexts for the manifest-against-code rules BG101–BG107. The
// manifests go through the real reader (positions, offsets and indentation
// are what the fixes rely on); the code facts are built by hand, so these
// tests do not depend on the scanner.

const testManifestPath = "App/Package.appxmanifest"

// testPackage wraps application extensions in a minimal manifest. The first
// extension starts on line 8; each line of the extensions text is indented
// by eight spaces.
func testPackage(extensions string) string {
	return testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`, extensions, "")
}

func testPackageNS(nsDecl, extensions, pkgExtensions string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
	b.WriteString(`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" ` + nsDecl + ` xmlns:com="http://schemas.microsoft.com/appx/manifest/com/windows10">` + "\n")
	b.WriteString("  <Identity Name=\"App\" Publisher=\"CN=Test\" Version=\"1.0.0.0\" />\n")
	b.WriteString("  <Properties><DisplayName>App</DisplayName><PublisherDisplayName>T</PublisherDisplayName><Logo>a.png</Logo></Properties>\n")
	b.WriteString("  <Applications>\n")
	b.WriteString("    <Application Id=\"App\" Executable=\"App.exe\" EntryPoint=\"MyApp.App\">\n")
	b.WriteString("      <Extensions>\n")
	for _, l := range strings.Split(strings.TrimRight(extensions, "\n"), "\n") {
		if l != "" {
			b.WriteString("        " + l + "\n")
		}
	}
	b.WriteString("      </Extensions>\n")
	b.WriteString("    </Application>\n")
	b.WriteString("  </Applications>\n")
	if pkgExtensions != "" {
		b.WriteString("  <Extensions>\n" + pkgExtensions + "  </Extensions>\n")
	}
	b.WriteString("</Package>\n")
	return b.String()
}

// testExtension is one background-task extension (5+n lines with n task types).
func testExtension(entryPoint string, types ...string) string {
	var b strings.Builder
	b.WriteString(`<Extension Category="windows.backgroundTasks" EntryPoint="` + entryPoint + "\">\n")
	b.WriteString("  <BackgroundTasks>\n")
	for _, t := range types {
		if prefix, local, ok := strings.Cut(t, ":"); ok {
			b.WriteString("    <" + prefix + `:Task Type="` + local + "\" />\n")
		} else {
			b.WriteString(`    <Task Type="` + t + "\" />\n")
		}
	}
	b.WriteString("  </BackgroundTasks>\n")
	b.WriteString("</Extension>\n")
	return b.String()
}

func mustParseManifest(t *testing.T, text string) *manifest.Manifest {
	t.Helper()
	m := manifest.Parse(testManifestPath, []byte(text))
	for _, p := range m.Problems {
		t.Fatalf("test manifest does not parse: %d:%d %s\n%s", p.Pos.Line, p.Pos.Col, p.Message, text)
	}
	return m
}

// Registration builders. A registration sits in Tasks/Register.cs: the
// entry point literal at 10:30, the triggers on lines 11, 12, ... col 24.
type regOpt func(*registration.Registration)

func testRegistration(entryPoint string, opts ...regOpt) registration.Registration {
	r := registration.Registration{
		Pos:      registration.Pos{File: "Tasks/Register.cs", Line: 9, Col: 23},
		Name:     registration.Value{Str: "task", Resolved: true, Literal: true},
		Language: registration.CSharp,
	}
	if entryPoint != "" {
		r.EntryPointSet = true
		r.EntryPoint = registration.Value{Str: entryPoint, Resolved: true, Literal: true, Expr: `"` + entryPoint + `"`,
			Pos: registration.Pos{File: "Tasks/Register.cs", Line: 10, Col: 30}}
	}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func withTriggers(classes ...string) regOpt {
	return func(r *registration.Registration) {
		for i, c := range classes {
			r.Triggers = append(r.Triggers, registration.Trigger{Class: c, Resolved: true, FreshnessMinutes: -1,
				Pos: registration.Pos{File: "Tasks/Register.cs", Line: 11 + i, Col: 24}})
		}
	}
}

func unresolvedTrigger(r *registration.Registration) {
	r.Triggers = append(r.Triggers, registration.Trigger{Class: "", Resolved: false,
		Pos: registration.Pos{File: "Tasks/Register.cs", Line: 20, Col: 24}})
}

func unresolvedEntryPoint(r *registration.Registration) {
	r.EntryPoint.Resolved, r.EntryPoint.Literal, r.EntryPoint.Str = false, false, ""
	r.EntryPoint.Expr = "settings.EntryPoint"
}

func inLanguage(l registration.Language) regOpt {
	return func(r *registration.Registration) { r.Language = l }
}

func throughHelper(r *registration.Registration) {
	r.Pos = registration.Pos{File: "App/Startup.cs", Line: 40, Col: 9}
	r.Via = []registration.Pos{r.Pos}
	r.EntryPoint.Pos = registration.Pos{File: "App/Startup.cs", Line: 40, Col: 32}
}

func withCLSID(g string) regOpt {
	return func(r *registration.Registration) {
		r.CLSIDSet = true
		r.CLSID = registration.Value{Str: g, Resolved: true, Pos: registration.Pos{File: "App/Com.cs", Line: 7, Col: 36}}
	}
}

func viaWinAppSDK(r *registration.Registration) { r.WinAppSDK = true }

func testClass(name string) registration.TaskClass {
	return registration.TaskClass{Name: name, Pos: registration.Pos{File: "Tasks/" + simpleName(name) + ".cs", Line: 5, Col: 25},
		Language: registration.CSharp, Public: true, Sealed: true, Implements: true, Kind: "class"}
}

func testApp(projects ...*workspace.Project) *workspace.App {
	return &workspace.App{Manifest: testManifestPath, SourcesFound: true, Projects: projects}
}

// findingLine renders a finding as "RULE file:line:col severity: message".
func findingLine(f Finding) string {
	return fmt.Sprintf("%s %s:%d:%d %s: %s", f.Rule, f.File, f.Line, f.Column, f.Severity, f.Message)
}

type ruleCase struct {
	name     string
	manifest string
	facts    registration.Facts
	app      *workspace.App
	// want has one entry per finding: the "RULE file:line:col severity"
	// prefix, then fragments its message must contain, separated by " | ".
	want []string
}

func runRuleCases(t *testing.T, rule Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			man := mustParseManifest(t, tc.manifest)
			facts := tc.facts
			app := tc.app
			if app == nil {
				app = testApp()
			}
			got := rule.Check(&Context{App: app, Manifest: man, Facts: &facts})
			if len(got) != len(tc.want) {
				var s []string
				for _, f := range got {
					s = append(s, findingLine(f))
				}
				t.Fatalf("got %d findings, want %d:\n  %s", len(got), len(tc.want), strings.Join(s, "\n  "))
			}
			for i, w := range tc.want {
				parts := strings.Split(w, " | ")
				line := findingLine(got[i])
				if !strings.HasPrefix(line, parts[0]+": ") {
					t.Errorf("finding %d = %q, want prefix %q", i, line, parts[0])
				}
				for _, frag := range parts[1:] {
					if !strings.Contains(got[i].Message, frag) {
						t.Errorf("finding %d message %q lacks %q", i, got[i].Message, frag)
					}
				}
			}
		})
	}
}

// applyEdits applies a fix's edits to one text (edits sorted back to
// front), using the manifest's own line/column mapping.
func applyEdits(t *testing.T, man *manifest.Manifest, edits []Edit) string {
	t.Helper()
	text := string(man.Text)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		if e.File != man.Path {
			t.Fatalf("edit of %s, want %s", e.File, man.Path)
		}
		start, end := man.OffsetAt(e.Line, e.Column), man.OffsetAt(e.EndLine, e.EndColumn)
		text = text[:start] + e.NewText + text[end:]
	}
	return text
}

func TestBG101EntryPointNotDeclared(t *testing.T) {
	vbProject := &workspace.Project{Path: "Tasks/Tasks.vbproj", Language: registration.VB, RootNamespace: "MyApp", Kind: workspace.KindWinRTComponent}
	runRuleCases(t, entryPointNotDeclared{}, []ruleCase{
		{name: "declared", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}}},
		{name: "not declared, nothing close", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Other.Cleanup", withTriggers("TimeTrigger"))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | TaskEntryPoint "Other.Cleanup" | Package.appxmanifest | EntryPoint="Other.Cleanup" | 0x80040154`}},
		{name: "case only", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.syncTask", withTriggers("TimeTrigger"))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | did you mean "Tasks.SyncTask"? | case-sensitively`}},
		{name: "missing namespace", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("SyncTask", withTriggers("TimeTrigger"))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | did you mean "Tasks.SyncTask"? | full Namespace.Class`}},
		{name: "misspelt", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SynkTsk", withTriggers("TimeTrigger"))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | did you mean "Tasks.SyncTask"?`}},
		{name: "VB RootNamespace", manifest: testPackage(testExtension("MyApp.Tasks.SyncTask", "timer")),
			app:   testApp(vbProject),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"), inLanguage(registration.VB))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | did you mean "MyApp.Tasks.SyncTask"? | RootNamespace "MyApp"`}},
		{name: "unresolved entry point", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("X", unresolvedEntryPoint)}}},
		{name: "WinAppSDK builder", manifest: testPackage(testExtension(winAppSDKEntryPoint, "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", viaWinAppSDK)}}},
		{name: "COM CLSID registration", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withCLSID("4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10"))}}},
		{name: "in-process", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("TimeTrigger"))}}},
		{name: "through a helper: reported at the call site", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Missing", throughHelper)}},
			want:  []string{`BG101 App/Startup.cs:40:9 error | "Tasks.Missing"`}},
		{name: "JavaScript StartPage matches", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration(`js\task.js`, inLanguage(registration.JavaScript)),
				testRegistration(`js/Task.js`, inLanguage(registration.JavaScript)),
			}}},
		{name: "JavaScript StartPage differs", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration(`js\tasks.js`, inLanguage(registration.JavaScript))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | taskEntryPoint "js\tasks.js" | StartPage="js\tasks.js" | did you mean "js\task.js"?`}},
		{name: "declared at package level only", manifest: testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`,
			`<Extension Category="windows.updateTask" />`,
			"    <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n      <BackgroundTasks>\n        <Task Type=\"timer\" />\n      </BackgroundTasks>\n    </Extension>\n"),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}},
			want:  []string{`BG101 Tasks/Register.cs:10:30 error | package-level declaration is ignored`}},
		{name: "inherited from Application EntryPoint", manifest: testPackage(`<Extension Category="windows.backgroundTasks">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("MyApp.App", withTriggers("TimeTrigger"))}}},
	})
}

func TestBG101Fixes(t *testing.T) {
	t.Run("case-only difference corrects the code literal", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
		facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.syncTask", withTriggers("TimeTrigger"))}}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 1 || fs[0].Fix == nil {
			t.Fatalf("want one finding with a fix, got %+v", fs)
		}
		want := Edit{File: "Tasks/Register.cs", Line: 10, Column: 30, EndLine: 10, EndColumn: 46, NewText: `"Tasks.SyncTask"`}
		if len(fs[0].Fix.Edits) != 1 || fs[0].Fix.Edits[0] != want {
			t.Errorf("edits = %+v, want %+v", fs[0].Fix.Edits, want)
		}
		if len(fs[0].Related) != 1 || fs[0].Related[0].Line != 8 || fs[0].Related[0].Column != 67 {
			t.Errorf("related = %+v, want the EntryPoint value at 8:67", fs[0].Related)
		}
	})
	t.Run("case-only difference where the code names the real class corrects the manifest", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.syncTask", "timer")))
		facts := registration.Facts{
			Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))},
			TaskClasses:   []registration.TaskClass{testClass("Tasks.SyncTask")},
		}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 1 || fs[0].Fix == nil {
			t.Fatalf("want one finding with a fix, got %+v", fs)
		}
		got := applyEdits(t, man, fs[0].Fix.Edits)
		if !strings.Contains(got, `EntryPoint="Tasks.SyncTask"`) || strings.Contains(got, "syncTask") {
			t.Errorf("fixed manifest:\n%s", got)
		}
	})
	t.Run("computed literal gets no fix", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
		r := testRegistration("Tasks.syncTask", withTriggers("TimeTrigger"))
		r.EntryPoint.Literal, r.EntryPoint.Expr = false, `Ns + ".syncTask"`
		facts := registration.Facts{Registrations: []registration.Registration{r}}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 1 || fs[0].Fix != nil {
			t.Fatalf("want one finding without a fix, got %+v", fs)
		}
	})
	t.Run("existing class gets a new declaration", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
		facts := registration.Facts{
			Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")),
				testRegistration("Reports.Builder", withTriggers("TimeTrigger", "SystemTrigger", "MediaProcessingTrigger")),
				testRegistration("Reports.Builder", withTriggers("ApplicationTrigger")),
			},
			TaskClasses: []registration.TaskClass{testClass("Tasks.SyncTask"), testClass("Reports.Builder")},
		}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 2 || fs[0].Fix == nil {
			t.Fatalf("want two findings, the first with a fix, got %+v", fs)
		}
		if fs[1].Fix != nil {
			t.Errorf("the second registration of the same entry point repeats the insertion: %+v", fs[1].Fix)
		}
		got := applyEdits(t, man, fs[0].Fix.Edits)
		want := `        </Extension>
        <Extension Category="windows.backgroundTasks" EntryPoint="Reports.Builder">
          <BackgroundTasks>
            <Task Type="timer" />
            <Task Type="systemEvent" />
            <uap:Task Type="mediaProcessing" />
            <Task Type="general" />
          </BackgroundTasks>
        </Extension>
      </Extensions>
`
		if !strings.Contains(got, want) {
			t.Errorf("fixed manifest:\n%s\nwant it to contain:\n%s", got, want)
		}
		if re := manifest.Parse(testManifestPath, []byte(got)); len(re.Problems) > 0 || len(re.BackgroundTasks) != 2 {
			t.Errorf("fixed manifest does not read back: %+v, %d extensions", re.Problems, len(re.BackgroundTasks))
		}
	})
	t.Run("a class that is not in the sources gets no declaration", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
		facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Reports.Builder", withTriggers("TimeTrigger"))}}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 1 || fs[0].Fix != nil {
			t.Fatalf("want one finding without a fix, got %+v", fs)
		}
	})
	t.Run("unknown trigger type gets no declaration", func(t *testing.T) {
		man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
		facts := registration.Facts{
			Registrations: []registration.Registration{testRegistration("Reports.Builder", withTriggers("ContentPrefetchTrigger"))},
			TaskClasses:   []registration.TaskClass{testClass("Reports.Builder")},
		}
		fs := entryPointNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(fs) != 1 || fs[0].Fix != nil {
			t.Fatalf("want one finding without a fix, got %+v", fs)
		}
	})
}

func TestBG102TriggerTypeNotDeclared(t *testing.T) {
	noUap := `xmlns:uap2="http://schemas.microsoft.com/appx/manifest/uap/windows10/2"`
	runRuleCases(t, triggerTypeNotDeclared{}, []ruleCase{
		{name: "timer declared", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger", "SystemTrigger"))}}},
		{name: "timer missing", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("SystemTrigger", "TimeTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:12:24 error | TimeTrigger needs <Task Type="timer"/> | entry point "Tasks.SyncTask" | Package.appxmanifest`}},
		{name: "qualified trigger class", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("winrt::Windows::ApplicationModel::Background::PushNotificationTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 error | PushNotificationTrigger needs <Task Type="pushNotification"/>`}},
		{name: "uap type missing", manifest: testPackage(testExtension("Tasks.Media", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Media", withTriggers("MediaProcessingTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 error | <uap:Task Type="mediaProcessing"/>`}},
		{name: "uap type declared", manifest: testPackage(testExtension("Tasks.Media", "uap:mediaProcessing")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Media", withTriggers("MediaProcessingTrigger"))}}},
		{name: "ApplicationTrigger declared as systemEvent (the BackgroundTask sample)", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("ApplicationTrigger"))}}},
		{name: "MaintenanceTrigger declared as timer", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("MaintenanceTrigger"))}}},
		{name: "toast trigger declared as general", manifest: testPackage(testExtension("Tasks.Toast", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Toast", withTriggers("ToastNotificationActionTrigger"))}}},
		{name: "ApplicationTrigger with no accepted type is a warning", manifest: testPackage(testExtension("Tasks.SyncTask", "pushNotification")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("ApplicationTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 warning | ApplicationTrigger | <Task Type="general"/> or <Task Type="systemEvent"/> or <Task Type="timer"/>`}},
		{name: "undocumented trigger", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("ContentPrefetchTrigger", "StorageLibraryContentChangedTrigger"))}}},
		{name: "SystemTrigger declared as general (archived CommunicationBlockAndFilter sample)", manifest: testPackage(testExtension("Tasks.SyncTask", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("SystemTrigger"))}}},
		{name: "SystemTrigger missing names the documented type", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("SystemTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 error | SystemTrigger needs <Task Type="systemEvent"/>, but`}},
		{name: "unresolved trigger", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", unresolvedTrigger)}}},
		{name: "entry point not declared is BG101's", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Other", withTriggers("PushNotificationTrigger"))}}},
		{name: "in-process needs no declaration", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("PushNotificationTrigger"))}}},
		{name: "through a helper: reported at the call site", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"), throughHelper)}},
			want:  []string{`BG102 App/Startup.cs:40:9 error | TimeTrigger`}},
		{name: "JavaScript", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="systemEvent" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration(`js\task.js`, inLanguage(registration.JavaScript), withTriggers("BluetoothLEAdvertisementWatcherTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 error | <Task Type="bluetooth"/> | script "js\task.js"`}},
		{name: "uap not bound: reported, no fix", manifest: testPackageNS(noUap, testExtension("Tasks.Media", "general"), ""),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Media", withTriggers("MediaProcessingTrigger"))}},
			want:  []string{`BG102 Tasks/Register.cs:11:24 error | mediaProcessing`}},
	})
}

func TestBG102Fixes(t *testing.T) {
	tests := []struct {
		name, nsDecl string
		types        []string
		trigger      string
		want         string // the fixed BackgroundTasks block; "" for no fix
	}{
		{"timer after systemEvent", `xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`, []string{"systemEvent"}, "TimeTrigger",
			"          <BackgroundTasks>\n            <Task Type=\"systemEvent\" />\n            <Task Type=\"timer\" />\n          </BackgroundTasks>\n"},
		{"uap task with the file's own prefix", `xmlns:u="http://schemas.microsoft.com/appx/manifest/uap/windows10"`, []string{"general"}, "PhoneTrigger",
			"          <BackgroundTasks>\n            <Task Type=\"general\" />\n            <u:Task Type=\"phoneCall\" />\n          </BackgroundTasks>\n"},
		{"ambiguous trigger gets its preferred type", `xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`, []string{"pushNotification"}, "MaintenanceTrigger",
			"            <Task Type=\"pushNotification\" />\n            <Task Type=\"general\" />\n"},
		{"uap unbound", `xmlns:uap2="http://schemas.microsoft.com/appx/manifest/uap/windows10/2"`, []string{"general"}, "PhoneTrigger", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			man := mustParseManifest(t, testPackageNS(tt.nsDecl, testExtension("Tasks.T", tt.types...), ""))
			facts := registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.T", withTriggers(tt.trigger)), testRegistration("Tasks.T", withTriggers(tt.trigger)),
			}}
			fs := triggerTypeNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
			if len(fs) != 2 {
				t.Fatalf("want 2 findings, got %d", len(fs))
			}
			if fs[1].Fix != nil {
				t.Errorf("the same insertion is offered twice")
			}
			if len(fs[0].Related) != 1 || fs[0].Related[0].Line != 9 {
				t.Errorf("related = %+v, want the <BackgroundTasks> element on line 9", fs[0].Related)
			}
			if tt.want == "" {
				if fs[0].Fix != nil {
					t.Errorf("unexpected fix %+v", fs[0].Fix)
				}
				return
			}
			if fs[0].Fix == nil {
				t.Fatal("no fix")
			}
			got := applyEdits(t, man, fs[0].Fix.Edits)
			if !strings.Contains(got, tt.want) {
				t.Errorf("fixed manifest:\n%s\nwant it to contain:\n%s", got, tt.want)
			}
			if re := manifest.Parse(testManifestPath, []byte(got)); len(re.Problems) > 0 || len(re.BackgroundTasks[0].Tasks) != len(tt.types)+1 {
				t.Errorf("fixed manifest does not read back with the new task: %+v", re.Problems)
			}
		})
	}
}

// A JavaScript task has no EntryPoint: the fix names its StartPage
// script (audit 9: the fix line read `for ""`).
func TestBG102FixNamesTheScript(t *testing.T) {
	man := mustParseManifest(t, testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="systemEvent" />
  </BackgroundTasks>
</Extension>`))
	facts := registration.Facts{Registrations: []registration.Registration{testRegistration(`js\task.js`, inLanguage(registration.JavaScript), withTriggers("TimeTrigger"))}}
	fs := triggerTypeNotDeclared{}.Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
	if len(fs) != 1 || fs[0].Fix == nil {
		t.Fatalf("want one finding with a fix, got %+v", fs)
	}
	if want := `declare task type "timer" for "js\task.js" in Package.appxmanifest`; fs[0].Fix.Description != want {
		t.Errorf("fix description %q, want %q", fs[0].Fix.Description, want)
	}
}

func TestBG103EntryPointClassMissing(t *testing.T) {
	cppComponent := &workspace.Project{Path: "Tasks/Tasks.vcxproj", Language: registration.CPP, Kind: workspace.KindWinRTComponent}
	runRuleCases(t, entryPointClassMissing{}, []ruleCase{
		{name: "class exists", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.SyncTask")}}},
		{name: "C++/WinRT implementation struct stands for the runtime class", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("winrt::Tasks::implementation::SyncTask")}}},
		{name: "same class in another namespace", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("BackgroundTasks.SyncTask")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | EntryPoint "Tasks.SyncTask" | did you mean "BackgroundTasks.SyncTask"?`}},
		{name: "VB RootNamespace", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: testApp(&workspace.Project{Path: "Tasks/Tasks.vbproj", Language: registration.VB, RootNamespace: "MyApp"}),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{func() registration.TaskClass {
				tc := testClass("MyApp.Tasks.SyncTask")
				tc.Language, tc.Project = registration.VB, "Tasks/Tasks.vbproj"
				return tc
			}()}},
			want: []string{`BG103 App/Package.appxmanifest:8:67 error | did you mean "MyApp.Tasks.SyncTask"? Visual Basic puts the project's RootNamespace "MyApp"`}},
		{name: "sibling in the declared namespace", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.CleanupTask")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | EntryPoint "Tasks.SyncTask" in Package.appxmanifest names a class that no source of this App defines`}},
		{name: "misspelt class in the declared namespace", manifest: testPackage(testExtension("Tasks.ServicingCompleted", "systemEvent")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.ServicingComplete"), testClass("Tasks.Other")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | did you mean "Tasks.ServicingComplete"?`}},
		{name: "component in an unseen language", manifest: testPackage(testExtension("CppTasks.SyncTask", "timer")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("CsTasks.Other")}}},
		{name: "sources not found", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   &workspace.App{Manifest: testManifestPath},
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.Other")}}},
		{name: "no task classes at all", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{}},
		{name: "Windows App SDK task", manifest: testPackage(testExtension(winAppSDKEntryPoint, "general")),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Other")}}},
		{name: "JavaScript StartPage", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.Other")}}},
		{name: "activatable class from a prebuilt DLL", manifest: testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`,
			testExtension("Vendor.PushTask", "pushNotification"),
			"    <Extension Category=\"windows.activatableClass.inProcessServer\">\n      <InProcessServer>\n        <Path>Vendor.Push.dll</Path>\n        <ActivatableClass ActivatableClassId=\"Vendor.PushTask\" ThreadingModel=\"both\" />\n      </InProcessServer>\n    </Extension>\n"),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Vendor.Other")}}},
		{name: "activatable class from one of the App's projects", manifest: testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`,
			testExtension("Tasks.PushTask", "pushNotification"),
			"    <Extension Category=\"windows.activatableClass.inProcessServer\">\n      <InProcessServer>\n        <Path>Tasks.dll</Path>\n        <ActivatableClass ActivatableClassId=\"Tasks.PushTask\" ThreadingModel=\"both\" />\n      </InProcessServer>\n    </Extension>\n"),
			app:   testApp(cppComponent),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.Other")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | "Tasks.PushTask"`}},
	})
}

func TestBG104DeclarationUnused(t *testing.T) {
	two := testExtension("Tasks.SyncTask", "timer") + testExtension("Tasks.CleanupTask", "timer")
	runRuleCases(t, declarationUnused{}, []ruleCase{
		{name: "both registered", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("Tasks.CleanupTask", withTriggers("TimeTrigger"))}}},
		{name: "one unused", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}},
			want:  []string{`BG104 App/Package.appxmanifest:13:67 warning | EntryPoint "Tasks.CleanupTask" | no code registers it`}},
		{name: "renamed in code", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("Tasks.CleanupTasks", withTriggers("TimeTrigger"))}},
			want: []string{`BG104 App/Package.appxmanifest:13:67 warning | the code registers "Tasks.CleanupTasks" instead`}},
		{name: "an unresolved entry point silences the App", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("X", unresolvedEntryPoint)}}},
		{name: "an unresolved helper silences the App", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("Tasks.Other", throughHelper, unresolvedTrigger)}}},
		{name: "a scanner note silences the App", manifest: testPackage(two),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))},
				Notes: []registration.Note{{Message: "file too large"}}}},
		{name: "no registration at all", manifest: testPackage(two), facts: registration.Facts{}},
		{name: "in-process declaration without EntryPoint", manifest: testPackage(testExtension("Tasks.SyncTask", "timer") + `<Extension Category="windows.backgroundTasks">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("", withTriggers("TimeTrigger"))}}},
		{name: "Windows App SDK and IoT startup", manifest: testPackageNS(`xmlns:iot="http://schemas.microsoft.com/appx/manifest/iot/windows10"`,
			testExtension("Tasks.SyncTask", "timer")+testExtension(winAppSDKEntryPoint, "general")+testExtension("Tasks.Startup", "iot:startup"), ""),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}}},
		{name: "template placeholder", manifest: testPackage(testExtension("Tasks.SyncTask", "timer") + testExtension("$targetentrypoint$", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}}},
		{name: "JavaScript StartPage registered", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration(`js\task.js`, inLanguage(registration.JavaScript), withTriggers("TimeTrigger"))}}},
	})
}

func TestBG105TaskTypeUnused(t *testing.T) {
	runRuleCases(t, taskTypeUnused{}, []ruleCase{
		{name: "all used", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger", "SystemTrigger"))}}},
		{name: "push declared, timer used", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "pushNotification")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}},
			want:  []string{`BG105 App/Package.appxmanifest:11:25 info | "pushNotification" of "Tasks.SyncTask" | registered with TimeTrigger only`}},
		{name: "used by another registration of the same entry point", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "pushNotification")),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("Tasks.SyncTask", withTriggers("PushNotificationTrigger"))}}},
		{name: "ambiguous trigger uses every accepted type", manifest: testPackage(testExtension("Tasks.SyncTask", "systemEvent", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("ApplicationTrigger"))}}},
		{name: "undocumented trigger", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger", "ContentPrefetchTrigger"))}}},
		{name: "unresolved trigger", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"), unresolvedTrigger)}}},
		{name: "unresolved App", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger")), testRegistration("X", unresolvedEntryPoint)}}},
		{name: "through a helper", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "pushNotification")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"), throughHelper)}}},
		{name: "not registered is BG104's", manifest: testPackage(testExtension("Tasks.SyncTask", "timer", "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Other", withTriggers("TimeTrigger"))}}},
		{name: "uap type unused", manifest: testPackage(testExtension("Tasks.Media", "general", "uap:mediaProcessing")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Media", withTriggers("ApplicationTrigger"))}},
			want:  []string{`BG105 App/Package.appxmanifest:11:29 info | "mediaProcessing"`}},
	})
}

func TestBG106InProcessWithoutHandler(t *testing.T) {
	handler := []registration.Pos{{File: "App/App.xaml.cs", Line: 50, Col: 33}}
	runRuleCases(t, inProcessWithoutHandler{}, []ruleCase{
		{name: "no handler", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("TimeTrigger"))}},
			want:  []string{`BG106 Tasks/Register.cs:9:23 error | background task "task" is registered in-process | OnBackgroundActivated`}},
		{name: "with handler", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("TimeTrigger"))}, BackgroundActivated: handler}},
		{name: "DeviceUseTrigger in-process, even with a handler", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("DeviceUseTrigger"))}, BackgroundActivated: handler},
			want:  []string{`BG106 Tasks/Register.cs:9:23 error | DeviceUseTrigger, which cannot run in-process | <Task Type="deviceUse"/>`}},
		{name: "DeviceServicingTrigger in-process", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("DeviceServicingTrigger"))}, BackgroundActivated: handler},
			want:  []string{`BG106 Tasks/Register.cs:9:23 error | DeviceServicingTrigger | <Task Type="deviceServicing"/>`}},
		{name: "DeviceUseTrigger out of process", manifest: testPackage(testExtension("Tasks.SyncTask", "deviceUse")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("DeviceUseTrigger"))}}},
		{name: "COM and Windows App SDK registrations", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{
				testRegistration("", withCLSID("4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10")), testRegistration("", viaWinAppSDK)}}},
	})
}

func TestBG107ComClassNotDeclared(t *testing.T) {
	com := "<com:Extension Category=\"windows.comServer\">\n  <com:ComServer>\n    <com:ExeServer Executable=\"App.exe\" DisplayName=\"Tasks\">\n" +
		"      <com:Class Id=\"{4B4F3C5E-5C1D-4B8E-9D3A-2F5B8D1C7A10}\" DisplayName=\"SyncTask\" />\n    </com:ExeServer>\n  </com:ComServer>\n</com:Extension>\n"
	runRuleCases(t, comClassNotDeclared{}, []ruleCase{
		{name: "declared (braces and case differ)", manifest: testPackage(com),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withCLSID("4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10"))}}},
		{name: "not declared", manifest: testPackage(com),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withCLSID("{11111111-2222-3333-4444-555555555555}"))}},
			want:  []string{`BG107 App/Com.cs:7:36 error | SetTaskEntryPointClsid(11111111-2222-3333-4444-555555555555) | <com:Class Id="11111111-2222-3333-4444-555555555555">`}},
		{name: "Windows App SDK builder, no comServer", manifest: testPackage(testExtension(winAppSDKEntryPoint, "general")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", viaWinAppSDK, withCLSID("4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10"))}},
			want:  []string{`BG107 App/Com.cs:7:36 error | windows.comServer`}},
		{name: "CLSID that is not a GUID (an unexpanded macro)", manifest: testPackage(com),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withCLSID("clsid_backgroundtask"))}}},
		{name: "unresolved CLSID", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			facts: registration.Facts{Registrations: []registration.Registration{testRegistration("", withCLSID("x"), func(r *registration.Registration) { r.CLSID.Resolved = false })}}},
	})
}

// A manifest that could not be read fully must not produce comparisons.
func TestManifestProblemsSilenceCodeRules(t *testing.T) {
	man := manifest.Parse(testManifestPath, []byte(testPackage(testExtension("Tasks.SyncTask", "timer"))+"<junk"))
	if len(man.Problems) == 0 {
		t.Skip("the reader accepted the broken manifest")
	}
	facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.Other", withTriggers("TimeTrigger"))}}
	for _, r := range []Rule{entryPointNotDeclared{}, triggerTypeNotDeclared{}, entryPointClassMissing{}, declarationUnused{}, taskTypeUnused{}, comClassNotDeclared{}} {
		if fs := r.Check(&Context{App: testApp(), Manifest: man, Facts: &facts}); len(fs) != 0 {
			t.Errorf("%s reported on an unreadable manifest: %+v", r.Meta().ID, fs)
		}
	}
}

func TestManifestCodeRulesMeta(t *testing.T) {
	for _, r := range []Rule{entryPointNotDeclared{}, triggerTypeNotDeclared{}, entryPointClassMissing{}, declarationUnused{}, taskTypeUnused{}, inProcessWithoutHandler{}, comClassNotDeclared{}} {
		m := r.Meta()
		if !m.NeedsCode || m.Summary == "" {
			t.Errorf("%s: NeedsCode %v, summary %q", m.ID, m.NeedsCode, m.Summary)
		}
		for _, section := range []string{"# " + m.ID + " " + m.Name, "## What it finds", "## Bad", "## Good", "## How to fix", "```xml"} {
			if !strings.Contains(m.Doc, section) {
				t.Errorf("%s: doc lacks %q", m.ID, section)
			}
		}
		// Both examples in both languages, except BG107 whose good code is
		// the bad code with the manifest fixed.
		bad, good, _ := strings.Cut(m.Doc, "## Good")
		if m.ID != "BG107" && (!strings.Contains(good, "```csharp") || !strings.Contains(good, "```cpp")) {
			t.Errorf("%s: the good example lacks C# or C++", m.ID)
		}
		if !strings.Contains(bad, "```csharp") || !strings.Contains(bad, "```cpp") {
			t.Errorf("%s: the bad example lacks C# or C++", m.ID)
		}
		if got, ok := Lookup(m.Name); !ok || got.Meta().ID != m.ID {
			t.Errorf("%s is not registered under its name", m.ID)
		}
	}
}

func TestNearestName(t *testing.T) {
	tests := []struct {
		x     string
		cands []string
		roots []string
		want  string
		kind  int
	}{
		{"Tasks.synctask", []string{"Tasks.Other", "Tasks.SyncTask"}, nil, "Tasks.SyncTask", missCase},
		{"Tasks.SyncTask", []string{"MyApp.Tasks.SyncTask"}, []string{"MyApp"}, "MyApp.Tasks.SyncTask", missRootNamespace},
		{"Tasks.SyncTask", []string{"MyApp.Tasks.SyncTask"}, nil, "MyApp.Tasks.SyncTask", missNamespace},
		{"SyncTask", []string{"Tasks.SyncTask"}, nil, "Tasks.SyncTask", missNamespace},
		{"A.SyncTask", []string{"B.SyncTask"}, nil, "B.SyncTask", missNamespace},
		{"Tasks.SyncTsk", []string{"Tasks.SyncTask", "Tasks.SyncTasks2"}, nil, "Tasks.SyncTask", missSpelling},
		{"Tasks.SyncTask", []string{"Reports.Builder"}, nil, "", 0},
		{"Tasks.SyncTask", []string{"Tasks.SyncTask"}, nil, "", 0},
	}
	for _, tt := range tests {
		got, ok := nearestName(tt.x, tt.cands, tt.roots)
		if ok != (tt.kind != 0) || got.Name != tt.want || got.Kind != tt.kind {
			t.Errorf("nearestName(%q, %v) = %+v, %v; want %q kind %d", tt.x, tt.cands, got, ok, tt.want, tt.kind)
		}
	}
}

// TestBG104MentionedInSources: a declaration the code still mentions
// (registration.Facts.Mentioned) is registered by code the scanner could
// not follow; the rule reads that fact, never the sources.
func TestBG104MentionedInSources(t *testing.T) {
	two := testPackage(testExtension("Tasks.SyncTask", "timer") + testExtension("Tasks.CleanupTask", "timer"))
	for _, tt := range []struct {
		mentioned []string
		reported  bool
	}{
		{nil, true},
		{[]string{"Tasks.SyncTask"}, true},
		{[]string{"Tasks.CleanupTask"}, false},
	} {
		facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}, Mentioned: tt.mentioned}
		got := declarationUnused{}.Check(&Context{App: testApp(), Manifest: mustParseManifest(t, two), Facts: &facts})
		if (len(got) == 1) != tt.reported || len(got) > 1 {
			t.Errorf("mentioned %v: findings = %+v, want reported %v", tt.mentioned, got, tt.reported)
		}
	}
}

func TestJavaScriptRegistersComponentClass(t *testing.T) {
	// A JavaScript app may register a C# component's class by name: it is
	// compared with EntryPoint, not StartPage.
	man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
	facts := registration.Facts{Registrations: []registration.Registration{
		testRegistration("Tasks.SyncTask", inLanguage(registration.JavaScript), withTriggers("TimeTrigger"))}}
	for _, r := range []Rule{entryPointNotDeclared{}, triggerTypeNotDeclared{}, declarationUnused{}, taskTypeUnused{}} {
		if fs := r.Check(&Context{App: testApp(), Manifest: man, Facts: &facts}); len(fs) != 0 {
			t.Errorf("%s: %+v", r.Meta().ID, fs)
		}
	}
}

func TestBG106HandlerSpeltInSources(t *testing.T) {
	app := testApp()
	facts := registration.Facts{Registrations: []registration.Registration{testRegistration("", withTriggers("TimeTrigger"))}}
	man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
	if fs := (inProcessWithoutHandler{}).Check(&Context{App: app, Manifest: man, Facts: &facts}); len(fs) != 1 {
		t.Fatalf("no handler: %d findings, want 1", len(fs))
	}
	facts.HandlerMentioned = true
	if fs := (inProcessWithoutHandler{}).Check(&Context{App: app, Manifest: man, Facts: &facts}); len(fs) != 0 {
		t.Errorf("code spells the handler, yet: %+v", fs)
	}
}

func TestGUIDPrefixAndClassNameHelpers(t *testing.T) {
	for s, want := range map[string]bool{
		"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5":             true,
		normGUID("{6D2A4F1E-0C9B-4A57-8E3D-91B2C7F4A0E5}"): true,
		"clsid_backgroundtask":                             false,
		"6d2a4f1e0c9b4a578e3d91b2c7f4a0e5":                 false,
		"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0eg":             false,
	} {
		if got := isGUID(s); got != want {
			t.Errorf("isGUID(%q) = %v, want %v", s, got, want)
		}
	}
	tag := []byte(`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" xmlns:mp='x' xmlns:u =  "http://schemas.microsoft.com/appx/manifest/uap/windows10">`)
	if p, ok := prefixInTag(tag, "http://schemas.microsoft.com/appx/manifest/uap/windows10"); !ok || p != "u" {
		t.Errorf("prefixInTag = %q, %v; want u", p, ok)
	}
	if _, ok := prefixInTag(tag, "http://schemas.microsoft.com/appx/manifest/iot/windows10"); ok {
		t.Error("prefixInTag found an unbound namespace")
	}
	for _, tt := range []struct{ in, want string }{
		{"winrt::Tasks::implementation::SyncTask", "Tasks.SyncTask"},
		{"global::Tasks.SyncTask", "Tasks.SyncTask"},
		{"Global.Tasks.SyncTask", "Tasks.SyncTask"},
		{"Tasks::factory_implementation::SyncTask", "Tasks.SyncTask"},
		{"Tasks.SyncTask", "Tasks.SyncTask"},
	} {
		if got := normClassName(tt.in); got != tt.want {
			t.Errorf("normClassName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRegistrationsOfAnotherApp(t *testing.T) {
	man := mustParseManifest(t, testPackage(testExtension("Tests.Dummy", "timer")))
	facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Tasks.SyncTask", withTriggers("TimeTrigger"))}}
	appProject := &workspace.Project{Path: "App/App.csproj", Kind: workspace.KindApp, Language: registration.CSharp}
	sources := []registration.SourceFile{{Path: "Tasks/Register.cs", Language: registration.CSharp, Project: appProject.Path}}
	tests := []struct {
		name  string
		owner *workspace.Project
		want  int
	}{
		// A unit-test app references the app under test: the app's
		// registrations are checked against the app's manifest, not this one.
		{"unit-test app", &workspace.Project{Path: "Tests/Tests.csproj", Kind: workspace.KindApp}, 0},
		// A packaging project's manifest is the referenced app's manifest.
		{"packaging project", &workspace.Project{Path: "Package/Package.wapproj", Kind: workspace.KindPackaging}, 1},
		{"the app itself", appProject, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := &workspace.App{Manifest: testManifestPath, Project: tt.owner.Path, SourcesFound: true,
				Projects: []*workspace.Project{tt.owner, appProject}, Sources: sources}
			if fs := (entryPointNotDeclared{}).Check(&Context{App: app, Manifest: man, Facts: &facts}); len(fs) != tt.want {
				t.Errorf("%d findings, want %d: %+v", len(fs), tt.want, fs)
			}
		})
	}
}

// A Windows Phone Silverlight app's AgHost.BackgroundTask is the
// platform's agent host, not a class of the App: BG101 never offers it as
// the name the code meant, and still offers an ordinary near name.
func TestBG101DoesNotSuggestTheAgentHost(t *testing.T) {
	for _, tc := range []struct {
		declared string
		suggest  bool
	}{
		{"AgHost.BackgroundTask", false},
		{"Tasks.BackgroundTask", true},
	} {
		man := mustParseManifest(t, testPackage(testExtension(tc.declared, "timer")))
		facts := registration.Facts{Registrations: []registration.Registration{testRegistration("Steppy.Background.BackgroundTask", withTriggers("TimeTrigger"))}}
		got := (entryPointNotDeclared{}).Check(&Context{App: testApp(), Manifest: man, Facts: &facts})
		if len(got) != 1 {
			t.Fatalf("%s: %d findings, want 1", tc.declared, len(got))
		}
		if strings.Contains(got[0].Message, "did you mean") != tc.suggest {
			t.Errorf("%s declared: suggestion %v, want %v: %s", tc.declared, !tc.suggest, tc.suggest, got[0].Message)
		}
	}
}
