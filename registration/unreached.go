package registration

import (
	"bytes"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// Registrations in a method that never runs. A C# method declared private
// can only be called from its own class: when no code of the App spells
// its name (a call, a delegate, an event subscription, a string given to
// reflection) and no XAML of the class names it, nothing calls it, and the
// builder in it registers nothing (audit 18: a page's RegisterTaskSMS,
// left behind with a misspelt entry point, made BG101 say Register()
// throws). The test errs towards "it may run": anything it cannot see
// (an attribute a framework or code generator acts on, another part of a
// partial class that is not the code-behind of one XAML file, a XAML file
// it cannot read) keeps the method in.

// maxXAMLSize bounds the XAML file read to look for a method's name.
const maxXAMLSize = 16 << 20

// unreachedMethod reports whether m is a private C# method that nothing
// in the App names. The name is wanted: a file not lexed yet that spells
// it is lexed, and the next round asks again.
func unreachedMethod(ix *appIndex, m *methodDecl) bool {
	f := m.file
	if f == nil || f.lang != CSharp || m.name == "" || m.class == nil || m.name == m.class.name || m.name == "Main" {
		return false
	}
	if !slices.Contains(m.mods, "private") {
		return false
	}
	for _, mod := range m.mods {
		switch mod {
		case "partial", "extern", "override", "virtual", "abstract":
			return false
		}
	}
	at := declarationToken(f, m)
	if at < 0 || hasAttributes(f.toks, at) {
		return false
	}
	ix.want(m.name)
	for _, g := range ix.files {
		for i, t := range g.toks {
			if g == f && i == at {
				continue
			}
			if t.Kind == TokIdent && t.Text == m.name || t.Kind == TokString && t.Value == m.name {
				return false
			}
		}
	}
	return !namedByXAML(f, m)
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
	if !m.class.partial {
		return false
	}
	xaml, ok := strings.CutSuffix(f.sf.Path, ".cs")
	if !ok || !strings.HasSuffix(strings.ToLower(xaml), ".xaml") {
		return true
	}
	data, size, err := fileread.Limited(xaml, maxXAMLSize)
	if err != nil || data == nil && size > 0 {
		return true
	}
	return bytes.Contains(data, []byte(m.name))
}
