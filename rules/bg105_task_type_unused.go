package rules

import (
	"maps"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG105 = Meta{
	ID:        "BG105",
	Name:      "task-type-unused",
	Severity:  Info,
	NeedsCode: true,
	Summary:   "a declared task type that no registration of the entry point uses",
	Doc: "# BG105 task-type-unused\n\n" +
		"## What it finds\n\n" +
		"A `<Task Type=\"…\"/>` in a background-task extension that none of the triggers registered for that entry point " +
		"needs. For example `<Task Type=\"pushNotification\"/>` on a task that is only ever registered with a " +
		"`TimeTrigger`. Triggers that accept several types (`ApplicationTrigger`: `general`, `systemEvent` or `timer`; " +
		"`MaintenanceTrigger`: `general`, `timer` or `systemEvent`; …) count as using each of them.\n\n" +
		"The rule is silent for an entry point when one of its registrations has a trigger that could not be " +
		"resolved or whose task type is not documented, or is made by a helper function (one call site the scanner " +
		"could not bind would make a used type look unused), for an extension the system starts without a registration " +
		"(an IoT `startup`, an `audio` or a `vpnClient` task, as BG104), and for the whole App under the same conditions as BG104 " +
		"(some registration cannot be followed).\n\n" +
		"## Why it matters\n\n" +
		"Nothing fails. A type left over from an earlier trigger widens what the app asks the platform for, and can " +
		"trigger extra Store review questions (`pushNotification`, `controlChannel`, `deviceUse`); it also misleads " +
		"the next reader about what starts the task.\n\n" +
		"## Bad\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n" +
		"  <BackgroundTasks>\n    <Task Type=\"timer\"/>\n    <Task Type=\"pushNotification\"/> <!-- unused -->\n" +
		"  </BackgroundTasks>\n</Extension>\n```\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTask\" };\n" +
		"builder.SetTrigger(new TimeTrigger(30, false));\n```\n\n" +
		"```cpp\nbuilder.TaskEntryPoint(L\"Tasks.SyncTask\");\nbuilder.SetTrigger(TimeTrigger(30, false));\n```\n\n" +
		"## Good\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n" +
		"  <BackgroundTasks>\n    <Task Type=\"timer\"/>\n  </BackgroundTasks>\n</Extension>\n```\n\n" +
		"…or keep `pushNotification` and register the task for it too:\n\n" +
		"```csharp\nvar push = new BackgroundTaskBuilder { Name = \"sync-push\", TaskEntryPoint = \"Tasks.SyncTask\" };\n" +
		"push.SetTrigger(new PushNotificationTrigger());\npush.Register();\n```\n\n" +
		"```cpp\nBackgroundTaskBuilder push;\npush.TaskEntryPoint(L\"Tasks.SyncTask\");\npush.SetTrigger(PushNotificationTrigger());\npush.Register();\n```\n\n" +
		"## How to fix\n\n" +
		"Remove the unused `Task` element, or, if the task is registered with that trigger by code bgmanifest cannot " +
		"see, suppress the finding with `<!-- bgmanifest:ignore BG105 reason -->`.\n",
}

type taskTypeUnused struct{}

func init() { Register(taskTypeUnused{}) }

func (taskTypeUnused) Meta() Meta { return metaBG105 }

func (taskTypeUnused) Check(c *Context) []Finding {
	if !canSeeAllRegistrations(c) {
		return nil
	}
	var out []Finding
	for _, bt := range appExtensions(c.Manifest) {
		if !mustBeRegistered(bt) {
			continue
		}
		regs := registrationsOf(c.Facts, bt)
		used, ok := bg105UsedTypes(regs)
		if !ok {
			continue
		}
		name := declaredName(bt)
		for _, t := range bt.Tasks {
			if !bg105Checkable(t) || used[t.Type.Value] {
				continue
			}
			f := AtManifest(metaBG105, c.Manifest, attrPos(t.Type, t.Element),
				"task type \"%s\" of \"%s\" in %s is not needed by any trigger the code registers for it (%s); "+
					"remove the <Task> element unless code bgmanifest cannot see registers the task for it",
				t.Type.Value, name, manifestName(c.Manifest), bg105TriggerList(regs))
			out = append(out, f)
		}
	}
	return out
}

// bg105UsedTypes collects every task type the registrations' triggers
// accept; ok is false when there is no registration (BG104's matter), a
// registration goes through a helper, or a trigger is unresolved or has no
// documented type.
func bg105UsedTypes(regs []*registration.Registration) (map[string]bool, bool) {
	if len(regs) == 0 {
		return nil, false
	}
	used := map[string]bool{}
	for _, r := range regs {
		// Through a helper, every call site must have been bound for the
		// set of triggers to be complete; one missed call site would make a
		// used type look unused.
		if len(r.Via) > 0 {
			return nil, false
		}
		if len(r.Triggers) == 0 {
			return nil, false // the trigger was not seen; cannot judge
		}
		for _, t := range r.Triggers {
			info, ok := platform.TriggerTaskTypes(t.Class)
			if !t.Resolved || t.Class == "" || !ok {
				return nil, false
			}
			for _, a := range info.Accepted {
				used[a] = true
			}
		}
	}
	return used, true
}

// bg105Checkable reports whether a Task element is one a trigger could use:
// a known Windows 10 type (unknown values are BG003's) other than the
// system-started IoT startup task.
func bg105Checkable(t manifest.Task) bool {
	v := t.Type.Value
	if v == "" || t.Namespace == platform.NSIot {
		return false
	}
	return slices.Contains(platform.AllTaskTypes(), v)
}

func bg105TriggerList(regs []*registration.Registration) string {
	seen := map[string]bool{}
	for _, r := range regs {
		for _, t := range r.Triggers {
			seen[platform.SimpleTriggerName(t.Class)] = true
		}
	}
	names := slices.Sorted(maps.Keys(seen))
	if len(names) == 1 {
		return "registered with " + names[0] + " only"
	}
	return "registered with " + strings.Join(names, ", ")
}
