package rules

import "github.com/bgmanifest/bgmanifest/registration"

func init() { Register(registerWithoutAccessRequest{}) }

type registerWithoutAccessRequest struct{}

var metaBG207 = Meta{
	ID:        "BG207",
	Name:      "register-without-access-request",
	Severity:  Warning,
	Summary:   "the App registers tasks and never calls BackgroundExecutionManager.RequestAccessAsync",
	NeedsCode: true,
	Doc: `# BG207 register-without-access-request

**What it finds.** The App calls ` + "`BackgroundTaskBuilder.Register()`" + ` but none
of its sources calls ` + "`BackgroundExecutionManager.RequestAccessAsync`" + ` (or
` + "`RequestAccessKindAsync`" + `). Reported once per App, at the first
` + "`Register()`" + ` call. A call whose result is discarded (a statement of its own:
not awaited, no ` + "`.get()`" + `, ` + "`.then`" + `, ` + "`.AsTask()`" + ` or ` + "`.GetResults()`" + `, not
assigned, returned or passed on) does not count: the app neither waits for
the request nor learns its answer. Registrations made with the Windows App SDK's
` + "`Microsoft.Windows.ApplicationModel.Background.BackgroundTaskBuilder`" + ` are
left out: its documentation does not say whether the call is needed there,
and the rule reports only what is documented. So are the tasks of a
` + "`BackgroundTransferCompletionGroup`" + `, which the system creates and removes
with the transfer group.

**Why it fails.** Windows documents ` + "`RequestAccessAsync`" + ` as mandatory before
registering any background task (it no longer shows a prompt on Windows
10, but it still grants the app background access). Without it the app
relies on access it never asked for: depending on the Windows version, the
device and its background policies, ` + "`Register()`" + ` fails with an exception
or the task is registered and never triggered — a bug that tends to show
only on some users' machines.

**Bad (C#)**

` + "```csharp" + `
var builder = new BackgroundTaskBuilder { Name = "Sync", TaskEntryPoint = "Tasks.SyncTask" };
builder.SetTrigger(new TimeTrigger(15, false));
builder.Register();
` + "```" + `

**Good (C#)**

` + "```csharp" + `
var status = await BackgroundExecutionManager.RequestAccessAsync();
if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
    return;
var builder = new BackgroundTaskBuilder { Name = "Sync", TaskEntryPoint = "Tasks.SyncTask" };
builder.SetTrigger(new TimeTrigger(15, false));
builder.Register();
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
BackgroundTaskBuilder builder;
builder.Name(L"Sync");
builder.TaskEntryPoint(L"Tasks.SyncTask");
builder.SetTrigger(TimeTrigger(15, false));
builder.Register();
` + "```" + `

**Good (C++/WinRT)**: ` + "`co_await BackgroundExecutionManager::RequestAccessAsync();`" + `
and check the status before building the task.

**How to fix.** Await ` + "`BackgroundExecutionManager.RequestAccessAsync()`" + ` before
the first registration (for example at start-up), check the returned
` + "`BackgroundAccessStatus`" + `, and register only when access is allowed. After an
app update, call ` + "`RemoveAccess()`" + ` and request access again.
`,
}

func (registerWithoutAccessRequest) Meta() Meta { return metaBG207 }

func (registerWithoutAccessRequest) Check(c *Context) []Finding {
	if c.Facts == nil || len(c.Facts.AccessRequests) > 0 {
		return nil
	}
	calls := registerCalls(c.Facts, func(r *registration.Registration) bool { return !r.WinAppSDK && !systemManaged(r) })
	if len(calls) == 0 {
		return nil
	}
	first := calls[0]
	if len(c.Facts.DiscardedAccessRequests) > 0 {
		f := AtCode(metaBG207, first.Pos,
			"background tasks are registered but the app discards the result of BackgroundExecutionManager.RequestAccessAsync(): it neither waits for the request nor checks the status before Register(); await it (C++/WinRT co_await or .get(), JavaScript .then) and register only when access is allowed")
		for _, p := range c.Facts.DiscardedAccessRequests {
			f.Related = append(f.Related, RelatedCode(p, "RequestAccessAsync() is called here and its result is discarded"))
		}
		return []Finding{f}
	}
	return []Finding{AtCode(metaBG207, first.Pos,
		"background tasks are registered but the app never calls BackgroundExecutionManager.RequestAccessAsync(); call it and check the status before Register()")}
}
