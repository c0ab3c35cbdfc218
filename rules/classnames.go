package rules

import (
	"strings"
)

// Class and type names as code and manifest spell them: C++ and .NET
// qualifiers, namespaces, simple names, the interface naming convention.

// normClassName writes a class name the way the manifest does: C++ "::"
// separators as dots, no "global::" or "Global." qualifier.
func normClassName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "global::")
	s = strings.TrimPrefix(s, "::")
	s = strings.ReplaceAll(s, "::", ".")
	s = strings.TrimPrefix(s, "Global.")
	// A C++/WinRT implementation struct (winrt::Ns::implementation::X)
	// stands for the runtime class Ns.X.
	for _, impl := range []string{".factory_implementation.", ".implementation."} {
		if i := strings.LastIndex(s, impl); i >= 0 {
			s = s[:i] + "." + s[i+len(impl):]
		}
	}
	s = strings.TrimPrefix(s, "winrt.")
	return s
}

// simpleName is the last dotted component of a class name ("Ns.Sub.X" → "X").
func simpleName(class string) string {
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		return class[i+1:]
	}
	return class
}

// namespaceOf is everything before the last dot ("" when none).
func namespaceOf(class string) string {
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		return class[:i]
	}
	return ""
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
