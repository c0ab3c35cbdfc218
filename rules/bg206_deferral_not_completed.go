package rules

import "github.com/bgmanifest/bgmanifest/manifest"

func init() { Register(deferralNotCompleted{}) }

type deferralNotCompleted struct{}

var metaBG206 = Meta{
	ID:        "BG206",
	Name:      "deferral-not-completed",
	Severity:  Warning,
	Summary:   "GetDeferral() with no Complete() on any path",
	NeedsCode: true,
	Doc: `# BG206 deferral-not-completed

**What it finds.** A background task class calls ` + "`GetDeferral()`" + ` and never
calls ` + "`Complete()`" + ` on a deferral anywhere in the class (all parts of a
partial class and the C++/WinRT implementation count; ` + "`Complete()`" + ` in a
` + "`finally`" + ` block, a ` + "`Canceled`" + ` handler or another method is fine).
A deferral handed to a constructor or method of another class of the App
is followed there: the class that stores it and calls ` + "`Complete()`" + ` later
completes it. A deferral handed to code the scanner cannot read (a library,
a property of another object) is not reported. ` + "`GetDeferral().Complete()`" + `
chained is taken and completed. A ` + "`Complete()`" + ` on another object's deferral
does not count: an app service's ` + "`RequestReceived`" + ` handler that completes the
request's deferral (` + "`args.GetDeferral()`" + `, where ` + "`args`" + ` is the event's
arguments) answers that request and leaves the task's deferral taken.
IoT startup tasks (` + "`<iot:Task Type=\"startup\"/>`" + `) are left out: a headless
IoT app's startup task is meant to run for as long as the device does. So
are the tasks of an App that declares the restricted capability
` + "`extendedBackgroundTaskTime`" + `, which lifts their time limit (a sideloaded
listener that runs until the device stops it).
A class that the App neither declares in its manifest nor registers in
code, and that lives only in a project the App references (a component
that two Apps share), is left to the App that declares it, whose manifest
says whether it is an IoT startup task: a second App that references the
component for its types does not report it. An App that activates tasks
through COM judges such classes too, since a CLSID, not the class's name,
ties a COM task to its App.

**Why it fails.** A deferral keeps the task alive until it is completed.
Never completing it means the host cannot tell that the work is done: the
task keeps its process alive until the system's time budget runs out and
the system cancels it (the ` + "`Canceled`" + ` event fires with a reason such as
` + "`ExecutionTimeExceeded`" + `) and then ends the process. The app is charged for
the whole budget, which makes later triggers more likely to be throttled,
and work that was meant to run after the task (its ` + "`Completed`" + ` handler in
the app) sees a cancelled task instead of a finished one.

**Bad (C#)**

` + "```csharp" + `
public async void Run(IBackgroundTaskInstance taskInstance)
{
    var deferral = taskInstance.GetDeferral();
    await SyncAsync();
}
` + "```" + `

**Good (C#)**

` + "```csharp" + `
public async void Run(IBackgroundTaskInstance taskInstance)
{
    var deferral = taskInstance.GetDeferral();
    try { await SyncAsync(); }
    finally { deferral.Complete(); }
}
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
winrt::fire_and_forget SyncTask::Run(IBackgroundTaskInstance taskInstance)
{
    auto deferral = taskInstance.GetDeferral();
    co_await SyncAsync();
}
` + "```" + `

**Good (C++/WinRT)**: end the coroutine with ` + "`deferral.Complete();`" + ` (or
complete it from a scope guard so that exceptions complete it too).

**How to fix.** Call ` + "`Complete()`" + ` on the deferral once the work has finished,
on every path, including errors and cancellation.
`,
}

func (deferralNotCompleted) Meta() Meta { return metaBG206 }

func (deferralNotCompleted) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	if declaresCapability(c.Manifest, "extendedBackgroundTaskTime") {
		// the App's tasks may run without a time limit: one that holds
		// its deferral for as long as it runs is meant to
		return nil
	}
	entries := entryNameSet(entryPoints(c))
	var out []Finding
	for _, g := range sortedGroups(classGroups(c.Facts)) {
		ri := g.run()
		if len(ri.Gets) == 0 || len(ri.Complete) > 0 || len(ri.HandedOn) > 0 || iotStartupOnly(c.Manifest, g.Name) {
			continue
		}
		if sharedNotStarted(c, g, entries) {
			continue
		}
		out = append(out, AtCode(metaBG206, ri.Gets[0],
			"the deferral taken in %s is never completed; call Complete() when the work is done, in a finally block", g.Name))
	}
	return out
}

// declaresCapability reports whether the manifest declares the capability
// name (any namespace: rescap for the restricted ones).
func declaresCapability(man *manifest.Manifest, name string) bool {
	if man == nil {
		return false
	}
	for _, cp := range man.Capabilities {
		if cp.Name.Value == name {
			return true
		}
	}
	return false
}

// sharedNotStarted reports whether the class is code the App only carries:
// every part lives in a project the App references (not in the App's own
// project), the App's manifest does not declare it and its code does not
// register it. The App cannot start such a class as a background task (a
// task class runs only when its App declares it), so whether a deferral it
// never completes is a mistake is for the App that declares it: there an
// IoT startup task (<iot:Task Type="startup"/>) holds its deferral on
// purpose, and that App's manifest says so. Judged here, a headless IoT
// App's startup task is reported through every other App that references
// the same component for its types.
//
// Only BG206 asks this: what it reports depends on how the class is
// declared. An async Run without a deferral (BG205) or a Complete() on a
// deferral never taken (BG211) is wrong in every App that runs the class,
// IoT startup tasks included, so those rules judge shared code through any
// App that carries it.
//
// The class is judged as before whenever the App may start it by means
// this check does not follow: an App without an owning project (its
// sources are the projects its classes were found in), and an App with
// COM activation (a registration by CLSID, a Windows App SDK registration,
// a COM server class in the manifest, a class factory in code), where a
// GUID, not the class's name, ties the class to the App.
func sharedNotStarted(c *Context, g *classGroup, entries map[string]bool) bool {
	if entries[g.Name] || c.App == nil || c.App.Project == "" {
		return false
	}
	for _, p := range g.Parts {
		if p.Project == "" || p.Project == c.App.Project {
			return false
		}
	}
	if c.Manifest != nil && len(c.Manifest.ComServerClasses) > 0 || len(c.Facts.ClassFactories) > 0 {
		return false
	}
	for _, r := range c.Facts.Registrations {
		if r.CLSIDSet || r.WinAppSDK {
			return false
		}
	}
	return true
}
