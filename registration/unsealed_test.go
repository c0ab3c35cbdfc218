package registration

import "testing"

func TestMayDeclareUnsealedClass(t *testing.T) {
	tests := []struct {
		name string
		lang Language
		src  string
		want bool
	}{
		{"no class at all", CSharp, "namespace A { public struct S {} }", false},
		{"public sealed class", CSharp, "namespace A\n{\n    public sealed class Model\n    {\n    }\n}\n", false},
		{"public sealed partial class", CSharp, "namespace A { public sealed partial class Model { } }", false},
		{"sealed before public", CSharp, "namespace A { sealed public class Model { } }", false},
		{"public static class", CSharp, "namespace A { public static class Helpers { } }", false},
		{"internal class", CSharp, "namespace A { internal class Cache { } }", false},
		{"class with no modifier", CSharp, "namespace A { class Cache { } }", false},
		{"attribute before a sealed class", CSharp, "[Foo(1)]\npublic sealed class A { }", false},
		{"file starts with the class", CSharp, "public sealed class A { }", false},
		{"word inside an identifier", CSharp, "var subclass = classes; // subclassing", false},
		{"doc comment above a sealed class", CSharp, "namespace A\n{\n    /// <summary>A model.</summary>\n    public sealed partial class Model\n    {\n    }\n}\n", false},
		{"block comment and region", CSharp, "namespace A {\n#region Models\n/* the model */\n[Foo]\npublic sealed class Model { }\n#endregion\n}", false},
		{"a commented-out unsealed class", CSharp, "namespace A {\n// public class Old { }\npublic sealed class New { }\n}", false},
		{"doc comment above a public class", CSharp, "namespace A\n{\n    /// <summary>A model.</summary>\n    public class Model\n    {\n    }\n}\n", true},
		{"modifier before a comment line", CSharp, "namespace A {\npublic\n// why it is not sealed\nclass Model { } }", true},
		{"code before a trailing comment", CSharp, "namespace A { int x; // note\npublic class Model { } }", true},
		{"public class", CSharp, "namespace A { public class Model { } }", true},
		{"public abstract class", CSharp, "namespace A { public abstract class Base { } }", true},
		{"public partial class", CSharp, "namespace A { public partial class Model { } }", true},
		{"nested public class in a sealed one", CSharp, "public sealed class Outer { public class Inner { } }", true},
		{"comment between modifiers", CSharp, "namespace A { public /* note */ class Model { } }", true},
		{"generic constraint", CSharp, "public sealed class A<T> where T : class { }", true},
		{"the word in a comment line", CSharp, "// this class is sealed\npublic sealed class A { }", false},
		{"C# is case-sensitive", CSharp, "public Class X", false},
		{"VB NotInheritable", VB, "Namespace A\n    Public NotInheritable Class Model\n    End Class\nEnd Namespace\n", false},
		{"VB Friend class", VB, "Friend Class Cache\nEnd Class\n", false},
		{"VB public class", VB, "Namespace A\n    Public Class Model\n    End Class\nEnd Namespace\n", true},
		{"VB any case", VB, "PUBLIC CLASS Model\nEND CLASS\n", true},
		{"VB attribute on the line", VB, "<ComVisible(True)> Public NotInheritable Class A\nEnd Class\n", false},
		{"VB line continuation", VB, "Public _\n  Class A\nEnd Class\n", true},
		{"VB continuation hidden behind a comment", VB, "Public _ ' note\n  Class A\nEnd Class\n", true},
		{"VB after a statement separator", VB, "Imports System : Public NotInheritable Class A\nEnd Class\n", false},
		{"VB MustInherit", VB, "Public MustInherit Class Base\nEnd Class\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mayDeclareUnsealedClass(tt.lang, []byte(tt.src)); got != tt.want {
				t.Errorf("mayDeclareUnsealedClass(%s, %q) = %v, want %v", tt.lang, tt.src, got, tt.want)
			}
		})
	}
}

// FuzzUnsealedByteTest holds the byte test to its promise against the
// parser: when it says a C# or VB file declares no public class that is
// not sealed, the parser must find none in it either (a file it wrongly
// skips would hide a BG201 finding).
func FuzzUnsealedByteTest(f *testing.F) {
	for _, s := range []string{
		"namespace A { public sealed class M { } }",
		"namespace A {\n/// <summary>x</summary>\npublic sealed partial class M { public class Inner { } } }",
		"[Attr] public static class H { }",
		"/* c */ sealed public class X { } internal class Y { }",
		"#region R\npublic sealed class Z { }\n#endregion",
		"Namespace A\n<ComVisible(True)> Public NotInheritable Class M\nEnd Class\nEnd Namespace\n",
		"Public _\n Class V\nEnd Class\n",
		"Friend Class F : End Class",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, vb bool) {
		lang := CSharp
		if vb {
			lang = VB
		}
		if mayDeclareUnsealedClass(lang, []byte(src)) {
			return // the file is lexed: nothing to hold
		}
		fm, _ := parseSource(SourceFile{Path: "f", Language: lang}, []byte(src), false)
		if fm == nil {
			return
		}
		for _, c := range fm.classes {
			if c.kind == "class" && c.public && !c.sealed {
				t.Fatalf("the byte test skips %q, but it declares public class %s that is not sealed", src, c.name)
			}
		}
	})
}
