package rules

import (
	"strings"

	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

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
with the transfer group. In a Windows 8 or 8.1 app (a manifest in the
2010 or 2013 namespace) the call asked for a place on the lock screen, which
only the lock-screen triggers needed: there the rule looks only at
registrations with a time, push or control-channel trigger, or a
SystemTrigger for UserPresent, UserAway, SessionConnected or
ControlChannelReset. A Windows Phone 8.1 app (the same namespaces, with the
2014 phone namespace of ` + "`mp:PhoneIdentity`" + `) is judged like a Windows 10
one: the phone needs the call before any registration. The rule stays silent for an App whose projects list a
source file the checkout lacks: the request may be there.
A package whose manifest declares no ` + "`<Application>`" + ` (a framework or
resource package) is not judged: its code runs in the process of the app
that calls it and registers tasks for that app, which asks for access.

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
	if c.Facts == nil || registersForAnotherPackage(c) || len(c.Facts.AccessRequests) > 0 || !sourcesComplete(c) {
		return nil
	}
	win8 := windows8Manifest(c)
	calls := registerCalls(c.Facts, func(r *registration.Registration) bool {
		return !r.WinAppSDK && !systemManaged(r) && (!win8 || needsLockScreen(r))
	})
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

// windows8Manifest reports whether the App's manifest is a Windows 8 or
// 8.1 one (the 2010 or 2013 foundation namespace) and not a Windows Phone
// 8.1 one. There, RequestAccessAsync asked to put the app on the lock
// screen, which only the lock-screen triggers needed; an 8.1 app that
// registers a SystemTrigger for network changes without it is correct. The
// phone documents the call as needed before any registration, as Windows 10
// does.
func windows8Manifest(c *Context) bool {
	if c.Manifest == nil || c.Manifest.Root == nil {
		return false
	}
	switch c.Manifest.Root.Namespace {
	case platform.NS2010, platform.NS2013:
		return !platform.IsPhoneManifest(c.Manifest.Text)
	}
	return false
}

// needsLockScreen reports whether a registration uses a trigger that
// needed lock-screen access on Windows 8.x: time, push and control-channel
// triggers, and the system events only lock-screen apps received.
func needsLockScreen(r *registration.Registration) bool {
	for _, t := range r.Triggers {
		switch t.Class {
		case "TimeTrigger", "PushNotificationTrigger", "ControlChannelTrigger":
			return true
		case "SystemTrigger":
			switch systemTriggerType(t) {
			case "UserPresent", "UserAway", "SessionConnected", "ControlChannelReset":
				return true
			}
		}
	}
	// other triggers, and triggers not resolved: not sure, so silent
	return false
}

// systemTriggerType is the SystemTriggerType member of a SystemTrigger
// ("UserPresent"), from the fact or from its first argument's last name.
func systemTriggerType(t registration.Trigger) string {
	if t.SystemTriggerType != "" {
		return t.SystemTriggerType
	}
	if len(t.Args) == 0 {
		return ""
	}
	a := t.Args[0]
	if i := strings.LastIndexAny(a, ".:"); i >= 0 {
		a = a[i+1:]
	}
	return strings.TrimSpace(a)
}
