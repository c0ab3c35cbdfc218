package rules

import (
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

func init() { Register(taskClassNotSealed{}) }

type taskClassNotSealed struct{}

var metaBG201 = Meta{
	ID:        "BG201",
	Name:      "task-class-not-sealed",
	Severity:  Error,
	Summary:   "the entry-point class (or any public class of its Windows Runtime Component) is not sealed",
	NeedsCode: true,
	Doc: `# BG201 task-class-not-sealed

**What it finds.** The class named as a background task entry point is not
sealed: C# without ` + "`sealed`" + `, VB without ` + "`NotInheritable`" + `, C++/CX
` + "`ref class`" + ` without ` + "`sealed`" + `, or a MIDL ` + "`runtimeclass`" + ` marked
` + "`unsealed`" + `. In a C# or VB Windows Runtime Component it also finds every
other public class of the component that is not sealed: public meaning
visible outside the component, so a class declared ` + "`public`" + ` inside an
internal or private class (a nested class has at most its container's
accessibility) is not exported to the .winmd and is not reported. C++/WinRT
implementation structs are never reported: the IDL runtimeclass decides, and
a runtimeclass is sealed unless it says otherwise.

**Why it fails.** An out-of-process background task is activated through
the Windows Runtime by its class name. Windows Runtime classes authored in
C#, VB or C++/CX must be sealed, and a C# or VB component must expose only
sealed public classes. When they are not, the component's metadata (.winmd)
is not produced or the class is not harvested into the package's
activatable classes. The task then fails either at build time (the WinRT
export step rejects the class) or at run time: ` + "`BackgroundTaskBuilder.Register()`" + `
throws "Class not registered" (0x80040154), or the task is registered but
never runs and Event Viewer
(Microsoft-Windows-BackgroundTaskInfrastructure) logs an activation failure
such as 0x80131522.

**Bad (C#)**

` + "```csharp" + `
namespace Tasks
{
    public class SyncTask : IBackgroundTask   // not sealed
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
` + "```" + `

**Good (C#)**

` + "```csharp" + `
namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
` + "```" + `

**Bad (C++/CX)**

` + "```cpp" + `
namespace Tasks
{
    public ref class SyncTask : public Windows::ApplicationModel::Background::IBackgroundTask
    {
    public:
        virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
    };
}
` + "```" + `

**Good (C++/CX)**: ` + "`public ref class SyncTask sealed : public ...IBackgroundTask`" + `.
For C++/WinRT, declare the class in IDL as
` + "`runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask`" + `
and do not mark it ` + "`unsealed`" + `.

**How to fix.** Add ` + "`sealed`" + ` (C#, C++/CX) or ` + "`NotInheritable`" + ` (VB) to the
class. If other code derives from it, move the shared logic into a helper
class that is internal to the component (or sealed as well).
`,
}

func (taskClassNotSealed) Meta() Meta { return metaBG201 }

func (taskClassNotSealed) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	groups := classGroups(c.Facts)
	var out []Finding
	reported := map[string]bool{}
	for ref, g := range entryClasses(c, groups) {
		if reported[g.Name] {
			continue
		}
		parts := g.declParts()
		if len(parts) == 0 || anySealed(parts) {
			continue
		}
		reported[g.Name] = true
		at := reportPart(parts)
		if !at.Pos.IsValid() {
			continue
		}
		out = append(out, atEntryClass(c, metaBG201, ref, at, "background task class %s is not sealed; %s", g.Name, sealHint(at)))
	}
	out = append(out, unsealedComponentClasses(c, groups, reported)...)
	return out
}

// unsealedComponentClasses reports the other public classes of a C# or VB
// Windows Runtime Component that holds an entry-point class: the component
// may expose sealed classes only.
func unsealedComponentClasses(c *Context, groups map[string]*classGroup, reported map[string]bool) []Finding {
	components := map[string]string{} // project path -> entry-point class that lives there
	for _, g := range entryClasses(c, groups) {
		for _, p := range g.Parts {
			if !isManaged(p) {
				continue
			}
			if proj := projectOf(c, p); proj != nil && proj.Kind == workspace.KindWinRTComponent {
				if _, ok := components[proj.Path]; !ok {
					components[proj.Path] = g.Name
				}
			}
		}
	}
	if len(components) == 0 {
		return nil
	}
	var out []Finding
	for _, g := range sortedGroups(groups) {
		if reported[g.Name] {
			continue
		}
		var inComponent []*registration.TaskClass
		task := ""
		for _, p := range g.Parts {
			if t, ok := components[p.Project]; ok && isManaged(p) && p.Kind == "class" {
				inComponent = append(inComponent, p)
				task = t
			}
		}
		if len(inComponent) == 0 || !anyPublic(inComponent) || anySealed(inComponent) {
			continue
		}
		reported[g.Name] = true
		at := reportPart(inComponent)
		if !at.Pos.IsValid() {
			continue
		}
		out = append(out, AtCode(metaBG201, at.Pos,
			"public class %s is not sealed; every public class of the Windows Runtime Component that holds background task %s must be sealed; %s",
			g.Name, task, sealHint(at)))
	}
	return out
}

func isManaged(tc *registration.TaskClass) bool {
	return tc.Language == registration.CSharp || tc.Language == registration.VB
}

// sealHint says how to seal the class in its own language.
func sealHint(tc *registration.TaskClass) string {
	switch {
	case tc.Language == registration.VB:
		return "add NotInheritable"
	case isIDLRuntimeClass(tc):
		return "remove unsealed from the runtimeclass"
	case tc.Language == registration.CPP:
		return "declare it as ref class " + simpleName(tc.Name) + " sealed"
	}
	return "add sealed"
}
