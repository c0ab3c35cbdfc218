package rules

import (
	"iter"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Shared helpers of the code rules BG201–BG210.

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
			if r.EntryPointSet && r.EntryPoint.Resolved && !r.WinAppSDK {
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

// classGroup is every TaskClass entry that describes one class: the IDL
// runtimeclass and the C++/WinRT implementation struct, or the parts of a
// C# / VB partial class.
type classGroup struct {
	Name  string
	Parts []*registration.TaskClass // sorted by position
}

// classGroups merges the App's task classes by full name.
func classGroups(f *registration.Facts) map[string]*classGroup {
	groups := map[string]*classGroup{}
	if f == nil {
		return groups
	}
	for i := range f.TaskClasses {
		tc := &f.TaskClasses[i]
		g := groups[tc.Name]
		if g == nil {
			g = &classGroup{Name: tc.Name}
			groups[tc.Name] = g
		}
		g.Parts = append(g.Parts, tc)
	}
	for _, g := range groups {
		sort.SliceStable(g.Parts, func(i, j int) bool { return posLess(g.Parts[i].Pos, g.Parts[j].Pos) })
	}
	return groups
}

// sortedGroups returns the groups ordered by the position of their first part.
func sortedGroups(groups map[string]*classGroup) []*classGroup {
	out := make([]*classGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Parts[0].Pos, out[j].Parts[0].Pos
		if a != b {
			return posLess(a, b)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// isIDLRuntimeClass reports whether the part is a MIDL 3 runtimeclass.
func isIDLRuntimeClass(tc *registration.TaskClass) bool {
	return tc.Kind == "runtimeclass" || tc.Language == registration.IDL
}

// isCppWinRTImpl reports whether the part is a C++/WinRT implementation (or
// factory) struct: its shape is decided by the IDL, not by the struct.
func isCppWinRTImpl(tc *registration.TaskClass) bool {
	return tc.Language == registration.CPP && tc.Kind == "struct"
}

// declParts are the parts that decide the class's visibility and sealing:
// the IDL runtimeclass when there is one, else every part that is not a
// C++/WinRT implementation struct. Empty when only implementation structs
// were found (the IDL was not read, so nothing can be said).
func (g *classGroup) declParts() []*registration.TaskClass {
	var idl, other []*registration.TaskClass
	for _, p := range g.Parts {
		switch {
		case isIDLRuntimeClass(p):
			idl = append(idl, p)
		case isCppWinRTImpl(p):
		default:
			other = append(other, p)
		}
	}
	if len(idl) > 0 {
		return idl
	}
	return other
}

// public: a partial class is public when any part says so (the other parts
// may omit the modifier).
func anyPublic(parts []*registration.TaskClass) bool {
	for _, p := range parts {
		if p.Public {
			return true
		}
	}
	return false
}

// anySealed: one `sealed` / `NotInheritable` part seals the whole class; a VB
// Module and a .NET struct are sealed by definition.
func anySealed(parts []*registration.TaskClass) bool {
	for _, p := range parts {
		if p.Sealed || p.Kind == "module" || p.Kind == "struct" {
			return true
		}
	}
	return false
}

// reportPart is where a class finding goes: the first part that carries the
// modifiers (a public part), else the first part.
func reportPart(parts []*registration.TaskClass) *registration.TaskClass {
	for _, p := range parts {
		if p.Public {
			return p
		}
	}
	return parts[0]
}

// implementsTask reports whether any part implements IBackgroundTask,
// directly or through a base class of the App that does.
func (g *classGroup) implementsTask(groups map[string]*classGroup) bool {
	return g.implements(groups, map[string]bool{})
}

func (g *classGroup) implements(groups map[string]*classGroup, seen map[string]bool) bool {
	if seen[g.Name] {
		return false
	}
	seen[g.Name] = true
	for _, p := range g.Parts {
		if p.Implements {
			return true
		}
	}
	for _, p := range g.Parts {
		for _, b := range p.Bases {
			if bg := lookupBase(groups, b, g.Name); bg != nil && bg.implements(groups, seen) {
				return true
			}
		}
	}
	return false
}

// lookupBase finds the group a base-class name refers to: the full name, or
// a simple name resolved against the deriving class's namespace.
func lookupBase(groups map[string]*classGroup, base, from string) *classGroup {
	base = normalizeTypeName(base)
	if base == "" {
		return nil
	}
	if g, ok := groups[base]; ok {
		return g
	}
	if i := strings.LastIndex(from, "."); i >= 0 {
		if g, ok := groups[from[:i+1]+base]; ok {
			return g
		}
	}
	return nil
}

// onlyCppWinRTImpl reports whether every part is a C++/WinRT implementation
// struct: the runtimeclass that gives the class its interfaces was not read.
func (g *classGroup) onlyCppWinRTImpl() bool {
	for _, p := range g.Parts {
		if !isCppWinRTImpl(p) {
			return false
		}
	}
	return true
}

// isTaskClass reports whether the group is a background task: it implements
// IBackgroundTask or is named as an entry point.
func (g *classGroup) isTaskClass(groups map[string]*classGroup, entries map[string]bool) bool {
	return entries[g.Name] || g.implementsTask(groups)
}

// runInfo merges Run and deferral facts over the parts.
type runInfo struct {
	RunPos   registration.Pos
	RunEnd   registration.Pos
	IsAsync  bool
	AsyncPos registration.Pos
	Gets     []registration.Pos
	Complete []registration.Pos
	// AsyncStart is the first asynchronous work Run starts without
	// waiting for it (invalid when none).
	AsyncStart registration.Pos
	// Maybe are calls in Run that hand the task instance to code that may
	// take the deferral; HandedOn are places where the deferral goes to
	// code the scanner could not follow; NotTaken are Complete() calls on
	// a deferral nothing assigns.
	Maybe    []registration.Pos
	HandedOn []registration.Pos
	NotTaken []registration.NamedPos
}

func (g *classGroup) run() runInfo {
	var ri runInfo
	for _, p := range g.Parts {
		if !ri.RunPos.IsValid() && p.RunPos.IsValid() {
			ri.RunPos, ri.RunEnd = p.RunPos, p.RunEnd
		}
		if p.RunIsAsync && !ri.IsAsync {
			ri.IsAsync = true
			ri.AsyncPos, ri.AsyncStart = p.AsyncPos, p.AsyncStart
			if p.RunPos.IsValid() {
				ri.RunPos, ri.RunEnd = p.RunPos, p.RunEnd
			}
		}
		ri.Gets = append(ri.Gets, p.DeferralGet...)
		ri.Complete = append(ri.Complete, p.DeferralComplete...)
		ri.Maybe = append(ri.Maybe, p.DeferralMaybe...)
		ri.HandedOn = append(ri.HandedOn, p.DeferralHandedOn...)
		ri.NotTaken = append(ri.NotTaken, p.DeferralNotTaken...)
	}
	ri.Gets = validPositions(ri.Gets)
	ri.Complete = validPositions(ri.Complete)
	ri.Maybe = validPositions(ri.Maybe)
	ri.HandedOn = validPositions(ri.HandedOn)
	sortPos(ri.Gets)
	sortPos(ri.Complete)
	sortPos(ri.Maybe)
	sort.SliceStable(ri.NotTaken, func(i, j int) bool { return posLess(ri.NotTaken[i].Pos, ri.NotTaken[j].Pos) })
	return ri
}

// validPositions drops positions the scanner did not record.
func validPositions(ps []registration.Pos) []registration.Pos {
	out := ps[:0:0]
	for _, p := range ps {
		if p.IsValid() {
			out = append(out, p)
		}
	}
	return out
}

// entryNameSet returns the names of entryPoints(c) as a set.
func entryNameSet(refs []entryRef) map[string]bool {
	m := make(map[string]bool, len(refs))
	for _, r := range refs {
		m[r.Name] = true
	}
	return m
}

// projectOf returns the workspace project of a class part, or nil when the
// App has no project files or the project is unknown.
func projectOf(c *Context, tc *registration.TaskClass) *workspace.Project {
	if c.App == nil || tc.Project == "" {
		return nil
	}
	return c.App.ProjectOf(tc.Project)
}

// posLess orders positions by file, line, column.
func posLess(a, b registration.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// posBefore reports whether a comes strictly before b in the same file.
func posBefore(a, b registration.Pos) bool {
	return a.File == b.File && (a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col))
}

func sortPos(ps []registration.Pos) {
	sort.SliceStable(ps, func(i, j int) bool { return posLess(ps[i], ps[j]) })
}

// registerCalls returns every Register() call of the App once, in position
// order, with the registrations that reach it (registrations made through
// one helper share its Register() call).
func registerCalls(f *registration.Facts, include func(*registration.Registration) bool) []regCall {
	var out []regCall
	index := map[registration.Pos]int{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if include != nil && !include(r) {
			continue
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

// hasUnknownBaseClass reports whether a part derives from a class that is
// not among the App's task classes (a base from another assembly may
// implement IBackgroundTask). Names that follow the interface convention
// (I + capital letter) are not classes; C++/WinRT and IDL parts are decided
// elsewhere.
func (g *classGroup) hasUnknownBaseClass(groups map[string]*classGroup) bool {
	for _, p := range g.Parts {
		if isCppWinRTImpl(p) || isIDLRuntimeClass(p) {
			continue
		}
		for _, b := range p.Bases {
			if lookupBase(groups, b, g.Name) != nil {
				continue
			}
			if !looksLikeInterface(b) {
				return true
			}
		}
	}
	return false
}

// looksLikeInterface applies the .NET / WinRT naming convention to the
// simple name of a (possibly qualified, possibly generic) type name.
func looksLikeInterface(name string) bool {
	n := simpleName(normalizeTypeName(name))
	return len(n) >= 2 && n[0] == 'I' && n[1] >= 'A' && n[1] <= 'Z'
}

// normalizeTypeName strips access keywords, generic arguments, hats and
// C++ scope separators: "public Windows::Foo::IBar^" -> "Windows.Foo.IBar".
func normalizeTypeName(name string) string {
	n := strings.TrimSpace(name)
	for _, kw := range []string{"public ", "private ", "protected ", "virtual ", "global::", "Global."} {
		n = strings.TrimSpace(strings.TrimPrefix(n, kw))
	}
	if i := strings.IndexAny(n, "<(^"); i >= 0 {
		n = n[:i]
	}
	n = strings.ReplaceAll(n, "::", ".")
	return strings.Trim(n, ". ")
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
