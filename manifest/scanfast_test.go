package manifest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameScan fails t when scanFast answers for text and its result is not
// scanTokens'; it reports whether scanFast answered.
func sameScan(t *testing.T, name string, text []byte) bool {
	t.Helper()
	fast, ok := scanFast(text)
	if !ok {
		return false
	}
	if slow := scanTokens(text); !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the fast scan differs from encoding/xml's:\nfast %+v\nslow %+v", name, fast, slow)
	}
	return true
}

// Every manifest under testdata/ that scanFast reads, it reads as
// scanTokens does; and it reads the plain ones (the real-app fixtures).
func TestScanFastAgreesOnTestdata(t *testing.T) {
	fast, all := 0, 0
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsManifestName(d.Name()) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		all++
		if sameScan(t, p, decodeBytes(data).text) {
			fast++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if all < 100 || fast*10 < all*7 {
		t.Errorf("the fast scan read %d of %d manifests; want most of at least 100", fast, all)
	}
}

// What the fast scan leaves to encoding/xml, and what it reads itself.
func TestScanFastDefers(t *testing.T) {
	pkg := func(body string) string {
		return `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" xmlns:uap="u">` + body + "</Package>\n"
	}
	for _, tt := range []struct {
		name, text string
		fast       bool
	}{
		{"plain", pkg(`<Applications><Application Id="App" uap:X='a &amp; b'/></Applications>`), true},
		{"comment and CRLF", pkg("\r\n  <!-- note -->\r\n  <Extensions/>\r\n"), true},
		{"undeclared prefix and duplicate attribute (problems, read)", pkg(`<x:Y a="1" a="2"/>`), true},
		{"character reference", pkg(`<A B="&#65;"/>`), false},
		{"CDATA", pkg(`<A><![CDATA[x]]></A>`), false},
		{"DOCTYPE", `<!DOCTYPE Package><Package/>`, false},
		{"declaration not first", "\n" + pkg(""), false},
		{"second root", pkg("") + "<Other/>", false},
		{"text outside the root", pkg("") + "tail", false},
		{"mismatched end tag", `<Package><A></B></Package>`, false},
		{"unclosed", `<Package><A>`, false},
		{"non-ASCII name", pkg(`<Ä/>`), false},
		{"two colons", pkg(`<a:b:c/>`), false},
		{"bare ampersand", pkg(`<A B="x & y"/>`), false},
		{"less-than in a value", pkg(`<A B="x < y"/>`), false},
		{"attributes run together", pkg(`<A B="1"C="2"/>`), false},
		{"processing instruction inside", pkg(`<?pi x?>`), false},
		{"control character", pkg("<A>\x01</A>"), false},
		{"version 1.1", `<?xml version="1.1"?><Package/>`, false},
	} {
		got := sameScan(t, tt.name, []byte(tt.text))
		if got != tt.fast {
			t.Errorf("%s: fast scan answered %v, want %v", tt.name, got, tt.fast)
		}
		if !tt.fast && !strings.Contains(tt.name, "problems") {
			continue
		}
	}
}

// FuzzScanFast: wherever the fast scan answers, it answers as
// encoding/xml's pass does.
func FuzzScanFast(f *testing.F) {
	f.Add([]byte(sample("\n", "  ", `EntryPoint="A.B"`)))
	f.Add([]byte(sample("\r\n", "\t", `Ü="€" EntryPoint='Ä.B'`)))
	f.Add([]byte(`<?xml version="1.0"?><a xmlns:p="u"><p:b c="&lt;&amp;" p:d='x'/><!-- c --> t&gt;x </a>`))
	f.Add([]byte("<a b='1' b='2'><p:c/></a>"))
	f.Add([]byte("<a><!---></a>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameScan(t, "fuzz", data)
	})
}
