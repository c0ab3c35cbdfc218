package rules

import (
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG106 = Meta{
	ID:        "BG106",
	Name:      "in-process-without-handler",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "an in-process registration (no TaskEntryPoint) in an App that never handles OnBackgroundActivated, or with a trigger that cannot run in-process",
	Doc: "# BG106 in-process-without-handler\n\n" +
		"## What it finds\n\n" +
		"A `BackgroundTaskBuilder` registered without `TaskEntryPoint` and without `SetTaskEntryPointClsid`: the " +
		"single-process model, where the app object itself runs the task in `Application.OnBackgroundActivated`. The " +
		"rule reports it when\n\n" +
		"- no source of the App overrides or handles `OnBackgroundActivated` (in JavaScript, the `backgroundactivated` " +
		"event), or\n" +
		"- the trigger is `DeviceUseTrigger` or `DeviceServicingTrigger`, which the platform only runs out of process.\n\n" +
		"A source file that spells `OnBackgroundActivated` (or `backgroundactivated`) anywhere counts as a handler, " +
		"so an override the scanner could not parse does not cause a report.\n\n" +
		"The finding points at the builder's creation; when one builder is reused for several tasks, at each task's " +
		"`Register()` call.\n\n" +
		"A package whose manifest declares no `<Application>` (a framework or resource package) is not judged: its " +
		"code runs in the process of the app that calls it and registers tasks for that app, under that app's manifest.\n\n" +
		"## Why it fails\n\n" +
		"`Register()` succeeds, because an in-process task needs no manifest declaration. When the trigger fires, the " +
		"app is activated in the background and the task is handed to `OnBackgroundActivated`; the default " +
		"implementation does nothing, so the task silently never does its work. Device-use and device-servicing tasks " +
		"cannot be delivered in-process at all: registration fails.\n\n" +
		"## Bad\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"refresh\" }; // no TaskEntryPoint\n" +
		"builder.SetTrigger(new TimeTrigger(30, false));\nbuilder.Register();\n// ... and App has no OnBackgroundActivated override\n```\n\n" +
		"```cpp\nBackgroundTaskBuilder builder;\nbuilder.Name(L\"refresh\");\nbuilder.SetTrigger(TimeTrigger(30, false));\n" +
		"builder.Register(); // App never overrides OnBackgroundActivated\n```\n\n" +
		"## Good\n\n" +
		"```csharp\nprotected override void OnBackgroundActivated(BackgroundActivatedEventArgs args)\n{\n" +
		"    base.OnBackgroundActivated(args);\n    var deferral = args.TaskInstance.GetDeferral();\n" +
		"    // do the work, then\n    deferral.Complete();\n}\n```\n\n" +
		"```cpp\nvoid App::OnBackgroundActivated(BackgroundActivatedEventArgs const& args)\n{\n" +
		"    auto deferral = args.TaskInstance().GetDeferral();\n    // do the work, then\n    deferral.Complete();\n}\n```\n\n" +
		"For a `DeviceUseTrigger`, set `TaskEntryPoint` to an out-of-process task class and declare it:\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SensorTask\">\n" +
		"  <BackgroundTasks><Task Type=\"deviceUse\"/></BackgroundTasks>\n</Extension>\n```\n\n" +
		"## How to fix\n\n" +
		"Override `OnBackgroundActivated` in the `Application` class, or make the task out-of-process: set " +
		"`TaskEntryPoint` to the task class and declare it in the manifest.\n",
}

type inProcessWithoutHandler struct{}

func init() { Register(inProcessWithoutHandler{}) }

func (inProcessWithoutHandler) Meta() Meta { return metaBG106 }

func (inProcessWithoutHandler) Check(c *Context) []Finding {
	if c == nil || c.Facts == nil {
		return nil
	}
	// a source file the App's projects list and the checkout lacks may
	// hold the override
	hasHandler := len(c.Facts.BackgroundActivated) > 0 || !sourcesComplete(c)
	var out []Finding
	for _, r := range ownRegistrations(c) {
		if r.EntryPointSet || r.CLSIDSet || r.WinAppSDK {
			continue
		}
		if t := bg106OutOfProcessOnly(r); t != nil {
			class := platform.SimpleTriggerName(t.Class)
			f := AtCode(metaBG106, registrationPos(c.Facts, r), "%s is registered in-process (no TaskEntryPoint) with %s, which cannot run in-process; "+
				"Register() fails. Set TaskEntryPoint to an out-of-process task class and declare it with <Task Type=\"%s\"/> in the manifest",
				taskLabel(r), class, bg106TypeOf(class))
			if t.Pos.IsValid() && len(r.Via) == 0 {
				f.Related = append(f.Related, RelatedCode(t.Pos, class+" is set here"))
			}
			out = append(out, f)
			continue
		}
		if hasHandler {
			continue
		}
		// The scanner may not have parsed the handler (an unusual
		// declaration); code that spells it is enough to stay silent.
		if c.Facts.HandlerMentioned {
			continue
		}
		out = append(out, AtCode(metaBG106, registrationPos(c.Facts, r), "%s is registered in-process (no TaskEntryPoint), but the app never "+
			"overrides Application.OnBackgroundActivated, so the task is delivered to the default handler and never does "+
			"its work; override OnBackgroundActivated or set TaskEntryPoint to an out-of-process task class", taskLabel(r)))
	}
	return out
}

// bg106OutOfProcessOnly returns the registration's first trigger that the
// platform cannot deliver in-process.
func bg106OutOfProcessOnly(r *registration.Registration) *registration.Trigger {
	for i := range r.Triggers {
		t := &r.Triggers[i]
		if t.Resolved && t.Class != "" && !platform.TriggerInProcessAllowed(t.Class) {
			return t
		}
	}
	return nil
}

func bg106TypeOf(class string) string {
	if info, ok := platform.TriggerTaskTypes(class); ok {
		return info.Accepted[0]
	}
	if class == "DeviceServicingTrigger" {
		return "deviceServicing"
	}
	return "general"
}
