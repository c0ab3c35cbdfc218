package rules

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

func init() { Register(taskClassWrongProject{}) }

type taskClassWrongProject struct{}

var metaBG204 = Meta{
	ID:        "BG204",
	Name:      "task-class-wrong-project",
	Severity:  Error,
	Summary:   "the entry-point class lives in the app project or a plain class library, not in a Windows Runtime Component the app references",
	NeedsCode: true,
	Doc: `# BG204 task-class-wrong-project

**What it finds.** The class named as an out-of-process background task
entry point is defined in the app's own project (a UWP app, an
AppContainer exe) or in a plain .NET class library, instead of in a Windows
Runtime Component (C# ` + "`winmdobj`" + ` or C#/WinRT ` + "`CsWinRTComponent`" + `, a C++
` + "`WindowsRuntimeComponent`" + `) that the app references. The rule speaks only
when the project kinds are known from the project files; it stays silent
for the in-process model (no entry-point class at all), for an extension
with an ` + "`Executable`" + `, and for packaged desktop / Windows App SDK apps that
register the class themselves with a package-level
` + "`windows.activatableClass.inProcessServer`" + ` ` + "`ActivatableClass`" + `, unless
that server is ` + "`CLRHost.dll`" + `, which loads a component's .winmd and so
cannot serve a class compiled into the app's exe.

**Why it fails.** The background task host (BackgroundTaskHost.exe) does
not load your app's exe; it activates the entry point as a Windows Runtime
class from a component DLL. The build registers a component's classes in
the package (its .winmd is harvested into activatable-class entries);
classes of the app project or of a .NET class library have no such entry.
` + "`BackgroundTaskBuilder.Register()`" + ` then throws "Class not registered"
(0x80040154), or deployment fails with manifest validation error 80080204
("not allowed to have EntryPoint ... without ActivatableClassId").

**Bad (C#)** — ` + "`App/App.csproj`" + ` (the UWP app) contains:

` + "```csharp" + `
namespace App
{
    public sealed class SyncTask : IBackgroundTask { /* ... */ }
}
` + "```" + `

**Good (C#)** — ` + "`Tasks/Tasks.csproj`" + ` has
` + "`<OutputType>winmdobj</OutputType>`" + `, the app has a ` + "`ProjectReference`" + ` to it,
and the class is ` + "`Tasks.SyncTask`" + ` there.

**Bad (C++/WinRT)** — the task is compiled into the app itself; ` + "`App.vcxproj`" + `
has ` + "`<ConfigurationType>Application</ConfigurationType>`" + ` and
` + "`<AppContainerApplication>true</AppContainerApplication>`" + ` and contains:

` + "```cpp" + `
// App/SyncTask.idl
namespace App
{
    runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask
    {
        SyncTask();
    }
}
` + "```" + `

**Good (C++/WinRT)** — the same IDL and implementation live in
` + "`Tasks/Tasks.vcxproj`" + ` (the "Windows Runtime Component" template:
` + "`<ConfigurationType>DynamicLibrary</ConfigurationType>`" + `,
` + "`<AppContainerApplication>true</AppContainerApplication>`" + `, a .winmd output),
under ` + "`namespace Tasks`" + `, and ` + "`App.vcxproj`" + ` references it.

**How to fix.** Create a Windows Runtime Component project, move the task
class there (its namespace becomes the component's), reference the
component from the app, and update ` + "`EntryPoint`" + ` and ` + "`TaskEntryPoint`" + ` to the
new full name. For a packaged desktop app, add a package-level
` + "`windows.activatableClass.inProcessServer`" + ` extension for the component DLL.
`,
}

func (taskClassWrongProject) Meta() Meta { return metaBG204 }

func (taskClassWrongProject) Check(c *Context) []Finding {
	if c.Facts == nil || c.App == nil || c.App.Project == "" {
		return nil
	}
	groups := classGroups(c.Facts)
	var out []Finding
	for ref, g := range entryClasses(c, groups) {
		if activatableOutsideCLRHost(c, g.Name) || hostedByExecutable(ref) || g.isApplicationClass(c) { // BG203 reports the app class
			continue
		}
		at, proj := placedPart(c, g)
		if at == nil || !at.Pos.IsValid() {
			continue
		}
		var why string
		switch proj.Kind {
		case workspace.KindApp:
			why = "the app project"
		case workspace.KindClassLibrary:
			if at.Language == registration.CPP || at.Language == registration.IDL {
				// A C++ DLL that holds a ref class or a MIDL runtimeclass
				// builds Windows Runtime metadata: it is a component, whatever
				// its project file says explicitly.
				continue
			}
			why = "a class library"
		default:
			continue
		}
		f := AtCode(metaBG204, at.Pos,
			"background task class %s is defined in %s (%s); move it to a Windows Runtime Component the app references",
			g.Name, why, path.Base(filepath.ToSlash(proj.Path)))
		f.Related = append(f.Related, Related{File: proj.Path, Line: 1, Column: 1, Message: "project that holds the class"})
		f.Related = append(f.Related, ref.related(c.Manifest)...)
		out = append(out, f)
	}
	return out
}

// placedPart returns the part that decides where the class lives and its
// project: the declaring part (IDL or class) when its project is known, else
// any part with a known project.
func placedPart(c *Context, g *classGroup) (*registration.TaskClass, *workspace.Project) {
	candidates := append(append([]*registration.TaskClass{}, g.declParts()...), g.Parts...)
	for _, p := range candidates {
		if proj := projectOf(c, p); proj != nil && proj.Kind != workspace.KindUnknown {
			return p, proj
		}
	}
	return nil, nil
}

// activatableInManifest reports whether the manifest registers the class as
// an activatable class itself (packaged desktop / Windows App SDK apps).
func activatableInManifest(c *Context, class string) bool {
	if c.Manifest == nil {
		return false
	}
	for _, ac := range c.Manifest.ActivatableClasses {
		if ac.ID.Value == class {
			return true
		}
	}
	return false
}

// activatableOutsideCLRHost reports a manifest that declares the class
// activatable from a server of the app's own choosing. CLRHost.dll does
// not count: it loads a Windows Runtime component's .winmd, which an app
// project does not build (audit 32: Taskbar-Customizer kept its task in
// the WinUI 3 app's exe under CLRHost.dll until "Fixed problem with
// background task not working" moved it to a component).
func activatableOutsideCLRHost(c *Context, class string) bool {
	if c.Manifest == nil {
		return false
	}
	for _, ac := range c.Manifest.ActivatableClasses {
		if ac.ID.Value == class && !strings.EqualFold(path.Base(strings.ReplaceAll(strings.TrimSpace(ac.Path), `\`, "/")), "CLRHost.dll") {
			return true
		}
	}
	return false
}

// hostedByExecutable reports whether the declaring extension names an
// Executable: the task is hosted by that exe, not by BackgroundTaskHost.
func hostedByExecutable(ref entryRef) bool {
	return ref.Decl != nil && ref.Decl.Executable.Present
}
