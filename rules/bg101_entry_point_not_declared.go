package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

var metaBG101 = Meta{
	ID:        "BG101",
	Name:      "entry-point-not-declared",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "code registers TaskEntryPoint X and no windows.backgroundTasks extension in the manifest declares X",
	Doc: "# BG101 entry-point-not-declared\n\n" +
		"## What it finds\n\n" +
		"A `BackgroundTaskBuilder` whose `TaskEntryPoint` is a class name (or, in JavaScript, a script path) " +
		"that no `<Extension Category=\"windows.backgroundTasks\">` of an `Application` in the manifest declares. " +
		"The comparison is exact and case-sensitive, because the platform looks the name up as an activatable class ID. " +
		"When a declared entry point is close (differs only in case, lacks or adds a namespace, carries or lacks a " +
		"Visual Basic `RootNamespace`, or is misspelt), the message names it.\n\n" +
		"Registrations without `TaskEntryPoint` (in-process, see BG106), with `SetTaskEntryPointClsid` (COM, see BG107) " +
		"and the Windows App SDK builder are not concerned. An entry point computed at run time is not reported. " +
		"A project that a packaging project (`.wapproj`) packages ships under the packaging project's manifest: when its " +
		"own manifest declares no background task at all, the rule leaves it to the packaging project's App, which is " +
		"checked against the manifest that ships. Code of another app project the App references (a unit-test host " +
		"referencing the app it tests), and of the libraries the App reaches only through it, runs under that app's " +
		"own manifest and is judged with it.\n\n" +
		"A package whose manifest declares no `<Application>` (a framework or resource package) is not judged: its " +
		"code runs in the process of the app that calls it and registers tasks for that app, under that app's manifest.\n\n" +
		"A `Register()` in C# or Visual Basic code that an `#if` on a project's own symbol turns on (`#if WS_ENABLED`, " +
		"not `DEBUG`, `WINDOWS_UWP` or an SDK's framework symbols) is not reported, nor is a value an `#if`/`#else` " +
		"chooses: the project may never define the symbol, and bgmanifest does not evaluate configurations. Nor is a " +
		"`Register()` in a method that only its own assembly can call (C# `private` or `internal`, Visual " +
		"Basic `Private` or `Friend`) and that nothing calls: no code of the App names it (no call, " +
		"delegate, event subscription or string) and the XAML of its page does not either. A method with an attribute, " +
		"a `Handles` or `Implements` clause, an explicit interface implementation, or a method in a partial class " +
		"outside the code-behind of a XAML file, is assumed to run. The same " +
		"holds for the other rules that report what is wrong with a registration, BG210's duplicate names included.\n\n" +
		"## Why it fails\n\n" +
		"An out-of-process task is started by the background task host, which activates the class named by the " +
		"manifest declaration. `Register()` checks that the entry point is declared and throws when it is not " +
		"(typically `Class not registered (Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG))`, or " +
		"`hresult_class_not_registered` in C++/WinRT). Apps that swallow the exception simply never see the task run.\n\n" +
		"## Bad\n\n" +
		"```xml\n<Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Tasks.SyncTask\">\n" +
		"  <BackgroundTasks><Task Type=\"timer\"/></BackgroundTasks>\n</Extension>\n```\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = \"Tasks.SyncTasks\" };\n" +
		"builder.SetTrigger(new TimeTrigger(30, false));\nbuilder.Register(); // throws: class not registered\n```\n\n" +
		"```cpp\nBackgroundTaskBuilder builder;\nbuilder.Name(L\"sync\");\nbuilder.TaskEntryPoint(L\"tasks.SyncTask\"); // wrong case\n" +
		"builder.SetTrigger(TimeTrigger(30, false));\nbuilder.Register();\n```\n\n" +
		"## Good\n\n" +
		"```csharp\nvar builder = new BackgroundTaskBuilder { Name = \"sync\", TaskEntryPoint = typeof(Tasks.SyncTask).FullName };\n```\n\n" +
		"```cpp\nbuilder.TaskEntryPoint(L\"Tasks.SyncTask\");\n```\n\n" +
		"## How to fix\n\n" +
		"Make the three names agree: the task class's `Namespace.Class`, the manifest's `EntryPoint` attribute and the " +
		"`TaskEntryPoint` string. If the task is new, add a background-task extension for it to the `Application`'s " +
		"`<Extensions>` with a `Task` element for each trigger type it uses; `--fix` does that when the class exists in " +
		"the sources, and corrects the code literal when the names differ only in case. In JavaScript, " +
		"`taskEntryPoint` must equal the extension's `StartPage` (`js\\\\task.js` in the string is `js\\task.js` in the manifest).\n",
}

type entryPointNotDeclared struct{}

func init() { Register(entryPointNotDeclared{}) }

func (entryPointNotDeclared) Meta() Meta { return metaBG101 }

func (entryPointNotDeclared) Check(c *Context) []Finding {
	if !factsComparable(c) {
		return nil
	}
	// A project that a packaging project packages ships under that
	// project's manifest: when its own declares no background task at
	// all, the declarations are there, and that App is checked against
	// them.
	if len(c.Manifest.BackgroundTasks) == 0 && packagedByAnotherProject(c) {
		return nil
	}
	var out []Finding
	fixed := map[string]bool{}
	for _, r := range ownRegistrations(c) {
		if !outOfProcess(r) || len(declaringExtensions(c.Manifest, r)) > 0 {
			continue
		}
		f := bg101Finding(c, r)
		// Several registrations of one entry point share one manifest
		// fix; offering it twice would insert the declaration twice.
		if f.Fix != nil && f.Fix.Edits[0].File == c.Manifest.Path {
			if fixed[r.EntryPoint.Str] {
				f.Fix = nil
			}
			fixed[r.EntryPoint.Str] = true
		}
		out = append(out, f)
	}
	return out
}

func bg101Finding(c *Context, r *registration.Registration) Finding {
	man := c.Manifest
	x := r.EntryPoint.Str
	file := manifestName(man)
	script := isScriptEntryPoint(r)

	candidates, byName := bg101Declared(man, script)
	var miss nearMiss
	var near bool
	if script {
		miss, near = bg101NearestScript(x, candidates)
	} else {
		miss, near = nearestName(x, candidates, bg101RootNamespaces(c))
	}

	var msg string
	if script {
		msg = fmt.Sprintf("taskEntryPoint \"%s\"%s is not declared in %s: no <Extension Category=\"windows.backgroundTasks\" StartPage=\"%s\"> "+
			"in <Application>/<Extensions>, so Register() throws and the task never runs", x, taskNameSuffix(r), file, x)
	} else {
		msg = fmt.Sprintf("TaskEntryPoint \"%s\"%s is not declared in %s: no <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"%s\"> "+
			"in <Application>/<Extensions>, so Register() throws \"Class not registered\" (0x80040154)", x, taskNameSuffix(r), file, x)
	}
	if pkg := bg101PackageLevel(man, r); pkg != nil {
		msg += "; the package-level declaration is ignored, it must sit inside an <Application>"
	}
	if near {
		msg += miss.hint()
	}

	f := AtCode(metaBG101, entryPointPos(r), "%s", msg)
	if near {
		if bt := byName[miss.Name]; bt != nil {
			f.Related = append(f.Related, RelatedManifest(man, bg101DeclPos(bt, script),
				fmt.Sprintf("declared here as \"%s\"", miss.Name)))
		}
	} else if app := bg101App(man); app != nil {
		p := app.Element.Pos
		what := "the <Application> that needs the declaration"
		if app.ExtensionsElement != nil {
			p, what = app.ExtensionsElement.Pos, "add the declaration to this <Extensions> element"
		}
		f.Related = append(f.Related, RelatedManifest(man, p, what))
	}
	if !script {
		f.Fix = bg101Fix(c, r, miss, near, byName)
	}
	return f
}

// bg101Declared lists the declared names comparable with a registration:
// class entry points, or StartPage paths for JavaScript.
func bg101Declared(man *manifest.Manifest, script bool) ([]string, map[string]*manifest.BackgroundTaskExtension) {
	var names []string
	byName := map[string]*manifest.BackgroundTaskExtension{}
	for _, bt := range appExtensions(man) {
		name := bt.EffectiveEntryPoint()
		if script {
			name = ""
			if bt.StartPage.Present {
				name = bt.StartPage.Value
			}
		}
		if name == "" || platform.IsHostEntryPoint(name) {
			continue // the platform's host is no class of the App to suggest
		}
		if _, dup := byName[name]; !dup {
			byName[name] = bt
			names = append(names, name)
		}
	}
	return names, byName
}

// bg101NearestScript compares script paths by their normalised spelling.
func bg101NearestScript(x string, candidates []string) (nearMiss, bool) {
	norm := make([]string, len(candidates))
	orig := map[string]string{}
	for i, c := range candidates {
		norm[i] = normPackagePath(c)
		orig[norm[i]] = c
	}
	m, ok := nearestName(normPackagePath(x), norm, nil)
	if !ok {
		return m, false
	}
	m.Name = orig[m.Name]
	if m.Kind == missCase || m.Kind == missNamespace {
		m.Kind = missSpelling
	}
	return m, true
}

func bg101DeclPos(bt *manifest.BackgroundTaskExtension, script bool) manifest.Pos {
	if script {
		return attrPos(bt.StartPage, bt.Element)
	}
	if bt.EntryPoint.Present {
		return attrPos(bt.EntryPoint, bt.Element)
	}
	return bt.Element.Pos
}

// bg101PackageLevel finds a package-level declaration of the entry point
// (invalid there, BG002), so the message can say why it does not count.
func bg101PackageLevel(man *manifest.Manifest, r *registration.Registration) *manifest.BackgroundTaskExtension {
	for _, bt := range man.BackgroundTasks {
		if bt != nil && bt.Level == manifest.LevelPackage && declaresEntryPoint(bt, r) {
			return bt
		}
	}
	return nil
}

// bg101RootNamespaces are the RootNamespaces of the App's Visual Basic
// projects: VB prefixes them to every namespace, which explains many
// "declared as Root.Ns.X, registered as Ns.X" mismatches.
func bg101RootNamespaces(c *Context) []string {
	if c.App == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, p := range c.App.Projects {
		if p != nil && p.Language == registration.VB && p.RootNamespace != "" {
			seen[p.RootNamespace] = true
		}
	}
	for _, s := range c.App.Sources {
		if s.Language == registration.VB && s.RootNamespace != "" {
			seen[s.RootNamespace] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// bg101App is the Application a new declaration goes into: the only one.
func bg101App(man *manifest.Manifest) *manifest.Application {
	if len(man.Applications) != 1 {
		return nil
	}
	return &man.Applications[0]
}

// bg101Fix proposes one edit:
//   - the names differ only in case and the sources define the registered
//     class but not the declared one: correct the manifest attribute;
//   - the names differ only in case otherwise: correct the code literal;
//   - no near miss and the class exists: add a declaration.
func bg101Fix(c *Context, r *registration.Registration, miss nearMiss, near bool,
	byName map[string]*manifest.BackgroundTaskExtension) *Fix {
	x := r.EntryPoint.Str
	if near && miss.Kind == missCase {
		bt := byName[miss.Name]
		if bt != nil && bt.EntryPoint.Present && bg101ClassExists(c.Facts, x) && !bg101ClassExists(c.Facts, miss.Name) {
			return bg101FixAttribute(c.Manifest, bt, x)
		}
		return bg101FixLiteral(r, miss.Name)
	}
	if near || !bg101ClassExists(c.Facts, x) {
		return nil
	}
	return bg101FixAddExtension(c, x)
}

func bg101ClassExists(f *registration.Facts, name string) bool {
	for _, tc := range f.TaskClasses {
		if normClassName(tc.Name) == name {
			return true
		}
	}
	return false
}

// bg101FixAttribute rewrites the EntryPoint attribute's value.
func bg101FixAttribute(man *manifest.Manifest, bt *manifest.BackgroundTaskExtension, value string) *Fix {
	a := bt.EntryPoint
	if !a.ValuePos.IsValid() || strings.ContainsAny(value, `"'<&`) {
		return nil
	}
	return &Fix{
		Description: fmt.Sprintf("set EntryPoint to \"%s\" in %s", value, manifestName(man)),
		Edits: []Edit{{File: man.Path, Line: a.ValuePos.Line, Column: a.ValuePos.Col,
			EndLine: a.ValuePos.Line, EndColumn: a.ValuePos.Col + len([]rune(a.Value)), NewText: value}},
	}
}

// bg101FixLiteral rewrites the string literal in code; only a one-line
// literal that contains the old name exactly once is touched.
func bg101FixLiteral(r *registration.Registration, want string) *Fix {
	ep := r.EntryPoint
	if !ep.Literal || !ep.Pos.IsValid() || strings.ContainsAny(ep.Expr, "\r\n") ||
		strings.Count(ep.Expr, ep.Str) != 1 {
		return nil
	}
	newExpr := strings.Replace(ep.Expr, ep.Str, want, 1)
	return &Fix{
		Description: fmt.Sprintf("change the TaskEntryPoint literal to \"%s\"", want),
		Edits: []Edit{{File: ep.Pos.File, Line: ep.Pos.Line, Column: ep.Pos.Col,
			EndLine: ep.Pos.Line, EndColumn: ep.Pos.Col + len([]rune(ep.Expr)), NewText: newExpr}},
	}
}

// bg101FixAddExtension inserts a new background-task extension as the last
// child of the Application's <Extensions>, in the file's own indentation,
// with a Task for each trigger type the registrations of x use.
func bg101FixAddExtension(c *Context, x string) *Fix {
	man := c.Manifest
	app := bg101App(man)
	if app == nil || app.ExtensionsElement == nil || app.ExtensionsElement.SelfClosing || strings.ContainsAny(x, `"'<&`) {
		return nil
	}
	types, ok := bg101TaskTypes(c.Facts, x)
	if !ok {
		return nil
	}
	exts := app.ExtensionsElement
	nl := manifestNewline(man)
	childIndent := exts.Indent + indentUnit(app.Element.Indent, exts.Indent)
	at := exts.StartTagEnd
	for _, e := range app.Extensions {
		if e.Element.End > at {
			at = e.Element.End
			childIndent = e.Element.Indent
		}
	}
	if at <= 0 {
		return nil
	}
	unit := indentUnit(exts.Indent, childIndent)
	selfClose := selfCloseStyle(man, manifest.Element{})
	var b strings.Builder
	b.WriteString(nl + childIndent + `<Extension Category="windows.backgroundTasks" EntryPoint="` + x + `">`)
	b.WriteString(nl + childIndent + unit + "<BackgroundTasks>")
	for _, t := range types {
		tag, ok := taskTag(man, t.Accepted[0], t.Namespace, selfClose)
		if !ok {
			return nil
		}
		b.WriteString(nl + childIndent + unit + unit + tag)
	}
	b.WriteString(nl + childIndent + unit + "</BackgroundTasks>")
	b.WriteString(nl + childIndent + "</Extension>")
	edit, ok := insertAt(man, at, b.String())
	if !ok {
		return nil
	}
	return &Fix{
		Description: fmt.Sprintf("declare \"%s\" as a background task in %s", x, manifestName(man)),
		Edits:       []Edit{edit},
	}
}

// bg101TaskTypes collects, in order of first use, the task type each
// trigger of the registrations of x needs; ok is false when a trigger's
// type is unknown (a declaration without it would only move the failure).
func bg101TaskTypes(f *registration.Facts, x string) ([]platform.TriggerInfo, bool) {
	var out []platform.TriggerInfo
	seen := map[string]bool{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if !outOfProcess(r) || r.EntryPoint.Str != x {
			continue
		}
		for _, t := range r.Triggers {
			info, ok := platform.TriggerTaskTypes(t.Class)
			if !t.Resolved || !ok {
				return nil, false
			}
			if !seen[info.Accepted[0]] {
				seen[info.Accepted[0]] = true
				out = append(out, info)
			}
		}
	}
	return out, len(out) > 0
}
