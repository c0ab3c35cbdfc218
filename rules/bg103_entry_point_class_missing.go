package rules

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG103 = Meta{
	ID:        "BG103",
	Name:      "entry-point-class-missing",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "the manifest declares entry point X and no scanned source defines class X",
	Doc: "# BG103 entry-point-class-missing\n\n" +
		"## What it finds\n\n" +
		"A `windows.backgroundTasks` extension whose `EntryPoint` names a class that none of the App's sources define " +
		"(C#, Visual Basic, C++/CX, C++/WinRT and its IDL `runtimeclass` declarations). When a class with the same " +
		"name lives in another namespace, the message names it.\n\n" +
		"The rule speaks only when it can be sure: the App's project files were found and read, and the sources " +
		"define other classes in the declared namespace or a class with the same simple name. It is silent for " +
		"JavaScript `StartPage` tasks, for the Windows App SDK's " +
		"`Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Task`, for classes the manifest registers " +
		"itself from a DLL that is not one of the App's projects (a prebuilt component), and for extensions without " +
		"their own `EntryPoint`.\n\n" +
		"## Why it fails\n\n" +
		"The background task host activates the declared class by name. If the class does not exist in the package " +
		"(renamed, moved to another namespace, or the component project is not referenced), the build fails with " +
		"`error 80080204: App manifest validation error: … EntryPoint=\"X\" without ActivatableClassId in " +
		"windows.activatableClass.inProcessServer`, or registration fails with \"Class not registered\" (0x80040154), " +
		"or activation fails at trigger time (event log: \"failed to activate with error code 0x80131522\").\n\n" +
		"## Bad\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n```\n\n" +
		"```csharp\nnamespace BackgroundTasks // the namespace was renamed\n{\n" +
		"    public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }\n}\n```\n\n" +
		"```cpp\n// Tasks.idl\nnamespace BackgroundTasks { runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask { SyncTask(); } }\n```\n\n" +
		"## Good\n\n" +
		"```csharp\nnamespace Tasks\n{\n    public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }\n}\n```\n\n" +
		"```cpp\nnamespace Tasks { runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask { SyncTask(); } }\n```\n\n" +
		"## How to fix\n\n" +
		"Make the manifest's `EntryPoint` the class's full `Namespace.Class` name (and the code's `TaskEntryPoint` with " +
		"it), or rename the class. Make sure the app project references the Windows Runtime Component that holds it.\n",
}

type entryPointClassMissing struct{}

func init() { Register(entryPointClassMissing{}) }

func (entryPointClassMissing) Meta() Meta { return metaBG103 }

func (entryPointClassMissing) Check(c *Context) []Finding {
	if !xcUsable(c) || c.App == nil || !c.App.SourcesFound || len(c.Facts.TaskClasses) == 0 {
		return nil
	}
	classes := map[string]bool{}
	namespaces := map[string]bool{}
	bySimple := map[string][]string{}
	for _, tc := range c.Facts.TaskClasses {
		name := xcNormClass(tc.Name)
		if classes[name] {
			continue
		}
		classes[name] = true
		namespaces[xcNamespace(name)] = true
		bySimple[simpleName(name)] = append(bySimple[simpleName(name)], name)
	}
	var out []Finding
	reported := map[string]bool{}
	for _, bt := range xcAppExtensions(c.Manifest) {
		if !bg103Checkable(c, bt) {
			continue
		}
		x := strings.TrimSpace(bt.EntryPoint.Value)
		if classes[x] || reported[x] {
			continue
		}
		others := bySimple[simpleName(x)]
		// Without a class of the same name elsewhere or a sibling in the
		// declared namespace, the class may live in a project that was not
		// found (a C++ component beside a C# app): stay silent.
		if len(others) == 0 && !namespaces[xcNamespace(x)] {
			continue
		}
		reported[x] = true
		if len(others) == 0 {
			// A misspelt class in the declared namespace.
			if m, ok := xcNearest(x, slices.Sorted(maps.Keys(classes)), nil); ok && (m.Kind == xcMissCase || m.Kind == xcMissSpelling) {
				others = []string{m.Name}
			}
		}
		msg := fmt.Sprintf("EntryPoint \"%s\" in %s names a class that no source of this App defines, so the task "+
			"cannot be activated (\"Class not registered\", 0x80040154, or manifest validation error 80080204)", x, xcManifestName(c.Manifest))
		if len(others) > 0 {
			msg += fmt.Sprintf("; did you mean \"%s\"?", others[0])
			if root := bg103VBRoot(c, others[0], x); root != "" {
				msg += fmt.Sprintf(" Visual Basic puts the project's RootNamespace \"%s\" in front of the class's namespace", root)
			}
		}
		f := AtManifest(metaBG103, c.Manifest, xcAttrPos(bt.EntryPoint, bt.Element), "%s", msg)
		if len(others) > 0 {
			if tc := bg103Class(c.Facts, others[0]); tc != nil && tc.Pos.IsValid() {
				f.Related = append(f.Related, RelatedCode(tc.Pos, fmt.Sprintf("class \"%s\" is defined here", others[0])))
			}
		}
		out = append(out, f)
	}
	return out
}

// bg103Checkable reports whether the extension names a class the App's own
// sources must define.
func bg103Checkable(c *Context, bt *manifest.BackgroundTaskExtension) bool {
	x := strings.TrimSpace(bt.EntryPoint.Value)
	if !bt.EntryPoint.Present || x == "" || !strings.Contains(x, ".") || strings.Contains(x, "$") || x == xcUniversalBGTask {
		return false
	}
	if bt.StartPage.Present || bt.RuntimeType.Present {
		return false // JavaScript task, or another runtime provides the class
	}
	return !bg103FromUnseenBinary(c, x)
}

// bg103FromUnseenBinary reports whether the manifest registers class x from
// a DLL that is not built by any of the App's projects: a prebuilt
// component whose sources are not in the repository.
func bg103FromUnseenBinary(c *Context, x string) bool {
	for _, ac := range c.Manifest.ActivatableClasses {
		if strings.TrimSpace(ac.ID.Value) != x {
			continue
		}
		dll := strings.ToLower(strings.TrimSuffix(filepath.Base(strings.ReplaceAll(ac.Path, `\`, "/")), filepath.Ext(ac.Path)))
		if dll == "" {
			return true
		}
		seen := false
		for _, p := range c.App.Projects {
			if p == nil {
				continue
			}
			stem := strings.ToLower(strings.TrimSuffix(filepath.Base(p.Path), filepath.Ext(p.Path)))
			if stem == dll || (p.RootNamespace != "" && strings.ToLower(p.RootNamespace) == dll) {
				seen = true
			}
		}
		if !seen {
			return true
		}
	}
	return false
}

func bg103Class(f *registration.Facts, name string) *registration.TaskClass {
	for i := range f.TaskClasses {
		if xcNormClass(f.TaskClasses[i].Name) == name {
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
