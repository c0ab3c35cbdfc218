package rules

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Unit tests of BG201–BG210 on hand-built contexts. Every helper here is
// prefixed with ct so that it cannot collide with the other rule files'
// tests in this package.

const ctManifestPath = "App/Package.appxmanifest"

func ctPos(file string, line, col int) registration.Pos {
	return registration.Pos{File: file, Line: line, Col: col}
}

// ctManifest declares one windows.backgroundTasks extension per entry point;
// the i-th EntryPoint value sits on line 20+i, column 60.
func ctManifest(entryPoints ...string) *manifest.Manifest {
	m := &manifest.Manifest{Path: ctManifestPath}
	for i, ep := range entryPoints {
		line := 20 + i
		m.BackgroundTasks = append(m.BackgroundTasks, &manifest.BackgroundTaskExtension{
			Element: manifest.Element{Name: "Extension", Pos: manifest.Pos{Line: line, Col: 10}},
			EntryPoint: manifest.Attr{Value: ep, Present: true,
				Pos: manifest.Pos{Line: line, Col: 49}, ValuePos: manifest.Pos{Line: line, Col: 61}},
			Tasks: []manifest.Task{{Type: manifest.Attr{Value: "timer", Present: true}}},
		})
	}
	return m
}

// ctCS is a well-formed C# task class: public sealed, implements IBackgroundTask.
func ctCS(name, file string, line int) registration.TaskClass {
	return registration.TaskClass{
		Name: name, Pos: ctPos(file, line, 25), Language: registration.CSharp,
		Public: true, Sealed: true, Implements: true, Kind: "class",
		Bases: []string{"IBackgroundTask"}, Project: "Tasks/Tasks.csproj",
		RunPos: ctPos(file, line+2, 21),
	}
}

// ctIDL is a MIDL 3 runtimeclass implementing IBackgroundTask.
func ctIDL(name, file string, line int) registration.TaskClass {
	return registration.TaskClass{
		Name: name, Pos: ctPos(file, line, 18), Language: registration.IDL,
		Public: true, Sealed: true, Implements: true, Kind: "runtimeclass",
		Bases: []string{"Windows.ApplicationModel.Background.IBackgroundTask"}, Project: "Tasks/Tasks.vcxproj",
	}
}

// ctImpl is the C++/WinRT implementation struct of a runtimeclass.
func ctImpl(name, file string, line int) registration.TaskClass {
	return registration.TaskClass{
		Name: name, Pos: ctPos(file, line, 12), Language: registration.CPP,
		Public: true, Kind: "struct", Bases: []string{simpleName(name) + "T<" + simpleName(name) + ">"},
		Project: "Tasks/Tasks.vcxproj", RunPos: ctPos(file, line+3, 14),
	}
}

func ctWith(tc registration.TaskClass, edit func(*registration.TaskClass)) registration.TaskClass {
	edit(&tc)
	return tc
}

// ctReg is an out-of-process registration at line of App/MainPage.xaml.cs
// whose Register() call is 4 lines below.
func ctReg(name, entryPoint string, line int, triggers ...registration.Trigger) registration.Registration {
	file := "App/MainPage.xaml.cs"
	r := registration.Registration{
		Pos:           ctPos(file, line, 27),
		Name:          registration.Value{Str: name, Resolved: true, Literal: true, Pos: ctPos(file, line+1, 16)},
		EntryPoint:    registration.Value{Str: entryPoint, Resolved: true, Literal: true, Pos: ctPos(file, line+2, 26)},
		EntryPointSet: entryPoint != "",
		Triggers:      triggers,
		RegisterCalls: []registration.Pos{ctPos(file, line+4, 21)},
		Language:      registration.CSharp,
	}
	return r
}

// ctCompletionGroupReg registers a task for a BackgroundTransferCompletionGroup.
func ctCompletionGroupReg() registration.Registration {
	r := ctReg("", "Tasks.CompletionGroupTask", 30, registration.Trigger{
		Class: "BackgroundTransferCompletionGroupTrigger", FreshnessMinutes: -1, Resolved: true,
		Pos: ctPos("App/MainPage.xaml.cs", 33, 32)})
	r.Name = registration.Value{}
	return r
}

// ctVia makes r a registration through a helper, called where r is.
func ctVia(r registration.Registration) registration.Registration {
	r.Via = []registration.Pos{r.Pos}
	return r
}

func ctTimeTrigger(minutes, line int) registration.Trigger {
	return registration.Trigger{Class: "TimeTrigger", FreshnessMinutes: minutes, Resolved: true,
		Pos: ctPos("App/MainPage.xaml.cs", line, 32)}
}

func ctSystemTrigger(kind string, line int) registration.Trigger {
	return registration.Trigger{Class: "SystemTrigger", SystemTriggerType: kind, FreshnessMinutes: -1, Resolved: true,
		Pos: ctPos("App/MainPage.xaml.cs", line, 32)}
}

func ctProjects(kinds map[string]workspace.ProjectKind) *workspace.App {
	app := &workspace.App{Manifest: ctManifestPath, Project: "App/App.csproj", SourcesFound: true}
	paths := make([]string, 0, len(kinds))
	for p := range kinds {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		app.Projects = append(app.Projects, &workspace.Project{Path: p, Kind: kinds[p]})
	}
	return app
}

var ctStandardProjects = map[string]workspace.ProjectKind{
	"App/App.csproj":      workspace.KindApp,
	"Tasks/Tasks.csproj":  workspace.KindWinRTComponent,
	"Tasks/Tasks.vcxproj": workspace.KindWinRTComponent,
	"Lib/Lib.csproj":      workspace.KindClassLibrary,
	"Odd/Odd.csproj":      workspace.KindUnknown,
}

// ctContext assembles a Context; man may be nil.
func ctContext(man *manifest.Manifest, facts registration.Facts) *Context {
	return &Context{App: ctProjects(ctStandardProjects), Manifest: man, Facts: &facts}
}

type ctCase struct {
	name string
	rule string
	ctx  *Context
	want []string // "file:line:col", any order
}

func ctRun(t *testing.T, cases []ctCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			r, ok := Lookup(tc.rule)
			if !ok {
				t.Fatalf("rule %s not registered", tc.rule)
			}
			got := []string{}
			for _, f := range r.Check(tc.ctx) {
				if f.Rule != tc.rule {
					t.Errorf("finding carries rule %s, want %s", f.Rule, tc.rule)
				}
				if f.Message == "" {
					t.Errorf("finding at %s:%d:%d has no message", f.File, f.Line, f.Column)
				}
				got = append(got, fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column))
			}
			want := append([]string{}, tc.want...)
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n got %q\nwant %q", got, want)
			}
		})
	}
}

const (
	ctTaskFile = "Tasks/SyncTask.cs"
	ctIDLFile  = "Tasks/SyncTask.idl"
	ctHFile    = "Tasks/SyncTask.h"
)

func TestBG201TaskClassNotSealed(t *testing.T) {
	unsealed := func(tc registration.TaskClass) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) { c.Sealed = false })
	}
	ctRun(t, []ctCase{
		{"declared class unsealed", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{unsealed(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"declared class sealed", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
		{"class named only by a registration", "BG201",
			ctContext(nil, registration.Facts{
				Registrations: []registration.Registration{ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33))},
				TaskClasses:   []registration.TaskClass{unsealed(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"partial class sealed in the other part", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", ctTaskFile, 7), func(c *registration.TaskClass) { c.Sealed = false; c.Public = false }),
				ctCS("Tasks.SyncTask", "Tasks/SyncTask.Part.cs", 3)}}),
			nil},
		{"partial class unsealed in both parts is reported once, at the public part", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", "Tasks/A.cs", 7), func(c *registration.TaskClass) { c.Sealed = false; c.Public = false }),
				unsealed(ctCS("Tasks.SyncTask", "Tasks/B.cs", 3))}}),
			[]string{"Tasks/B.cs:3:25"}},
		{"IDL runtimeclass sealed by default, implementation struct not subject", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctImpl("Tasks.SyncTask", ctHFile, 5), ctIDL("Tasks.SyncTask", ctIDLFile, 3)}}),
			nil},
		{"IDL runtimeclass marked unsealed", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctImpl("Tasks.SyncTask", ctHFile, 5), unsealed(ctIDL("Tasks.SyncTask", ctIDLFile, 3))}}),
			[]string{"Tasks/SyncTask.idl:3:18"}},
		{"only the implementation struct was read", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctImpl("Tasks.SyncTask", ctHFile, 5)}}),
			nil},
		{"C++/CX ref class without sealed", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", "Tasks/SyncTask.h", 9), func(c *registration.TaskClass) {
					c.Language, c.Kind, c.Sealed, c.Project = registration.CPP, "ref class", false, "Tasks/Tasks.vcxproj"
				})}}),
			[]string{"Tasks/SyncTask.h:9:25"}},
		{"VB NotInheritable", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", "Tasks/SyncTask.vb", 4), func(c *registration.TaskClass) { c.Language = registration.VB })}}),
			nil},
		{"VB class without NotInheritable", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", "Tasks/SyncTask.vb", 4), func(c *registration.TaskClass) { c.Language, c.Sealed = registration.VB, false })}}),
			[]string{"Tasks/SyncTask.vb:4:25"}},
		{"other public unsealed class of the C# component", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctCS("Tasks.SyncTask", ctTaskFile, 7),
				ctWith(ctCS("Tasks.Settings", "Tasks/Settings.cs", 5), func(c *registration.TaskClass) { c.Sealed, c.Implements, c.Bases = false, false, nil }),
				ctWith(ctCS("Tasks.Helper", "Tasks/Helper.cs", 5), func(c *registration.TaskClass) { c.Sealed, c.Public, c.Implements = false, false, false }),
				ctWith(ctCS("Lib.Util", "Lib/Util.cs", 5), func(c *registration.TaskClass) { c.Sealed, c.Implements, c.Project = false, false, "Lib/Lib.csproj" }),
				ctWith(ctCS("Tasks.Point", "Tasks/Point.cs", 5), func(c *registration.TaskClass) { c.Sealed, c.Implements, c.Kind = false, false, "struct" }),
			}}),
			[]string{"Tasks/Settings.cs:5:25"}},
		{"other public classes of a C++ component are not checked", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctImpl("Tasks.SyncTask", ctHFile, 5), ctIDL("Tasks.SyncTask", ctIDLFile, 3),
				ctWith(ctCS("Tasks.Helper", "Tasks/Helper.h", 5), func(c *registration.TaskClass) {
					c.Language, c.Kind, c.Sealed, c.Implements, c.Project = registration.CPP, "ref class", false, false, "Tasks/Tasks.vcxproj"
				})}}),
			nil},
		{"same simple name in another namespace", "BG201",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctCS("Tasks.SyncTask", ctTaskFile, 7),
				ctWith(ctCS("Other.SyncTask", "Other/SyncTask.cs", 7), func(c *registration.TaskClass) { c.Sealed, c.Project = false, "Lib/Lib.csproj" })}}),
			nil},
		{"Windows App SDK universal task is not app code", "BG201",
			ctContext(ctManifest(winAppSDKEntryPoint), registration.Facts{TaskClasses: []registration.TaskClass{unsealed(ctCS(winAppSDKEntryPoint, "x.cs", 1))}}),
			nil},
		{"inherited application entry point (in-process model) is not a task class", "BG201",
			ctContext(func() *manifest.Manifest {
				m := ctManifest("X")
				m.BackgroundTasks[0].EntryPoint = manifest.Attr{}
				m.BackgroundTasks[0].InheritedEntryPoint = "App.App"
				return m
			}(), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("App.App", "App/App.xaml.cs", 9), func(c *registration.TaskClass) { c.Sealed, c.Implements, c.Project = false, false, "App/App.csproj" })}}),
			nil},
	})
}

func TestBG202TaskClassNotPublic(t *testing.T) {
	internal := func(tc registration.TaskClass) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) { c.Public = false })
	}
	ctRun(t, []ctCase{
		{"internal C# class", "BG202",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{internal(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"public C# class", "BG202",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
		{"partial class public in one part", "BG202",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				internal(ctCS("Tasks.SyncTask", "Tasks/A.cs", 7)), ctCS("Tasks.SyncTask", "Tasks/B.cs", 3)}}),
			nil},
		{"C++/CX ref class without public", "BG202",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctCS("Tasks.SyncTask", ctHFile, 9), func(c *registration.TaskClass) { c.Language, c.Kind, c.Public = registration.CPP, "ref class", false })}}),
			[]string{"Tasks/SyncTask.h:9:25"}},
		{"IDL runtimeclass is always public", "BG202",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				internal(ctImpl("Tasks.SyncTask", ctHFile, 5)), internal(ctIDL("Tasks.SyncTask", ctIDLFile, 3))}}),
			nil},
		{"VB Friend class named by a registration", "BG202",
			ctContext(nil, registration.Facts{
				Registrations: []registration.Registration{ctReg("Sync", "Tasks.SyncTask", 30)},
				TaskClasses: []registration.TaskClass{
					ctWith(ctCS("Tasks.SyncTask", "Tasks/SyncTask.vb", 4), func(c *registration.TaskClass) { c.Language, c.Public = registration.VB, false })}}),
			[]string{"Tasks/SyncTask.vb:4:25"}},
		{"unresolved registration entry point", "BG202",
			ctContext(nil, registration.Facts{
				Registrations: []registration.Registration{func() registration.Registration {
					r := ctReg("Sync", "Tasks.SyncTask", 30)
					r.EntryPoint.Resolved = false
					return r
				}()},
				TaskClasses: []registration.TaskClass{internal(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			nil},
	})
}

func TestBG203TaskClassNotBackgroundTask(t *testing.T) {
	notTask := func(tc registration.TaskClass) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) { c.Implements, c.Bases = false, nil })
	}
	ctRun(t, []ctCase{
		{"class without IBackgroundTask", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{notTask(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"class implementing IBackgroundTask", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
		{"IDL declares the interface, the implementation struct does not", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctImpl("Tasks.SyncTask", ctHFile, 5), ctIDL("Tasks.SyncTask", ctIDLFile, 3)}}),
			nil},
		{"IDL runtimeclass without the interface", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctImpl("Tasks.SyncTask", ctHFile, 5), notTask(ctIDL("Tasks.SyncTask", ctIDLFile, 3))}}),
			[]string{"Tasks/SyncTask.idl:3:18"}},
		{"only the implementation struct was read", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctImpl("Tasks.SyncTask", ctHFile, 5)}}),
			nil},
		{"base class of the App implements it", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(notTask(ctCS("Tasks.SyncTask", ctTaskFile, 7)), func(c *registration.TaskClass) { c.Bases = []string{"TaskBase"} }),
				ctCS("Tasks.TaskBase", "Tasks/TaskBase.cs", 3)}}),
			nil},
		{"base class from another assembly", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(notTask(ctCS("Tasks.SyncTask", ctTaskFile, 7)), func(c *registration.TaskClass) {
					c.Bases = []string{"Windows.UI.Xaml.Media.Imaging.XamlRenderingBackgroundTask"}
				})}}),
			nil},
		{"only unrelated interfaces", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(notTask(ctCS("Tasks.SyncTask", ctTaskFile, 7)), func(c *registration.TaskClass) { c.Bases = []string{"System.IDisposable"} })}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"class not named as an entry point", "BG203",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctCS("Tasks.SyncTask", ctTaskFile, 7), notTask(ctCS("Tasks.Settings", "Tasks/Settings.cs", 3))}}),
			nil},
	})
}

func TestBG204TaskClassWrongProject(t *testing.T) {
	in := func(project string) registration.TaskClass {
		return ctWith(ctCS("Tasks.SyncTask", ctTaskFile, 7), func(c *registration.TaskClass) { c.Project = project })
	}
	ctRun(t, []ctCase{
		{"class in the app project", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("App/App.csproj")}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"class in a class library", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("Lib/Lib.csproj")}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"class in a Windows Runtime Component", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("Tasks/Tasks.csproj")}}),
			nil},
		{"unknown project kind", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("Odd/Odd.csproj")}}),
			nil},
		{"project not among the App's projects", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("Elsewhere/X.csproj")}}),
			nil},
		{"App formed without project files", "BG204",
			func() *Context {
				c := ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{in("App/App.csproj")}})
				c.App.Project = ""
				return c
			}(),
			nil},
		{"packaged desktop app registers the class as an activatable class", "BG204",
			ctContext(func() *manifest.Manifest {
				m := ctManifest("Tasks.SyncTask")
				m.ActivatableClasses = []manifest.ActivatableClass{{ID: manifest.Attr{Value: "Tasks.SyncTask", Present: true}, Path: "App.exe"}}
				return m
			}(), registration.Facts{TaskClasses: []registration.TaskClass{in("App/App.csproj")}}),
			nil},
		{"extension hosted by an executable", "BG204",
			ctContext(func() *manifest.Manifest {
				m := ctManifest("Tasks.SyncTask")
				m.BackgroundTasks[0].Executable = manifest.Attr{Value: "App.exe", Present: true}
				return m
			}(), registration.Facts{TaskClasses: []registration.TaskClass{in("App/App.csproj")}}),
			nil},
		{"in-process model: no entry point, OnBackgroundActivated in the app", "BG204",
			ctContext(nil, registration.Facts{
				Registrations:       []registration.Registration{ctReg("Sync", "", 30, ctTimeTrigger(15, 33))},
				BackgroundActivated: []registration.Pos{ctPos("App/App.xaml.cs", 40, 33)},
				TaskClasses: []registration.TaskClass{
					ctWith(ctCS("App.App", "App/App.xaml.cs", 9), func(c *registration.TaskClass) { c.Implements, c.Project = false, "App/App.csproj" })}}),
			nil},
		{"C++ class in a DLL the project file does not mark as a component", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(in("Lib/Lib.csproj"), func(c *registration.TaskClass) { c.Language, c.Kind = registration.CPP, "ref class" })}}),
			nil},
		{"C++/CX class in the app project", "BG204",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(in("App/App.csproj"), func(c *registration.TaskClass) { c.Language, c.Kind = registration.CPP, "ref class" })}}),
			[]string{"Tasks/SyncTask.cs:7:25"}},
		{"C++/WinRT: IDL decides the project", "BG204",
			ctContext(ctManifest("App.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(ctImpl("App.SyncTask", "App/SyncTask.h", 5), func(c *registration.TaskClass) { c.Project = "App/App.vcxproj" }),
				ctWith(ctIDL("App.SyncTask", "App/SyncTask.idl", 3), func(c *registration.TaskClass) { c.Project = "App/App.vcxproj" })}}),
			nil}, // App/App.vcxproj is not among the App's projects: silent
	})
	// The same C++ case with the project known as an app project.
	c := ctContext(ctManifest("App.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
		ctWith(ctImpl("App.SyncTask", "App/SyncTask.h", 5), func(c *registration.TaskClass) { c.Project = "App/App.vcxproj" }),
		ctWith(ctIDL("App.SyncTask", "App/SyncTask.idl", 3), func(c *registration.TaskClass) { c.Project = "App/App.vcxproj" })}})
	c.App.Projects = append(c.App.Projects, &workspace.Project{Path: "App/App.vcxproj", Kind: workspace.KindApp})
	ctRun(t, []ctCase{{"C++/WinRT class in the app project", "BG204", c, []string{"App/SyncTask.idl:3:18"}}})
	fs := taskClassWrongProject{}.Check(c)
	if len(fs) != 1 || len(fs[0].Related) < 2 || fs[0].Related[0].File != "App/App.vcxproj" || fs[0].Related[1].File != ctManifestPath {
		t.Errorf("related locations = %+v, want the project file then the manifest EntryPoint", fs)
	}
}

func TestBG205AsyncRunWithoutDeferral(t *testing.T) {
	async := func(tc registration.TaskClass, await registration.Pos, gets ...registration.Pos) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) {
			c.RunIsAsync, c.AsyncPos, c.DeferralGet = true, await, gets
			c.DeferralComplete = []registration.Pos{ctPos(c.Pos.File, 40, 13)}
		})
	}
	awaitAt := ctPos(ctTaskFile, 14, 13)
	ctRun(t, []ctCase{
		{"await without deferral", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt)}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
		{"GetDeferral before the first await", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos(ctTaskFile, 11, 42))}}),
			nil},
		{"GetDeferral on the await's line but before it", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos(ctTaskFile, 14, 2))}}),
			nil},
		{"GetDeferral after the first await", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos(ctTaskFile, 15, 30))}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
		{"GetDeferral in another file of the class", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos("Tasks/SyncTask.Deferral.cs", 3, 30))}}),
			nil},
		{"async Run of a class that is not a task", "BG205",
			ctContext(nil, registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(async(ctCS("Tasks.Worker", ctTaskFile, 7), awaitAt), func(c *registration.TaskClass) { c.Implements, c.Bases = false, nil })}}),
			nil},
		{"implements IBackgroundTask but never named", "BG205",
			ctContext(nil, registration.Facts{TaskClasses: []registration.TaskClass{async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt)}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
		{"C++/WinRT coroutine in the implementation, interface in the IDL", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctIDL("Tasks.SyncTask", ctIDLFile, 3),
				async(ctImpl("Tasks.SyncTask", "Tasks/SyncTask.cpp", 5), ctPos("Tasks/SyncTask.cpp", 12, 9))}}),
			[]string{"Tasks/SyncTask.cpp:8:14"}},
		{"synchronous Run", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
		{"GetDeferral in a helper after Run that Run calls", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos(ctTaskFile, 30, 40)), func(c *registration.TaskClass) {
					c.RunEnd = ctPos(ctTaskFile, 20, 9)
				})}}),
			nil},
		{"late GetDeferral inside Run, end of Run known", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt, ctPos(ctTaskFile, 15, 30)), func(c *registration.TaskClass) {
					c.RunEnd = ctPos(ctTaskFile, 20, 9)
				})}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
		{"async Run without await but with a deferral (await position is Run's own)", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), ctPos(ctTaskFile, 9, 21), ctPos(ctTaskFile, 11, 42))}}),
			nil},
		{"async Run without await and without a deferral", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), ctPos(ctTaskFile, 9, 21))}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
		{"async work started without a known await position", "BG205",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				async(ctCS("Tasks.SyncTask", ctTaskFile, 7), registration.Pos{})}}),
			[]string{"Tasks/SyncTask.cs:9:21"}},
	})
	fs := asyncRunWithoutDeferral{}.Check(ctContext(ctManifest("Tasks.SyncTask"),
		registration.Facts{TaskClasses: []registration.TaskClass{async(ctCS("Tasks.SyncTask", ctTaskFile, 7), awaitAt)}}))
	if len(fs) != 1 || len(fs[0].Related) != 1 || fs[0].Related[0].Line != 14 || fs[0].Related[0].Message != "first await here" {
		t.Errorf("want one finding with the first await as related location, got %+v", fs)
	}
}

func TestBG206DeferralNotCompleted(t *testing.T) {
	deferral := func(tc registration.TaskClass, gets, completes []registration.Pos) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) { c.DeferralGet, c.DeferralComplete = gets, completes })
	}
	get := []registration.Pos{ctPos(ctTaskFile, 11, 42)}
	ctRun(t, []ctCase{
		{"never completed", "BG206",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{deferral(ctCS("Tasks.SyncTask", ctTaskFile, 7), get, nil)}}),
			[]string{"Tasks/SyncTask.cs:11:42"}},
		{"completed in a finally block", "BG206",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				deferral(ctCS("Tasks.SyncTask", ctTaskFile, 7), get, []registration.Pos{ctPos(ctTaskFile, 19, 22)})}}),
			nil},
		{"completed in another part of the partial class", "BG206",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				deferral(ctCS("Tasks.SyncTask", ctTaskFile, 7), get, nil),
				deferral(ctCS("Tasks.SyncTask", "Tasks/SyncTask.Done.cs", 3), nil, []registration.Pos{ctPos("Tasks/SyncTask.Done.cs", 9, 22)})}}),
			nil},
		{"two GetDeferral calls, one finding at the first", "BG206",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
				deferral(ctCS("Tasks.SyncTask", ctTaskFile, 7), []registration.Pos{ctPos(ctTaskFile, 30, 10), ctPos(ctTaskFile, 11, 42)}, nil)}}),
			[]string{"Tasks/SyncTask.cs:11:42"}},
		{"IoT startup task holds its deferral for good", "BG206",
			ctContext(func() *manifest.Manifest {
				m := ctManifest("Tasks.SyncTask")
				m.BackgroundTasks[0].Tasks = []manifest.Task{{Type: manifest.Attr{Value: "startup", Present: true}}}
				return m
			}(), registration.Facts{TaskClasses: []registration.TaskClass{deferral(ctCS("Tasks.SyncTask", ctTaskFile, 7), get, nil)}}),
			nil},
		{"no deferral at all", "BG206",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
	})
}

func TestBG207RegisterWithoutAccessRequest(t *testing.T) {
	two := []registration.Registration{ctReg("B", "Tasks.B", 50), ctReg("A", "Tasks.A", 30)}
	winSDK := ctReg("W", "", 30)
	winSDK.WinAppSDK, winSDK.CLSIDSet = true, true
	ctRun(t, []ctCase{
		{"registrations without RequestAccessAsync: one finding at the first Register()", "BG207",
			ctContext(nil, registration.Facts{Registrations: two}), []string{"App/MainPage.xaml.cs:34:21"}},
		{"RequestAccessAsync anywhere in the App", "BG207",
			ctContext(nil, registration.Facts{Registrations: two, AccessRequests: []registration.Pos{ctPos("App/App.xaml.cs", 20, 50)}}), nil},
		{"builder never registered", "BG207",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{func() registration.Registration {
				r := ctReg("A", "Tasks.A", 30)
				r.RegisterCalls = nil
				return r
			}()}}), nil},
		{"transfer completion group task only", "BG207",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctCompletionGroupReg()}}), nil},
		{"Windows App SDK builder only", "BG207",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{winSDK}}), nil},
		{"no registrations", "BG207", ctContext(nil, registration.Facts{}), nil},
	})
}

func TestBG208RegisterWithoutExistingCheck(t *testing.T) {
	viaHelper := func(name string, line int) registration.Registration {
		r := ctReg(name, "Tasks."+name, line)
		r.RegisterCalls = []registration.Pos{ctPos("App/TaskHelper.cs", 25, 30)}
		r.Via = []registration.Pos{ctPos("App/MainPage.xaml.cs", line, 13)}
		return r
	}
	ctRun(t, []ctCase{
		{"one finding per Register() call", "BG208",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30), ctReg("B", "Tasks.B", 50)}}),
			[]string{"App/MainPage.xaml.cs:34:21", "App/MainPage.xaml.cs:54:21"}},
		{"a helper's Register() is reported once", "BG208",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{viaHelper("A", 30), viaHelper("B", 31)}}),
			[]string{"App/TaskHelper.cs:25:30"}},
		{"transfer completion group task", "BG208",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctCompletionGroupReg(), ctReg("A", "Tasks.A", 50)}}),
			[]string{"App/MainPage.xaml.cs:54:21"}},
		{"AllTasks looked up somewhere in the App", "BG208",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30)},
				ExistingChecks: []registration.Pos{ctPos("App/MainPage.xaml.cs", 25, 40)}}),
			nil},
	})
	fs := registerWithoutExistingCheck{}.Check(ctContext(nil, registration.Facts{Registrations: []registration.Registration{viaHelper("A", 30), viaHelper("B", 31)}}))
	if len(fs) != 1 || strings.Contains(fs[0].Message, `"A"`) {
		t.Errorf("a helper registering two names must not be described by one of them: %+v", fs)
	}
}

func TestBG209FreshnessBelowMinimum(t *testing.T) {
	maint := ctTimeTrigger(5, 40)
	maint.Class = "MaintenanceTrigger"
	helperA := ctReg("A", "Tasks.A", 30, ctTimeTrigger(10, 33))
	helperB := ctReg("B", "Tasks.B", 31, ctTimeTrigger(10, 33))
	ctRun(t, []ctCase{
		{"TimeTrigger(10)", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctTimeTrigger(10, 33))}}),
			[]string{"App/MainPage.xaml.cs:33:32"}},
		{"TimeTrigger(15)", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctTimeTrigger(15, 33))}}), nil},
		{"TimeTrigger(0)", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctTimeTrigger(0, 33))}}),
			[]string{"App/MainPage.xaml.cs:33:32"}},
		{"unresolved freshness", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctTimeTrigger(-1, 33))}}), nil},
		{"MaintenanceTrigger(5)", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, maint)}}),
			[]string{"App/MainPage.xaml.cs:40:32"}},
		{"SystemTrigger", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctSystemTrigger("TimeZoneChange", 33))}}), nil},
		{"one trigger expression reached by two registrations", "BG209",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{helperA, helperB}}),
			[]string{"App/MainPage.xaml.cs:33:32"}},
	})
	fs := freshnessBelowMinimum{}.Check(ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("A", "Tasks.A", 30, ctTimeTrigger(10, 33))}}))
	const want = "TimeTrigger freshness 10 minutes is below the 15-minute minimum; Register() throws"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("message = %+v, want %q", fs, want)
	}
}

func TestBG210DuplicateTaskName(t *testing.T) {
	unresolved := ctReg("Sync", "Tasks.Other", 60, ctTimeTrigger(15, 63))
	unresolved.EntryPoint.Resolved = false
	unresolvedName := ctReg("Sync", "Tasks.Other", 60, ctTimeTrigger(15, 63))
	unresolvedName.Name.Resolved = false
	twoTriggers := func(line int, a, b registration.Trigger) registration.Registration {
		return ctReg("Sync", "Tasks.SyncTask", line, a, b)
	}
	ctRun(t, []ctCase{
		{"same name, different entry point", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.UploadTask", 60, ctTimeTrigger(15, 63)), ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33))}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"same name, different triggers", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Sync", "Tasks.SyncTask", 60, ctTimeTrigger(60, 63))}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"same name, out-of-process and in-process", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Sync", "", 60, ctTimeTrigger(15, 63))}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"same task registered identically in two branches", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Sync", "Tasks.SyncTask", 60, ctTimeTrigger(15, 63))}}),
			nil},
		{"same triggers in another order", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				twoTriggers(30, ctTimeTrigger(15, 33), ctSystemTrigger("InternetAvailable", 34)),
				twoTriggers(60, ctSystemTrigger("InternetAvailable", 63), ctTimeTrigger(15, 64))}}),
			nil},
		{"different system trigger types", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctSystemTrigger("InternetAvailable", 33)),
				ctReg("Sync", "Tasks.SyncTask", 60, ctSystemTrigger("TimeZoneChange", 63))}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"different names", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Upload", "Tasks.UploadTask", 60, ctTimeTrigger(15, 63))}}),
			nil},
		{"second entry point unresolved", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), unresolved}}),
			nil},
		{"same name with other tasks in another file (unregister-and-replace slot)", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)),
				func() registration.Registration {
					r := ctReg("Sync", "Tasks.UploadTask", 60, ctTimeTrigger(15, 63))
					r.Pos.File = "App/SettingsPage.xaml.cs"
					return r
				}()}}),
			nil},
		{"same kind of trigger, one interval from a setting", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(-1, 33)), ctReg("Sync", "Tasks.SyncTask", 60, ctTimeTrigger(120, 63))}}),
			nil},
		{"another kind of trigger, one interval from a setting, a look-up of the name between them", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(-1, 33)), ctReg("Sync", "Tasks.SyncTask", 60, ctSystemTrigger("InternetAvailable", 63))},
				ExistingChecks: []registration.Pos{ctPos("App/MainPage.xaml.cs", 45, 9)},
				LookUps:        []registration.LookUp{{Pos: ctPos("App/MainPage.xaml.cs", 45, 9), Names: []string{"Sync"}}}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"one task, a periodic and an on-demand trigger, no look-up of the name", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Refresh", "", 30, ctTimeTrigger(15, 33)), ctReg("Refresh", "", 60, registration.Trigger{Class: "ApplicationTrigger", FreshnessMinutes: -1, Resolved: true, Pos: ctPos("App/MainPage.xaml.cs", 63, 32)})}}),
			nil},
		{"one task, two kinds of trigger, the look-up before both", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Sync", "Tasks.SyncTask", 60, ctSystemTrigger("InternetAvailable", 63))},
				ExistingChecks: []registration.Pos{ctPos("App/MainPage.xaml.cs", 20, 9)},
				LookUps:        []registration.LookUp{{Pos: ctPos("App/MainPage.xaml.cs", 20, 9), Names: []string{"Sync"}}}}),
			nil},
		{"one task, two kinds of trigger, a look-up of the name in a helper", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{
				ctVia(ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33))), ctVia(ctReg("Sync", "Tasks.SyncTask", 60, ctSystemTrigger("InternetAvailable", 63)))},
				ExistingChecks: []registration.Pos{ctPos("App/Registrar.cs", 10, 9)},
				LookUps:        []registration.LookUp{{Pos: ctPos("App/Registrar.cs", 10, 9), Names: []string{"Sync"}}}}),
			[]string{"App/MainPage.xaml.cs:60:27"}},
		{"second name unresolved", "BG210",
			ctContext(nil, registration.Facts{Registrations: []registration.Registration{ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), unresolvedName}}),
			nil},
	})
	fs := duplicateTaskName{}.Check(ctContext(nil, registration.Facts{Registrations: []registration.Registration{
		ctReg("Sync", "Tasks.SyncTask", 30, ctTimeTrigger(15, 33)), ctReg("Sync", "Tasks.UploadTask", 60, ctTimeTrigger(15, 63))}}))
	if len(fs) != 1 || len(fs[0].Related) != 1 || fs[0].Related[0].Line != 30 {
		t.Errorf("want the first registration as related location, got %+v", fs)
	}
}

// TestCodeRulesMeta pins the catalogue entries of DESIGN.md and checks that
// every doc carries the sections `bgmanifest explain` promises.
func TestCodeRulesMeta(t *testing.T) {
	want := []struct {
		id, name string
		sev      Severity
	}{
		{"BG201", "task-class-not-sealed", Error},
		{"BG202", "task-class-not-public", Error},
		{"BG203", "task-class-not-background-task", Error},
		{"BG204", "task-class-wrong-project", Error},
		{"BG205", "async-run-without-deferral", Error},
		{"BG206", "deferral-not-completed", Warning},
		{"BG207", "register-without-access-request", Warning},
		{"BG208", "register-without-existing-check", Warning},
		{"BG209", "freshness-below-minimum", Error},
		{"BG210", "duplicate-task-name", Warning},
	}
	for _, w := range want {
		r, ok := Lookup(w.id)
		if !ok {
			t.Errorf("%s not registered", w.id)
			continue
		}
		m := r.Meta()
		if m.Name != w.name || m.Severity != w.sev || !m.NeedsCode {
			t.Errorf("%s meta = %s/%s/NeedsCode=%v, want %s/%s/true", w.id, m.Name, m.Severity, m.NeedsCode, w.name, w.sev)
		}
		if byName, ok := Lookup(w.name); !ok || byName.Meta().ID != w.id {
			t.Errorf("Lookup(%q) does not find %s", w.name, w.id)
		}
		if m.Summary == "" || strings.Contains(m.Summary, "\n") {
			t.Errorf("%s summary must be one non-empty line: %q", w.id, m.Summary)
		}
		for _, section := range []string{"# " + w.id + " " + w.name, "**What it finds.**", "**Why it fails.**", "**Bad (C#)**", "**Good (C#)**", "**How to fix.**", "```csharp", "```cpp"} {
			if !strings.Contains(m.Doc, section) {
				t.Errorf("%s doc lacks %q", w.id, section)
			}
		}
		if strings.Count(m.Doc, "```")%2 != 0 {
			t.Errorf("%s doc has an unterminated code block", w.id)
		}
	}
}

// TestCodeRulesEmptyInputs: no rule may panic or report on missing parts.
func TestCodeRulesEmptyInputs(t *testing.T) {
	ids := []string{"BG201", "BG202", "BG203", "BG204", "BG205", "BG206", "BG207", "BG208", "BG209", "BG210"}
	ctxs := map[string]*Context{
		"nothing":          {},
		"facts only":       {Facts: &registration.Facts{}},
		"manifest only":    {Manifest: ctManifest("Tasks.SyncTask")},
		"nil extension":    {Manifest: &manifest.Manifest{BackgroundTasks: []*manifest.BackgroundTaskExtension{nil}}, Facts: &registration.Facts{}},
		"zero-value facts": {App: &workspace.App{Project: "x.csproj"}, Manifest: ctManifest(""), Facts: &registration.Facts{Registrations: make([]registration.Registration, 2), TaskClasses: make([]registration.TaskClass, 2)}},
	}
	for name, c := range ctxs {
		for _, id := range ids {
			r, _ := Lookup(id)
			if fs := r.Check(c); len(fs) != 0 {
				t.Errorf("%s on %s: unexpected findings %+v", id, name, fs)
			}
		}
	}
}

// TestCodeRulesRelatedLocations: class findings point back at the manifest
// EntryPoint value, or at the registration when only code names the class.
func TestCodeRulesRelatedLocations(t *testing.T) {
	unsealed := ctWith(ctCS("Tasks.SyncTask", ctTaskFile, 7), func(c *registration.TaskClass) { c.Sealed, c.Public = false, false })
	fromManifest := ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{unsealed}})
	fromCode := ctContext(nil, registration.Facts{
		Registrations: []registration.Registration{ctReg("Sync", "Tasks.SyncTask", 30)},
		TaskClasses:   []registration.TaskClass{unsealed}})
	for _, id := range []string{"BG201", "BG202"} {
		r, _ := Lookup(id)
		fs := r.Check(fromManifest)
		if len(fs) != 1 || len(fs[0].Related) != 1 {
			t.Fatalf("%s: want one finding with one related location, got %+v", id, fs)
		}
		if rel := fs[0].Related[0]; rel.File != ctManifestPath || rel.Line != 20 || rel.Column != 61 {
			t.Errorf("%s: related = %+v, want the EntryPoint value at %s:20:61", id, rel, ctManifestPath)
		}
		fs = r.Check(fromCode)
		if len(fs) != 1 || len(fs[0].Related) != 1 {
			t.Fatalf("%s: want one finding with one related location, got %+v", id, fs)
		}
		if rel := fs[0].Related[0]; rel.File != "App/MainPage.xaml.cs" || rel.Line != 32 || rel.Column != 26 {
			t.Errorf("%s: related = %+v, want the TaskEntryPoint value at App/MainPage.xaml.cs:32:26", id, rel)
		}
	}
}

// TestCodeRulesRandomFacts feeds the rules deterministic random facts: no
// rule may panic, and every finding must carry a file and a 1-based position
// taken from the facts, and so must every related location.
func TestCodeRulesRandomFacts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Tasks.SyncTask", "Tasks.UploadTask", "App.App", "Other.SyncTask", winAppSDKEntryPoint, ""}
	kinds := []string{"class", "struct", "ref class", "runtimeclass", "module", ""}
	langs := []registration.Language{registration.CSharp, registration.VB, registration.CPP, registration.IDL, registration.JavaScript}
	projects := []string{"", "App/App.csproj", "Tasks/Tasks.csproj", "Lib/Lib.csproj", "Odd/Odd.csproj", "Tasks/Tasks.vcxproj"}
	pick := func(n int) int { return rng.IntN(n) }
	pos := func() registration.Pos {
		if pick(5) == 0 {
			return registration.Pos{}
		}
		return ctPos([]string{"a.cs", "b.cs", "c.h"}[pick(3)], 1+pick(40), 1+pick(30))
	}
	positions := func() []registration.Pos {
		var ps []registration.Pos
		for range pick(3) {
			ps = append(ps, pos())
		}
		return ps
	}
	for iter := range 500 {
		var facts registration.Facts
		for range pick(5) {
			facts.TaskClasses = append(facts.TaskClasses, registration.TaskClass{
				Name: names[pick(len(names))], Pos: ctPos("t.cs", 1+pick(50), 1+pick(20)),
				Language: langs[pick(len(langs))], Kind: kinds[pick(len(kinds))], Project: projects[pick(len(projects))],
				Public: pick(2) == 0, Sealed: pick(2) == 0, Implements: pick(2) == 0,
				Bases:  []string{"IBackgroundTask", "TaskBase", "SyncTask", "Foo<Bar>", "public Windows::X::IY^", ""}[:pick(6)],
				RunPos: pos(), RunEnd: pos(), RunIsAsync: pick(2) == 0, AsyncPos: pos(),
				DeferralGet: positions(), DeferralComplete: positions(),
			})
		}
		for range pick(5) {
			var triggers []registration.Trigger
			for range pick(3) {
				oneShot := pick(2) == 0
				triggers = append(triggers, registration.Trigger{
					Class:            []string{"TimeTrigger", "MaintenanceTrigger", "SystemTrigger", ""}[pick(4)],
					FreshnessMinutes: pick(40) - 2, OneShot: &oneShot, Pos: pos(), Resolved: pick(4) != 0,
					SystemTriggerType: []string{"", "InternetAvailable"}[pick(2)],
				})
			}
			r := ctReg(names[pick(len(names))], names[pick(len(names))], 1+pick(80), triggers...)
			r.Pos, r.RegisterCalls, r.Via = pos(), positions(), positions()
			r.Name.Resolved, r.EntryPoint.Resolved, r.EntryPointSet = pick(4) != 0, pick(4) != 0, pick(3) != 0
			r.WinAppSDK, r.CLSIDSet = pick(5) == 0, pick(5) == 0
			facts.Registrations = append(facts.Registrations, r)
		}
		if pick(2) == 0 {
			facts.AccessRequests = positions()
			facts.ExistingChecks = positions()
		}
		var man *manifest.Manifest
		if pick(3) != 0 {
			man = ctManifest(names[pick(len(names))], names[pick(len(names))])
		}
		c := ctContext(man, facts)
		if pick(4) == 0 {
			c.App = nil
		}
		for _, id := range []string{"BG201", "BG202", "BG203", "BG204", "BG205", "BG206", "BG207", "BG208", "BG209", "BG210"} {
			r, _ := Lookup(id)
			for _, f := range r.Check(c) {
				if f.File == "" || f.Line < 1 || f.Column < 1 {
					t.Fatalf("iteration %d: %s finding without a position: %+v", iter, id, f)
				}
				for _, rel := range f.Related {
					if rel.File == "" || rel.Line < 1 || rel.Column < 1 || rel.Message == "" {
						t.Fatalf("iteration %d: %s related location without a position or message: %+v", iter, id, rel)
					}
				}
			}
		}
	}
}
