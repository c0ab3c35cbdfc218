package registration

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// Registrations in a method that never runs. A method that only its own
// assembly can call (C# private or internal, Visual Basic Private or
// Friend) is called only by code the App holds, since the App's sources
// are every project it builds from. When no code of the App spells its
// name (a call, a delegate, an event subscription, a string given to
// reflection) and no XAML of its class names it, nothing calls it, and the
// builder in it registers nothing (audit 18: a page's RegisterTaskSMS,
// left behind with a misspelt entry point, made BG101 say Register()
// throws; audit 22: an internal helper whose calls were commented out).
// The test errs towards "it may run": anything it cannot see (an
// attribute a framework or code generator acts on, an interface the method
// implements, an event it handles, another part of a partial class that is
// not the code-behind of one XAML file, a XAML file it cannot read) keeps
// the method in.

// maxXAMLSize bounds the XAML file read to look for a method's name.
const maxXAMLSize = 16 << 20

// unreachedMethod reports whether m is a method only its assembly can call
// that nothing in the App names. The name is wanted: a file not lexed yet
// that spells it is lexed, and the next round asks again.
func unreachedMethod(ix *appIndex, m *methodDecl) bool {
	f := m.file
	if f == nil || m.name == "" || m.class == nil || m.class.isInterface || strings.EqualFold(m.name, m.class.name) || strings.EqualFold(m.name, "Main") {
		return false
	}
	var at int
	declared := map[Pos]bool{} // the declarations of same-named methods: no mention
	switch f.lang {
	case CSharp:
		if !assemblyOnlyCS(m.mods) {
			if !protectedOverrideOfApp(ix, m, declared) {
				return false
			}
		}
		at = declarationToken(f, m)
		if at < 0 || hasAttributes(f.toks, at) || at > 0 && isAccess(f.toks[at-1]) {
			return false // an explicit interface implementation: the interface calls it
		}
	case VB:
		if !assemblyOnlyVB(m.mods) {
			if !protectedOverrideOfApp(ix, m, declared) {
				return false
			}
		}
		at = declarationToken(f, m)
		if at < 0 || vbAttributed(f.toks, at) || vbHandlesOrImplements(f.toks, at, m.s) {
			return false
		}
	case CPP:
		if !cppPrivateMember(ix, m, declared) {
			return false
		}
		at = declarationToken(f, m)
		if at < 0 {
			return false
		}
	default:
		return false
	}
	fold := f.lang == VB
	ix.want(m.name)
	for _, g := range ix.files {
		for i, t := range g.toks {
			if g == f && i == at || declared[g.pos(t)] {
				continue
			}
			switch t.Kind {
			case TokIdent:
				if equalName(t.Text, m.name, fold || g.lang == VB) {
					return false
				}
			case TokString:
				if equalName(t.Value, m.name, fold || g.lang == VB) {
					return false
				}
			}
		}
	}
	return !namedByXAML(f, m)
}

// assemblyOnlyCS reports C# modifiers that say a class member stays
// inside its assembly: private or internal, and not protected (private
// protected and protected internal reach derived classes the App may not
// hold). A member without an access modifier is private too, but is left
// in, as the shape code written to show a method that runs takes; partial,
// extern and the overridable kinds are called by what the App does not
// spell.
func assemblyOnlyCS(mods []string) bool {
	said := false
	for _, mod := range mods {
		switch mod {
		case "private", "internal":
			said = true
		case "public", "protected", "partial", "extern", "override", "virtual", "abstract":
			return false
		}
	}
	return said
}

// assemblyOnlyVB is assemblyOnlyCS for Visual Basic (mods lower case),
// where a Sub without an access modifier is Public.
func assemblyOnlyVB(mods []string) bool {
	access := false
	for _, mod := range mods {
		switch mod {
		case "private", "friend":
			access = true
		case "public", "protected", "partial", "overrides", "overridable", "mustoverride", "notoverridable", "shadows", "declare":
			return false
		}
	}
	return access
}

// vbAttributed reports whether the Visual Basic declaration whose name is
// toks[at] carries an attribute: a '<' before the name on its statement,
// or a '>' ending the statement before it (an attribute on a line of its
// own).
func vbAttributed(toks []Token, at int) bool {
	i := at - 1
	for ; i >= 0 && toks[i].Kind != TokNewline; i-- {
		if isPunct(toks[i], "<") {
			return true
		}
	}
	for ; i >= 0 && toks[i].Kind == TokNewline; i-- {
	}
	return i >= 0 && isPunct(toks[i], ">")
}

// vbHandlesOrImplements reports whether the declaration statement of the
// method named at toks[at] (up to its body, which starts at body) has a
// Handles clause (an event calls it) or an Implements clause (an
// interface does).
func vbHandlesOrImplements(toks []Token, at, body int) bool {
	for i := at + 1; i < body && i < len(toks); i++ {
		if isIdentFold(toks[i], "Handles") || isIdentFold(toks[i], "Implements") {
			return true
		}
	}
	return false
}

// declarationToken is the index in f.toks of the name of m's declaration
// (-1 when it cannot be found).
func declarationToken(f *fileModel, m *methodDecl) int {
	for i, t := range f.toks {
		if t.Kind == TokIdent && t.Text == m.name && int(t.Line) == m.pos.Line && int(t.Col) == m.pos.Col {
			return i
		}
	}
	return -1
}

// hasAttributes reports whether the declaration whose name is toks[at]
// may carry an attribute: walking back over its modifiers and return
// type, anything but the end of the previous member or the start of the
// class body ('{', '}', ';') counts as one ("[RelayCommand] private void
// Register()": a generator calls it), and so does an array return type,
// whose brackets read the same.
func hasAttributes(toks []Token, at int) bool {
	for i := at - 1; i >= 0; i-- {
		t := toks[i]
		if t.Kind == TokIdent {
			continue
		}
		if t.Kind == TokPunct {
			switch t.Text {
			case ".", "<", ">", ",", "?":
				continue // a qualified or generic return type
			case "{", "}", ";":
				return false
			}
		}
		return true
	}
	return false
}

// namedByXAML reports whether XAML may call m: its class is partial and m
// is declared in the code-behind of a XAML file that spells the name
// (Click="Register", {x:Bind Register}), or cannot be read, or m's file
// is no code-behind (another part of the class may be).
func namedByXAML(f *fileModel, m *methodDecl) bool {
	if f.lang == CPP && !strings.Contains(strings.ToLower(filepath.Base(f.sf.Path)), ".xaml.") {
		return false // not a page's code: no XAML names its members
	}
	if f.lang == CSharp && !m.class.partial {
		return false // every C# part of a XAML class says partial
	}
	if f.lang == VB && m.class.kind == "module" {
		return false // a module is no XAML class
	}
	// A Visual Basic part may omit Partial: its code-behind is read
	// whatever the class says.
	xaml := f.sf.Path[:len(f.sf.Path)-len(filepath.Ext(f.sf.Path))]
	if !strings.HasSuffix(strings.ToLower(xaml), ".xaml") {
		return true
	}
	data, size, err := fileread.Limited(xaml, maxXAMLSize)
	if err != nil || data == nil && size > 0 {
		return true
	}
	if f.lang == VB {
		return bytes.Contains(bytes.ToLower(data), []byte(strings.ToLower(m.name)))
	}
	return bytes.Contains(data, []byte(m.name))
}

// protectedOverrideOfApp reports a protected override (C# protected
// override, VB Protected Overrides) of a protected virtual or abstract
// method that a class of the App declares: only the App's own code can call
// it, through that base method's name (audit 33: madenwala/Templates
// overrides Registrations(), whose only call in the base class is a
// "// TODO this.Registrations();"). The same-named declarations are added
// to declared: they are no calls. A public or internal member, or an
// override of a framework's method, stays in.
func protectedOverrideOfApp(ix *appIndex, m *methodDecl, declared map[Pos]bool) bool {
	if !onlyProtected(m.mods, "override", "overrides") {
		return false
	}
	fold := m.file.lang == VB
	base := false
	for _, o := range ix.methodsNamed(m.name, fold) {
		if o.file.lang != m.file.lang {
			continue
		}
		declared[o.pos] = true
		if o != m && onlyProtected(o.mods, "virtual", "abstract", "overridable", "mustoverride") {
			base = true
		}
	}
	// an abstract (MustOverride) declaration has no body, so it is no
	// methodDecl: find it in the tokens, modifiers back to the previous
	// member
	for _, g := range ix.files {
		if g.lang != m.file.lang {
			continue
		}
		for i, t := range g.toks {
			if !identIs(t, m.name, fold) || i+1 >= len(g.toks) || !isPunct(g.toks[i+1], "(") {
				continue
			}
			var mods []string
			for k := i - 1; k >= 0; k-- {
				p := g.toks[k]
				if p.Kind != TokIdent {
					break
				}
				mods = append(mods, p.Text)
			}
			if onlyProtected(mods, "abstract", "mustoverride", "virtual", "overridable") {
				declared[g.pos(t)] = true
				base = true
			}
		}
	}
	return base
}

// onlyProtected reports modifiers that hold protected, one of kinds, and
// no wider access (public, internal, Friend).
func onlyProtected(mods []string, kinds ...string) bool {
	protected, kind := false, false
	for _, mod := range mods {
		switch strings.ToLower(mod) {
		case "protected":
			protected = true
		case "public", "internal", "friend":
			return false
		}
		for _, k := range kinds {
			if strings.EqualFold(mod, k) {
				kind = true
			}
		}
	}
	return protected && kind
}

// cppPrivateMember reports a C++ member function that only its class can
// call: defined in a private section, or declared only in private ones,
// not virtual nor an override (a base class may call a private override),
// in a class with no friend declaration (audit 33: Nagisa's
// TransferManager::CreateBackgroundWorker, declared private and called
// nowhere, held its only registration). The declarations are added to
// declared: they are no calls.
func cppPrivateMember(ix *appIndex, m *methodDecl, declared map[Pos]bool) bool {
	private := hasMod(m.mods, "private")
	if hasMod(m.mods, "virtual") {
		return false
	}
	found := false
	for _, c := range ix.classes[m.class.name] {
		if c.full != m.class.full || c.file.lang != CPP {
			continue
		}
		if c.friends {
			return false
		}
		for _, p := range c.protos {
			if p.name != m.name {
				continue
			}
			if !p.private || p.virtual {
				return false
			}
			found = true
			declared[p.pos] = true
		}
	}
	return private || found
}
