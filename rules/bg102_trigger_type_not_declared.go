package rules

import (
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG102 = Meta{
	ID:        "BG102",
	Name:      "trigger-type-not-declared",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "code registers entry point X with a trigger whose task type X's manifest extension does not declare",
	Doc: "# BG102 trigger-type-not-declared\n\n" +
		"## What it finds\n\n" +
		"An out-of-process registration whose entry point is declared in the manifest, with a trigger whose task type " +
		"is missing from that declaration's `<BackgroundTasks>`. Each trigger class needs one `Task Type`:\n\n" +
		"| trigger | task type |\n|---|---|\n" +
		"| `TimeTrigger` | `timer` |\n| `PushNotificationTrigger` | `pushNotification` |\n" +
		"| `SystemTrigger` | `systemEvent` |\n| `LocationTrigger`, `GeovisitTrigger` | `location` |\n" +
		"| Bluetooth LE watcher/publisher, `RfcommConnectionTrigger`, GATT triggers | `bluetooth` |\n" +
		"| `DeviceUseTrigger` | `deviceUse` |\n| `ControlChannelTrigger` | `controlChannel` |\n" +
		"| `ChatMessageNotificationTrigger`, `ChatMessageReceivedNotificationTrigger` | `uap:Task` `chatMessageNotification` |\n" +
		"| `PhoneTrigger` | `uap:Task` `phoneCall` |\n| `MediaProcessingTrigger` | `uap:Task` `mediaProcessing` |\n\n" +
		"These are errors. Two tolerances come from Microsoft's own samples: a `SystemTrigger` task declared only " +
		"as `general` is accepted, and so are the Windows Phone 8.1 Bluetooth types (`rfcommConnection`, " +
		"`gattCharacteristicNotification`, `bluetoothSignalStrength`) in old manifests. Some triggers are declared in more than one way by Microsoft's own documentation and samples: " +
		"`ApplicationTrigger` (`general`, also `systemEvent` or `timer`), `MaintenanceTrigger` (`general`, also `timer` or `systemEvent`), " +
		"toast, socket, cached-file, custom-system-event, device-watcher, smart-card, hotspot and background-transfer " +
		"triggers (`systemEvent` or `general`), sensor, SMS and call-blocking triggers (`general` or `systemEvent`). " +
		"For those any accepted type is enough, and a missing one is a warning. Triggers without a documented task type " +
		"(`ContentPrefetchTrigger`, `StorageLibraryContentChangedTrigger`, …) are never reported. Nor is a packaged " +
		"desktop app (one that declares `runFullTrust`) registering through the UWP builder: such apps were seen to " +
		"register an undeclared type without an exception (one calls `Register()` in its App constructor with no " +
		"`try`, and shipped), so the rule cannot say it fails there. The Windows App SDK builder is still judged.\n\n" +
		"## Why it fails\n\n" +
		"The manifest tells the platform which kinds of events may start the task. `Register()` validates the trigger " +
		"against the declared types and throws when the trigger's type is not listed, so the task is never registered " +
		"and never runs.\n\n" +
		"## Bad\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n" +
		"  <BackgroundTasks>\n    <Task Type=\"systemEvent\"/>\n  </BackgroundTasks>\n</Extension>\n```\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTask\" };\n" +
		"builder.SetTrigger(new TimeTrigger(30, false)); // needs <Task Type=\"timer\"/>\nbuilder.Register();\n```\n\n" +
		"```cpp\nBackgroundTaskBuilder builder;\nbuilder.TaskEntryPoint(L\"Tasks.SyncTask\");\n" +
		"builder.SetTrigger(TimeTrigger(30, false)); // needs <Task Type=\"timer\"/>\nbuilder.Register();\n```\n\n" +
		"## Good\n\n" +
		"Declare every type the registrations use:\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n" +
		"  <BackgroundTasks>\n    <Task Type=\"systemEvent\"/>\n    <Task Type=\"timer\"/>\n  </BackgroundTasks>\n</Extension>\n```\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTask\" };\n" +
		"builder.SetTrigger(new TimeTrigger(30, false)); // timer is declared\nbuilder.Register();\n```\n\n" +
		"```cpp\nBackgroundTaskBuilder builder;\nbuilder.TaskEntryPoint(L\"Tasks.SyncTask\");\n" +
		"builder.SetTrigger(SystemTrigger(SystemTriggerType::TimeZoneChange, false)); // systemEvent is declared\nbuilder.Register();\n```\n\n" +
		"## How to fix\n\n" +
		"Add the missing `<Task Type=\"…\"/>` to the extension that declares the entry point (the `uap:` types need the " +
		"`uap` namespace prefix the manifest binds on `<Package>`). `--fix` inserts it after the last `Task`.\n",
}

type triggerTypeNotDeclared struct{}

func init() { Register(triggerTypeNotDeclared{}) }

func (triggerTypeNotDeclared) Meta() Meta { return metaBG102 }

func (triggerTypeNotDeclared) Check(c *Context) []Finding {
	if !factsComparable(c) {
		return nil
	}
	var out []Finding
	fixed := map[*manifest.BackgroundTaskExtension]map[string]bool{}
	fullTrust := declaresCapability(c.Manifest, "runFullTrust")
	for _, r := range ownRegistrations(c) {
		var exts []*manifest.BackgroundTaskExtension
		ep := r.EntryPoint.Str
		switch {
		case outOfProcess(r) && fullTrust && !r.WinAppSDK:
			// A packaged desktop app registering through the UWP builder:
			// Register() was seen to succeed there with an undeclared
			// type (audit 32: Taskbar-Customizer registers a TimeTrigger
			// in its App constructor against a systemEvent-only
			// declaration and shipped; jlaanstra's WinAppSDK sample
			// does the same), so the rule does not claim it throws.
			continue
		case outOfProcess(r):
			exts = declaringExtensions(c.Manifest, r) // none: BG101's matter
		case r.WinAppSDK:
			// The Windows App SDK builder registers the SDK's own entry
			// point (none: BG301's matter).
			exts, ep = bg301UniversalExtensions(c.Manifest), winAppSDKEntryPoint
		}
		if len(exts) == 0 {
			continue
		}
		for j := range r.Triggers {
			t := &r.Triggers[j]
			if !t.Resolved || t.Class == "" {
				continue
			}
			info, ok := platform.TriggerTaskTypes(t.Class)
			if !ok || bg102Satisfied(exts, info) {
				continue
			}
			f := bg102Finding(c.Manifest, r, ep, t, info, exts[0])
			if f.Fix != nil {
				if fixed[exts[0]] == nil {
					fixed[exts[0]] = map[string]bool{}
				}
				if fixed[exts[0]][info.Accepted[0]] {
					f.Fix = nil // one insertion per extension and type
				}
				fixed[exts[0]][info.Accepted[0]] = true
			}
			out = append(out, f)
		}
	}
	return out
}

// bg102Satisfied reports whether any declaration of the entry point lists
// one of the trigger's accepted types.
func bg102Satisfied(exts []*manifest.BackgroundTaskExtension, info platform.TriggerInfo) bool {
	for _, bt := range exts {
		for _, t := range info.Accepted {
			if bt.HasTaskType(t) {
				return true
			}
		}
	}
	return false
}

func bg102Finding(man *manifest.Manifest, r *registration.Registration, ep string, t *registration.Trigger,
	info platform.TriggerInfo, bt *manifest.BackgroundTaskExtension) Finding {
	class := platform.SimpleTriggerName(t.Class)
	if strings.Contains(t.Class, "BackgroundTransferCompletionGroup") {
		class = "BackgroundTransferCompletionGroup.Trigger"
	}
	what := "entry point"
	if isScriptEntryPoint(r) {
		what = "script"
	}
	var msg string
	if info.Certain {
		msg = fmt.Sprintf("%s needs %s, but the windows.backgroundTasks extension for %s \"%s\" in %s does not declare it; "+
			"Register() throws and the task never runs", class, taskTypeFor(info), what, ep, manifestName(man))
	} else {
		msg = fmt.Sprintf("%s is declared by Microsoft's samples with %s, and the windows.backgroundTasks extension for %s \"%s\" in %s "+
			"declares none of them; Register() may throw", class, taskTypeFor(info), what, ep, manifestName(man))
	}
	f := AtCode(metaBG102, triggerPos(r, t), "%s", msg)
	if !info.Certain {
		f.Severity = Warning
	}
	relPos, relMsg := bt.Element.Pos, "the extension that declares the entry point"
	if bt.BackgroundTasks != nil {
		relPos, relMsg = bt.BackgroundTasks.Pos, fmt.Sprintf("add %s to this <BackgroundTasks>", taskTypeFor(platform.TriggerInfo{
			Accepted: info.Accepted[:1], Namespace: info.Namespace}))
	}
	f.Related = append(f.Related, RelatedManifest(man, relPos, relMsg))
	f.Fix = bg102Fix(man, bt, info)
	return f
}

// bg102Fix inserts the preferred task type after the extension's last Task,
// on its own line with the same indentation.
func bg102Fix(man *manifest.Manifest, bt *manifest.BackgroundTaskExtension, info platform.TriggerInfo) *Fix {
	if bt.BackgroundTasks == nil || len(bt.Tasks) == 0 {
		return nil
	}
	last := bt.Tasks[len(bt.Tasks)-1].Element
	if last.End <= 0 {
		return nil
	}
	tag, ok := taskTag(man, info.Accepted[0], info.Namespace, selfCloseStyle(man, last))
	if !ok {
		return nil
	}
	edit, ok := insertAt(man, last.End, manifestNewline(man)+last.Indent+tag)
	if !ok {
		return nil
	}
	return &Fix{
		Description: fmt.Sprintf("declare task type \"%s\" for \"%s\" in %s", info.Accepted[0], declaredName(bt), manifestName(man)),
		Edits:       []Edit{edit},
	}
}
