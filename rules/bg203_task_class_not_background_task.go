package rules

func init() { Register(taskClassNotBackgroundTask{}) }

type taskClassNotBackgroundTask struct{}

var metaBG203 = Meta{
	ID:        "BG203",
	Name:      "task-class-not-background-task",
	Severity:  Error,
	Summary:   "the entry-point class does not implement IBackgroundTask",
	NeedsCode: true,
	Doc: `# BG203 task-class-not-background-task

**What it finds.** The class named as a background task entry point does
not implement ` + "`Windows.ApplicationModel.Background.IBackgroundTask`" + `, neither
directly nor through a base class found in the App's sources. A class that
derives from a base class the scanner did not read (another assembly) is
not reported: the base may implement the interface. For C++/WinRT
the IDL runtimeclass is what counts (` + "`runtimeclass X : Windows.ApplicationModel.Background.IBackgroundTask`" + `);
when only the implementation struct was read, the rule stays silent.

**Why it fails.** The background task host activates the class and asks
it for ` + "`IBackgroundTask`" + ` to call ` + "`Run`" + `. A class without the interface is
activated and then rejected: the task never runs, nothing reaches your
code, and the only trace is an activation error for the entry point in
Event Viewer (Applications and Services Logs > Microsoft > Windows >
BackgroundTaskInfrastructure), typically a "no such interface" failure
(E_NOINTERFACE, 0x80004002). A common cause is pointing the
entry point at the wrong class — the app class, a helper, or a class of the
same name in another namespace.

**Bad (C#)**

` + "```csharp" + `
namespace Tasks
{
    public sealed class SyncTask           // no IBackgroundTask
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

**Bad (C++/WinRT IDL)**

` + "```cpp" + `
namespace Tasks
{
    runtimeclass SyncTask
    {
        SyncTask();
    }
}
` + "```" + `

**Good (C++/WinRT IDL)**

` + "```cpp" + `
namespace Tasks
{
    runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask
    {
        SyncTask();
    }
}
` + "```" + `

**The Application class.** An ` + "`EntryPoint`" + ` that names the app's XAML
` + "`Application`" + ` class (` + "`App`" + `, which derives from ` + "`Application`" + `) is reported
here too, whatever its visibility or project: the app class is no
background task. An in-process task (one that ` + "`OnBackgroundActivated`" + `
handles) needs no ` + "`EntryPoint`" + ` in the manifest and no ` + "`TaskEntryPoint`" + ` in
code; an out-of-process task names its ` + "`IBackgroundTask`" + ` class.

**How to fix.** Implement ` + "`IBackgroundTask`" + ` and its ` + "`Run(IBackgroundTaskInstance)`" + `
method on the class, or point the manifest ` + "`EntryPoint`" + ` and the code's
` + "`TaskEntryPoint`" + ` at the class that does.
`,
}

func (taskClassNotBackgroundTask) Meta() Meta { return metaBG203 }

func (taskClassNotBackgroundTask) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	groups := classGroups(c.Facts)
	var out []Finding
	for ref, g := range entryClasses(c, groups) {
		app := g.isApplicationClass(c)
		if g.implementsTask(groups) || !app && (g.onlyCppWinRTImpl() || g.hasUnknownBaseClass(groups)) {
			continue
		}
		at := g.Parts[0]
		if parts := g.declParts(); len(parts) > 0 {
			at = reportPart(parts)
		}
		if !at.Pos.IsValid() {
			continue
		}
		if app {
			out = append(out, atEntryClass(c, metaBG203, ref, at,
				"%s is the app's Application class, which does not implement IBackgroundTask; an in-process task needs no EntryPoint (remove it and handle OnBackgroundActivated), an out-of-process one names its IBackgroundTask class", g.Name))
			continue
		}
		out = append(out, atEntryClass(c, metaBG203, ref, at, "background task class %s does not implement IBackgroundTask", g.Name))
	}
	return out
}
