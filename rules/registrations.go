package rules

import (
	"slices"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// What the App's registrations can tell: whether they can be compared with
// the manifest at all, which belong to this App, which name a declaration,
// and the Register() calls they go through.

// factsComparable reports whether the manifest and the code facts can be
// compared: a manifest that could not be read fully would make every
// comparison lie.
func factsComparable(c *Context) bool {
	return c != nil && c.Manifest != nil && c.Facts != nil && len(c.Manifest.Problems) == 0
}

// registrationsUncertain reports whether some registration of the App
// could not be followed, so "nobody registers X" is not a safe statement: an entry point
// or CLSID computed at run time, a helper whose arguments could not be
// bound, or a source file the scanner could not read to the end.
func registrationsUncertain(f *registration.Facts) bool {
	if len(f.Notes) > 0 {
		return true
	}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if r.Discarded {
			continue // dead code: whatever it names, it registers nothing
		}
		if r.EntryPointSet && !r.EntryPoint.Resolved {
			return true
		}
		if r.CLSIDSet && !r.CLSID.Resolved {
			return true
		}
		if len(r.Via) > 0 && !r.Resolved() {
			return true
		}
	}
	return false
}

// ownRegistrations returns the registrations that belong to the App's own
// manifest. When the manifest's project is itself an app (not a packaging
// project), a registration in another app project it references — a UWP
// unit-test app referencing the app under test — registers tasks of that
// other app's manifest, not of this one. Guarded registrations (in code a
// project's own #if symbol turns on) are left out: what is wrong with them
// is not reported, since the code may never be built.
func ownRegistrations(c *Context) []*registration.Registration {
	if registersForAnotherPackage(c) {
		return nil
	}
	out := make([]*registration.Registration, 0, len(c.Facts.Registrations))
	foreign := foreignAppFiles(c)
	for i := range c.Facts.Registrations {
		r := &c.Facts.Registrations[i]
		if !foreign[r.Pos.File] && !r.MayNotRun() {
			out = append(out, r)
		}
	}
	return out
}

// registersForAnotherPackage reports whether the manifest declares no
// <Application>: a framework package (<Framework>true</Framework>), a
// resource package, an optional package without apps. Such a package has
// no process of its own: its code runs in the process of an app of
// another package, and BackgroundTaskBuilder.Register(),
// RequestAccessAsync() and the AllTasks look-up there act for that app,
// under that app's manifest, with that app's OnBackgroundActivated. So the
// registrations in its code are compared with no manifest and no other
// code here: whether their entry points, triggers and CLSIDs are declared
// (BG101, BG102, BG107, BG213, BG301, BG302), whether the app handles
// in-process tasks (BG106), asks for access (BG207) or looks its tasks up
// (BG208) is the consuming app's matter. What the code alone decides
// (BG209, BG210, BG212, the task-class rules) is still judged.
func registersForAnotherPackage(c *Context) bool {
	return c != nil && c.Manifest != nil && len(c.Manifest.Problems) == 0 && len(c.Manifest.Applications) == 0
}

// foreignAppFiles are the source files of app projects other than the one
// that owns the manifest, and of the projects the App reaches only through
// one of them (a unit-test host that references the app it tests carries
// that app's libraries too, which run under the app's own manifest); empty
// when the owner is a packaging project, which ships them.
func foreignAppFiles(c *Context) map[string]bool {
	out := map[string]bool{}
	if c.App == nil || c.App.Project == "" {
		return out
	}
	// A packaging project ships the app projects it references under its
	// own manifest; any other owner (an app, or a unit-test host whose
	// project is a library with a manifest) does not.
	if own := c.App.ProjectOf(c.App.Project); own == nil || own.Kind == workspace.KindPackaging {
		return out
	}
	own := ownProjects(c.App)
	for _, src := range c.App.Sources {
		if src.Project == "" || own[src.Project] {
			continue
		}
		if p := c.App.ProjectOf(src.Project); p != nil {
			out[src.Path] = true
		}
	}
	return out
}

// ownProjects are the App's own project and the projects it reaches
// through references without passing through another app project.
func ownProjects(app *workspace.App) map[string]bool {
	own := map[string]bool{app.Project: true}
	queue := []string{app.Project}
	for len(queue) > 0 {
		p := app.ProjectOf(queue[0])
		queue = queue[1:]
		if p == nil {
			continue
		}
		for _, r := range p.References {
			if own[r] {
				continue
			}
			if rp := app.ProjectOf(r); rp != nil && rp.Kind == workspace.KindApp {
				continue // another app: what it reaches is its own
			}
			own[r] = true
			queue = append(queue, r)
		}
	}
	return own
}

// packagedByAnotherProject reports whether a packaging project (.wapproj)
// of the App's Universe packages the App's own project: what ships is
// that project's package, under its manifest, which is another App.
func packagedByAnotherProject(c *Context) bool {
	if c.App == nil || c.App.Project == "" || c.App.Universe == nil {
		return false
	}
	for _, p := range c.App.Universe.Projects {
		if p.Kind == workspace.KindPackaging && p.Path != c.App.Project && slices.Contains(p.References, c.App.Project) {
			return true
		}
	}
	return false
}

// registerCalls returns every Register() call of the App once, in position
// order, with the registrations that reach it (registrations made through
// one helper share its Register() call).
func registerCalls(f *registration.Facts, include func(*registration.Registration) bool) []regCall {
	var out []regCall
	index := map[registration.Pos]int{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if r.MayNotRun() || include != nil && !include(r) {
			continue // code a project's own #if symbol turns on may never be built
		}
		for _, p := range r.RegisterCalls {
			if !p.IsValid() {
				continue
			}
			if j, ok := index[p]; ok {
				out[j].Regs = append(out[j].Regs, r)
				continue
			}
			index[p] = len(out)
			out = append(out, regCall{Pos: p, Regs: []*registration.Registration{r}})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return posLess(out[i].Pos, out[j].Pos) })
	return out
}

// regCall is one Register() call site.
type regCall struct {
	Pos  registration.Pos
	Regs []*registration.Registration
}

// taskName describes the task(s) a Register() call registers: the resolved
// name when every registration through it agrees, else a neutral phrase.
func (rc regCall) taskName() string {
	name := ""
	for _, r := range rc.Regs {
		if !r.Name.Resolved || r.Name.Str == "" || (name != "" && r.Name.Str != name) {
			return "a background task"
		}
		name = r.Name.Str
	}
	if name == "" {
		return "a background task"
	}
	return "task \"" + name + "\""
}

// systemManaged reports whether every trigger of the registration is a
// BackgroundTransferCompletionGroup trigger: such a task belongs to one
// transfer group, is created with the group and removed by the system once
// it fires, so neither an AllTasks look-up nor (as Microsoft's
// BackgroundTransfer sample shows) an access request goes with it.
func systemManaged(r *registration.Registration) bool {
	if len(r.Triggers) == 0 {
		return false
	}
	for _, t := range r.Triggers {
		if !strings.Contains(t.Class, "CompletionGroup") {
			return false
		}
	}
	return true
}

// oneShotOnly reports a registration whose every trigger is a TimeTrigger
// or MaintenanceTrigger created one-shot (the oneShot argument resolved
// to true): each copy of such a task fires once, at its own time, counted
// from its own registration. A one-shot SystemTrigger is not one of them:
// its copies all fire on the same event.
func oneShotOnly(r *registration.Registration) bool {
	if len(r.Triggers) == 0 {
		return false
	}
	for _, t := range r.Triggers {
		if t.Class != "TimeTrigger" && t.Class != "MaintenanceTrigger" || t.OneShot == nil || !*t.OneShot {
			return false
		}
	}
	return true
}

// canSeeAllRegistrations reports whether "no code registers X" can be
// said: the sources were read, registrations were found, and none of them
// is beyond static resolution.
func canSeeAllRegistrations(c *Context) bool {
	if !factsComparable(c) || (c.App != nil && !c.App.SourcesFound) || !sourcesComplete(c) {
		return false
	}
	return len(c.Facts.Registrations) > 0 && !registrationsUncertain(c.Facts)
}

// sourcesComplete reports whether every source file the App's projects
// list was found: "the App's code never does X" can be said only then (a
// file kept outside the checkout, a dangling link, may be where it does).
// The rules about whether a class exists (BG103, BG108, BG305) do not
// ask: a class whose file is missing is missing from the build too (the
// task class deleted while the project still lists it is BG103's case).
func sourcesComplete(c *Context) bool {
	return c == nil || c.App == nil || c.App.MissingSources == 0
}

// registrationsOf returns the registrations that name the extension. A
// discarded builder (configured, never registered, never handed on) is
// none: it is the declaration kept after the Register() call went.
func registrationsOf(f *registration.Facts, bt *manifest.BackgroundTaskExtension) []*registration.Registration {
	var out []*registration.Registration
	for i := range f.Registrations {
		if !f.Registrations[i].Discarded && registersExtension(bt, &f.Registrations[i]) {
			out = append(out, &f.Registrations[i])
		}
	}
	return out
}

// registersWinAppSDKTask reports whether code of the App registers a task
// through the Windows App SDK builder.
func registersWinAppSDKTask(c *Context) bool {
	for _, r := range ownRegistrations(c) {
		if r.WinAppSDK {
			return true
		}
	}
	return false
}
