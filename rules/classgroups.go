package rules

import (
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Task classes merged by full name (IDL runtimeclass and C++/WinRT
// implementation, or partial class parts), with what the code rules
// BG201–BG211 ask of them.

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
	// CompletedEarly is a Complete() Run makes on every path after
	// AsyncStart (invalid when none).
	CompletedEarly registration.Pos
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
			ri.AsyncPos, ri.AsyncStart, ri.CompletedEarly = p.AsyncPos, p.AsyncStart, p.CompletedEarly
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

// projectOf returns the workspace project of a class part, or nil when the
// App has no project files or the project is unknown.
func projectOf(c *Context, tc *registration.TaskClass) *workspace.Project {
	if c.App == nil || tc.Project == "" {
		return nil
	}
	return c.App.ProjectOf(tc.Project)
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
