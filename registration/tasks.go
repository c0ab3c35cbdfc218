package registration

import (
	"sort"
	"strings"
)

// implementsTask reports whether a base list names IBackgroundTask (any
// qualification, also inside winrt::implements<X, IBackgroundTask>).
func implementsTask(bases []string) bool {
	for _, b := range bases {
		if mentionsWord(b, "IBackgroundTask") {
			return true
		}
	}
	return false
}

// isWinRTImpl reports a C++/WinRT implementation type: struct X : XT<X>.
func isWinRTImpl(c *classDecl) bool {
	for _, b := range c.bases {
		if strings.HasPrefix(lastPart(strings.SplitN(b, "<", 2)[0]), c.name+"T") && strings.Contains(b, "<") {
			return true
		}
	}
	return false
}

// taskClasses lists the classes the rules look at: those implementing
// IBackgroundTask (directly or through a base class of the App), those
// named as an entry point (by a resolved registration, or by the caller:
// Options.EntryPoints, the manifest's declarations), and in the projects
// holding a task class, the C# and VB classes that are public and not
// sealed (BG201: a Windows Runtime Component may expose sealed classes
// only). A component's other classes matter to no rule, so the files that
// hold only those are never lexed (see mayDeclareUnsealedClass).
func taskClasses(ix *appIndex, regs []Registration, named []string) []TaskClass {
	groups := map[string][]*classDecl{}
	var order []string
	for _, f := range ix.files {
		for _, c := range f.classes {
			if c.isInterface || c.kind == "enum" || c.name == "" || strings.Contains(c.ns, "factory_implementation") {
				continue
			}
			if _, ok := groups[c.full]; !ok {
				order = append(order, c.full)
			}
			groups[c.full] = append(groups[c.full], c)
		}
	}
	implements := map[string]bool{}
	for _, full := range order {
		if groupImplements(groups[full]) {
			implements[full] = true
		}
	}
	inheritImplements(ix, groups, order, implements)
	hidden := hiddenClasses(ix, groups)
	holders := map[string]bool{} // projects (or files) holding a task class
	for _, full := range order {
		if implements[full] {
			for _, c := range groups[full] {
				holders[holderOf(c)] = true
				if c.file.sf.Project != "" {
					ix.wantProjects[c.file.sf.Project] = true
				}
			}
		}
	}
	wanted := map[string]bool{}
	for _, name := range named {
		wanted[name] = true
	}
	for _, r := range regs {
		if r.EntryPoint.Resolved {
			wanted[r.EntryPoint.Str] = true
		}
	}
	for name := range wanted {
		// a class named as an entry point and not read yet, or with
		// parts that may be in files not lexed yet
		if !closedClass(groups[name]) && !strings.ContainsAny(name, `/\`) { // a script's path names no class
			ix.want(lastPart(name))
		}
	}
	var out []TaskClass
	for _, full := range order {
		g := groups[full]
		if !implements[full] && !wanted[full] && (hidden[full] != "" || !unsealedInHolder(g, holders)) {
			continue
		}
		// its other parts (partial classes, C++ out-of-class methods) may
		// sit in files not lexed yet
		if !closedClass(g) {
			ix.want(lastPart(full))
		}
		tc := mergeClass(ix, g, implements[full])
		if h := hidden[full]; h != "" {
			tc.Public, tc.HiddenBy = false, h
		}
		out = append(out, tc)
	}
	return out
}

// hiddenClasses maps each nested class that is not visible outside its
// assembly, whatever it says itself, to the enclosing class that hides it.
// A nested class has at most its container's accessibility: a "public
// class" inside a C# internal or private class (VB Friend or Private, a C++
// class that is not a public ref class) is internal. It is not exported to
// a component's .winmd, nothing asks it to be sealed (BG201), and as an
// entry point it cannot be activated (BG202). A container counts as public
// when any part read so far says so (the other parts of a partial class may
// leave the modifier off); when none does and some part may still be
// unread, its name is wanted, so a later round reads the part that may say
// public.
func hiddenClasses(ix *appIndex, groups map[string][]*classDecl) map[string]string {
	shape := func(full string) (public bool, outer string) {
		for _, c := range groups[full] {
			public = public || c.public
			if c.outer != "" {
				outer = c.outer
			}
		}
		return public, outer
	}
	hiders := map[string]string{} // container -> the class hiding it and what it holds, "" when visible
	// a container's full name is a proper prefix of its nested class's, so
	// the walk outwards ends
	var hider func(full string) string
	hider = func(full string) string {
		if h, ok := hiders[full]; ok {
			return h
		}
		public, outer := shape(full)
		h := ""
		switch {
		case !public:
			if !closedClass(groups[full]) {
				ix.want(lastPart(full))
			}
			h = full
		case outer != "":
			h = hider(outer)
		}
		hiders[full] = h
		return h
	}
	hidden := map[string]string{}
	for full := range groups {
		if public, outer := shape(full); public && outer != "" {
			if h := hider(outer); h != "" {
				hidden[full] = h
			}
		}
	}
	return hidden
}

// closedClass reports a class whose every part has been read: C# parts
// that do not say partial (every part of a C# partial class must, and C#
// defines no member outside its class). A VB class may leave Partial off
// one of its parts and C++ defines members outside the class, so theirs
// are never closed. Resolution does not search the files not lexed yet for
// a closed class's name: a short task name ("Task0") found in nearly every
// file's text made that search read most of every file of the App.
func closedClass(g []*classDecl) bool {
	if len(g) == 0 {
		return false
	}
	for _, c := range g {
		if c.file.lang != CSharp || c.partial {
			return false
		}
	}
	return true
}

// underivable reports a class no class can derive from: a C# or VB part
// that is sealed (static, NotInheritable, a Module or Structure) seals the
// whole class, whatever its other parts say.
func underivable(g []*classDecl) bool {
	for _, c := range g {
		if (c.file.lang == CSharp || c.file.lang == VB) && c.sealed {
			return true
		}
	}
	return false
}

// unsealedInHolder reports a C# or VB class of a project holding a task
// class whose parts read so far make it public and not sealed.
func unsealedInHolder(g []*classDecl, holders map[string]bool) bool {
	in, public := false, false
	for _, c := range g {
		if c.file.lang != CSharp && c.file.lang != VB {
			continue
		}
		if c.sealed || c.kind != "class" {
			return false // a Module or struct is sealed too
		}
		in = in || holders[holderOf(c)]
		public = public || c.public
	}
	return in && public
}

func holderOf(c *classDecl) string {
	if c.file.sf.Project != "" {
		return "p:" + c.file.sf.Project
	}
	return "f:" + c.file.sf.Path
}

func groupImplements(g []*classDecl) bool {
	for _, c := range g {
		if implementsTask(c.bases) {
			return true
		}
	}
	// a C++/WinRT implementation struct without its IDL in the App: its
	// Run(IBackgroundTaskInstance) is the evidence.
	hasIDL := false
	for _, c := range g {
		if c.kind == "runtimeclass" {
			hasIDL = true
		}
	}
	if hasIDL {
		return false
	}
	for _, c := range g {
		if isWinRTImpl(c) {
			for _, m := range c.methods {
				if m.name == "Run" && len(m.params) == 1 && strings.Contains(m.params[0].typ, "IBackgroundTaskInstance") {
					return true
				}
			}
		}
	}
	return false
}

// mergeClass folds partial classes, IDL runtime classes and their C++
// implementation types into one TaskClass.
func mergeClass(ix *appIndex, g []*classDecl, impl bool) TaskClass {
	sort.SliceStable(g, func(i, j int) bool {
		// the IDL declaration is the class's identity when present
		if (g[i].kind == "runtimeclass") != (g[j].kind == "runtimeclass") {
			return g[i].kind == "runtimeclass"
		}
		return posLess(g[i].pos, g[j].pos)
	})
	first := g[0]
	tc := TaskClass{
		Name: first.full, Pos: first.pos, Language: first.file.lang, Kind: first.kind,
		Project: first.file.sf.Project, Implements: impl, Bases: []string{},
		DeferralGet: []Pos{}, DeferralComplete: []Pos{},
	}
	var methods []*methodDecl
	var files []*fileModel
	seenBase := map[string]bool{}
	for _, c := range g {
		files = append(files, c.file)
		if first.kind == "runtimeclass" && c.kind != "runtimeclass" {
			// implementation struct: contributes code, not shape
		} else {
			tc.Public = tc.Public || c.public
			tc.Sealed = tc.Sealed || c.sealed
			for _, b := range c.bases {
				if !seenBase[b] {
					seenBase[b] = true
					tc.Bases = append(tc.Bases, b)
				}
			}
		}
		if tc.GUID == "" {
			tc.GUID = resolveGUID(ix, c)
		}
		methods = append(methods, c.methods...)
	}
	if first.kind != "runtimeclass" && first.file.lang == CPP && !strings.HasPrefix(first.kind, "ref ") && impl {
		// a C++/WinRT implementation type or a COM class whose IDL is not
		// among the sources: its shape is unknown, so claim nothing.
		tc.Public, tc.Sealed = true, true
	}
	analyseRun(ix, &tc, methods, files)
	return tc
}

// inheritImplements marks classes whose base class or interface (declared
// in the App) implements IBackgroundTask.
func inheritImplements(ix *appIndex, groups map[string][]*classDecl, order []string, implements map[string]bool) {
	ifaces := map[string]bool{} // simple names of App interfaces deriving from IBackgroundTask
	for _, f := range ix.files {
		for _, c := range f.classes {
			if c.isInterface && implementsTask(c.bases) {
				ifaces[c.name] = true
			}
		}
	}
	for round := 0; round < 8; round++ {
		changed := false
		implSimple := map[string]bool{}
		derivable := map[string]bool{} // simple names of those a class may derive from
		for full, ok := range implements {
			if ok {
				implSimple[lastPart(full)] = true
				if !underivable(groups[full]) {
					derivable[lastPart(full)] = true
				}
			}
		}
		for n := range ifaces {
			implSimple[n] = true
			derivable[n] = true
		}
		for n := range derivable {
			ix.want(n) // a class deriving from it may sit in a file not lexed yet
		}
		for _, full := range order {
			if implements[full] {
				continue
			}
			for _, c := range groups[full] {
				for _, b := range c.bases {
					base := lastPart(strings.SplitN(b, "<", 2)[0])
					if implSimple[base] && base != c.name {
						implements[full] = true
						changed = true
					}
				}
			}
		}
		if !changed {
			return
		}
	}
}

// resolveGUID returns a class's GUID; a __declspec(uuid(MACRO)) names a
// #define holding the GUID string, which is looked up in the App.
func resolveGUID(ix *appIndex, c *classDecl) string {
	if c.guid == "" || looksLikeGUID(c.guid) {
		return c.guid
	}
	var found string
	ix.want(c.guidMacro)
	for _, d := range ix.defines[c.guidMacro] {
		if len(d.def.Tokens) != 1 || d.def.Tokens[0].Kind != TokString || !looksLikeGUID(d.def.Tokens[0].Value) {
			return ""
		}
		g := normGUID(d.def.Tokens[0].Value)
		if found != "" && found != g {
			return "" // two definitions disagree
		}
		found = g
	}
	return found
}
