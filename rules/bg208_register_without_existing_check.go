package rules

import (
	"slices"

	"github.com/bgmanifest/bgmanifest/registration"
)

func init() { Register(registerWithoutExistingCheck{}) }

type registerWithoutExistingCheck struct{}

var metaBG208 = Meta{
	ID:        "BG208",
	Name:      "register-without-existing-check",
	Severity:  Warning,
	Summary:   "a Register() with no look-up of BackgroundTaskRegistration.AllTasks (or equivalent) in the App",
	NeedsCode: true,
	Doc: `# BG208 register-without-existing-check

**What it finds.** A ` + "`BackgroundTaskBuilder.Register()`" + ` call in an App whose
sources never look at the tasks already registered:
` + "`BackgroundTaskRegistration.AllTasks`" + ` (or ` + "`AllTaskGroups`" + ` / a
` + "`BackgroundTaskRegistrationGroup`" + `'s ` + "`AllTasks`" + `). One finding per
` + "`Register()`" + ` call site; a helper that registers for several callers is
reported once, at its ` + "`Register()`" + `. A look-up counts only for the task
names it compares with (` + "`t.Name == \"Sync\"`" + `, ` + "`t.Value().Name() == L\"Sync\"`" + `,
` + "`t.Name.Equals(TaskName)`" + `): a task of the App whose resolved name no look-up
compares with is reported too; ` + "`t.Name.StartsWith(\"Sync\")`" + ` finds every
name that starts so. A C# comparison that only attaches handlers to the task
it finds (` + "`if (t.Value.Name == \"Sync\") { t.Value.Completed += OnDone; }`" + `, no
` + "`else`" + `, nothing else in the branch but such statements or the call of an App
method that does only that) decides nothing and does not count. A helper that compares with its parameter finds what
its callers pass, when every call passes a value the scanner resolves. A
look-up that compares with no name (every task is unregistered) or with a
value the scanner cannot resolve (the parameter of a helper nothing calls,
a case-insensitive comparison) may find any task. A ` + "`Register()`" + ` that runs
only when a look-up found no task of another name, in code that registers
that task as well, counts as checked: an early ` + "`return`" + ` after the look-up
(` + "`if (FindTask(\"Sync\") != null) return;`" + `, a loop over ` + "`AllTasks`" + ` that returns
on the name), the block of ` + "`if (!…Any(t => t.Name == \"Sync\"))`" + ` or of a
variable that holds the look-up's result and is null, or the ` + "`else`" + ` of the
positive test, in the same method, with the looked-up task registered there
unconditionally: a later run stops at the look-up. When other code of the
App unregisters the looked-up task by name, that no longer holds, and the
Register() is judged by its own name. When a look-up compares with a
name that no registration uses, BG212 reports the mismatch instead. Tasks triggered by a
` + "`BackgroundTransferCompletionGroup`" + ` are left out: each belongs to one
transfer group and the system removes it when it fires. So are
registrations whose every trigger is a one-shot ` + "`TimeTrigger`" + ` or
` + "`MaintenanceTrigger`" + ` (` + "`oneShot`" + ` true): each copy fires once, at
its own time, counted from its own registration, as in one task per
scheduled item whose ` + "`TaskId`" + ` the app keeps (the copies of a one-shot
` + "`SystemTrigger`" + ` all fire on the same event, and are reported). So are the
registrations of the Windows Community Toolkit's
` + "`BackgroundTaskHelper.Register`" + `, which looks the task up itself.
The rule stays silent for an App whose projects list a source file the
checkout lacks: the look-up may be there.

**Why it fails.** Registrations persist across app launches, and
` + "`Register()`" + ` does not replace a task of the same name: it adds another one.
Code that registers at every start-up therefore piles up duplicate
registrations; each trigger then runs the task once per copy — the task
fires twice (or ten times), does its work concurrently with itself and uses
up the background budget.

**Bad (C#)**

` + "```csharp" + `
var builder = new BackgroundTaskBuilder { Name = "Sync", TaskEntryPoint = "Tasks.SyncTask" };
builder.SetTrigger(new TimeTrigger(15, false));
builder.Register();
` + "```" + `

**Good (C#)**

` + "```csharp" + `
if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Sync"))
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

**Good (C++/WinRT)**: loop over ` + "`BackgroundTaskRegistration::AllTasks()`" + ` first
and return when a task with ` + "`Name() == L\"Sync\"`" + ` exists (or unregister it
before registering a new version).

**How to fix.** Before registering, look the task up by name in
` + "`BackgroundTaskRegistration.AllTasks`" + ` and either skip the registration or
` + "`Unregister`" + ` the old one first.
`,
}

func (registerWithoutExistingCheck) Meta() Meta { return metaBG208 }

func (registerWithoutExistingCheck) Check(c *Context) []Finding {
	if c.Facts == nil || registersForAnotherPackage(c) || !sourcesComplete(c) {
		return nil
	}
	mismatched := map[string]bool{} // BG212 reports these
	for _, m := range lookUpNameMismatches(c.Facts) {
		mismatched[m.Registered.Name.Str] = true
	}
	var out []Finding
	for _, call := range registerCalls(c.Facts, func(r *registration.Registration) bool {
		return !systemManaged(r) && !oneShotOnly(r) && !r.ChecksExisting && r.SkippedWhenFound == ""
	}) {
		if len(c.Facts.ExistingChecks) == 0 {
			out = append(out, AtCode(metaBG208, call.Pos,
				"%s is registered without checking BackgroundTaskRegistration.AllTasks first; every run adds another registration and the task fires once per copy", call.taskName()))
			continue
		}
		if name, ok := bg208Unchecked(c.Facts, call); ok && !mismatched[name] {
			if at, found := handlerOnlyLookUp(c.Facts, name); found {
				f := AtCode(metaBG208, call.Pos,
					"background task \"%s\" is registered whether or not the look-up of BackgroundTaskRegistration.AllTasks finds it: that look-up only attaches handlers to the task it finds; every run adds another registration and the task fires once per copy", name)
				f.Related = append(f.Related, RelatedCode(at, "the look-up that finds the task and goes on"))
				out = append(out, f)
				continue
			}
			out = append(out, AtCode(metaBG208, call.Pos,
				"background task \"%s\" is registered, but no look-up of BackgroundTaskRegistration.AllTasks compares with that name; every run adds another registration and the task fires once per copy", name))
		}
	}
	return out
}

// handlerOnlyLookUp finds a look-up that compares with name only to attach
// handlers (LookUp.HandlerOnly).
func handlerOnlyLookUp(f *registration.Facts, name string) (registration.Pos, bool) {
	for _, l := range f.LookUps {
		if slices.Contains(l.HandlerOnly, name) {
			return l.Pos, true
		}
	}
	return registration.Pos{}, false
}

// bg208Unchecked returns the name a Register() call registers when every
// registration through it has that one resolved name and no look-up of
// the App may find it.
func bg208Unchecked(f *registration.Facts, call regCall) (string, bool) {
	name := ""
	for _, r := range call.Regs {
		if !r.Name.Resolved || r.Name.Str == "" || (name != "" && r.Name.Str != name) {
			return "", false
		}
		name = r.Name.Str
	}
	if name == "" || lookUpFinds(f, name) {
		return "", false
	}
	return name, true
}
