package manifest

import (
	"fmt"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample("\n", "  ", `EntryPoint="A.B"`)))
	f.Add([]byte(sample("\r\n", "\t", `Ü="€" EntryPoint='Ä.B'`)))
	f.Add(utf16Bytes(sample("\n", "\t", `EntryPoint="A.B"`), false, true))
	f.Add(utf16Bytes(sample("\n", "\t", `EntryPoint="A.B"`), true, false))
	f.Add([]byte("<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"))
	f.Add([]byte("<a b='1' b='2'><p:c/></a><d/>"))
	f.Add([]byte("\xef\xbb\xbf<a>\xff</a>"))
	f.Add([]byte{})
	// Hostile inputs (issue 16): a 440-character EntryPoint, a one-line
	// non-ASCII manifest whose length is a multiple of the position
	// index's block, deep nesting, and what a manifest symlinked to
	// /proc/self/environ reads.
	f.Add([]byte(sample("\n", " ", `EntryPoint="`+strings.Repeat("Ab.", 147)+`"`)))
	f.Add([]byte("<é>" + strings.Repeat("0", 512-len("<é>"))))
	f.Add([]byte(strings.Repeat("<a>", 3000) + strings.Repeat("</a>", 3000)))
	f.Add([]byte("PATH=/usr/bin\x00GITHUB_TOKEN=ghp_secret\x00HOME=/root\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := Parse("fuzz", data)
		if m == nil {
			t.Fatal("nil manifest")
		}
		inside := func(what string, p Pos) {
			if !p.IsValid() {
				return
			}
			if p.Offset < 0 || p.Offset > len(m.Text) || p.Line > m.LineCount() || p.Col < 1 {
				t.Fatalf("%s position %+v outside the text (%d bytes, %d lines)", what, p, len(m.Text), m.LineCount())
			}
			if back := m.PosAt(p.Offset); back != p {
				t.Fatalf("%s position %+v, PosAt gives %+v", what, p, back)
			}
		}
		for _, p := range m.Problems {
			inside("problem", p.Pos)
			if strings.HasPrefix(p.Message, "internal error") {
				// The two passes disagreed about the tree.
				t.Fatalf("%s", p.Message)
			}
		}
		for i, bt := range m.BackgroundTasks {
			inside(fmt.Sprint("extension ", i), bt.Element.Pos)
			if bt.Element.End > len(m.Text) || bt.Element.End < bt.Element.Pos.Offset {
				t.Fatalf("extension end %d", bt.Element.End)
			}
			if bt.EntryPoint.Present {
				inside("entry point", bt.EntryPoint.ValuePos)
				if bt.EntryPoint.End > len(m.Text) {
					t.Fatalf("attribute end %d", bt.EntryPoint.End)
				}
			}
			for _, task := range bt.Tasks {
				inside("task", task.Element.Pos)
				if !strings.HasPrefix(string(m.Text[task.Element.Pos.Offset:]), "<") {
					t.Fatalf("task position does not point at '<'")
				}
			}
		}
		_ = m.JSONModel()
		for n := 0; n <= m.LineCount()+1; n++ {
			_ = m.Line(n)
		}
	})
}

// BenchmarkParse parses a generated manifest with many applications and
// extensions; -bench reports MB/s.
func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n<Package " + nsDecl + ">\n  <Applications>\n")
	for a := 0; a < 50; a++ {
		fmt.Fprintf(&sb, "    <Application Id=\"App%d\" Executable=\"App%d.exe\" EntryPoint=\"Contoso.App%d\">\n      <Extensions>\n", a, a, a)
		for e := 0; e < 100; e++ {
			fmt.Fprintf(&sb, "        <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Contoso.Tasks.Task%d_%d\">\n"+
				"          <BackgroundTasks>\n            <Task Type=\"timer\" />\n            <Task Type=\"systemEvent\" />\n            <uap:Task Type=\"mediaProcessing\" />\n"+
				"          </BackgroundTasks>\n        </Extension>\n", a, e)
		}
		sb.WriteString("      </Extensions>\n    </Application>\n")
	}
	sb.WriteString("  </Applications>\n</Package>\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := Parse("bench", data)
		if len(m.Problems) > 0 || len(m.BackgroundTasks) != 5000 {
			b.Fatalf("problems %v, %d extensions", m.Problems, len(m.BackgroundTasks))
		}
	}
}

// BenchmarkParseTypical parses a manifest of the size and shape Visual
// Studio's templates write (identity, properties, dependencies, one
// application with its visual elements, two task extensions,
// capabilities: some 2 KB): a real checkout parses hundreds of them, and
// their per-element costs count there, not the throughput on one huge
// file.
func BenchmarkParseTypical(b *testing.B) {
	data := []byte(`<?xml version="1.0" encoding="utf-8"?>` + "\r\n<Package " + nsDecl + ">\r\n" +
		"  <Identity Name=\"00000000-1111-2222-3333-444444444444\" Publisher=\"CN=Contoso\" Version=\"1.0.0.0\" />\r\n" +
		"  <Properties>\r\n    <DisplayName>Contoso Notes</DisplayName>\r\n    <PublisherDisplayName>Contoso</PublisherDisplayName>\r\n    <Logo>Assets\\StoreLogo.png</Logo>\r\n  </Properties>\r\n" +
		"  <Dependencies>\r\n    <TargetDeviceFamily Name=\"Windows.Universal\" MinVersion=\"10.0.17763.0\" MaxVersionTested=\"10.0.22621.0\" />\r\n  </Dependencies>\r\n" +
		"  <Resources>\r\n    <Resource Language=\"x-generate\" />\r\n  </Resources>\r\n" +
		"  <Applications>\r\n    <Application Id=\"App\" Executable=\"$targetnametoken$.exe\" EntryPoint=\"Contoso.Notes.App\">\r\n" +
		"      <uap:VisualElements DisplayName=\"Contoso Notes\" Square150x150Logo=\"Assets\\Square150x150Logo.png\" Square44x44Logo=\"Assets\\Square44x44Logo.png\" Description=\"Notes\" BackgroundColor=\"transparent\">\r\n" +
		"        <uap:DefaultTile Wide310x150Logo=\"Assets\\Wide310x150Logo.png\" />\r\n        <uap:SplashScreen Image=\"Assets\\SplashScreen.png\" />\r\n      </uap:VisualElements>\r\n" +
		"      <Extensions>\r\n" +
		"        <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Contoso.Tasks.SyncTask\">\r\n          <BackgroundTasks>\r\n            <Task Type=\"timer\" />\r\n            <Task Type=\"systemEvent\" />\r\n          </BackgroundTasks>\r\n        </Extension>\r\n" +
		"        <Extension Category=\"windows.backgroundTasks\" EntryPoint=\"Contoso.Tasks.PushTask\">\r\n          <BackgroundTasks>\r\n            <Task Type=\"pushNotification\" />\r\n          </BackgroundTasks>\r\n        </Extension>\r\n" +
		"      </Extensions>\r\n    </Application>\r\n  </Applications>\r\n" +
		"  <Capabilities>\r\n    <Capability Name=\"internetClient\" />\r\n    <DeviceCapability Name=\"location\" />\r\n  </Capabilities>\r\n</Package>\r\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m := Parse("Package.appxmanifest", data)
		if len(m.Problems) > 0 || len(m.BackgroundTasks) != 2 {
			b.Fatalf("problems %v, %d extensions", m.Problems, len(m.BackgroundTasks))
		}
	}
}
