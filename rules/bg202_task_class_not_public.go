package rules

import "github.com/bgmanifest/bgmanifest/registration"

func init() { Register(taskClassNotPublic{}) }

type taskClassNotPublic struct{}

var metaBG202 = Meta{
	ID:        "BG202",
	Name:      "task-class-not-public",
	Severity:  Error,
	Summary:   "the entry-point class is not public",
	NeedsCode: true,
	Doc: `# BG202 task-class-not-public

**What it finds.** The class named as a background task entry point (by the
manifest's ` + "`EntryPoint`" + ` or by ` + "`TaskEntryPoint`" + ` in code) is not public:
C# ` + "`internal`" + ` or no access modifier (a top-level class then defaults to
internal), VB ` + "`Friend`" + ` or no modifier, C++/CX ` + "`ref class`" + ` without
` + "`public`" + `. The parts of a partial class count together: one part that says
` + "`public`" + ` makes the class public. A nested class is no more visible than the class
around it: ` + "`public`" + ` inside an internal or private class still makes it
internal. MIDL runtimeclasses are always public, and
C++/WinRT implementation structs are not checked (the IDL decides).

**Why it fails.** The background task host activates the class through
the Windows Runtime, which only sees public types exported in the
component's .winmd. A non-public class is simply not in the metadata, so
the package has no activatable class with that name. ` + "`Register()`" + ` throws
"Class not registered" (0x80040154), or, when the registration slips
through, every trigger fails to activate the task and Event Viewer
(Microsoft-Windows-BackgroundTaskInfrastructure) shows error 0x80131522 or
0x80040154 for the entry point.

**Bad (C#)**

` + "```csharp" + `
namespace Tasks
{
    sealed class SyncTask : IBackgroundTask   // internal by default
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
    ref class SyncTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
    {
    public:
        virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
    };
}
` + "```" + `

**Good (C++/CX)**: ` + "`public ref class SyncTask sealed : public ...IBackgroundTask`" + `.

**How to fix.** Make the class public (` + "`public`" + ` in C# and C++/CX,
` + "`Public`" + ` in VB). Keep helpers it uses internal.
`,
}

func (taskClassNotPublic) Meta() Meta { return metaBG202 }

func (taskClassNotPublic) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	groups := classGroups(c.Facts)
	var out []Finding
	for ref, g := range entryClasses(c, groups) {
		parts := g.declParts()
		if len(parts) == 0 || isPublic(parts) || g.isApplicationClass(c) { // BG203 reports the app class
			continue
		}
		at := parts[0]
		if !at.Pos.IsValid() {
			continue
		}
		if h := hiddenBy(parts); h != "" {
			// it says public, but the class around it is not: a nested
			// class has at most its container's accessibility
			out = append(out, atEntryClass(c, metaBG202, ref, at,
				"background task class %s is not public: it is nested in %s, which is not public; move it to namespace level and %s",
				g.Name, h, publicHint(at)))
			continue
		}
		out = append(out, atEntryClass(c, metaBG202, ref, at, "background task class %s is not public; %s", g.Name, publicHint(at)))
	}
	return out
}

// isPublic: a MIDL runtimeclass is public by definition; otherwise one public
// part makes a partial class public.
func isPublic(parts []*registration.TaskClass) bool {
	for _, p := range parts {
		if isIDLRuntimeClass(p) {
			return true
		}
	}
	return anyPublic(parts)
}

// hiddenBy is the enclosing class that hides a class declared public, or "".
func hiddenBy(parts []*registration.TaskClass) string {
	for _, p := range parts {
		if p.HiddenBy != "" {
			return p.HiddenBy
		}
	}
	return ""
}

func publicHint(tc *registration.TaskClass) string {
	switch tc.Language {
	case registration.VB:
		return "declare it Public NotInheritable Class " + simpleName(tc.Name)
	case registration.CPP:
		return "declare it as public ref class " + simpleName(tc.Name) + " sealed"
	}
	return "declare it public sealed class " + simpleName(tc.Name)
}
