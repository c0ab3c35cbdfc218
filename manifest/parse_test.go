package manifest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bgmanifest/bgmanifest/platform"
)

const nsDecl = `xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"`

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		if bigEndian {
			out = append(out, 0xFE, 0xFF)
		} else {
			out = append(out, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestIsManifestName(t *testing.T) {
	cases := map[string]bool{
		"Package.appxmanifest": true, "package.APPXMANIFEST": true, "AppxManifest.xml": true,
		"appxmanifest.XML": true, "Package.Release.appxmanifest": true, ".appxmanifest": false,
		"Package.appxmanifest.bak": false, "manifest.xml": false, "AppxManifest.xml.orig": false,
		"Test-AppxManifest.xml": true, "appxmanifest.store.XML": true, "MyAppxManifestTests.xml": true,
		".xml": false, "Package.xml": false, "AppxManifest.json": false, "appx.manifest.xml": false,
	}
	for name, want := range cases {
		if got := IsManifestName(name); got != want {
			t.Errorf("IsManifestName(%q) = %v, want %v", name, got, want)
		}
	}
}

// sample has one of everything, written in the layout each case then
// varies (line endings, indentation, encoding).
func sample(nl, indent, epLine string) string {
	lines := []string{
		`<?xml version="1.0" encoding="utf-8"?>`,
		`<Package ` + nsDecl + `>`,
		indent + `<Applications>`,
		indent + indent + `<Application Id="App" EntryPoint="Ä.App">`,
		indent + indent + indent + `<Extensions>`,
		indent + indent + indent + indent + `<Extension Category="windows.backgroundTasks"`,
		indent + indent + indent + indent + indent + epLine + `>`,
		indent + indent + indent + indent + indent + `<BackgroundTasks><Task Type="timer"/><uap:Task Type="mediaProcessing"/></BackgroundTasks>`,
		indent + indent + indent + indent + `</Extension>`,
		indent + indent + indent + `</Extensions>`,
		indent + indent + `</Application>`,
		indent + `</Applications>`,
		`</Package>`,
	}
	return strings.Join(lines, nl) + nl
}

func TestPositions(t *testing.T) {
	type want struct {
		extLine, extCol, epLine, epCol, epValCol, taskLine, taskCol, uapTaskCol int
	}
	cases := []struct {
		name string
		data []byte
		enc  string
		nl   string
		w    want
	}{
		{"lf-spaces", []byte(sample("\n", "  ", `EntryPoint="Ä.Task"`)), EncUTF8, "\n", want{6, 9, 7, 11, 23, 8, 28, 48}},
		{"crlf-tabs", []byte(sample("\r\n", "\t", `EntryPoint="Ä.Task"`)), EncUTF8, "\r\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"cr-only", []byte(sample("\r", "\t", `EntryPoint="Ä.Task"`)), EncUTF8, "\r", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, sample("\n", "\t", `EntryPoint="Ä.Task"`)...), EncUTF8BOM, "\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"multibyte-before-attr", []byte(sample("\n", "\t", `Ü="€𝄞" EntryPoint="Ä.Task"`)), EncUTF8, "\n", want{6, 5, 7, 13, 25, 8, 23, 43}},
		{"split-attr", []byte(sample("\n", "\t", "EntryPoint\n\t\t\t\t\t=\n\t\t\t\t\t'Ä.Task'")), EncUTF8, "\n", want{6, 5, 7, 6, 7, 10, 23, 43}},
		{"utf16le", utf16Bytes(sample("\r\n", "\t", `EntryPoint="Ä.Task"`), false, true), EncUTF16LE, "\r\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"utf16be", utf16Bytes(sample("\n", "\t", `EntryPoint="Ä.Task"`), true, true), EncUTF16BE, "\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"utf16le-no-bom", utf16Bytes(sample("\n", "\t", `EntryPoint="Ä.Task"`), false, false), EncUTF16LE, "\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"utf16be-no-bom", utf16Bytes(sample("\n", "\t", `EntryPoint="Ä.Task"`), true, false), EncUTF16BE, "\n", want{6, 5, 7, 6, 18, 8, 23, 43}},
		{"utf16le-no-bom-no-decl", utf16Bytes("\n"+strings.SplitN(sample("\n", "\t", `EntryPoint="Ä.Task"`), "\n", 2)[1], false, false)[2:], EncUTF16LE, "\n", want{5, 5, 6, 6, 18, 7, 23, 43}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Parse("p", c.data)
			if len(m.Problems) > 0 {
				t.Fatalf("problems: %v", m.Problems)
			}
			if m.Encoding != c.enc || m.Newline != c.nl {
				t.Errorf("encoding %q newline %q, want %q %q", m.Encoding, m.Newline, c.enc, c.nl)
			}
			if len(m.BackgroundTasks) != 1 {
				t.Fatalf("%d background-task extensions", len(m.BackgroundTasks))
			}
			bt := m.BackgroundTasks[0]
			checkPos(t, m, "extension", bt.Element.Pos, c.w.extLine, c.w.extCol, "<Extension")
			checkPos(t, m, "EntryPoint name", bt.EntryPoint.Pos, c.w.epLine, c.w.epCol, "EntryPoint")
			if bt.EntryPoint.Value != "Ä.Task" {
				t.Errorf("EntryPoint = %q", bt.EntryPoint.Value)
			}
			if got := string(m.Text[bt.EntryPoint.ValuePos.Offset : bt.EntryPoint.End-1]); got != "Ä.Task" {
				t.Errorf("Text[ValuePos:End-1] = %q", got)
			}
			if bt.EntryPoint.ValuePos.Col != c.w.epValCol {
				t.Errorf("EntryPoint value col %d, want %d", bt.EntryPoint.ValuePos.Col, c.w.epValCol)
			}
			if len(bt.Tasks) != 2 {
				t.Fatalf("%d tasks", len(bt.Tasks))
			}
			checkPos(t, m, "task", bt.Tasks[0].Element.Pos, c.w.taskLine, c.w.taskCol, "<Task")
			checkPos(t, m, "uap task", bt.Tasks[1].Element.Pos, c.w.taskLine, c.w.uapTaskCol, "<uap:Task")
			if bt.Tasks[1].Namespace != platform.NSUap || bt.Tasks[0].Namespace != platform.NSFoundation {
				t.Errorf("task namespaces %q %q", bt.Tasks[0].Namespace, bt.Tasks[1].Namespace)
			}
			if !bt.Tasks[0].Element.SelfClosing || !bytes.HasSuffix(m.Text[:bt.Tasks[0].Element.End], []byte("/>")) {
				t.Errorf("task element end %d not after />", bt.Tasks[0].Element.End)
			}
			if !bytes.HasSuffix(m.Text[:bt.Element.End], []byte("</Extension>")) {
				t.Errorf("extension End does not follow </Extension>")
			}
			if bt.Application != "App" || bt.AppIndex != 0 || bt.Level != LevelApplication {
				t.Errorf("owner %q %d %q", bt.Application, bt.AppIndex, bt.Level)
			}
			if !bytes.Equal(m.Encode(), c.data) {
				t.Errorf("Encode() does not give back the file's bytes")
			}
		})
	}
}

func checkPos(t *testing.T, m *Manifest, what string, p Pos, line, col int, prefix string) {
	t.Helper()
	if p.Line != line || p.Col != col {
		t.Errorf("%s at %d:%d, want %d:%d", what, p.Line, p.Col, line, col)
	}
	if !bytes.HasPrefix(m.Text[p.Offset:], []byte(prefix)) {
		t.Errorf("%s: Text[Offset:] starts %q, want %q", what, m.Text[p.Offset:min(len(m.Text), p.Offset+20)], prefix)
	}
	if back := m.PosAt(p.Offset); back != p {
		t.Errorf("%s: PosAt(Offset) = %+v, want %+v", what, back, p)
	}
	if off := m.OffsetAt(p.Line, p.Col); off != p.Offset {
		t.Errorf("%s: OffsetAt(%d, %d) = %d, want %d", what, p.Line, p.Col, off, p.Offset)
	}
}

func TestLine(t *testing.T) {
	m := Parse("p", []byte("<a>\r\n\tb\rc\n</a>"))
	want := []string{"", "<a>", "\tb", "c", "</a>", ""}
	for n, w := range want {
		if got := m.Line(n); got != w {
			t.Errorf("Line(%d) = %q, want %q", n, got, w)
		}
	}
	if m.LineCount() != 4 {
		t.Errorf("LineCount = %d", m.LineCount())
	}
}

func TestProblems(t *testing.T) {
	deep := "<Package " + nsDecl + ">" + strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000) + "</Package>"
	cases := []struct {
		name, in   string
		line, col  int
		msgContain string
	}{
		{"empty", "", 1, 1, "empty"},
		{"whitespace", "  \n ", 1, 1, "empty"},
		{"unclosed", "<Package " + nsDecl + ">\n  <Applications>\n</Package>", 3, 1, "closed by </Package>"},
		{"eof", "<Package " + nsDecl + ">\n  <Applications>", 2, 17, "<Applications> is never closed"},
		{"two roots", "<Package " + nsDecl + "/>\n<Package " + nsDecl + "/>", 2, 1, "second root element"},
		{"text outside", "<Package " + nsDecl + "/>\n  junk", 2, 3, "text outside the root"},
		{"duplicate attr", "<Package " + nsDecl + ">\n <Identity Name='a' Name='b'/></Package>", 2, 21, "Name appears twice"},
		{"duplicate attr by uri", "<Package " + nsDecl + " xmlns:u2='http://schemas.microsoft.com/appx/manifest/uap/windows10'>\n <Identity uap:X='a' u2:X='b'/></Package>", 2, 22, "u2:X appears twice"},
		{"undeclared prefix", "<Package " + nsDecl + ">\n <uap5:Extension/></Package>", 2, 3, `prefix "uap5"`},
		{"undeclared attr prefix", "<Package " + nsDecl + ">\n <Identity uap5:Name='x'/></Package>", 2, 12, `prefix "uap5"`},
		{"doctype", "<!DOCTYPE Package [<!ENTITY x 'y'>]>\n<Package " + nsDecl + "/>", 1, 1, "DOCTYPE is not allowed"},
		{"deep", deep, 1, len("<Package ") + len(nsDecl) + len(">") + 3*1023 + 1, "more than 1024 deep"},
		{"nul", "<Package>\x00</Package>", 1, 10, "NUL byte"},
		{"invalid utf8", "<?xml version='1.0' encoding='windows-1252'?>\n<Package>caf\xe9</Package>", 2, 13, `declares encoding "windows-1252"`},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", 1, 1, "invalid UTF-8"},
		{"not a package", "<Project/>", 1, 1, "root element is <Project>"},
		// the root's problem is found after the prefix's, and is first
		{"not a package, undeclared prefix", "<Applications>\n <uap:Extension/>\n</Applications>", 1, 1, "root element is <Applications>"},
		{"lone surrogate", string(utf16Bytes("<Package>ab", false, true)) + "\x00\xd8" + string(utf16Bytes("</Package>", false, false)), 1, 12, "lone surrogate"},
		{"odd utf16", string(utf16Bytes("<Package/>", false, true)) + "x", 1, 11, "odd number of bytes"},
		{"late xml declaration", "\n<?xml version='1.0'?>\n<Package " + nsDecl + "/>", 2, 1, "must be the very first thing"},
		{"empty prefix binding", "<Package " + nsDecl + " xmlns:a=''/>", 1, 10 + len(nsDecl) + 1, "xmlns:a is empty"},
		{"bare ampersand", "<Package " + nsDecl + ">\n <Properties><DisplayName>A & B</DisplayName></Properties></Package>", 2, 29, `"&" must be written "&amp;"`},
		{"unclosed comment", "<Package " + nsDecl + ">\n <!-- note\n <Identity/>\n</Package>", 2, 2, "comment that starts here is never closed"},
		{"attr without value", "<Package " + nsDecl + ">\n  <Identity Name/>\n</Package>", 2, 18, "not well-formed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Parse("p", []byte(c.in))
			if len(m.Problems) == 0 {
				t.Fatalf("no problem reported")
			}
			p := m.Problems[0]
			if p.Pos.Line != c.line || p.Pos.Col != c.col || !strings.Contains(p.Message, c.msgContain) {
				t.Errorf("first problem %d:%d %q, want %d:%d containing %q", p.Pos.Line, p.Pos.Col, p.Message, c.line, c.col, c.msgContain)
			}
			for _, p := range m.Problems {
				if p.Pos.Offset < 0 || p.Pos.Offset > len(m.Text) || p.Pos.Line < 1 || p.Pos.Line > m.LineCount() {
					t.Errorf("problem position outside the text: %+v", p.Pos)
				}
			}
		})
	}
}

func TestModel(t *testing.T) {
	src := `<?xml version="1.0" encoding="utf-8"?>
<Package ` + nsDecl + `
  xmlns:com="http://schemas.microsoft.com/appx/manifest/com/windows10"
  xmlns:com2="http://schemas.microsoft.com/appx/manifest/com/windows10/2"
  xmlns:rescap="http://schemas.microsoft.com/appx/manifest/foundation/windows10/restrictedcapabilities"
  xmlns:uap4="http://schemas.microsoft.com/appx/manifest/uap/windows10/4"
  xmlns:x="urn:ignored" IgnorableNamespaces="uap x">
  <Identity Name="Contoso.App" Publisher="CN=Contoso" Version="1.2.3.4"/>
  <Applications>
    <Application Id="Main" Executable="$targetnametoken$.exe" EntryPoint="Contoso.App">
      <Extensions>
        <Extension Category="windows.backgroundTasks" Entrypoint="Typo" Executable="Host.exe" ResourceGroup="G" uap4:Extra="1">
          <BackgroundTasks ServerName="S" uap4:SupportsMultipleInstances="false" Foo="1" SupportsMultipleInstances="true">
            <Task Type="timer" Name="n"><Child/></Task>
            <x:Whatever/>
            <Trigger/>
          </BackgroundTasks>
          <BackgroundTasks/>
        </Extension>
        <uap:Extension Category="windows.backgroundTasks" EntryPoint="Uap.Task"/>
        <com:Extension Category="windows.comServer">
          <com:ComServer>
            <com:ExeServer Executable="Server.exe">
              <com:Class Id="AAAAAAAA-0000-0000-0000-000000000001"/>
              <com2:Class Id="AAAAAAAA-0000-0000-0000-000000000002"/>
            </com:ExeServer>
          </com:ComServer>
        </com:Extension>
      </Extensions>
    </Application>
    <Application Id="Second" EntryPoint="Second.App"/>
  </Applications>
  <Extensions>
    <Extension Category="windows.activatableClass.inProcessServer">
      <InProcessServer>
        <Path> Tasks.dll </Path>
        <ActivatableClass ActivatableClassId="Tasks.A" ThreadingModel="both"/>
        <ActivatableClass ActivatableClassId="Tasks.B" ThreadingModel="both"/>
      </InProcessServer>
    </Extension>
    <Extension Category="windows.backgroundTasks" EntryPoint="Pkg.Task"><BackgroundTasks><Task Type="general"/></BackgroundTasks></Extension>
  </Extensions>
  <Capabilities>
    <Capability Name="internetClient"/>
    <rescap:Capability Name="runFullTrust"/>
    <DeviceCapability Name="location"/>
  </Capabilities>
</Package>`
	m := Parse("p", []byte(src))
	if len(m.Problems) > 0 {
		t.Fatalf("problems: %v", m.Problems)
	}
	if m.Identity == nil || m.Identity.Name.Value != "Contoso.App" || m.Identity.Version.Value != "1.2.3.4" {
		t.Errorf("identity %+v", m.Identity)
	}
	if len(m.Applications) != 2 || m.Applications[0].ID.Value != "Main" || m.Applications[1].Extensions == nil || m.Applications[1].ExtensionsElement != nil {
		t.Fatalf("applications %+v", m.Applications)
	}
	if got := len(m.Applications[0].Extensions); got != 3 {
		t.Errorf("%d application extensions, want 3", got)
	}
	if len(m.PackageExtensions) != 2 || m.PackageExtensions[1].Level != LevelPackage {
		t.Errorf("package extensions %+v", m.PackageExtensions)
	}
	if len(m.BackgroundTasks) != 3 {
		t.Fatalf("%d background-task extensions, want 3", len(m.BackgroundTasks))
	}
	bt := m.BackgroundTasks[0]
	if bt.EntryPoint.Present || bt.InheritedEntryPoint != "Contoso.App" || bt.EffectiveEntryPoint() != "Contoso.App" {
		t.Errorf("entry point %+v inherited %q", bt.EntryPoint, bt.InheritedEntryPoint)
	}
	if bt.Executable.Value != "Host.exe" || bt.ResourceGroup.Value != "G" || bt.ServerName.Value != "S" || bt.SupportsMultipleInstances.Value != "false" {
		t.Errorf("attributes %+v", bt)
	}
	var unknown []string
	for _, a := range bt.UnknownAttrs {
		unknown = append(unknown, a.Element+"@"+a.Name)
	}
	if got := strings.Join(unknown, " "); got != "Extension@Entrypoint BackgroundTasks@Foo BackgroundTasks@SupportsMultipleInstances Task@Name" {
		t.Errorf("unknown attributes %q", got)
	}
	var children []string
	for _, c := range bt.UnknownChildren {
		children = append(children, c.Name)
	}
	if got := strings.Join(children, " "); got != "Child Trigger BackgroundTasks" {
		t.Errorf("unknown children %q", got)
	}
	if !bt.HasTaskType("timer") || bt.HasTaskType("general") {
		t.Errorf("HasTaskType")
	}
	uapExt := m.BackgroundTasks[1]
	if uapExt.Element.Namespace != platform.NSUap || uapExt.BackgroundTasks != nil || uapExt.Application != "Main" {
		t.Errorf("uap extension %+v", uapExt)
	}
	pkg := m.BackgroundTasks[2]
	if pkg.Level != LevelPackage || pkg.AppIndex != -1 || pkg.Application != "" || len(pkg.Tasks) != 1 {
		t.Errorf("package-level extension %+v", pkg)
	}
	if len(m.ComServerClasses) != 2 || m.ComServerClasses[1].ID.Value != "AAAAAAAA-0000-0000-0000-000000000002" || m.ComServerClasses[0].Executable != "Server.exe" {
		t.Errorf("com classes %+v", m.ComServerClasses)
	}
	if len(m.ActivatableClasses) != 2 || m.ActivatableClasses[1].ID.Value != "Tasks.B" || m.ActivatableClasses[0].Path != "Tasks.dll" {
		t.Errorf("activatable classes %+v", m.ActivatableClasses)
	}
	if len(m.Capabilities) != 3 || m.Capabilities[1].Namespace != platform.NSRescap || m.Capabilities[2].Kind != "DeviceCapability" {
		t.Errorf("capabilities %+v", m.Capabilities)
	}
	if ind := m.BackgroundTasks[0].Tasks[0].Element.Indent; ind != "            " {
		t.Errorf("task indent %q", ind)
	}
}

func TestJSONModelPointers(t *testing.T) {
	src := "<Package " + nsDecl + ">\n<Applications><Application Id='A'><Extensions>\n" +
		"<Extension Category='windows.backgroundTasks' EntryPoint='X.Y'>\n<BackgroundTasks>\n<Task Type='timer'/>\n<Task Type='bogus'/>\n</BackgroundTasks></Extension>\n" +
		"</Extensions></Application></Applications></Package>"
	m := Parse("p", []byte(src))
	j := m.JSONModel()
	bts := j["backgroundTasks"].([]any)
	if len(bts) != 1 {
		t.Fatalf("backgroundTasks %v", bts)
	}
	cases := []struct {
		ptr       string
		line, col int
	}{
		{"/backgroundTasks/0", 3, 1},
		{"/backgroundTasks/0/entryPoint", 3, 59},
		{"/backgroundTasks/0/backgroundTasks/tasks/1/type", 6, 13},
		{"/backgroundTasks/0/backgroundTasks/tasks/1", 6, 1},
		{"/backgroundTasks/0/backgroundTasks/tasks/1/nothing/here", 6, 1},
		{"/backgroundTasks/0/level", 3, 1},
		{"/applications/0/id", 2, 32},
	}
	for _, c := range cases {
		p, ok := m.PosOf(c.ptr)
		if !ok || p.Line != c.line || p.Col != c.col {
			t.Errorf("PosOf(%q) = %d:%d %v, want %d:%d", c.ptr, p.Line, p.Col, ok, c.line, c.col)
		}
	}
	if _, ok := m.PosOf("nonsense"); ok {
		t.Errorf("PosOf(nonsense) found something")
	}
}

func TestParseFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ParseFile(filepath.Join(dir, "missing.appxmanifest")); err == nil || !strings.Contains(err.Error(), "missing.appxmanifest") {
		t.Errorf("missing file error %v", err)
	}
	big := filepath.Join(dir, "big.appxmanifest")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 5<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	m, err := ParseFile(big)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Problems) != 1 || m.Problems[0].Pos.Line != 1 || m.Problems[0].Message != "manifest is 21 MB, larger than the 16 MiB bgmanifest reads" {
		t.Errorf("big file problems %+v", m.Problems)
	}
	small := filepath.Join(dir, "Package.appxmanifest")
	if err := os.WriteFile(small, []byte(sample("\n", " ", `EntryPoint="A.B"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err = ParseFile(small)
	if err != nil || len(m.Problems) != 0 || len(m.BackgroundTasks) != 1 || m.Path != small {
		t.Errorf("ParseFile: %v %+v", err, m)
	}
}

// An in-process server's Path is the character data before its first
// child element: entities decoded, CDATA included, comments skipped.
func TestInProcessServerPathText(t *testing.T) {
	for path, want := range map[string]string{
		`<Path> Tasks.dll </Path>`:                "Tasks.dll",
		`<Path>Tasks&amp;Co.dll</Path>`:           "Tasks&Co.dll",
		`<Path><![CDATA[Tasks.dll]]></Path>`:      "Tasks.dll",
		`<Path>Tas<!-- old name -->ks.dll</Path>`: "Tasks.dll",
		`<Path>Tasks.dll<x/>Other.dll</Path>`:     "Tasks.dll",
		`<Path><x/>Tasks.dll</Path>`:              "",
		`<Path>Tasks<?pi x?>.dll</Path>`:          "Tasks",
		`<Path/>`:                                 "",
	} {
		src := `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10">
  <Extensions>
    <Extension Category="windows.activatableClass.inProcessServer">
      <InProcessServer>` + path + `<ActivatableClass ActivatableClassId="Tasks.A" ThreadingModel="both"/></InProcessServer>
    </Extension>
  </Extensions>
</Package>`
		m := Parse("Package.appxmanifest", []byte(src))
		if len(m.ActivatableClasses) != 1 {
			t.Fatalf("%s: activatable classes %+v, problems %+v", path, m.ActivatableClasses, m.Problems)
		}
		if got := m.ActivatableClasses[0].Path; got != want {
			t.Errorf("%s: Path = %q, want %q", path, got, want)
		}
	}
}
