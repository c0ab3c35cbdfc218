package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

func init() { Register(duplicateTaskName{}) }

type duplicateTaskName struct{}

var metaBG210 = Meta{
	ID:        "BG210",
	Name:      "duplicate-task-name",
	Severity:  Warning,
	Summary:   "two registrations with the same task name and different entry points or triggers",
	NeedsCode: true,
	Doc: `# BG210 duplicate-task-name

**What it finds.** Two registrations in the App that use the same task
` + "`Name`" + ` but a different entry point (or CLSID, or one in-process and one
out-of-process) or a different set of triggers. The same name registered
with the same entry point and the same triggers in two code paths is the
usual "register if absent" pattern and is not reported. Nor is one task
(the same entry point, or both in-process) registered twice with triggers
of different kinds, a builder taking one trigger (a ` + "`TimeTrigger`" + ` and an
` + "`ApplicationTrigger`" + `: run periodically and on demand), when no look-up of
the name can hide one of them: there is no look-up that may find the name,
or both are registered in one method with no look-up between them.
Nor are two registrations of one task (the same entry point) that each
replace it: the method making the ` + "`Register()`" + ` call first unregisters the
tasks of that name it finds in ` + "`AllTasks`" + ` (a task that reschedules itself
through one helper, with another interval each time), so there is never
more than one.
Registrations whose name, entry point or triggers cannot be resolved statically are left out (a
trigger whose interval or system event comes from a variable still differs
from a trigger of another kind, not from one of its own kind),
and so are registrations in different source files: apps use one name as a
slot that each screen unregisters and fills with its own task (Microsoft's
Notifications sample does this), which the rule cannot tell from a clash.

**Why it fails.** Apps find their tasks by name: the
` + "`BackgroundTaskRegistration.AllTasks`" + ` check before registering, the code
that unregisters a task, the ` + "`Completed`" + ` handlers re-attached at start-up.
When two different tasks share a name, the check for one hides the other,
so one of them is never registered — or both are registered and the
unregister / progress code acts on the wrong one. Duplicate registrations
also make triggers run both tasks, so the work fires twice.

**Bad (C#)**

` + "```csharp" + `
Register("Sync", "Tasks.SyncTask", new TimeTrigger(15, false));
Register("Sync", "Tasks.UploadTask", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
` + "```" + `

**Good (C#)**

` + "```csharp" + `
Register("Sync", "Tasks.SyncTask", new TimeTrigger(15, false));
Register("Upload", "Tasks.UploadTask", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
` + "```" + `

**Bad (C#): a generic helper.** ` + "`nameof(T)`" + ` of a type parameter is the
literal "T", so every task the helper registers is called "T"; use
` + "`typeof(T).Name`" + `.

` + "```csharp" + `
static void Register<T>(IBackgroundTrigger trigger) where T : IBackgroundTask
{
    var builder = new BackgroundTaskBuilder { Name = nameof(T), TaskEntryPoint = typeof(T).FullName };
    builder.SetTrigger(trigger);
    builder.Register();
}
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
RegisterTask(L"Sync", L"Tasks.SyncTask", TimeTrigger(15, false));
RegisterTask(L"Sync", L"Tasks.SyncTask", TimeTrigger(60, false));
` + "```" + `

**Good (C++/WinRT)**: give each task its own name, or register one task
with one trigger under the name.

**How to fix.** Give every distinct task (entry point and triggers) its own
name. If the second registration is meant to replace the first, unregister
the old task by name before registering the new one, and keep one
registration site.
`,
}

func (duplicateTaskName) Meta() Meta { return metaBG210 }

func (duplicateTaskName) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	// Registrations are compared within one source file (see the doc).
	type key struct{ name, file string }
	groups := map[key][]*registration.Registration{}
	var keys []key
	for _, r := range sortedRegistrations(c.Facts) {
		if r.Unreached || !r.Name.Resolved || r.Name.Str == "" || !r.Resolved() || !r.Pos.IsValid() {
			continue
		}
		k := key{r.Name.Str, r.Pos.File}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	var out []Finding
	for _, k := range keys {
		regs, name := groups[k], k.name
		first := regs[0]
		for _, r := range regs[1:] {
			if r.Pos == first.Pos {
				continue
			}
			diff := registrationDifference(first, r)
			if diff == "" || oneTaskTwoTriggers(c.Facts, first, r, name) || replacesOneTask(first, r) {
				continue
			}
			f := AtCode(metaBG210, r.Pos, "task name %q is already used by another registration with %s", name, diff)
			f.Related = []Related{RelatedCode(first.Pos, fmt.Sprintf("first registration of %q", name))}
			out = append(out, f)
		}
	}
	return out
}

// sortedRegistrations returns the registrations in position order.
func sortedRegistrations(f *registration.Facts) []*registration.Registration {
	out := make([]*registration.Registration, 0, len(f.Registrations))
	for i := range f.Registrations {
		out = append(out, &f.Registrations[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return posLess(out[i].Pos, out[j].Pos) })
	return out
}

// registrationDifference says how b differs from a ("" when they register
// the same task): entry point first, then triggers.
func registrationDifference(a, b *registration.Registration) string {
	if ea, eb := entryKey(a), entryKey(b); ea != eb {
		return fmt.Sprintf("a different entry point (%s, here %s)", ea, eb)
	}
	if ta, tb := triggerSet(a), triggerSet(b); ta != tb {
		if (!triggersKnown(a) || !triggersKnown(b)) && triggerClasses(a) == triggerClasses(b) {
			return "" // the same kinds of trigger, with arguments not known to differ
		}
		return fmt.Sprintf("different triggers (%s, here %s)", ta, tb)
	}
	return ""
}

// oneTaskTwoTriggers reports two registrations of one task (the same
// entry point, CLSID, or both in-process) with triggers of different
// kinds, where no look-up of the name can tell them apart: a builder takes
// one trigger, so a task run both periodically and on demand (a
// TimeTrigger and an ApplicationTrigger) is registered twice, and apps
// give both the task's name and handle them as one. The check for one
// hides the other only when a look-up of the name decides whether one of
// them is registered: there is no look-up that may find the name, or both
// are registered in straight-line code of one method with no look-up
// between them (one before both finds, or clears, both alike).
func oneTaskTwoTriggers(f *registration.Facts, a, b *registration.Registration, name string) bool {
	if entryKey(a) != entryKey(b) || len(a.Triggers) == 0 || len(b.Triggers) == 0 {
		return false
	}
	for _, ta := range a.Triggers {
		for _, tb := range b.Triggers {
			if ta.Class == "" || tb.Class == "" || ta.Class == tb.Class {
				return false
			}
		}
	}
	if !lookUpFinds(f, name) {
		return true
	}
	if len(a.Via) > 0 && !a.RegisteredByCaller || len(b.Via) > 0 && !b.RegisteredByCaller || a.Pos.File != b.Pos.File {
		return false // a helper's own Register(): where it runs is its callers' business
	}
	for _, l := range f.LookUps {
		if l.Pos.File == a.Pos.File && posLess(a.Pos, l.Pos) && posLess(l.Pos, b.Pos) {
			return false
		}
	}
	return lookUpsKnown(f)
}

// replacesOneTask reports two registrations of one task (the same entry
// point) that each unregister the tasks of their name before registering:
// one task at a time, whatever its trigger. Two entry points replacing
// each other under one name still clash: one of them is lost.
func replacesOneTask(a, b *registration.Registration) bool {
	return a.ReplacesByName && b.ReplacesByName && entryKey(a) == entryKey(b)
}

// entryKey names what a registration activates.
func entryKey(r *registration.Registration) string {
	switch {
	case r.CLSIDSet:
		return "CLSID " + r.CLSID.Str
	case r.EntryPointSet:
		return r.EntryPoint.Str
	}
	return "in-process"
}

// triggersKnown reports whether every argument triggerKey compares is
// known: a TimeTrigger whose interval comes from a setting
// (new TimeTrigger(minutes, false)) could be the same task as the one
// registered with 120 minutes, or not. A different kind of trigger still
// differs (triggerClasses).
func triggersKnown(r *registration.Registration) bool {
	for _, t := range r.Triggers {
		switch {
		case t.Class == "":
			return false
		case isFreshnessTrigger(t.Class) && t.FreshnessMinutes < 0:
			return false
		case t.Class == "SystemTrigger" && t.SystemTriggerType == "":
			return false
		}
	}
	return true
}

// triggerClasses lists the kinds of the registration's triggers, sorted.
func triggerClasses(r *registration.Registration) string {
	classes := make([]string, 0, len(r.Triggers))
	for _, t := range r.Triggers {
		classes = append(classes, t.Class)
	}
	sort.Strings(classes)
	return strings.Join(classes, ",")
}

// triggerSet is a canonical description of the registration's triggers,
// order-independent.
func triggerSet(r *registration.Registration) string {
	parts := make([]string, 0, len(r.Triggers))
	for _, t := range r.Triggers {
		parts = append(parts, triggerKey(t))
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "no trigger"
	}
	return strings.Join(parts, ", ")
}

func triggerKey(t registration.Trigger) string {
	var args []string
	if t.SystemTriggerType != "" {
		args = append(args, t.SystemTriggerType)
	}
	if isFreshnessTrigger(t.Class) {
		if t.FreshnessMinutes >= 0 {
			args = append(args, fmt.Sprint(t.FreshnessMinutes))
		} else {
			args = append(args, "?") // not known: see triggersKnown
		}
	}
	if t.OneShot != nil {
		args = append(args, fmt.Sprint(*t.OneShot))
	}
	return t.Class + "(" + strings.Join(args, ", ") + ")"
}
