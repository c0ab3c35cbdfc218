package rules

import (
	"fmt"
	"slices"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG104 = Meta{
	ID:        "BG104",
	Name:      "declaration-unused",
	Severity:  Warning,
	NeedsCode: true,
	Summary:   "the manifest declares background task X and no code registers it",
	Doc: "# BG104 declaration-unused\n\n" +
		"## What it finds\n\n" +
		"A `windows.backgroundTasks` extension whose `EntryPoint` (or JavaScript `StartPage`) no `BackgroundTaskBuilder` " +
		"in the App's sources uses as its `TaskEntryPoint`.\n\n" +
		"The rule stays silent for the whole App when it cannot see every registration: an entry point computed at run " +
		"time, a helper whose arguments could not be followed, a source file the scanner could not read, or no " +
		"registration found at all (registration done by a library). It never reports extensions without their own " +
		"`EntryPoint` (the in-process model), extensions with an IoT `startup` task (started at boot), an `audio` task " +
		"(started when the app first uses `BackgroundMediaPlayer.Current`) or a `uap:Task vpnClient` (started by the VPN " +
		"platform), and the Windows App SDK's " +
		"`UniversalBGTask.Task`, and it stays silent when code still spells the entry point (a string literal, a " +
		"constant or macro that code uses, `typeof(Class)`, `nameof(Class)`, `winrt::name_of<Class>()`): the " +
		"registration is then somewhere the scanner could not follow. A comment, code that `#if false` / `#if 0` " +
		"leaves out, a constant nothing uses and a helper nobody calls are not registrations: a call deleted or " +
		"commented out while the manifest kept the declaration is reported. Neither is a registration in a method only " +
		"its assembly can call (C# `private` or `internal`, Visual Basic `Private` or `Friend`) that nothing names (no call, delegate, string or XAML attribute), nor what that method spells: the " +
		"finding then points at it.\n\n" +
		"## Why it matters\n\n" +
		"Nothing fails at run time: the task simply never runs. The usual cause is a rename — the code registers " +
		"`Tasks.SyncTask2` (reported by BG101) while the manifest still declares `Tasks.SyncTask` — or a task that was " +
		"removed from the code but not from the manifest. A stale declaration also makes Store certification ask for " +
		"a class that may no longer exist.\n\n" +
		"## Bad\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">…</Extension>\n" +
		"<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.OldCleanupTask\">…</Extension>\n```\n\n" +
		"```csharp\nnew BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTask\" } // OldCleanupTask: never registered\n```\n\n" +
		"```cpp\nbuilder.TaskEntryPoint(L\"Tasks.SyncTask\"); // Tasks.OldCleanupTask is never registered\n```\n\n" +
		"## Good\n\n" +
		"Every declared entry point is registered somewhere (or its extension is removed):\n\n" +
		"```csharp\nnew BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTask\" }      // + SetTrigger, Register\n" +
		"new BackgroundTaskBuilder { Name = \"cleanup\", TaskEntryPoint = \"Tasks.OldCleanupTask\" } // + SetTrigger, Register\n```\n\n" +
		"```cpp\nsync.TaskEntryPoint(L\"Tasks.SyncTask\");\ncleanup.TaskEntryPoint(L\"Tasks.OldCleanupTask\");\n```\n\n" +
		"## How to fix\n\n" +
		"Remove the extension, or register the task (check the spelling against BG101's findings). If the task is " +
		"registered by code bgmanifest cannot see, suppress the finding with `<!-- bgmanifest:ignore BG104 reason -->`.\n",
}

type declarationUnused struct{}

func init() { Register(declarationUnused{}) }

func (declarationUnused) Meta() Meta { return metaBG104 }

func (declarationUnused) Check(c *Context) []Finding {
	if !canSeeAllRegistrations(c) {
		return nil
	}
	var out []Finding
	for _, bt := range appExtensions(c.Manifest) {
		regs := registrationsOf(c.Facts, bt)
		var dead *registration.Registration // a registration that never runs
		if len(regs) > 0 && !slices.ContainsFunc(regs, func(r *registration.Registration) bool { return !r.Unreached }) {
			dead = regs[0]
		}
		if !mustBeRegistered(bt) || len(regs) > 0 && dead == nil {
			continue
		}
		if bg301IsNearMiss(bt) && registersWinAppSDKTask(c) {
			continue // a misspelt UniversalBGTask.Task: BG301 says so
		}
		what, name, attr := "EntryPoint", bt.EntryPoint.Value, bt.EntryPoint
		if !bt.EntryPoint.Present {
			what, name, attr = "StartPage", bt.StartPage.Value, bt.StartPage
		}
		if c.Facts.IsMentioned(name) {
			continue // named in code the scanner could not follow
		}
		if bt.EntryPoint.Present && registersScriptNamed(c.Facts, name) {
			// a JavaScript task's script path written as its EntryPoint
			// (audit 31: PSO2-Event-Schedule): the code does register it;
			// BG006 and BG101 say what is wrong
			continue
		}
		if dead != nil {
			f := AtManifest(metaBG104, c.Manifest, attrPos(attr, bt.Element), "%s declares the background task %s \"%s\", "+
				"but the only code that registers it is in a method that nothing calls, so it never runs", manifestName(c.Manifest), what, name)
			f.Related = append(f.Related, RelatedCode(registrationPos(c.Facts, dead), "registered here, in a method nothing calls"))
			out = append(out, f)
			continue
		}
		msg := fmt.Sprintf("%s declares the background task %s \"%s\", but no code registers it "+
			"(no BackgroundTaskBuilder sets TaskEntryPoint to \"%s\"), so it never runs", manifestName(c.Manifest), what, name, name)
		if near := bg104NearRegistration(c.Manifest, c.Facts, name); near != nil {
			msg += fmt.Sprintf("; the code registers \"%s\" instead", near.EntryPoint.Str)
			f := AtManifest(metaBG104, c.Manifest, attrPos(attr, bt.Element), "%s", msg)
			f.Related = append(f.Related, RelatedCode(entryPointPos(near), fmt.Sprintf("registered as \"%s\" here", near.EntryPoint.Str)))
			out = append(out, f)
			continue
		}
		out = append(out, AtManifest(metaBG104, c.Manifest, attrPos(attr, bt.Element), "%s", msg))
	}
	return out
}

// bg104NearRegistration finds an undeclared registered entry point close to
// the declared one: the other half of a BG101 finding.
func bg104NearRegistration(man *manifest.Manifest, f *registration.Facts, declared string) *registration.Registration {
	var names []string
	byName := map[string]*registration.Registration{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if r.Discarded || !outOfProcess(r) || isScriptEntryPoint(r) || len(declaringExtensions(man, r)) > 0 {
			continue
		}
		if _, ok := byName[r.EntryPoint.Str]; !ok {
			byName[r.EntryPoint.Str] = r
			names = append(names, r.EntryPoint.Str)
		}
	}
	m, ok := nearestName(declared, names, nil)
	if !ok || m.Kind == missSpelling && editDistance(declared, m.Name) > 3 {
		return nil
	}
	return byName[m.Name]
}

// registersScriptNamed reports a registration whose entry point is the
// script path p (compared as package paths).
func registersScriptNamed(f *registration.Facts, p string) bool {
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if !r.Discarded && r.EntryPoint.Resolved && isScriptEntryPoint(r) && normPackagePath(r.EntryPoint.Str) == normPackagePath(p) {
			return true
		}
	}
	return false
}
