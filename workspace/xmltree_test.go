package workspace

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// dumpXML prints a tree (or an error) so that two readers' answers can be
// compared and a difference shown.
func dumpXML(root *xmlElem, err error) string {
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return fmt.Sprintf("error at line %d: %v", le.line, le.err)
		}
		return "error: " + err.Error()
	}
	if root == nil {
		return "no root"
	}
	var b strings.Builder
	var rec func(e *xmlElem, depth int)
	rec = func(e *xmlElem, depth int) {
		fmt.Fprintf(&b, "%s<%s> line %d text %q", strings.Repeat("  ", depth), e.tag, e.line, e.text)
		for _, a := range e.attrs {
			fmt.Fprintf(&b, " %s:%s=%q", a.space, a.key, a.value)
		}
		b.WriteByte('\n')
		for _, c := range e.children {
			rec(c, depth+1)
		}
	}
	rec(root, 0)
	return b.String()
}

// The fast and the one-pass readers must build what etree (with
// elementLines' lines) builds, and report the same errors, or hand the
// document on.
func TestReadXMLTreeMatchesEtree(t *testing.T) {
	deep := strings.Repeat("<a>", etreeMaxDepth+1) + strings.Repeat("</a>", etreeMaxDepth+1)
	tests := []struct {
		name      string
		doc       string
		needEtree bool // the one-pass reader is expected to defer to etree
		slow      bool // readXMLTreeFast is expected to defer to encoding/xml
	}{
		{name: "project", doc: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project Sdk=\"X\">\n  <PropertyGroup>\n    <OutputType>WinExe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n    <Compile Include=\"a.cs\" />\n  </ItemGroup>\n</Project>\n"},
		{name: "crlf lines", doc: "<Project>\r\n<ItemGroup>\r\n\r\n<Compile Include=\"a.cs\"/><Compile\r\nInclude=\"b.cs\"/></ItemGroup></Project>"},
		{name: "text around a comment", doc: "<P><V>one<!-- c -->two<x/>three</V></P>"},
		{name: "text stops at a processing instruction", doc: "<P><V>one<?pi x?>two</V></P>"},
		{name: "cdata and entities", doc: "<P><V><![CDATA[a<b]]>&amp;&#65;</V></P>", slow: true},
		{name: "duplicate attributes", doc: `<P><C Include="a" Remove="r" Include="b"/></P>`},
		{name: "namespace declarations", doc: `<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003" xmlns:x="u"><x:Item Include="a"/></Project>`, slow: true},
		{name: "prefixed attribute", doc: `<P xmlns:a="u" xmlns:b="u"><C a:Include="1" b:Include="2" Include="3"/></P>`, needEtree: true, slow: true},
		{name: "unbound prefixed attribute", doc: `<P><C a:Include="1"/></P>`, needEtree: true, slow: true},
		{name: "two top-level elements", doc: `<A><B/></A><C/>`, slow: true},
		{name: "no element", doc: "<!-- nothing -->\n", slow: true},
		{name: "empty", doc: "", slow: true},
		{name: "unclosed", doc: "<Project>\n<ItemGroup>\n", slow: true},
		{name: "mismatched end", doc: "<Project>\n<A></B>\n</Project>", slow: true},
		{name: "mismatched prefix", doc: `<a:P xmlns:a="u" xmlns:b="u"></b:P>`, slow: true},
		{name: "bad attribute", doc: "<Project>\n\n<A x=y/></Project>", slow: true},
		// A syntax error further on is the answer, whatever came before.
		{name: "error after a prefixed attribute", doc: "<P><C a:Include=\"1\"/>\n<D></E></P>", slow: true},
		{name: "declared encoding", doc: `<?xml version="1.0" encoding="utf-16"?><Project><A>x</A></Project>`},
		{name: "unsupported version", doc: `<?xml version="1.1"?><Project/>`, slow: true},
		{name: "carriage returns", doc: "<Project>\r\n<A B=\"x\r\ny\ry\">one\r\r\ntwo\rthree</A>\r\n</Project>\r\n"},
		{name: "unicode text", doc: "<Project><RootNamespace>Café.Tâches</RootNamespace><C Include=\"Über.cs\"/></Project>"},
		{name: "illegal character", doc: "<Project><A>\x01</A></Project>", slow: true},
		{name: "invalid utf-8", doc: "<Project><A>\xff</A></Project>", slow: true},
		{name: "unescaped cdata end", doc: "<Project><A>]]></A></Project>", slow: true},
		{name: "cdata end in an attribute", doc: `<Project><A B="]]>"/></Project>`},
		{name: "comment with double dash", doc: "<Project><!-- a -- b --></Project>", slow: true},
		{name: "comment and processing instruction before the root", doc: "<?xml version='1.0'?>\n<!-- made by hand -->\n<?other x?>\n<Project><A>t<?pi?>u</A></Project>\n<!-- end -->\n"},
		{name: "attributes without space between", doc: `<Project><A B="1"C='2'/></Project>`},
		{name: "element name with digits and dots", doc: `<Project><A.b-1_c>x</A.b-1_c></Project>`},
		{name: "name starting with a digit", doc: `<Project><1a/></Project>`, slow: true},
		{name: "deeper than etree allows", doc: deep, needEtree: true, slow: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.doc)
			want := dumpXML(readXMLTreeEtree(data))
			got := dumpXML(readXMLTree(data))
			if got != want {
				t.Errorf("one pass:\n%s\netree:\n%s", got, want)
			}
			if _, fast := readXMLTreeFast(data); fast == tt.slow {
				t.Errorf("fast path taken: %v, want %v", fast, !tt.slow)
			}
			_, err := readXMLTreeOnce(data)
			if deferred := errors.Is(err, errNeedsEtree); deferred != tt.needEtree {
				t.Errorf("deferred to etree: %v, want %v", deferred, tt.needEtree)
			}
		})
	}
}

// FuzzReadXMLTree: on any input, the fast and one-pass readers answer as
// etree and elementLines do.
func FuzzReadXMLTree(f *testing.F) {
	for _, seed := range []string{
		"<Project Sdk=\"X\">\n<PropertyGroup><A>1</A></PropertyGroup>\n<ItemGroup><Compile Include=\"a\"/></ItemGroup></Project>",
		"<P><V>one<!-- c -->two<x/>three</V></P>",
		`<P><C Include="a" Include="b"/></P>`,
		`<a:P xmlns:a="u"><C a:x="1"/></a:P>`,
		"<P>\n<A></B>",
		"<?xml version=\"1.0\"?><!DOCTYPE P><P><![CDATA[x]]></P>",
		"<?xml version='1.0'?>\r\n<!-- c -->\r\n<P A=\"x\r\ny\"><V>a\rb<?pi?>c</V><W B='1'C=\"2\"/></P>\r\n",
		"<P><V>Café</V></P>",
		// the predefined entities the fast reader decodes, and what it leaves to the slow one
		`<P><V Condition="'$(A)' &lt; '14.0' &amp;&amp; '$(B)'!=''">a &gt; b &quot;c&quot; &apos;d&apos;</V></P>`,
		`<P><V>&amp;lt;</V><W>&#60;&#x3c;</W><X A="&lt"/></P>`,
		"<P><V>&unknown;</V></P>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		data := []byte(doc)
		want := dumpXML(readXMLTreeEtree(data))
		if got := dumpXML(readXMLTree(data)); got != want {
			t.Fatalf("one pass:\n%s\netree:\n%s", got, want)
		}
		// twice on reused blocks: the second tree is carved from the
		// blocks the first released
		for i := 0; i < 2; i++ {
			root, release, err := readXMLTreeReuse(data)
			if got := dumpXML(root, err); got != want {
				t.Fatalf("one pass on reused blocks (%d):\n%s\netree:\n%s", i, got, want)
			}
			release()
		}
	})
}

// Visual Studio writes "&lt;" and "&amp;&amp;" into the conditions of most
// project files; the fast reader decodes the predefined entities itself
// instead of handing the file to encoding/xml.
func TestFastReaderDecodesPredefinedEntities(t *testing.T) {
	doc := []byte(`<Project><PropertyGroup Condition="'$(V)' &lt; '14.0' &amp;&amp; '$(P)'!=''"><A>x &gt; y &quot;z&quot; &apos;w&apos;</A></PropertyGroup></Project>`)
	root, ok := readXMLTreeFast(doc)
	if !ok {
		t.Fatal("the fast reader refused a document with predefined entities only")
	}
	pg := root.children[0]
	if got, want := pg.attrs[0].value, `'$(V)' < '14.0' && '$(P)'!=''`; got != want {
		t.Errorf("attribute = %q, want %q", got, want)
	}
	if got, want := pg.children[0].text, `x > y "z" 'w'`; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	for _, slow := range []string{`<P>&#60;</P>`, `<P>&unknown;</P>`, `<P A="&lt"/>`} {
		if _, ok := readXMLTreeFast([]byte(slow)); ok {
			t.Errorf("the fast reader took %s, which needs encoding/xml", slow)
		}
	}
}
