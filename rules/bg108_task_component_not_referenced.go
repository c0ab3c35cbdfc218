package rules

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

func init() { Register(taskComponentNotReferenced{}) }

type taskComponentNotReferenced struct{}

var metaBG108 = Meta{
	ID:        "BG108",
	Name:      "task-component-not-referenced",
	Severity:  Error,
	Summary:   "the declared entry-point class is defined only in a project of the workspace that the App does not reference",
	NeedsCode: true,
	Doc: `# BG108 task-component-not-referenced

**What it finds.** A manifest declaration whose ` + "`EntryPoint`" + ` names a class
that none of the App's projects define, while another project of the
workspace (the solution's projects; without a solution, the projects under
the repository root) does: the Windows Runtime Component that holds the
task is in the repository, but the project that packages the manifest does
not reference it. The message names the component and gives the line to add
to the app's project. When the component references the app project
instead (the reference points the wrong way round), it says so; so it does
when the app's project has a ` + "`ProjectReference`" + ` of the component's file name
that points where there is no project (a folder moved or renamed since:
MSBuild skips the reference with a warning), and which path to give it. A project of
the repository that the App's solution does not list is searched too: the
message then says the component is missing from the solution as well (and
stays silent when a reference of the App could not be resolved, as a
prebuilt ` + "`.winmd`" + ` from another solution's build may supply the class).

It looks at ` + "`windows.backgroundTasks`" + ` entry points and at those of
` + "`windows.appService`" + `, ` + "`windows.updateTask`" + ` and
` + "`windows.preInstalledConfigTask`" + ` extensions, in C#, Visual Basic,
C++/CX and C++/WinRT (IDL ` + "`runtimeclass`" + `) components, and in packaging
projects (` + "`.wapproj`" + `), which must reference the component themselves.
It stays silent when a NuGet package of the App may carry the component
(the package's ID and the class's namespace start alike), and when the
manifest registers the class itself while a reference of the App could not
be resolved (it may be the component's prebuilt ` + "`.winmd`" + `).

**Why it fails.** Only referenced projects are built into the package: the
component's ` + "`.winmd`" + ` and DLL are missing, and so is the
` + "`windows.activatableClass.inProcessServer`" + ` entry the build generates for
the class. Depending on the project, packaging fails with
` + "`error 80080204`" + ` / ` + "`APPX0501`" + ` (the manifest names an ` + "`EntryPoint`" + ` with no
activatable class), ` + "`BackgroundTaskBuilder.Register()`" + ` succeeds and the task
never runs, or the trigger fires and activation fails with "Class not
registered" (` + "`0x80040154`" + `). The app itself still builds and runs, so
nothing points at the cause: it is the most common reason a task that
worked stops working after a project clean-up.

**Bad**

` + "```xml" + `
<!-- App/Package.appxmanifest -->
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
` + "```" + `

` + "```xml" + `
<!-- App/App.csproj: no reference to Tasks -->
<ItemGroup>
  <ProjectReference Include="..\Core\Core.csproj" />
</ItemGroup>
` + "```" + `

` + "```csharp" + `
// Tasks/SyncTask.cs, in Tasks.csproj (a Windows Runtime Component)
namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }
}
` + "```" + `

**Good**

` + "```xml" + `
<!-- App/App.csproj -->
<ItemGroup>
  <ProjectReference Include="..\Core\Core.csproj" />
  <ProjectReference Include="..\Tasks\Tasks.csproj" />
</ItemGroup>
` + "```" + `

**How to fix.** Add the ` + "`ProjectReference`" + ` the message gives to the project
that packages the manifest (in Visual Studio: the app project's
References > Add Reference > Projects > the component). If the component
references the app project, remove that reference: a component cannot
depend on the app, and the app must reference the component. bgmanifest
does not edit project files.
`,
}

func (taskComponentNotReferenced) Meta() Meta { return metaBG108 }

func (taskComponentNotReferenced) Check(c *Context) []Finding {
	if !factsComparable(c) || c.App == nil || !c.App.SourcesFound || len(c.Facts.ElsewhereClasses) == 0 || someSourceUnreadable(c.Facts) {
		return nil
	}
	own := map[string]bool{}
	for _, tc := range c.Facts.TaskClasses {
		own[registration.NormClassName(tc.Name)] = true
	}
	elsewhere := map[string][]*registration.TaskClass{}
	for i := range c.Facts.ElsewhereClasses {
		tc := &c.Facts.ElsewhereClasses[i]
		if tc.Project != "" {
			n := registration.NormClassName(tc.Name)
			elsewhere[n] = append(elsewhere[n], tc)
		}
	}
	var out []Finding
	reported := map[string]bool{}
	for _, d := range appClassDecls(c.Manifest) {
		if d.Name == "" || own[d.Name] || reported[d.Name] || len(elsewhere[d.Name]) == 0 || !classDeclChecked(d) {
			continue
		}
		if !c.App.ReferencesKnown && activatableInManifest(c, d.Name) || packageIsComponent(c, d.Name) {
			// The manifest registers the class itself and a reference the
			// workspace cannot resolve (a prebuilt .winmd) may carry it, or
			// a NuGet package built from the component may.
			continue
		}
		tc := elsewhere[d.Name][0]
		// A project the App's solutions leave out (one of the repository's
		// others): the class is there for certain, but an unresolved
		// reference of the App (a prebuilt .winmd from another solution's
		// build) may supply it, so only with every reference known.
		outside := c.App.Universe != nil && len(c.App.Universe.Solutions) > 0 && !c.App.Universe.Holds(tc.Project)
		if outside && !c.App.ReferencesKnown {
			continue
		}
		reported[d.Name] = true
		comp := universeProject(c.App, tc.Project)
		which := fmt.Sprintf("which %s does not reference", ownerName(c.App))
		if outside {
			which = fmt.Sprintf("which is not in %s and which %s does not reference", solutionNames(c.App.Universe.Solutions), ownerName(c.App))
		}
		stale := staleReferenceTo(c.App, tc.Project)
		if stale != nil {
			which += fmt.Sprintf(": its <ProjectReference Include=\"%s\"> points where there is no project", stale.Item)
		}
		msg := fmt.Sprintf("EntryPoint \"%s\" names a class defined in %s, %s, so the package carries no "+
			"activatable class for it (\"Class not registered\", 0x80040154, or manifest validation error 80080204)",
			d.Name, filepath.Base(tc.Project), which)
		if comp != nil && c.App.Project != "" && referencesApp(comp, c.App) {
			msg += fmt.Sprintf("; %s references %s instead, the wrong way round: remove that reference and",
				filepath.Base(tc.Project), filepath.Base(referencedAppProject(comp, c.App)))
		} else {
			msg += ";"
		}
		if outside {
			msg += fmt.Sprintf(" add %s to %s and", filepath.Base(tc.Project), solutionNames(c.App.Universe.Solutions))
		}
		if stale != nil {
			msg += fmt.Sprintf(" point that reference at \"%s\"", projectReferencePath(c.App.Project, tc.Project))
		} else if c.App.Project != "" {
			msg += fmt.Sprintf(" add <ProjectReference Include=\"%s\" /> to %s", projectReferencePath(c.App.Project, tc.Project), filepath.Base(c.App.Project))
		} else {
			msg += fmt.Sprintf(" reference %s from the project that packages %s", filepath.Base(tc.Project), manifestName(c.Manifest))
		}
		f := AtManifest(metaBG108, c.Manifest, d.Pos(), "%s", msg)
		if tc.Pos.IsValid() {
			f.Related = append(f.Related, RelatedCode(tc.Pos, fmt.Sprintf("class \"%s\" is defined here, in %s", d.Name, filepath.Base(tc.Project))))
		}
		if stale != nil && stale.Line > 0 {
			f.Related = append(f.Related, RelatedCode(registration.Pos{File: c.App.Project, Line: stale.Line, Col: 1},
				fmt.Sprintf("the reference to %s, where there is no project", filepath.Base(tc.Project))))
		}
		out = append(out, f)
	}
	return out
}

// staleReferenceTo returns the ProjectReference of the App's own project
// that names a project file of the component's name where the workspace
// has none (a folder moved or renamed after the reference was written),
// or nil. MSBuild skips such a reference with a warning, and the
// component never reaches the package.
func staleReferenceTo(app *workspace.App, component string) *workspace.Link {
	own := app.ProjectOf(app.Project)
	if own == nil {
		return nil
	}
	for i := range own.Links {
		l := &own.Links[i]
		if l.Via == workspace.LinkProjectReference && strings.EqualFold(filepath.Base(l.Path), filepath.Base(component)) &&
			universeProject(app, l.Path) == nil && app.ProjectOf(l.Path) == nil {
			return l
		}
	}
	return nil
}

// classDeclChecked reports whether the declaration names a class some
// project must define: not a JavaScript task (StartPage), not a class of
// another runtime (RuntimeType), not the Windows App SDK's own task.
func classDeclChecked(d classDecl) bool {
	if d.Name == winAppSDKEntryPoint || !strings.Contains(d.Name, ".") || strings.Contains(d.Name, "$") {
		return false
	}
	return d.BT == nil || !(d.BT.StartPage.Present || d.BT.RuntimeType.Present)
}

// solutionNames are the solutions' file names: "App.sln", "App.sln or
// Tools.sln".
func solutionNames(slns []string) string {
	names := make([]string, len(slns))
	for i, sln := range slns {
		names[i] = filepath.Base(sln)
	}
	return strings.Join(names, " or ")
}

// ownerName is the owning project's file name, or "this App" without one.
func ownerName(app *workspace.App) string {
	if app.Project == "" {
		return "no project of this App"
	}
	return filepath.Base(app.Project)
}

// universeProject is the project of the App's Universe with this path.
func universeProject(app *workspace.App, path string) *workspace.Project {
	if app.Universe == nil {
		return nil
	}
	for _, p := range app.Universe.Projects {
		if samePath(p.Path, path) {
			return p
		}
	}
	return nil
}

// referencesApp reports whether project p references the App's own
// project or an app project it packages: a task component that points at
// the app instead of the app at it. A class library both reference (the
// app's core, shared with its tasks) is the usual layering, not that
// mistake.
func referencesApp(p *workspace.Project, app *workspace.App) bool {
	return referencedAppProject(p, app) != ""
}

// referencedAppProject is the path of the App's project (its owner, or an
// app project it packages) that p references, "" when none: what the
// wrong-way message names (audit 34: a component referencing the app
// project a .wapproj packages was said to reference the .wapproj).
func referencedAppProject(p *workspace.Project, app *workspace.App) string {
	for _, r := range p.References {
		for _, mine := range app.Projects {
			if mine != nil && mine.Kind == workspace.KindApp && samePath(r, mine.Path) {
				return mine.Path
			}
		}
		if app.Project != "" && samePath(r, app.Project) {
			return app.Project
		}
	}
	return ""
}

// samePath compares project paths as Windows does: cleaned, any case.
func samePath(a, b string) bool {
	return strings.EqualFold(filepath.ToSlash(filepath.Clean(a)), filepath.ToSlash(filepath.Clean(b)))
}

// projectReferencePath is target relative to the folder of the project
// from, with backslashes, as Visual Studio writes a ProjectReference's
// Include.
func projectReferencePath(from, target string) string {
	rel, err := filepath.Rel(filepath.Dir(from), target)
	if err != nil {
		rel = target
	}
	return strings.ReplaceAll(filepath.ToSlash(rel), "/", `\`)
}

// packageIsComponent reports whether a NuGet package of the App may be the
// component itself, published: the class's namespace starts with the
// package's ID or the ID with the namespace. The class was found in a
// workspace project, so a package that merely shares the company's first
// name ("Unicord.Universal.Voice" beside the project
// "Unicord.Universal.Background.Tasks") does not supply it.
func packageIsComponent(c *Context, x string) bool {
	ns := strings.ToLower(namespaceOf(x))
	for _, pkg := range c.App.Packages {
		id := strings.ToLower(strings.TrimSpace(pkg))
		if id != "" && ns != "" && (ns == id || strings.HasPrefix(ns, id+".") || strings.HasPrefix(id, ns+".")) {
			return true
		}
	}
	return false
}
