package rules

import "github.com/bgmanifest/bgmanifest/registration"

func init() { Register(asyncRunWithoutDeferral{}) }

type asyncRunWithoutDeferral struct{}

var metaBG205 = Meta{
	ID:        "BG205",
	Name:      "async-run-without-deferral",
	Severity:  Error,
	Summary:   "Run awaits (or starts async work) without GetDeferral() first",
	NeedsCode: true,
	Doc: `# BG205 async-run-without-deferral

**What it finds.** A background task's ` + "`Run`" + ` method is asynchronous (C#
` + "`async void Run`" + `, VB ` + "`Async Sub Run`" + `, C++/WinRT a coroutine with
` + "`co_await`" + `, C++/CX a ` + "`create_task(...).then(...)`" + ` chain) and does not call
` + "`taskInstance.GetDeferral()`" + ` before its first ` + "`await`" + ` / ` + "`co_await`" + ` / async
start. A ` + "`GetDeferral()`" + ` after the first await does not count: by then ` + "`Run`" + `
has already returned to the host. The rule looks at classes that implement
` + "`IBackgroundTask`" + ` or are named as an entry point.

It also finds a ` + "`Run`" + ` that starts asynchronous work without awaiting or
waiting for it and takes no deferral anywhere: a ` + "`ThreadPoolTimer`" + `
(` + "`CreateTimer`" + `, ` + "`CreatePeriodicTimer`" + `), ` + "`Task.Run`" + `,
` + "`Task.Factory.StartNew`" + `, ` + "`ThreadPool.RunAsync`" + `, a C++ ` + "`create_task`" + ` or
` + "`.then`" + ` chain, or a call of a ` + "`winrt::fire_and_forget`" + ` / ` + "`async void`" + ` /
` + "`Async Sub`" + ` method of the class.

It also finds a ` + "`Run`" + ` that takes one deferral, starts such work and then
completes the deferral itself on every path (C# and C++): the deferral
ends before the work does. A ` + "`Complete()`" + ` inside a branch, a loop or a
lambda, or after a ` + "`return`" + `, is left alone, and so is a ` + "`Run`" + ` that holds a
second deferral.

Only ` + "`Run`" + `'s own awaits count. An ` + "`await`" + ` inside a lambda, an anonymous
delegate or a local function runs when that code is called, and an ` + "`async`" + `
` + "`Run`" + ` that never awaits runs to its end synchronously (the compiler only
warns, CS1998): neither is reported. For the same reason an ` + "`await`" + ` of a call,
alone in its statement, of an App method that never suspends (every C# or VB
method of that name is ` + "`async`" + ` with no await of its own) does not count: the
call runs to its end and the await goes on at once. ` + "`Task.Delay(…)`" + ` and the
framework's other ` + "`Task`" + ` methods are never the App's, whatever it names
its own. An await in one branch of an ` + "`#if`" + ` group (` + "`#if DEBUG … #else`" + `)
may not be built, so it does not count either. A deferral taken by a method ` + "`Run`" + ` calls,
or by another class ` + "`Run`" + ` hands the task instance to, counts where ` + "`Run`" + `
makes that call. For a class deriving from ` + "`XamlRenderingBackgroundTask`" + `, its
` + "`OnRun`" + ` override is its ` + "`Run`" + `.

An in-process task runs in the App's ` + "`OnBackgroundActivated`" + ` override,
which the documentation says can be treated just like ` + "`Run`" + `: a C#
` + "`async void`" + ` or VB ` + "`Async Sub`" + ` override that awaits before it calls
` + "`args.TaskInstance.GetDeferral()`" + ` is reported too. An override that hands
` + "`args`" + ` or ` + "`args.TaskInstance`" + ` to other code before or at its first await
(` + "`await ActivationService.ActivateAsync(args)`" + `, a base call, a field) is
left alone: that code may take the deferral.

**Why it fails.** The host considers the task finished as soon as ` + "`Run`" + `
returns. An async ` + "`Run`" + ` returns at its first await, so the host may suspend
or end the process while your work is still running: downloads stop half
way, files are left half written, and nothing is logged — the task just
"sometimes does not finish". A deferral tells the host to keep the task
alive until you call ` + "`Complete()`" + `.

**Bad (C#)**

` + "```csharp" + `
public async void Run(IBackgroundTaskInstance taskInstance)
{
    await SyncAsync();          // Run has returned here
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
    co_await SyncAsync();
}
` + "```" + `

**Good (C++/WinRT)**

` + "```cpp" + `
winrt::fire_and_forget SyncTask::Run(IBackgroundTaskInstance taskInstance)
{
    auto deferral = taskInstance.GetDeferral();
    co_await SyncAsync();
    deferral.Complete();
}
` + "```" + `

**Bad (C#): a timer started without a deferral**

` + "```csharp" + `
public void Run(IBackgroundTaskInstance taskInstance)
{
    _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
}   // Run returns: the task is over before OnTick runs
` + "```" + `

**Good (C#)**

` + "```csharp" + `
public void Run(IBackgroundTaskInstance taskInstance)
{
    _deferral = taskInstance.GetDeferral();
    _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
}

private void OnTick(ThreadPoolTimer timer)
{
    // … the work …
    _deferral.Complete();
}
` + "```" + `

**Bad (C#): the deferral completed before the work it should cover**

` + "```csharp" + `
public void Run(IBackgroundTaskInstance taskInstance)
{
    var deferral = taskInstance.GetDeferral();
    ShowReminderAsync();    // async void: returns at its first await
    deferral.Complete();    // the task may end here
}
` + "```" + `

**Good (C#)**: make the method return a ` + "`Task`" + `, and ` + "`await`" + ` it in an
` + "`async void Run`" + ` before ` + "`deferral.Complete()`" + `.

**Bad (C#): an in-process task**

` + "```csharp" + `
protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args)
{
    await RefreshTileAsync();   // the override has returned here
}
` + "```" + `

**Good (C#)**

` + "```csharp" + `
protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args)
{
    var deferral = args.TaskInstance.GetDeferral();
    try { await RefreshTileAsync(); }
    finally { deferral.Complete(); }
}
` + "```" + `

**How to fix.** Take the deferral as the first statement of ` + "`Run`" + ` and
complete it when all work is done, in a ` + "`finally`" + ` block so that failures
complete it too.
`,
}

// startsOnly reports a Run that does not await and starts asynchronous work.
func startsOnly(ri runInfo) bool {
	return ri.AsyncStart.IsValid() && ri.AsyncPos == ri.AsyncStart
}

func (asyncRunWithoutDeferral) Meta() Meta { return metaBG205 }

func (asyncRunWithoutDeferral) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	groups := classGroups(c.Facts)
	entries := entryNameSet(entryPoints(c))
	var out []Finding
	for _, g := range sortedGroups(groups) {
		if !g.isTaskClass(groups, entries) {
			continue
		}
		ri := g.run()
		if ri.IsAsync && startsOnly(ri) && ri.CompletedEarly.IsValid() {
			f := AtCode(metaBG205, ri.CompletedEarly, "%s.Run completes its deferral right after starting asynchronous work it does not wait for; the task can be ended before that work is done", g.Name)
			f.Related = []Related{RelatedCode(ri.AsyncStart, "asynchronous work started here")}
			out = append(out, f)
			continue
		}
		if !ri.IsAsync || deferralTakenInTime(ri) {
			continue
		}
		at := ri.RunPos
		if !at.IsValid() {
			at = ri.AsyncPos
		}
		if !at.IsValid() {
			continue
		}
		var f Finding
		if startsOnly(ri) {
			f = AtCode(metaBG205, at, "%s.Run starts asynchronous work and returns without calling GetDeferral(); the task can be ended before that work is done", g.Name)
			f.Related = []Related{RelatedCode(ri.AsyncStart, "asynchronous work started here")}
		} else {
			f = AtCode(metaBG205, at, "%s.Run is asynchronous but does not call GetDeferral() before its first await; the task can be ended while the work is still running", g.Name)
			if ri.AsyncPos.IsValid() && ri.AsyncPos != at {
				f.Related = []Related{RelatedCode(ri.AsyncPos, "first await here")}
			}
		}
		out = append(out, f)
	}
	for _, h := range c.Facts.InProcessHandlers {
		ri := runInfo{RunPos: h.Pos, RunEnd: h.End, IsAsync: h.AsyncPos.IsValid(), AsyncPos: h.AsyncPos, Gets: h.DeferralGet, Maybe: h.DeferralMaybe}
		if !ri.IsAsync || deferralTakenInTime(ri) || !h.Pos.IsValid() {
			continue
		}
		f := AtCode(metaBG205, h.Pos, "%s is asynchronous but does not call args.TaskInstance.GetDeferral() before its first await; the in-process task can be ended while the work is still running", h.Name)
		f.Related = []Related{RelatedCode(h.AsyncPos, "first await here")}
		out = append(out, f)
	}
	return out
}

// deferralTakenInTime reports whether some GetDeferral() call may run before
// the first await. Only a call inside Run after the first await is late;
// every other call gets the benefit of the doubt: one in another file
// (another part of a partial class), one past the end of Run (a method Run
// calls, which may run before the await), and any call when the first await
// is not known (the scanner reports Run's own position then).
//
// Run that does not await but starts work it does not wait for (a timer,
// Task.Run) returns at its end: a deferral taken anywhere in it is in
// time. A call that hands the task instance to code that may take the
// deferral counts like a GetDeferral() there.
func deferralTakenInTime(ri runInfo) bool {
	awaitKnown := ri.AsyncPos.IsValid() && ri.AsyncPos != ri.RunPos && !startsOnly(ri)
	for _, g := range append(append([]registration.Pos{}, ri.Gets...), ri.Maybe...) {
		switch {
		case !awaitKnown, g.File != ri.AsyncPos.File, !posBefore(ri.AsyncPos, g):
			// At the first await itself: the awaited call takes the
			// deferral before the await suspends (`await RunAsync(i)`).
			return true
		case ri.RunEnd.IsValid() && ri.RunEnd.File == g.File && posBefore(ri.RunEnd, g):
			return true
		}
	}
	return false
}
