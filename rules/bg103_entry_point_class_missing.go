package rules

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG103 = Meta{
	ID:        "BG103",
	Name:      "entry-point-class-missing",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "the manifest declares entry point X and no scanned source defines class X",
	Doc: `# BG103 entry-point-class-missing

## What it finds

A manifest declaration whose ` + "`EntryPoint`" + ` names a class that none of the
App's sources define (C#, Visual Basic, C++/CX, C++/WinRT and its IDL
` + "`runtimeclass`" + ` declarations). It looks at ` + "`windows.backgroundTasks`" + `
extensions and at the entry points of ` + "`windows.appService`" + `,
` + "`windows.updateTask`" + ` and ` + "`windows.preInstalledConfigTask`" + `
extensions, which the same host activates. When a class with the same name
lives in another namespace, the message names it.

The rule speaks only when it can be sure. The App's project files were
found and read, and either the sources define other classes in the declared
namespace or a class with the same simple name, or the class exists
nowhere: not in the App, not in any other project of the workspace, and
every reference of the App is known (a project of the workspace, or a
framework or SDK package), so no unseen binary can supply it.

It is silent for JavaScript ` + "`StartPage`" + ` tasks; for the Windows App SDK's
` + "`Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Task`" + `; for
a class a NuGet package of the App may supply (its namespace and the
package's ID start alike, or the package is not a framework or a
well-known library: a vendor's package may carry a component), or one in a ` + "`Windows.`" + ` or ` + "`Microsoft.`" + ` namespace, which
only the platform and SDKs define (when no class of the App is near it); for a class the manifest registers itself from a
DLL that is not one of the App's projects (a prebuilt component; a class
served through CsWinRT's ` + "`WinRT.Host.dll`" + ` is checked when the
component it names by namespace is one of the App's projects); for a class
that another project of the workspace defines (BG108 says which reference
is missing); and for extensions without their own ` + "`EntryPoint`" + `.

## Why it fails

The background task host activates the declared class by name. If the
class does not exist in the package (renamed, moved to another namespace,
or deleted), the build fails with ` + "`error 80080204: App manifest validation error: … EntryPoint=\"X\" without ActivatableClassId in windows.activatableClass.inProcessServer`" + `,
or registration fails with "Class not registered" (0x80040154), or
activation fails at trigger time (event log: "failed to activate with
error code 0x80131522").

## Bad

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
` + "```" + `

` + "```csharp" + `
namespace BackgroundTasks // the namespace was renamed
{
    public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }
}
` + "```" + `

` + "```cpp" + `
// Tasks.idl
namespace BackgroundTasks { runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask { SyncTask(); } }
` + "```" + `

## Good

` + "```csharp" + `
namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }
}
` + "```" + `

` + "```cpp" + `
namespace Tasks { runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask { SyncTask(); } }
` + "```" + `

## How to fix

Make the manifest's ` + "`EntryPoint`" + ` the class's full ` + "`Namespace.Class`" + ` name
(and the code's ` + "`TaskEntryPoint`" + ` with it), or rename the class. If the
class was deleted, delete its declaration too.
`,
}

type entryPointClassMissing struct{}

func init() { Register(entryPointClassMissing{}) }

func (entryPointClassMissing) Meta() Meta { return metaBG103 }

func (entryPointClassMissing) Check(c *Context) []Finding {
	if !factsComparable(c) || c.App == nil || !c.App.SourcesFound || someSourceUnreadable(c.Facts) {
		return nil
	}
	classes := map[string]bool{}
	namespaces := map[string]bool{}
	bySimple := map[string][]string{}
	for _, tc := range c.Facts.TaskClasses {
		name := normClassName(tc.Name)
		if classes[name] {
			continue
		}
		classes[name] = true
		namespaces[namespaceOf(name)] = true
		bySimple[simpleName(name)] = append(bySimple[simpleName(name)], name)
	}
	elsewhere := map[string]bool{}
	for _, tc := range c.Facts.ElsewhereClasses {
		elsewhere[normClassName(tc.Name)] = true
	}
	var out []Finding
	reported := map[string]bool{}
	for _, d := range appClassDecls(c.Manifest) {
		x := d.Name
		if classes[x] || reported[x] || elsewhere[x] || !bg103Checkable(c, d) {
			continue
		}
		others := bySimple[simpleName(x)]
		nowhere := len(others) == 0 && !namespaces[namespaceOf(x)]
		// Without a class of the same name or a sibling in the declared
		// namespace, the class may live where the scanner did not look (a
		// binary reference, a NuGet package): say it is missing only when
		// every place it could come from was searched.
		if nowhere && !bg103SearchedEverywhere(c, x) {
			continue
		}
		reported[x] = true
		if len(others) == 0 && !nowhere {
			// A misspelt class in the declared namespace.
			if m, ok := nearestName(x, slices.Sorted(maps.Keys(classes)), nil); ok && (m.Kind == missCase || m.Kind == missSpelling) {
				others = []string{m.Name}
			}
		}
		var msg string
		if nowhere {
			msg = fmt.Sprintf("EntryPoint \"%s\" in %s names a class that is defined nowhere: not in this App's sources, not in any "+
				"other project of the workspace, and no reference of the App can supply it, so the %s cannot be activated "+
				"(\"Class not registered\", 0x80040154, or manifest validation error 80080204)", x, manifestName(c.Manifest), d.What())
		} else {
			msg = fmt.Sprintf("EntryPoint \"%s\" in %s names a class that no source of this App defines, so the %s "+
				"cannot be activated (\"Class not registered\", 0x80040154, or manifest validation error 80080204)", x, manifestName(c.Manifest), d.What())
		}
		if len(others) > 0 {
			msg += fmt.Sprintf("; did you mean \"%s\"?", others[0])
			if root := bg103VBRoot(c, others[0], x); root != "" {
				msg += fmt.Sprintf(" Visual Basic puts the project's RootNamespace \"%s\" in front of the class's namespace", root)
			}
		}
		f := AtManifest(metaBG103, c.Manifest, d.Pos(), "%s", msg)
		if len(others) > 0 {
			if tc := bg103Class(c.Facts, others[0]); tc != nil && tc.Pos.IsValid() {
				f.Related = append(f.Related, RelatedCode(tc.Pos, fmt.Sprintf("class \"%s\" is defined here", others[0])))
			}
		}
		out = append(out, f)
	}
	return out
}

// bg103Checkable reports whether the declaration names a class the
// workspace must define.
func bg103Checkable(c *Context, d classDecl) bool {
	return classDeclChecked(d) && !bg103FromUnseenBinary(c, d.Name)
}

// bg103SearchedEverywhere reports whether a class absent from the App and
// from the rest of the workspace can be said to exist nowhere: every
// reference of the App is known, the workspace's projects were searched,
// every source was read, and no NuGet package of the App may hold it.
func bg103SearchedEverywhere(c *Context, x string) bool {
	if !c.App.ReferencesKnown || c.App.Universe == nil || c.SomeLanguagesOff || len(c.Facts.Notes) > 0 {
		return false
	}
	if strings.HasPrefix(x, "Windows.") || strings.HasPrefix(x, "Microsoft.") {
		return false // the platform's or an SDK's class: no app defines those namespaces
	}
	return !bg103PackagesMaySupply(c, x)
}

// bg103PackagesMaySupply reports whether a NuGet package of the App may
// define class x: one named like its namespace (packageMaySupply), or any
// package that is not a framework or a well-known library that holds no
// background task (a vendor's package may ship a Windows Runtime
// Component under any namespace).
//
// A package named like a project of the repository is that project's
// build output (a package's ID defaults to its project's name): its
// classes are the project's, which were searched already (audit 27: a
// Unicord fork consumes its own voice component as a package).
func bg103PackagesMaySupply(c *Context, x string) bool {
	for _, pkg := range c.App.Packages {
		if builtInRepository(c, pkg) {
			continue
		}
		if packageMaySupply(pkg, x) || !taskFreePackage(pkg) {
			return true
		}
	}
	return false
}

// builtInRepository reports whether a project of the App's workspace or
// repository has the package's ID as its file name.
func builtInRepository(c *Context, pkg string) bool {
	pkg = strings.TrimSpace(pkg)
	for u := c.App.Universe; u != nil; u = u.Repository {
		for _, p := range u.Projects {
			base := filepath.Base(strings.ReplaceAll(p.Path, `\`, "/"))
			if strings.EqualFold(strings.TrimSuffix(base, filepath.Ext(base)), pkg) {
				return true
			}
		}
		if u.Repository == u {
			break
		}
	}
	return false
}

// taskFreePrefixes are package IDs (or their dotted prefixes) of
// frameworks, SDKs and common libraries that define no app's background
// task class outside their own namespaces. Microsoft's packages are listed
// family by family, not as "microsoft": some of them do carry the task an
// app declares (Microsoft.IoT.SDKFromArduino supplies the StartupTask of
// an Arduino Wiring project, whose sources define none).
var taskFreePrefixes = []string{
	"microsoft.netcore", "microsoft.net", "microsoft.windowsappsdk", "microsoft.windows", "microsoft.ui",
	"microsoft.winui", "microsoft.projectreunion", "microsoft.toolkit", "microsoft.xaml", "microsoft.graphics",
	"microsoft.extensions", "microsoft.bcl", "microsoft.csharp", "microsoft.visualbasic", "microsoft.win32",
	"microsoft.codeanalysis", "microsoft.sourcelink", "microsoft.build", "microsoft.dotnet", "microsoft.testplatform",
	"microsoft.taef", "microsoft.visualstudio", "microsoft.vcrtforwarders", "microsoft.appcenter",
	"microsoft.applicationinsights", "microsoft.entityframeworkcore", "microsoft.data", "microsoft.identity",
	"microsoft.identitymodel", "microsoft.graph", "microsoft.azure", "microsoft.aspnetcore", "microsoft.rest",
	"microsoft.maui", "microsoft.web", "microsoft.advertising", "microsoft.security", "microsoft.bot",
	"microsoft.windowspackagemanager",
	"system", "netstandard", "runtime", "win2d", "newtonsoft", "communitytoolkit", "serilog", "nlog",
	"sqlite", "sqlite-net", "sqlitepclraw", "prism", "mvvmlight", "mvvmlightlibs", "autofac", "xunit", "nunit", "mstest",
	"moq", "fluentassertions", "humanizer", "polly", "refit", "automapper", "dapper", "protobuf-net", "google.protobuf",
	"windowsazure", "azure", "restsharp", "htmlagilitypack", "reactiveui", "rx-main", "akavache",
	"nito", "xamarin", "uno", "syncfusion", "telerik", "template10", "caliburn", "mvvmcross", "sentry", "markdig",
	"fody", "costura", "stylecop", "coverlet", "sharpdx", "monogame", "zxing", "skiasharp", "realm", "litedb",
}

func taskFreePackage(id string) bool {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, p := range taskFreePrefixes {
		if id == p || strings.HasPrefix(id, p+".") || strings.HasPrefix(id, p+"-") {
			return true
		}
	}
	return false
}

// packageMaySupply reports whether NuGet package id may define class x:
// the class's namespace starts with the package ID or the ID with the
// namespace ("Contoso.Sync" and "Contoso.Sync.Tasks.SyncTask"), or both
// start with the same first name, other than the platform's own
// (Microsoft, System, Windows), which every package and app share.
func packageMaySupply(id, x string) bool {
	id, ns := strings.ToLower(strings.TrimSpace(id)), strings.ToLower(namespaceOf(x))
	if id == "" || ns == "" {
		return false
	}
	if ns == id || strings.HasPrefix(ns, id+".") || strings.HasPrefix(id, ns+".") {
		return true
	}
	first := func(s string) string { return strings.SplitN(s, ".", 2)[0] }
	switch f := first(id); f {
	case "microsoft", "system", "windows":
		return false
	default:
		return f == first(ns)
	}
}

// bg103FromUnseenBinary reports whether the manifest registers class x from
// a DLL that is not built by any of the App's projects: a prebuilt
// component whose sources are not in the repository. CsWinRT's
// WinRT.Host.dll serves managed components; it loads the assembly named by
// the class's namespace (Ns.Sub.X from Ns.Sub.dll, else Ns.dll), so such a
// class is from an unseen binary only when no project of the App builds
// that assembly.
func bg103FromUnseenBinary(c *Context, x string) bool {
	for _, ac := range c.Manifest.ActivatableClasses {
		if strings.TrimSpace(ac.ID.Value) != x {
			continue
		}
		dll := strings.ToLower(strings.TrimSuffix(filepath.Base(strings.ReplaceAll(ac.Path, `\`, "/")), filepath.Ext(ac.Path)))
		if dll == "" {
			return true
		}
		names := []string{dll}
		if dll == "winrt.host" {
			names = nil
			for ns := strings.ToLower(namespaceOf(x)); ns != ""; ns = strings.ToLower(namespaceOf(ns)) {
				names = append(names, ns)
			}
		}
		if !bg103BuiltByApp(c, names) {
			return true
		}
	}
	return false
}

// bg103BuiltByApp reports whether a project of the App builds an assembly
// with one of the (lower-case) names: its file name or RootNamespace.
func bg103BuiltByApp(c *Context, names []string) bool {
	for _, p := range c.App.Projects {
		if p == nil {
			continue
		}
		stem := strings.ToLower(strings.TrimSuffix(filepath.Base(p.Path), filepath.Ext(p.Path)))
		for _, n := range names {
			if stem == n || (p.RootNamespace != "" && strings.ToLower(p.RootNamespace) == n) {
				return true
			}
		}
	}
	return false
}

func bg103Class(f *registration.Facts, name string) *registration.TaskClass {
	for i := range f.TaskClasses {
		if normClassName(f.TaskClasses[i].Name) == name {
			return &f.TaskClasses[i]
		}
	}
	return nil
}

// bg103VBRoot returns the RootNamespace that explains why the VB class
// found is named found and not declared ("" when that is not the reason).
func bg103VBRoot(c *Context, found, declared string) string {
	tc := bg103Class(c.Facts, found)
	if tc == nil || tc.Language != registration.VB {
		return ""
	}
	p := c.App.ProjectOf(tc.Project)
	if p == nil || p.RootNamespace == "" || found != p.RootNamespace+"."+declared {
		return ""
	}
	return p.RootNamespace
}

// someSourceUnreadable reports whether a source of the App exists but
// could not be read: what it defines is unknown, so no class may be called
// missing (the CLI exits 2 for it).
func someSourceUnreadable(f *registration.Facts) bool {
	for _, n := range f.Notes {
		if n.Unreadable {
			return true
		}
	}
	return false
}
