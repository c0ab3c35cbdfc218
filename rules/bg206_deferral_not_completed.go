package rules

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
chained is taken and completed.
IoT startup tasks (` + "`<iot:Task Type=\"startup\"/>`" + `) are left out: a headless
IoT app's startup task is meant to run for as long as the device does.

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
	var out []Finding
	for _, g := range sortedGroups(classGroups(c.Facts)) {
		ri := g.run()
		if len(ri.Gets) == 0 || len(ri.Complete) > 0 || len(ri.HandedOn) > 0 || iotStartupOnly(c.Manifest, g.Name) {
			continue
		}
		out = append(out, AtCode(metaBG206, ri.Gets[0],
			"the deferral taken in %s is never completed; call Complete() when the work is done, in a finally block", g.Name))
	}
	return out
}
