package workspace

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseSolution: any .sln or .slnx bytes (UTF-8, UTF-16, with or
// without BOM) give entries whose line lies inside the decoded text and
// whose path is written on that line; nothing panics.
func FuzzParseSolution(f *testing.F) {
	for _, seed := range []string{
		"\xef\xbb\xbf\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n" +
			"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"App\", \"App\\App.csproj\", \"{6A1F5C7E-2B0E-4C7D-9C55-0E6E0E3A1A01}\"\r\nEndProject\r\n" +
			"Project(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"Folder\", \"Folder\", \"{1}\"\r\nEndProject\r\n",
		"Project(\"{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}\") = \"Tasks\", \"..\\Shared Code\\Tasks.vcxproj\", \"{2}\"\nEndProject\n",
		"Project(\"x\") = \"unterminated",
		"Project(=\"\"\"\"",
		"<Solution><Folder Name=\"/src/\"><Project Path=\"src/App/App.csproj\" /></Folder><Project Path=\"Tasks\\Tasks.csproj\"/></Solution>",
		"<Solution><Project Path=\"a.csproj\">",
		// hostile (issue 16): terminal escapes and CI command openers in paths
		"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"\x1b]0;pwned\x07\", \"\x1b[2J::error::x\\##vso[task.complete]\\a.csproj\", \"{3}\"\nEndProject\n",
		"\xff\xfeP\x00r\x00o\x00j\x00e\x00c\x00t\x00(\x00\"\x00\"\x00)\x00=\x00\"\x00a\x00\"\x00,\x00\"\x00b\x00\"\x00",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries := parseSolution(data)
		text := decodeText(data)
		lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
		for _, e := range entries {
			if e.line < 1 || e.line > len(lines) {
				t.Fatalf("entry %+v: line outside the %d-line text", e, len(lines))
			}
			if bytes.HasPrefix(bytes.TrimSpace(text), []byte("<")) {
				continue // XML attribute values are unescaped; the raw line may differ
			}
			if !strings.Contains(lines[e.line-1], e.path) {
				t.Fatalf("entry %+v: path not on line %d %q", e, e.line, lines[e.line-1])
			}
		}
	})
}
