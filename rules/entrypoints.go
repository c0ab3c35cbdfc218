package rules

import (
	"iter"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

// Entry points: the classes and scripts the manifest declares (classDecl,
// appExtensions) and the registrations name (entryPoints), and whether a
// declaration and a registration name the same task.

// classDecl is a manifest attribute that names a class the background-task
// host activates: a windows.backgroundTasks EntryPoint, or the EntryPoint
// of an app service, update task or pre-installed configuration task
// (manifest.HostedCategories). The class rules BG103, BG108 and
// BG201–BG204 judge them all alike.
type classDecl struct {
	Name string // the EntryPoint value, spaces trimmed
	// BT is the background-task extension; nil for the other categories,
	// whose extension is Hosted.
	BT     *manifest.BackgroundTaskExtension
	Hosted *manifest.HostedExtension
}

// Attr is the EntryPoint attribute.
func (d classDecl) Attr() manifest.Attr {
	if d.BT != nil {
		return d.BT.EntryPoint
	}
	return d.Hosted.EntryPoint
}

// Pos is where a finding about the declaration points: the EntryPoint value.
func (d classDecl) Pos() manifest.Pos {
	if d.BT != nil {
		return attrPos(d.BT.EntryPoint, d.BT.Element)
	}
	return attrPos(d.Hosted.EntryPoint, d.Hosted.Element)
}

// What names the kind of declaration in messages.
func (d classDecl) What() string {
	if d.BT != nil {
		return "background task"
	}
	switch d.Hosted.Category.Value {
	case "windows.appService":
		return "app service"
	case "windows.updateTask":
		return "update task"
	}
	return "pre-installed configuration task"
}

// hostedDecls are the app service, update task and pre-installed
// configuration task declarations whose EntryPoint names a class the
// background-task host activates. Left out: an extension hosted by its
// own Executable, and the desktop bridge's "Windows.FullTrustApplication"
// (the app's exe serves the app service), which name no class of a
// component; and an EntryPoint that is not a dotted class name (BG006's
// business for background tasks; nothing to look up here).
func hostedDecls(man *manifest.Manifest) []classDecl {
	if man == nil {
		return nil
	}
	var out []classDecl
	for _, h := range man.HostedExtensions() {
		name := strings.TrimSpace(h.EntryPoint.Value)
		if !h.EntryPoint.Present || h.Executable.Present || !strings.Contains(name, ".") || strings.ContainsAny(name, `$ /\`) {
			continue
		}
		if strings.HasPrefix(name, "Windows.") && strings.HasSuffix(name, "TrustApplication") {
			continue // Windows.FullTrustApplication, Windows.PartialTrustApplication
		}
		out = append(out, classDecl{Name: name, Hosted: &h})
	}
	return out
}

// appClassDecls are the declarations of the Applications whose class the
// App's code must define (BG103, BG108): every application-level
// windows.backgroundTasks extension with its own EntryPoint, then the
// hosted ones (hostedDecls).
func appClassDecls(man *manifest.Manifest) []classDecl {
	if man == nil {
		return nil
	}
	var out []classDecl
	for _, bt := range appExtensions(man) {
		if bt.EntryPoint.Present && !inAppAudio(man, bt) {
			out = append(out, classDecl{Name: strings.TrimSpace(bt.EntryPoint.Value), BT: bt})
		}
	}
	return append(out, hostedDecls(man)...)
}

// inAppAudio reports whether a declaration is Windows 8.x background audio:
// only <Task Type="audio"/>, with the Application's own class as its
// EntryPoint. The app plays in its own process; the class is not activated
// as a background task, so the class rules do not judge it.
func inAppAudio(man *manifest.Manifest, bt *manifest.BackgroundTaskExtension) bool {
	if len(bt.Tasks) == 0 || bt.AppIndex < 0 || bt.AppIndex >= len(man.Applications) {
		return false
	}
	for _, t := range bt.Tasks {
		if strings.TrimSpace(t.Type.Value) != "audio" {
			return false
		}
	}
	app := man.Applications[bt.AppIndex]
	return app.EntryPoint.Present && strings.TrimSpace(app.EntryPoint.Value) == strings.TrimSpace(bt.EntryPoint.Value)
}

// appExtensions are the windows.backgroundTasks extensions the platform
// honours: those inside an Application. Package-level ones are BG002.
func appExtensions(man *manifest.Manifest) []*manifest.BackgroundTaskExtension {
	var out []*manifest.BackgroundTaskExtension
	for _, bt := range man.BackgroundTasks {
		if bt != nil && bt.Level == manifest.LevelApplication {
			out = append(out, bt)
		}
	}
	return out
}

// isScriptEntryPoint reports whether a registration names a JavaScript
// file (the JS model, where the manifest's StartPage is the entry point). A
// JavaScript app may also register a class of a Windows Runtime Component by name, so
// the value decides, not the language.
func isScriptEntryPoint(r *registration.Registration) bool {
	s := strings.ToLower(strings.TrimSpace(r.EntryPoint.Str))
	return strings.HasSuffix(s, ".js") || strings.ContainsAny(s, `/\`)
}

// normPackagePath makes two spellings of one package-relative file comparable:
// separators unified, a leading ".\" or "\" dropped, case folded (package
// file names are case-insensitive on Windows).
func normPackagePath(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", `\`)
	s = strings.TrimPrefix(s, `.\`)
	s = strings.TrimPrefix(s, `\`)
	return strings.ToLower(s)
}

// declaresEntryPoint reports whether the extension is the declaration of the
// registration's entry point (a class name compared case-sensitively, or a
// JavaScript StartPage compared as a path).
func declaresEntryPoint(bt *manifest.BackgroundTaskExtension, r *registration.Registration) bool {
	if isScriptEntryPoint(r) {
		return bt.StartPage.Present && normPackagePath(bt.StartPage.Value) == normPackagePath(r.EntryPoint.Str)
	}
	ep := bt.EffectiveEntryPoint()
	return ep != "" && ep == r.EntryPoint.Str
}

// declaredName is the name an extension declares its task by, as
// messages and fix descriptions show it: its EntryPoint (its own or the
// Application's), or for a JavaScript task, which has no EntryPoint, the
// StartPage script.
func declaredName(bt *manifest.BackgroundTaskExtension) string {
	if !bt.EntryPoint.Present && bt.StartPage.Present && strings.TrimSpace(bt.StartPage.Value) != "" {
		return bt.StartPage.Value
	}
	return bt.EffectiveEntryPoint()
}

// declaringExtensions returns the application-level extensions that
// declare the registration's entry point.
func declaringExtensions(man *manifest.Manifest, r *registration.Registration) []*manifest.BackgroundTaskExtension {
	var out []*manifest.BackgroundTaskExtension
	for _, bt := range appExtensions(man) {
		if declaresEntryPoint(bt, r) {
			out = append(out, bt)
		}
	}
	return out
}

// outOfProcess reports whether a registration names its entry point by a
// resolved TaskEntryPoint of the UWP builder: the model that needs a
// windows.backgroundTasks declaration with the same name.
func outOfProcess(r *registration.Registration) bool {
	return r.EntryPointSet && r.EntryPoint.Resolved && !r.WinAppSDK && !r.CLSIDSet &&
		strings.TrimSpace(r.EntryPoint.Str) != ""
}

// namesOwnEntryPoint reports whether an extension names its own task
// (EntryPoint attribute or JavaScript StartPage). An extension without
// either inherits the Application's class: the in-process model's optional
// declaration, which no registration names.
func namesOwnEntryPoint(bt *manifest.BackgroundTaskExtension) bool {
	return (bt.EntryPoint.Present && strings.TrimSpace(bt.EntryPoint.Value) != "") ||
		(bt.StartPage.Present && strings.TrimSpace(bt.StartPage.Value) != "")
}

// startedWithoutRegistration reports whether the system starts the
// extension's class without a BackgroundTaskBuilder: an IoT startup task
// (iot:Task startup) runs at boot, an audio task (Type="audio", the
// two-process background audio of Windows Phone 8.1 and early Windows
// 10) when the app first uses BackgroundMediaPlayer.Current, and a VPN
// plug-in (uap:Task vpnClient) when the VPN platform connects; no trigger
// class exists for any of them. One such task is enough for the class to
// run, whatever else it declares.
func startedWithoutRegistration(bt *manifest.BackgroundTaskExtension) bool {
	for _, t := range bt.Tasks {
		switch strings.TrimSpace(t.Type.Value) {
		case "audio", "vpnClient":
			return true
		}
		if t.Namespace == platform.NSIot {
			return true
		}
	}
	return false
}

// registersExtension reports whether a registration names the extension's
// task.
func registersExtension(bt *manifest.BackgroundTaskExtension, r *registration.Registration) bool {
	return outOfProcess(r) && declaresEntryPoint(bt, r)
}

// winAppSDKEntryPoint is the entry point of the Windows App SDK's universal
// background task: the class lives in the framework, not in the app's code.
const winAppSDKEntryPoint = "Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Task"

// entryRef is where an entry-point name comes from: a manifest declaration
// (preferred, it is what the platform activates) or a registration.
type entryRef struct {
	Name string
	// Decl is the declaring extension; nil when only code names the class
	// or when an app service, update task or pre-installed configuration
	// task declares it (Hosted).
	Decl   *manifest.BackgroundTaskExtension
	Hosted *manifest.HostedExtension
	// Reg is the first registration naming the class; nil when only the
	// manifest does.
	Reg *registration.Registration
}

// related returns the related location that shows where the class is named.
func (e entryRef) related(man *manifest.Manifest) []Related {
	if e.Decl != nil && man != nil {
		if p := attrPos(e.Decl.EntryPoint, e.Decl.Element); p.IsValid() {
			return []Related{RelatedManifest(man, p, "declared as the background task entry point here")}
		}
	}
	if e.Hosted != nil && man != nil {
		d := classDecl{Hosted: e.Hosted}
		if p := d.Pos(); p.IsValid() {
			return []Related{RelatedManifest(man, p, "declared as the "+d.What()+" entry point here")}
		}
	}
	if e.Reg != nil {
		p := e.Reg.EntryPoint.Pos
		if !p.IsValid() {
			p = e.Reg.Pos
		}
		if p.IsValid() {
			return []Related{RelatedCode(p, "registered as the task entry point here")}
		}
	}
	return nil
}

// entryPoints returns the entry-point classes of the App in a stable order:
// the EntryPoint attributes the manifest declares (background tasks, then
// app services, update tasks and pre-installed configuration tasks), then
// the resolved TaskEntryPoint strings of registrations. An extension without its own
// EntryPoint is left out: it inherits the Application's class (the app
// object of the in-process model), which is not a task class.
func entryPoints(c *Context) []entryRef {
	var out []entryRef
	index := map[string]int{}
	add := func(name string, decl *manifest.BackgroundTaskExtension, hosted *manifest.HostedExtension, reg *registration.Registration) {
		name = strings.TrimSpace(name)
		if name == "" || name == winAppSDKEntryPoint {
			return
		}
		if i, ok := index[name]; ok {
			if out[i].Reg == nil && reg != nil {
				out[i].Reg = reg
			}
			return
		}
		index[name] = len(out)
		out = append(out, entryRef{Name: name, Decl: decl, Hosted: hosted, Reg: reg})
	}
	if c.Manifest != nil {
		for _, bt := range c.Manifest.BackgroundTasks {
			if bt != nil && bt.EntryPoint.Present && !inAppAudio(c.Manifest, bt) {
				add(bt.EntryPoint.Value, bt, nil, nil)
			}
		}
		for _, d := range hostedDecls(c.Manifest) {
			add(d.Name, nil, d.Hosted, nil)
		}
	}
	if c.Facts != nil {
		for i := range c.Facts.Registrations {
			r := &c.Facts.Registrations[i]
			// code that never runs (a method nothing calls, a builder
			// never registered) names no task class (audit 31:
			// Coolapk-UWP's commented-out call gave a BG204)
			if r.EntryPointSet && r.EntryPoint.Resolved && !r.WinAppSDK && !r.MayNotRun() && !r.Discarded {
				add(r.EntryPoint.Str, nil, nil, r)
			}
		}
	}
	return out
}

// entryClasses yields each entry point (see entryPoints) whose class the
// App's sources define, with the class: what BG201–BG204 judge. An entry
// point whose class was not found is BG103's business, not theirs.
func entryClasses(c *Context, groups map[string]*classGroup) iter.Seq2[entryRef, *classGroup] {
	return func(yield func(entryRef, *classGroup) bool) {
		for _, ref := range entryPoints(c) {
			if g := groups[ref.Name]; g != nil && !yield(ref, g) {
				return
			}
		}
	}
}

// atEntryClass is a finding at part at of the class that ref names, with
// where the class is named as entry point (manifest or registration) as
// related location, so the reader sees why the class must be a task class.
func atEntryClass(c *Context, m Meta, ref entryRef, at *registration.TaskClass, format string, args ...any) Finding {
	f := AtCode(m, at.Pos, format, args...)
	f.Related = ref.related(c.Manifest)
	return f
}

// entryNameSet returns the names of entryPoints(c) as a set.
func entryNameSet(refs []entryRef) map[string]bool {
	m := make(map[string]bool, len(refs))
	for _, r := range refs {
		m[r.Name] = true
	}
	return m
}

// iotStartupOnly reports whether the manifest declares the class only as an
// IoT startup task (<iot:Task Type="startup"/>): a headless IoT app's
// startup task runs for the life of the device and holds its deferral on
// purpose.
func iotStartupOnly(man *manifest.Manifest, class string) bool {
	if man == nil {
		return false
	}
	found := false
	for _, bt := range man.BackgroundTasks {
		if bt == nil || bt.EffectiveEntryPoint() != class {
			continue
		}
		if len(bt.Tasks) == 0 {
			return false
		}
		for _, t := range bt.Tasks {
			if t.Type.Value != "startup" {
				return false
			}
		}
		found = true
	}
	return found
}

// mustBeRegistered reports whether an extension names a task that
// code must register.
func mustBeRegistered(bt *manifest.BackgroundTaskExtension) bool {
	// "$targetentrypoint$" and friends are Visual Studio template
	// placeholders, replaced at build time.
	return namesOwnEntryPoint(bt) && !startedWithoutRegistration(bt) &&
		strings.TrimSpace(bt.EntryPoint.Value) != winAppSDKEntryPoint && !strings.Contains(bt.EntryPoint.Value, "$")
}
