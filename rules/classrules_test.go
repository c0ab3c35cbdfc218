package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Hand-built Apps for the class rules across the workspace (issue #12):
// BG108, BG103's "defined nowhere", and the app service, update task and
// pre-installed configuration task declarations.

// knownApp is an App whose references are all known, owned by
// /r/App/App.csproj, in a Universe that also holds the given projects.
func knownApp(others ...*workspace.Project) *workspace.App {
	owner := &workspace.Project{Path: "/r/App/App.csproj", Kind: workspace.KindApp, Language: registration.CSharp}
	app := &workspace.App{Manifest: testManifestPath, Project: owner.Path, Projects: []*workspace.Project{owner}, SourcesFound: true, ReferencesKnown: true}
	app.Universe = &workspace.Universe{Projects: append([]*workspace.Project{owner}, others...), Sources: map[string][]registration.SourceFile{}}
	return app
}

func withApp(app *workspace.App, edit func(*workspace.App)) *workspace.App {
	edit(app)
	return app
}

// elsewhereClass is a class found in another project of the workspace.
func elsewhereClass(name, project, file string) registration.TaskClass {
	tc := testClass(name)
	tc.Project, tc.Pos.File = project, file
	return tc
}

const appServiceExt = `<uap:Extension Category="windows.appService" EntryPoint="Tasks.InventoryService">
  <uap:AppService Name="com.contoso.inventory" />
</uap:Extension>`

func TestBG108TaskComponentNotReferenced(t *testing.T) {
	tasks := &workspace.Project{Path: "/r/Tasks/Tasks.csproj", Kind: workspace.KindWinRTComponent, Language: registration.CSharp}
	wrongWay := &workspace.Project{Path: "/r/Tasks/Tasks.csproj", Kind: workspace.KindWinRTComponent, Language: registration.CSharp,
		References: []string{"/r/App/App.csproj"}}
	native := &workspace.Project{Path: "/r/Native/Tasks/NativeTasks.vcxproj", Kind: workspace.KindWinRTComponent, Language: registration.CPP}
	sync := elsewhereClass("Tasks.SyncTask", tasks.Path, "/r/Tasks/SyncTask.cs")
	runRuleCases(t, taskComponentNotReferenced{}, []ruleCase{
		{name: "component not referenced", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   knownApp(tasks),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}},
			want: []string{`BG108 App/Package.appxmanifest:8:67 error | EntryPoint "Tasks.SyncTask" names a class defined in Tasks.csproj, which App.csproj does not reference` +
				` | add <ProjectReference Include="..\Tasks\Tasks.csproj" /> to App.csproj`}},
		{name: "component references the app the wrong way round", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   knownApp(wrongWay),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}},
			want: []string{`BG108 App/Package.appxmanifest:8:67 error | Tasks.csproj references App.csproj instead, the wrong way round` +
				` | add <ProjectReference Include="..\Tasks\Tasks.csproj" /> to App.csproj`}},
		{name: "component references the app project a packaging project packages", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(wrongWay), func(a *workspace.App) {
				pkg := &workspace.Project{Path: "/r/Pkg/Pkg.wapproj", Kind: workspace.KindPackaging}
				a.Project = pkg.Path
				a.Projects = append([]*workspace.Project{pkg}, a.Projects...)
			}),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}},
			want:  []string{`BG108 App/Package.appxmanifest:8:67 error | Tasks.csproj references App.csproj instead, the wrong way round`}},
		{name: "C++/WinRT component in a deeper folder", manifest: testPackage(testExtension("NativeTasks.SyncTask", "timer")),
			app: knownApp(native),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{func() registration.TaskClass {
				tc := elsewhereClass("NativeTasks.SyncTask", native.Path, "/r/Native/Tasks/SyncTask.idl")
				tc.Language, tc.Kind = registration.IDL, "runtimeclass"
				return tc
			}()}},
			want: []string{`BG108 App/Package.appxmanifest:8:67 error | defined in NativeTasks.vcxproj | add <ProjectReference Include="..\Native\Tasks\NativeTasks.vcxproj" /> to App.csproj`}},
		{name: "packaging project owns the manifest", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(tasks), func(a *workspace.App) {
				pkg := &workspace.Project{Path: "/r/Package/Package.wapproj", Kind: workspace.KindPackaging}
				a.Project, a.Projects = pkg.Path, append([]*workspace.Project{pkg}, a.Projects...)
			}),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}},
			want:  []string{`BG108 App/Package.appxmanifest:8:67 error | which Package.wapproj does not reference | add <ProjectReference Include="..\Tasks\Tasks.csproj" /> to Package.wapproj`}},
		{name: "app service entry point", manifest: testPackage(appServiceExt),
			app:   knownApp(tasks),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{elsewhereClass("Tasks.InventoryService", tasks.Path, "/r/Tasks/InventoryService.cs")}},
			want:  []string{`BG108 App/Package.appxmanifest:8:66 error | EntryPoint "Tasks.InventoryService" names a class defined in Tasks.csproj`}},
		{name: "the App defines the class too", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   knownApp(tasks),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.SyncTask")}, ElsewhereClasses: []registration.TaskClass{sync}}},
		{name: "unknown references and the manifest registers the class itself", manifest: testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`,
			testExtension("Tasks.SyncTask", "timer"),
			"    <Extension Category=\"windows.activatableClass.inProcessServer\">\n      <InProcessServer>\n        <Path>Tasks.dll</Path>\n        <ActivatableClass ActivatableClassId=\"Tasks.SyncTask\" ThreadingModel=\"both\" />\n      </InProcessServer>\n    </Extension>\n"),
			app:   withApp(knownApp(tasks), func(a *workspace.App) { a.ReferencesKnown = false }),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}}},
		{name: "JavaScript task", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`),
			app:   knownApp(tasks),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{sync}}},
	})
}

func TestBG103ClassDefinedNowhere(t *testing.T) {
	nowhere := `BG103 App/Package.appxmanifest:8:67 error | EntryPoint "Tasks.SyncTask" in Package.appxmanifest names a class that is defined nowhere`
	notifyNowhere := `BG103 App/Package.appxmanifest:8:67 error | EntryPoint "Contoso.Background.NotifyTask" in Package.appxmanifest names a class that is defined nowhere`
	winrtHost := func(class string) string {
		return testPackageNS(`xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`, testExtension(class, "timer"),
			"    <Extension Category=\"windows.activatableClass.inProcessServer\">\n      <InProcessServer>\n        <Path>WinRT.Host.dll</Path>\n        <ActivatableClass ActivatableClassId=\""+class+"\" ThreadingModel=\"both\" />\n      </InProcessServer>\n    </Extension>\n")
	}
	csComponent := &workspace.Project{Path: "/r/Contoso.Tasks/Contoso.Tasks.csproj", Kind: workspace.KindWinRTComponent, Language: registration.CSharp}
	runRuleCases(t, entryPointClassMissing{}, []ruleCase{
		{name: "references known, no class anywhere", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: knownApp(), want: []string{nowhere}},
		{name: "references known, other classes elsewhere in the App", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: knownApp(), facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("App.Helpers.Other")}},
			want: []string{nowhere}},
		{name: "found in an unreferenced project: BG108's", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   knownApp(),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{elsewhereClass("Tasks.SyncTask", "/r/Tasks/Tasks.csproj", "/r/Tasks/SyncTask.cs")}}},
		{name: "an unknown binary reference may supply it", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) { a.ReferencesKnown = false })},
		{name: "no Universe was searched", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) { a.Universe = nil })},
		{name: "sources not read", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) { a.SourcesFound = false })},
		{name: "a source could not be read", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app:   knownApp(),
			facts: registration.Facts{Notes: []registration.Note{{Pos: registration.Pos{File: "/r/App/Huge.cs"}, Message: "skipped: over the limit"}}}},
		{name: "a NuGet package named like the namespace", manifest: testPackage(testExtension("Contoso.Sync.Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) { a.Packages = []string{"Contoso.Sync"} })},
		{name: "a NuGet package sharing the first name", manifest: testPackage(testExtension("Contoso.Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) { a.Packages = []string{"Contoso.Background"} })},
		{name: "a package built from a project of the repository holds that project's classes only",
			manifest: testPackage(testExtension("Contoso.Background.NotifyTask", "general")),
			app: withApp(knownApp(&workspace.Project{Path: "/r/Contoso.Voice/Contoso.Voice.vcxproj", Kind: workspace.KindWinRTComponent, Language: registration.CPP}),
				func(a *workspace.App) { a.Packages = []string{"Contoso.Voice"} }),
			want: []string{notifyNowhere}},
		{name: "a package built from a project outside the solution, in the repository",
			manifest: testPackage(testExtension("Contoso.Background.NotifyTask", "general")),
			app: withApp(knownApp(), func(a *workspace.App) {
				a.Packages = []string{"contoso.voice"}
				a.Universe.Repository = &workspace.Universe{Projects: []*workspace.Project{{Path: `C:\r\Contoso.Voice\Contoso.Voice.csproj`}}}
			}),
			want: []string{notifyNowhere}},
		{name: "platform packages supply no app class", manifest: testPackage(testExtension("Tasks.SyncTask", "timer")),
			app: withApp(knownApp(), func(a *workspace.App) {
				a.Packages = []string{"Microsoft.NETCore.UniversalWindowsPlatform", "Microsoft.Toolkit.Uwp"}
			}),
			want: []string{nowhere}},
		{name: "Windows App SDK task", manifest: testPackage(testExtension(winAppSDKEntryPoint, "general")), app: knownApp()},
		{name: "JavaScript task", manifest: testPackage(`<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks>
    <Task Type="timer" />
  </BackgroundTasks>
</Extension>`), app: knownApp()},
		{name: "WinRT.Host.dll class of a component outside the App", manifest: winrtHost("Contoso.Tasks.SyncTask"),
			app: knownApp()},
		{name: "WinRT.Host.dll class of the App's own CsWinRT component", manifest: winrtHost("Contoso.Tasks.SyncTask"),
			app:   withApp(knownApp(), func(a *workspace.App) { a.Projects = append(a.Projects, csComponent) }),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Contoso.Tasks.SyncWork")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | EntryPoint "Contoso.Tasks.SyncTask" | did you mean "Contoso.Tasks.SyncWork"?`}},
		{name: "WinRT.Host.dll class, component by a shorter namespace", manifest: winrtHost("Contoso.Tasks.Sync.SyncTask"),
			app:   withApp(knownApp(), func(a *workspace.App) { a.Projects = append(a.Projects, csComponent) }),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Contoso.Tasks.Sync.Other")}},
			want:  []string{`BG103 App/Package.appxmanifest:8:67 error | "Contoso.Tasks.Sync.SyncTask"`}},
	})
}

func TestBG103SilentWhenLanguagesAreOff(t *testing.T) {
	man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
	ctx := &Context{App: knownApp(), Manifest: man, Facts: &registration.Facts{}, SomeLanguagesOff: true}
	if got := (entryPointClassMissing{}).Check(ctx); len(got) != 0 {
		t.Errorf("got %d findings with some languages off, want none: %+v", len(got), got)
	}
	ctx.SomeLanguagesOff = false
	if got := (entryPointClassMissing{}).Check(ctx); len(got) != 1 {
		t.Errorf("got %d findings with every language on, want 1", len(got))
	}
}

func TestBG103HostedDeclarations(t *testing.T) {
	updateTask := `<Extension Category="windows.updateTask" EntryPoint="Tasks.UpdateTask" />`
	configTask := `<Extension Category="windows.preInstalledConfigTask" EntryPoint="Tasks.ConfigTask" />`
	fullTrust := `<uap:Extension Category="windows.appService" Executable="App.exe" EntryPoint="Windows.FullTrustApplication">
  <uap:AppService Name="com.contoso.inventory" />
</uap:Extension>`
	inProcess := `<uap:Extension Category="windows.appService">
  <uap:AppService Name="com.contoso.inventory" />
</uap:Extension>`
	sibling := registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.Other")}}
	runRuleCases(t, entryPointClassMissing{}, []ruleCase{
		{name: "app service", manifest: testPackage(appServiceExt), facts: sibling,
			want: []string{`BG103 App/Package.appxmanifest:8:66 error | EntryPoint "Tasks.InventoryService" | so the app service cannot be activated`}},
		{name: "update task", manifest: testPackage(updateTask), facts: sibling,
			want: []string{`BG103 App/Package.appxmanifest:8:62 error | EntryPoint "Tasks.UpdateTask" | so the update task cannot be activated`}},
		{name: "pre-installed configuration task", manifest: testPackage(configTask), facts: sibling,
			want: []string{`BG103 App/Package.appxmanifest:8:74 error | EntryPoint "Tasks.ConfigTask" | pre-installed configuration task`}},
		{name: "app service class exists", manifest: testPackage(appServiceExt),
			facts: registration.Facts{TaskClasses: []registration.TaskClass{testClass("Tasks.InventoryService")}}},
		{name: "desktop bridge app service served by the exe", manifest: testPackage(fullTrust), facts: sibling},
		{name: "in-process app service", manifest: testPackage(inProcess), facts: sibling},
	})
}

// TestClassRulesJudgeHostedDeclarations: BG201–BG204 look at the class an
// app service or update task names as they do at a background task's.
func TestClassRulesJudgeHostedDeclarations(t *testing.T) {
	man := mustParseManifest(t, testPackage(appServiceExt+"\n"+`<Extension Category="windows.updateTask" EntryPoint="Tasks.UpdateTask" />`))
	bad := func(name string, edit func(*registration.TaskClass)) registration.TaskClass {
		return ctWith(ctCS(name, "Tasks/"+simpleName(name)+".cs", 7), edit)
	}
	facts := registration.Facts{TaskClasses: []registration.TaskClass{
		bad("Tasks.InventoryService", func(c *registration.TaskClass) { c.Public = false }),
		bad("Tasks.UpdateTask", func(c *registration.TaskClass) { c.Sealed = false }),
	}}
	cases := []struct {
		rule, want string
	}{
		{"BG202", "Tasks/InventoryService.cs:7:25"},
		{"BG201", "Tasks/UpdateTask.cs:7:25"},
	}
	for _, c := range cases {
		r, _ := Lookup(c.rule)
		got := r.Check(&Context{App: ctProjects(ctStandardProjects), Manifest: man, Facts: &facts})
		var at []string
		for _, f := range got {
			at = append(at, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column))
			if len(f.Related) == 0 || !strings.Contains(f.Related[len(f.Related)-1].Message, "entry point here") {
				t.Errorf("%s: finding has no related declaration: %+v", c.rule, f.Related)
			}
		}
		if strings.Join(at, ",") != c.want {
			t.Errorf("%s: findings at %q, want %q", c.rule, at, c.want)
		}
	}
}

// TestHostedExtensions: the manifest model lists the app service, update
// task and pre-installed configuration task extensions with their
// EntryPoint positions.
func TestHostedExtensions(t *testing.T) {
	man := mustParseManifest(t, testPackage(appServiceExt+"\n"+`<Extension Category="windows.updateTask" EntryPoint="Tasks.UpdateTask" />`+"\n"+testExtension("Tasks.SyncTask", "timer")))
	var got []string
	for _, h := range man.HostedExtensions() {
		got = append(got, h.Category.Value+"="+h.EntryPoint.Value+"@"+strconv.Itoa(h.EntryPoint.ValuePos.Line)+":"+strconv.Itoa(h.EntryPoint.ValuePos.Col)+" app "+h.Application)
	}
	want := "windows.appService=Tasks.InventoryService@8:66 app App,windows.updateTask=Tasks.UpdateTask@11:62 app App"
	if strings.Join(got, ",") != want {
		t.Errorf("HostedExtensions = %q, want %q", got, want)
	}
}

func TestClassRulesPackagesAndPlatformNamespaces(t *testing.T) {
	tasks := &workspace.Project{Path: "/r/Contoso.Tasks/Contoso.Tasks.csproj", Kind: workspace.KindWinRTComponent, Language: registration.CSharp}
	runRuleCases(t, taskComponentNotReferenced{}, []ruleCase{
		{name: "a NuGet package built from the component", manifest: testPackage(testExtension("Contoso.Tasks.SyncTask", "timer")),
			app:   withApp(knownApp(tasks), func(a *workspace.App) { a.Packages = []string{"Contoso.Tasks"} }),
			facts: registration.Facts{ElsewhereClasses: []registration.TaskClass{elsewhereClass("Contoso.Tasks.SyncTask", tasks.Path, "/r/Contoso.Tasks/SyncTask.cs")}}},
	})
	runRuleCases(t, entryPointClassMissing{}, []ruleCase{
		{name: "an SDK's class", manifest: testPackage(testExtension("Microsoft.Azure.Messaging.PushTask", "pushNotification")), app: knownApp()},
		{name: "a platform class", manifest: testPackage(testExtension("Windows.Networking.PushTask", "pushNotification")), app: knownApp()},
	})
}

// TestBG108SharedLibraryIsNotWrongWay: a component and the app that both
// reference one class library (the app's core) are the usual layering; the
// finding must not tell the user to remove the component's reference.
func TestBG108SharedLibraryIsNotWrongWay(t *testing.T) {
	core := &workspace.Project{Path: "/r/Core/Core.csproj", Kind: workspace.KindClassLibrary, Language: registration.CSharp}
	tasks := &workspace.Project{Path: "/r/Tasks/Tasks.csproj", Kind: workspace.KindWinRTComponent, Language: registration.CSharp,
		References: []string{core.Path}}
	app := knownApp(tasks, core)
	app.Projects = append(app.Projects, core)
	man := mustParseManifest(t, testPackage(testExtension("Tasks.SyncTask", "timer")))
	facts := registration.Facts{ElsewhereClasses: []registration.TaskClass{elsewhereClass("Tasks.SyncTask", tasks.Path, "/r/Tasks/SyncTask.cs")}}
	got := taskComponentNotReferenced{}.Check(&Context{App: app, Manifest: man, Facts: &facts})
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1", len(got))
	}
	if strings.Contains(got[0].Message, "wrong way round") {
		t.Errorf("message blames the component's reference to the shared library: %s", got[0].Message)
	}
	if !strings.Contains(got[0].Message, `add <ProjectReference Include="..\Tasks\Tasks.csproj" /> to App.csproj`) {
		t.Errorf("message lacks the reference to add: %s", got[0].Message)
	}
}
