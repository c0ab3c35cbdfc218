package rules

func init() { Register(deferralCompletedNotTaken{}) }

type deferralCompletedNotTaken struct{}

var metaBG211 = Meta{
	ID:        "BG211",
	Name:      "deferral-completed-not-taken",
	Severity:  Error,
	Summary:   "Complete() on a deferral variable or field that is never assigned from GetDeferral()",
	NeedsCode: true,
	Doc: `# BG211 deferral-completed-not-taken

**What it finds.** A background task class calls ` + "`Complete()`" + ` on a variable
or field declared as a ` + "`BackgroundTaskDeferral`" + ` that nothing in the App
assigns: no ` + "`x = taskInstance.GetDeferral()`" + `, only its declaration (or
assignments of ` + "`null`" + `). The usual story: ` + "`Run`" + ` starts a ` + "`ThreadPoolTimer`" + `
or some other work, the callback completes ` + "`_deferral`" + ` when it is done, and
the line that takes the deferral was never written, or was lost in an edit.

The rule stays silent when the name may get a value somewhere the scanner
cannot judge: it is assigned anything other than ` + "`GetDeferral()`" + ` or null
(a parameter, another variable, a method's result), passed by reference
(` + "`ref`" + `, ` + "`out`" + `, a VB argument, which may be ` + "`ByRef`" + `, a C++ argument,
which may be a reference), or its declaration is not in the class's
files (a base class may set it).

**Why it fails.** The field is null when the callback runs: ` + "`Complete()`" + `
throws a ` + "`NullReferenceException`" + ` (C++/WinRT: a null pointer call; C++/CX:
a ` + "`Platform::NullReferenceException`" + `), on a thread-pool thread, which ends
the process. With ` + "`_deferral?.Complete()`" + ` nothing throws, but nothing was
ever deferred either. Either way the task was never kept alive: ` + "`Run`" + `
returned, the host considered the task finished and may suspend or end the
process before the callback runs at all.

**Bad (C#)**

` + "```csharp" + `
public sealed class SyncTask : IBackgroundTask
{
    private BackgroundTaskDeferral _deferral;
    private ThreadPoolTimer _timer;

    public void Run(IBackgroundTaskInstance taskInstance)
    {
        _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
    }

    private void OnTick(ThreadPoolTimer timer)
    {
        Sync();
        _deferral.Complete();   // _deferral is null
    }
}
` + "```" + `

**Good (C#)**

` + "```csharp" + `
public void Run(IBackgroundTaskInstance taskInstance)
{
    _deferral = taskInstance.GetDeferral();
    _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
}
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
struct SyncTask : SyncTaskT<SyncTask>
{
    void Run(IBackgroundTaskInstance const& taskInstance)
    {
        m_timer = ThreadPoolTimer::CreateTimer({ this, &SyncTask::OnTick }, 5s);
    }
    void OnTick(ThreadPoolTimer const&)
    {
        m_deferral.Complete();   // m_deferral is still nullptr
    }
    BackgroundTaskDeferral m_deferral{ nullptr };
    ThreadPoolTimer m_timer{ nullptr };
};
` + "```" + `

**Good (C++/WinRT)**: take it first in ` + "`Run`" + `:
` + "`m_deferral = taskInstance.GetDeferral();`" + `.

**How to fix.** Assign the deferral from ` + "`taskInstance.GetDeferral()`" + ` in
` + "`Run`" + `, before it starts the work that completes it, and keep the ` + "`Complete()`" + `
where the work ends. If the task needs no deferral (all its work is done
before ` + "`Run`" + ` returns), remove the field and the ` + "`Complete()`" + ` call.
`,
}

func (deferralCompletedNotTaken) Meta() Meta { return metaBG211 }

func (deferralCompletedNotTaken) Check(c *Context) []Finding {
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
		for _, n := range ri.NotTaken {
			if !n.Pos.IsValid() {
				continue
			}
			f := AtCode(metaBG211, n.Pos,
				"Complete() is called on %s, which is never assigned from GetDeferral(): it is null here and %s was never deferred; assign %s = taskInstance.GetDeferral() in Run",
				n.Name, g.Name, n.Name)
			if ri.RunPos.IsValid() {
				f.Related = []Related{RelatedCode(ri.RunPos, "Run, which takes no deferral into "+n.Name)}
			}
			out = append(out, f)
		}
	}
	return out
}
