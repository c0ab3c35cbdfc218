package main

// Hostile and broken input, end to end through the CLI. Every case puts one
// broken thing beside a known App (a copy of testdata/apps/cs-mismatch) and
// asserts that
//   - nothing panics and the run ends,
//   - the known App is still checked (its BG102 is still reported),
//   - the broken file is reported with its name (and line when known),
//   - the exit code follows DESIGN.md (1 for findings, 2 only for bad usage
//     or an internal error; a malformed manifest is BG001, not exit 2).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/hostile"
	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/rules"
)

// sentinelFile is where the known App's BG102 (a TimeTrigger registered for
// an entry point declared only for systemEvent) is reported.
const sentinelFile = "good/App/MainPage.xaml.cs"

type jsonFinding struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Related []struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"related"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  struct {
		Apps        int `json:"apps"`
		SourceFiles int `json:"sourceFiles"`
	} `json:"summary"`
}

// hostileRoot makes a temporary directory holding the known App under good/
// and changes into it; paths in findings are then relative to it.
func hostileRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	testfs.CopyTree(t, filepath.Join("..", "..", "testdata", "apps", "cs-mismatch"), filepath.Join(root, "good"))
	t.Chdir(root)
	return root
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkJSON runs `bgmanifest check --format json` and decodes the report.
func checkJSON(t *testing.T, args ...string) (jsonReport, string, int) {
	t.Helper()
	stdout, stderr, code := runCLI(t, append([]string{"check", "-v", "--format", "json"}, args...)...)
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("stdout is not a JSON report (%v), exit %d\nstdout:\n%s\nstderr:\n%s", err, code, stdout, stderr)
	}
	return rep, stderr, code
}

func findingsIn(rep jsonReport, file, rule string) []jsonFinding {
	var out []jsonFinding
	for _, f := range rep.Findings {
		if f.File == file && (rule == "" || f.Rule == rule) {
			out = append(out, f)
		}
	}
	return out
}

// assertSentinel: the known App was checked despite its broken neighbour.
func assertSentinel(t *testing.T, rep jsonReport, stderr string) {
	t.Helper()
	if len(findingsIn(rep, sentinelFile, "BG102")) == 0 {
		t.Errorf("the known App was not checked: no BG102 in %s\nfindings: %+v\nstderr:\n%s", sentinelFile, rep.Findings, stderr)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
		t.Errorf("internal error on hostile input:\n%s", stderr)
	}
}

const manifestHead = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

func manifestBody(extensions string) string {
	return `<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"
  xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10">
  <Identity Name="Contoso.Hostile" Publisher="CN=Contoso" Version="1.0.0.0" />
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="Hostile.App">
      <Extensions>
` + extensions + `      </Extensions>
    </Application>
  </Applications>
</Package>
`
}

const timerExtension = `        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.Hostile">
          <BackgroundTasks>
            <Task Type="timer" />
          </BackgroundTasks>
        </Extension>
`

func TestHostileEntityExpansion(t *testing.T) {
	hostileRoot(t)
	var laughs strings.Builder
	laughs.WriteString(`<!DOCTYPE Package [` + "\n" + `<!ENTITY lol0 "lol">` + "\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&laughs, "<!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	laughs.WriteString("]>\n")
	body := strings.Replace(manifestBody(timerExtension), `EntryPoint="Tasks.Hostile"`, `EntryPoint="&lol9;"`, 1)
	writeFile(t, "bad/App/Package.appxmanifest", []byte(manifestHead+laughs.String()+body))

	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	rep, stderr, code := checkJSON(t, ".")
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	assertSentinel(t, rep, stderr)
	bad := findingsIn(rep, "bad/App/Package.appxmanifest", "BG001")
	if len(bad) == 0 || bad[0].Line != 2 {
		t.Errorf("want BG001 at the DOCTYPE (line 2) for the entity bomb, got %+v", bad)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1 (BG001 is a finding)", code)
	}
	// 10^9 "lol"s would be 3 GB; the whole run must allocate far less.
	if d := after.TotalAlloc - before.TotalAlloc; d > 256<<20 {
		t.Errorf("checking an entity bomb allocated %d MB", d>>20)
	}
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "lollol") {
			t.Errorf("entity expanded into a message: %.80s", f.Message)
		}
	}
}

// TestHostileExternalEntity: neither an external entity nor an external DTD
// is read or fetched. The entity points at a file holding a marker, the DTD
// at a local listener that counts connections.
func TestHostileExternalEntity(t *testing.T) {
	root := hostileRoot(t)
	const marker = "XXE-MARKER-7f3a9c"
	secret := filepath.Join(t.TempDir(), "secret.txt")
	writeFile(t, secret, []byte(marker))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			_, _ = io.WriteString(c, "HTTP/1.0 200 OK\r\n\r\n<!ENTITY remote \""+marker+"\">")
			c.Close()
		}
	}()
	url := "http://" + ln.Addr().String() + "/evil.dtd"
	fileURL := "file://" + filepath.ToSlash(secret)

	cases := map[string]string{
		"system-entity": `<!DOCTYPE Package [<!ENTITY xxe SYSTEM "` + fileURL + `">]>` + "\n" +
			strings.Replace(manifestBody(timerExtension), `EntryPoint="Tasks.Hostile"`, `EntryPoint="&xxe;"`, 1),
		"entity-in-text": `<!DOCTYPE Package [<!ENTITY xxe SYSTEM "` + secret + `">]>` + "\n" +
			strings.Replace(manifestBody(timerExtension), `<Task Type="timer" />`, `<Task Type="timer">&xxe;</Task>`, 1),
		"parameter-entity": `<!DOCTYPE Package [<!ENTITY % dtd SYSTEM "` + url + `"> %dtd;]>` + "\n" +
			strings.Replace(manifestBody(timerExtension), `EntryPoint="Tasks.Hostile"`, `EntryPoint="&remote;"`, 1),
		"external-dtd": `<!DOCTYPE Package SYSTEM "` + url + `">` + "\n" +
			strings.Replace(manifestBody(timerExtension), `EntryPoint="Tasks.Hostile"`, `EntryPoint="&remote;"`, 1),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			t.Chdir(root)
			path := filepath.Join("bad", name, "App", "Package.appxmanifest")
			writeFile(t, path, []byte(manifestHead+text))
			defer os.RemoveAll(filepath.Join("bad", name))
			for _, format := range []string{"json", "text", "sarif", "github", "checkstyle"} {
				stdout, stderr, code := runCLI(t, "check", "--format", format, ".")
				if strings.Contains(stdout+stderr, marker) {
					t.Errorf("%s: the external entity's content leaked into the output", format)
				}
				if code != 1 {
					t.Errorf("%s: exit %d, want 1\nstderr:\n%s", format, code, stderr)
				}
				if !strings.Contains(stdout, filepath.ToSlash(path)) {
					t.Errorf("%s: %s not reported:\n%s", format, path, stdout)
				}
			}
			for _, args := range [][]string{{"dump", "bad"}, {"dump", "--registrations", "bad"}} {
				stdout, stderr, _ := runCLI(t, args...)
				if strings.Contains(stdout+stderr, marker) {
					t.Errorf("%v: the external entity's content leaked into the output", args)
				}
			}
			rep, stderr, _ := checkJSON(t, ".")
			assertSentinel(t, rep, stderr)
		})
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("bgmanifest connected %d time(s) to the DTD's URL", n)
	}
}

func TestHostileDeepNesting(t *testing.T) {
	hostileRoot(t)
	const depth = 100_000
	// inside a <Package> root: a file rooted elsewhere that no project
	// packages is no manifest, and is not read past its first element
	manifest := manifestHead + `<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10">` +
		strings.Repeat("<a>", depth) + strings.Repeat("</a>", depth) + "</Package>\n"
	writeFile(t, "bad/App/Package.appxmanifest", []byte(manifest))
	// Deep nesting in code the known App owns: braces, parentheses, brackets.
	code := "namespace Deep {\n" + strings.Repeat("{(", depth) + strings.Repeat(")}", depth) + "\n" +
		strings.Repeat("[", depth) + "\n}\n"
	writeFile(t, "good/Tasks/Deep.cs", []byte(code))
	addCompile(t, "good/Tasks/Tasks.csproj", "Deep.cs")

	rep, stderr, exit := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	if bad := findingsIn(rep, "bad/App/Package.appxmanifest", "BG001"); len(bad) != 1 || bad[0].Line != 2 {
		t.Errorf("want one BG001 on line 2 for 100 000-deep nesting, got %+v", bad)
	}
	if exit != 1 {
		t.Errorf("exit %d, want 1", exit)
	}
}

// addCompile adds an old-style <Compile Include> to a project file.
func addCompile(t *testing.T, project, include string) {
	t.Helper()
	b, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "<ItemGroup>", "<ItemGroup>\n    <Compile Include=\""+include+"\" />", 1)
	writeFile(t, project, []byte(s))
}

// TestHostileHugeFiles: a 200 MB manifest and a 200 MB source file (sparse,
// so the test costs no disk) are skipped with a note naming them, within
// bounded memory.
func TestHostileHugeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("creates two 200 MB sparse files")
	}
	hostileRoot(t)
	const size = 200 << 20
	sparse := func(path, head string) {
		writeFile(t, path, []byte(head))
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
	}
	sparse("bad/App/Package.appxmanifest", manifestHead+manifestBody(timerExtension))
	sparse("good/Tasks/Huge.cs", "namespace Huge { class H { } }\n")
	addCompile(t, "good/Tasks/Tasks.csproj", "Huge.cs")

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	rep, stderr, code := checkJSON(t, ".")
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	assertSentinel(t, rep, stderr)
	if d := after.TotalAlloc - before.TotalAlloc; d > 100<<20 {
		t.Errorf("checking two 200 MB files allocated %d MB; they must be skipped, not read", d>>20)
	}
	manifestReported := len(findingsIn(rep, "bad/App/Package.appxmanifest", "")) > 0 ||
		strings.Contains(stderr, "bad/App/Package.appxmanifest")
	if !manifestReported {
		t.Errorf("the 200 MB manifest is not named in findings or notes\nstderr:\n%s", stderr)
	}
	if !strings.Contains(filepath.ToSlash(stderr), "Huge.cs") {
		t.Errorf("no note names the skipped 200 MB source file\nstderr:\n%s", stderr)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}

	// The text report shows the source line of each finding: it must not
	// read the whole 200 MB manifest to show line 1.
	runtime.GC()
	runtime.ReadMemStats(&before)
	stdout, stderr, code := runCLI(t, "check", ".")
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > 100<<20 {
		t.Errorf("the text report over a 200 MB manifest allocated %d MB", d>>20)
	}
	if code != 1 || !strings.Contains(stdout, "bad/App/Package.appxmanifest:1:") {
		t.Errorf("text report: exit %d, the huge manifest not reported:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestHostileBytes: NUL bytes, invalid UTF-8 and lone UTF-16 surrogates in
// manifests and sources.
func TestHostileBytes(t *testing.T) {
	manifest := manifestHead + manifestBody(timerExtension)
	lines := func(s string, upTo string) int { return strings.Count(s[:strings.Index(s, upTo)], "\n") + 1 }
	cases := []struct {
		name     string
		data     []byte
		wantLine int // the BG001 line; 0: any line
	}{
		{"nul-in-attribute", []byte(strings.Replace(manifest, `Tasks.Hostile`, "Tasks.\x00Hostile", 1)), lines(manifest, "Tasks.Hostile")},
		{"nul-between-tags", []byte(strings.Replace(manifest, "<Applications>", "\x00<Applications>", 1)), lines(manifest, "<Applications>")},
		{"invalid-utf8", []byte(strings.Replace(manifest, `Tasks.Hostile`, "Tasks.\xff\xfeHostile", 1)), lines(manifest, "Tasks.Hostile")},
		{"lone-surrogate-utf16", utf16LE(strings.Replace(manifest, "utf-8", "utf-16", 1), "Tasks.", 0xD800), 0},
		{"cesu-surrogate-utf8", []byte(strings.Replace(manifest, `Tasks.Hostile`, "Tasks.\xed\xa0\x80Hostile", 1)), lines(manifest, "Tasks.Hostile")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hostileRoot(t)
			writeFile(t, "bad/App/Package.appxmanifest", c.data)
			rep, stderr, code := checkJSON(t, ".")
			assertSentinel(t, rep, stderr)
			bad := findingsIn(rep, "bad/App/Package.appxmanifest", "BG001")
			if len(bad) != 1 {
				t.Fatalf("want one BG001 for %s, got %+v", c.name, findingsIn(rep, "bad/App/Package.appxmanifest", ""))
			}
			if c.wantLine != 0 && bad[0].Line != c.wantLine {
				t.Errorf("BG001 on line %d, want %d: %s", bad[0].Line, c.wantLine, bad[0].Message)
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
		})
	}
	t.Run("source-with-nul-and-invalid-utf8", func(t *testing.T) {
		hostileRoot(t)
		// Garbage before the registration must not shift its position.
		src, err := os.ReadFile("good/App/MainPage.xaml.cs")
		if err != nil {
			t.Fatal(err)
		}
		clean, _, _ := checkJSON(t, ".")
		dirty := bytes.Replace(src, []byte("using System;"), []byte("using System; // \x00\xff\xfe\xed\xa0\x80 \x00"), 1)
		writeFile(t, "good/App/MainPage.xaml.cs", dirty)
		rep, stderr, _ := checkJSON(t, ".")
		assertSentinel(t, rep, stderr)
		want, got := findingsIn(clean, sentinelFile, "BG102"), findingsIn(rep, sentinelFile, "BG102")
		if len(want) != 1 || len(got) != 1 || want[0].Line != got[0].Line || want[0].Column != got[0].Column {
			t.Errorf("BG102 moved with garbage in a comment: clean %+v, dirty %+v", want, got)
		}
	})
}

// utf16LE encodes s as UTF-16LE with a BOM and puts a lone surrogate after
// the first occurrence of at.
func utf16LE(s, at string, surrogate uint16) []byte {
	i := strings.Index(s, at) + len(at)
	units := utf16.Encode([]rune(s[:i]))
	units = append(units, surrogate)
	units = append(units, utf16.Encode([]rune(s[i:]))...)
	out := []byte{0xFF, 0xFE}
	for _, u := range units {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestHostileTruncatedMidTag(t *testing.T) {
	hostileRoot(t)
	full := manifestHead + manifestBody(timerExtension)
	cut := full[:strings.Index(full, `Category="windows.backgr`)+len(`Category="windows.backgr`)]
	writeFile(t, "bad/App/Package.appxmanifest", []byte(cut))
	rep, stderr, code := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	bad := findingsIn(rep, "bad/App/Package.appxmanifest", "BG001")
	lastLine := strings.Count(cut, "\n") + 1
	if len(bad) != 1 || bad[0].Line != lastLine {
		t.Errorf("want one BG001 on the last line (%d) of a truncated manifest, got %+v", lastLine, bad)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}

// TestHostileEncodings: a BOM that disagrees with the XML declaration. The
// bytes decide (as Windows' own parser does); the findings are those of the
// same manifest in plain UTF-8, on the same lines.
func TestHostileEncodings(t *testing.T) {
	hostileRoot(t)
	original, err := os.ReadFile("good/App/Package.appxmanifest")
	if err != nil {
		t.Fatal(err)
	}
	clean, _, _ := checkJSON(t, ".")
	want := findingKeys(clean)

	text := string(original)
	utf16Decl := strings.Replace(text, `encoding="utf-8"`, `encoding="utf-16"`, 1)
	cases := map[string][]byte{
		"utf8-bom-declares-utf16": append([]byte{0xEF, 0xBB, 0xBF}, utf16Decl...),
		"utf16le-bom-declares-utf8": func() []byte {
			out := []byte{0xFF, 0xFE}
			for _, u := range utf16.Encode([]rune(text)) {
				out = append(out, byte(u), byte(u>>8))
			}
			return out
		}(),
		"utf16be-bom-declares-utf8": func() []byte {
			out := []byte{0xFE, 0xFF}
			for _, u := range utf16.Encode([]rune(text)) {
				out = append(out, byte(u>>8), byte(u))
			}
			return out
		}(),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			writeFile(t, "good/App/Package.appxmanifest", data)
			rep, stderr, code := checkJSON(t, ".")
			if got := findingKeys(rep); got != want {
				t.Errorf("findings differ from the UTF-8 manifest's\nwant:\n%s\ngot:\n%s\nstderr:\n%s", want, got, stderr)
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
		})
	}
}

// findingKeys lists rule, location and related locations, one finding a line.
func findingKeys(rep jsonReport) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "%s %s:%d:%d", f.Rule, f.File, f.Line, f.Column)
		for _, r := range f.Related {
			fmt.Fprintf(&b, " -> %s:%d:%d", r.File, r.Line, r.Column)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestHostileLineEndings: CRLF, lone CR and tabs in the manifest and in the
// source; lines count every kind of line break once, a tab is one column.
func TestHostileLineEndings(t *testing.T) {
	hostileRoot(t)
	manifestLF, err := os.ReadFile("good/App/Package.appxmanifest")
	if err != nil {
		t.Fatal(err)
	}
	sourceLF, err := os.ReadFile("good/App/MainPage.xaml.cs")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(manifestLF, []byte("\r")) || bytes.Contains(sourceLF, []byte("\r")) {
		t.Fatal("the fixture must use LF line endings for this test")
	}
	// Indent with tabs: every run of two leading spaces becomes one tab.
	tabbed := func(b []byte) string {
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			trimmed := strings.TrimLeft(l, " ")
			lines[i] = strings.Repeat("\t", (len(l)-len(trimmed))/2) + trimmed
		}
		return strings.Join(lines, "\n")
	}
	manifestTabs, sourceTabs := tabbed(manifestLF), tabbed(sourceLF)
	writeFile(t, "good/App/Package.appxmanifest", []byte(manifestTabs))
	writeFile(t, "good/App/MainPage.xaml.cs", []byte(sourceTabs))
	base, _, _ := checkJSON(t, ".")
	assertColumns(t, base, map[string]string{"good/App/Package.appxmanifest": manifestTabs, sentinelFile: sourceTabs})
	want := findingKeys(base)

	for name, nl := range map[string]string{"crlf": "\r\n", "cr": "\r"} {
		t.Run(name, func(t *testing.T) {
			writeFile(t, "good/App/Package.appxmanifest", []byte(strings.ReplaceAll(manifestTabs, "\n", nl)))
			writeFile(t, "good/App/MainPage.xaml.cs", []byte(strings.ReplaceAll(sourceTabs, "\n", nl)))
			rep, stderr, _ := checkJSON(t, ".")
			if got := findingKeys(rep); got != want {
				t.Errorf("positions moved with %q line endings\nwant:\n%s\ngot:\n%s\nstderr:\n%s", nl, want, got, stderr)
			}
			// The text report shows the right source line under each finding.
			text, _, _ := runCLI(t, "check", ".")
			if !strings.Contains(text, "\t\t\ttimer.SetTrigger(new TimeTrigger(15, false));\n") {
				t.Errorf("text report with %q line endings lacks the BG102 source line:\n%s", nl, text)
			}
		})
	}
}

// assertColumns: each finding's and related location's column points at a
// non-blank character of its line, counted in characters with a tab as one.
func assertColumns(t *testing.T, rep jsonReport, texts map[string]string) {
	t.Helper()
	check := func(file string, line, col int) {
		text, ok := texts[file]
		if !ok {
			return
		}
		lines := strings.Split(text, "\n")
		if line < 1 || line > len(lines) {
			t.Errorf("%s:%d: line outside the file", file, line)
			return
		}
		runes := []rune(lines[line-1])
		if col < 1 || col > len(runes) || runes[col-1] == '\t' || runes[col-1] == ' ' {
			t.Errorf("%s:%d:%d does not point at text in %q", file, line, col, lines[line-1])
		}
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no findings to check positions of")
	}
	for _, f := range rep.Findings {
		check(f.File, f.Line, f.Column)
		for _, r := range f.Related {
			check(r.File, r.Line, r.Column)
		}
	}
}

func TestHostileSymlinkLoops(t *testing.T) {
	hostileRoot(t)
	for _, link := range []struct{ target, name string }{
		{"..", "good/Tasks/up"},            // a loop through the parent
		{".", "good/App/self"},             // a loop onto itself
		{"b", "loops/a"}, {"a", "loops/b"}, // a two-link cycle
		{"missing", "loops/dangling"}, // a link to nothing
	} {
		if err := os.MkdirAll(filepath.Dir(link.name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(link.target, link.name); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	rep, stderr, code := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	if rep.Summary.Apps != 1 {
		t.Errorf("%d apps, want 1 (a link loop must not find the manifest twice)", rep.Summary.Apps)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}

func TestHostileUnreadableDirectory(t *testing.T) {
	hostileRoot(t)
	writeFile(t, "locked/App/Package.appxmanifest", []byte(manifestHead+manifestBody(timerExtension)))
	if err := os.Chmod("locked", 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod("locked", 0o755) })
	rep, stderr, code := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1 (an unreadable directory is a note, not an error)", code)
	}
	if os.Geteuid() == 0 {
		// root reads it anyway: the locked App is checked like any other.
		if rep.Summary.Apps != 2 {
			t.Errorf("as root: %d apps, want 2", rep.Summary.Apps)
		}
		return
	}
	if !strings.Contains(stderr, "locked") {
		t.Errorf("no note names the unreadable directory\nstderr:\n%s", stderr)
	}
}

// TestHostileUnreadableFile: a source file that cannot be read is a note
// naming it; the rest of the App is still checked.
func TestHostileUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files without read permission")
	}
	hostileRoot(t)
	if err := os.Chmod("good/Tasks/TimerTask.cs", 0); err != nil {
		t.Fatal(err)
	}
	rep, stderr, _ := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	if !strings.Contains(stderr, "TimerTask.cs") {
		t.Errorf("no note names the unreadable file\nstderr:\n%s", stderr)
	}
}

// TestHostilePathNames: spaces and non-ASCII characters in directory and
// file names, and a Windows backslash path in a project file leading there.
func TestHostilePathNames(t *testing.T) {
	root := t.TempDir()
	appDir := filepath.Join(root, "My Apps", "Über Ü 日本")
	testfs.CopyTree(t, filepath.Join("..", "..", "testdata", "apps", "cs-mismatch"), appDir)
	t.Chdir(root)
	base := filepath.ToSlash(filepath.Join("My Apps", "Über Ü 日本"))

	// A registration in a shared folder, linked with a backslash path.
	shared := `using Windows.ApplicationModel.Background;
namespace CsMismatch
{
    static class Registrar
    {
        public static void Register()
        {
            var b = new BackgroundTaskBuilder();
            b.Name = "Shared";
            b.TaskEntryPoint = "Tasks.TimerTask";
            b.SetTrigger(new TimeTrigger(30, false));
            b.Register();
        }
    }
}
`
	writeFile(t, filepath.Join(appDir, "Shared Code", "Régistrar ü.cs"), []byte(shared))
	addCompile(t, filepath.Join(appDir, "App", "App.csproj"), `..\Shared Code\Régistrar ü.cs`)

	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle"} {
		stdout, stderr, code := runCLI(t, "check", "--format", format, ".")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\nstderr:\n%s", format, code, stderr)
		}
		if format == "json" {
			var rep jsonReport
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatal(err)
			}
			if len(findingsIn(rep, base+"/App/MainPage.xaml.cs", "BG102")) != 1 {
				t.Errorf("no BG102 in the app under a non-ASCII path: %+v", rep.Findings)
			}
			linked := findingsIn(rep, base+"/Shared Code/Régistrar ü.cs", "BG102")
			if len(linked) != 1 || linked[0].Line != 11 {
				t.Errorf("want BG102 at line 11 of the file linked with a backslash path, got %+v\nall: %+v", linked, rep.Findings)
			}
		}
		if !utf8.ValidString(stdout) {
			t.Errorf("%s: output is not valid UTF-8", format)
		}
		if format != "sarif" && !strings.Contains(stdout, "Über Ü 日本") {
			// SARIF may percent-encode its URIs; the others name the file as is.
			t.Errorf("%s: output does not name the non-ASCII path:\n%s", format, stdout)
		}
	}
}

// panicRule is registered only inside TestInternalErrorExitCode: it panics
// on the manifest whose path contains "boom".
type panicRule struct{}

func (panicRule) Meta() rules.Meta {
	return rules.Meta{ID: "BG999", Name: "test-panic", Severity: rules.Error, Summary: "panics (test only)"}
}

func (panicRule) Check(c *rules.Context) []rules.Finding {
	if c.Manifest != nil && strings.Contains(filepath.ToSlash(c.Manifest.Path), "boom") {
		var parts []string
		_ = parts[len(c.Manifest.Path)] // an index out of range: a real runtime panic
	}
	return nil
}

// TestInternalErrorExitCode: a rule that panics on one App becomes an
// internal error naming that App's manifest, exit 2; the other Apps are
// still checked and reported.
func TestInternalErrorExitCode(t *testing.T) {
	hostileRoot(t)
	testfs.CopyTree(t, "good", "boom")
	rules.Register(panicRule{})
	t.Cleanup(func() { rules.Unregister("BG999") })

	rep, stderr, code := checkJSON(t, ".")
	if code != 2 {
		t.Errorf("exit %d, want 2 for an internal error", code)
	}
	if len(findingsIn(rep, sentinelFile, "BG102")) == 0 || len(findingsIn(rep, "boom/App/MainPage.xaml.cs", "BG102")) == 0 {
		t.Errorf("the other rules and Apps must still report: %+v", rep.Findings)
	}
	if !strings.Contains(stderr, "BG999") || !strings.Contains(filepath.ToSlash(stderr), "boom/App/Package.appxmanifest") {
		t.Errorf("the internal error must name the rule and the manifest:\n%s", stderr)
	}
	if strings.Contains(filepath.ToSlash(stderr), "good/App/Package.appxmanifest") {
		t.Errorf("the App that did not panic is blamed:\n%s", stderr)
	}
}

// TestNoNetworkWithProxy: a full check with every proxy variable pointing at
// a closed port still succeeds (nothing tries to go through it).
func TestNoNetworkWithProxy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"} {
		t.Setenv(k, closed)
	}
	t.Setenv("NO_PROXY", "")
	t.Chdir(filepath.Join("..", ".."))
	for _, dir := range []string{"testdata/apps/cs-basic", "testdata/apps/cppwinrt-basic", "testdata/apps/vb-basic"} {
		stdout, stderr, code := runCLI(t, "check", "--format", "sarif", "--fail-on", "none", dir)
		if code != 0 || !strings.Contains(stdout, `"version": "2.1.0"`) {
			t.Errorf("%s behind a dead proxy: exit %d\nstderr:\n%s", dir, code, stderr)
		}
	}
}

// TestNoNetworkOrProcessPackages: the binary links no HTTP client, no TLS
// and no os/exec, so it can neither fetch anything nor run project code
// (MSBuild, scripts). The package list comes from `go list -deps`.
func TestNoNetworkOrProcessPackages(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list the dependencies with")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	forbidden := map[string]string{
		"net/http":   "an HTTP client",
		"crypto/tls": "TLS connections",
		"os/exec":    "running other programs",
		"plugin":     "loading code",
	}
	for _, pkg := range strings.Fields(string(out)) {
		if why, bad := forbidden[pkg]; bad {
			t.Errorf("bgmanifest links %s (%s)", pkg, why)
		}
	}
}

// TestHostileFixLeavesBrokenFilesAlone: --fix over a tree with broken and
// hostile manifests changes only the good App's manifest, and a second
// --fix changes nothing.
func TestHostileFixLeavesBrokenFilesAlone(t *testing.T) {
	hostileRoot(t)
	broken := map[string][]byte{
		"bad/entities/App/Package.appxmanifest":  []byte(hostile.BillionLaughs(9)),
		"bad/xxe/App/Package.appxmanifest":       []byte(hostile.ExternalEntity("file:///etc/passwd")),
		"bad/truncated/App/Package.appxmanifest": []byte(hostile.TruncatedManifest()),
		"bad/nul/App/Package.appxmanifest":       hostile.BadBytes(hostile.Manifest(hostile.Extension("Tasks.T", "timer", "timer")), "<Task", hostile.NUL),
		"bad/surrogate/App/Package.appxmanifest": hostile.UTF16LoneSurrogate(hostile.Manifest(hostile.Extension("Tasks.T", "timer", "timer")), "Tasks."),
	}
	for p, b := range broken {
		writeFile(t, p, b)
	}
	goodBefore, err := os.ReadFile("good/App/Package.appxmanifest")
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := runCLI(t, "check", "--fix", ".")
	for p, b := range broken {
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("--fix touched the broken %s (err %v)", p, err)
		}
	}
	goodAfter, err := os.ReadFile("good/App/Package.appxmanifest")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(goodAfter, goodBefore) || !bytes.Contains(goodAfter, []byte(`<Task Type="timer"`)) {
		t.Errorf("--fix did not declare the timer task in the good App\nstderr:\n%s\n%s", stderr, goodAfter)
	}
	_, stderr, _ = runCLI(t, "check", "--fix", ".")
	again, _ := os.ReadFile("good/App/Package.appxmanifest")
	if !bytes.Equal(again, goodAfter) {
		t.Errorf("a second --fix changed the manifest again\nstderr:\n%s", stderr)
	}
	if strings.Contains(stderr, "applied") {
		t.Errorf("a second --fix applied fixes:\n%s", stderr)
	}
}

// TestHostileProjectFiles: a project file with external and custom
// entities and a solution naming paths far outside the tree are notes with
// the file and line; nothing they point at is read, and the other App is
// still checked.
func TestHostileProjectFiles(t *testing.T) {
	hostileRoot(t)
	const marker = "XXE-MARKER-PROJ-9b1e"
	secret := filepath.Join(t.TempDir(), "secret.txt")
	writeFile(t, secret, []byte(marker))
	writeFile(t, "bad/App/App.csproj", []byte(`<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://`+filepath.ToSlash(secret)+`"><!ENTITY lol "lollol">]>
<Project ToolsVersion="15.0"><PropertyGroup><RootNamespace>&xxe;</RootNamespace><OutputType>AppContainerExe</OutputType></PropertyGroup>
<ItemGroup><Compile Include="&xxe;.cs" /><Compile Include="&lol;" /></ItemGroup></Project>
`))
	writeFile(t, "bad/App/Package.appxmanifest", []byte(hostile.TimerManifest()))
	outside := strings.Repeat(`..\`, 12) + filepath.Base(filepath.Dir(secret)) + `\secret.csproj`
	writeFile(t, "bad/Bad.sln", []byte("Microsoft Visual Studio Solution File, Format Version 12.00\r\n"+
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App\App.csproj", "{1}"`+"\r\nEndProject\r\n"+
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Far", "`+outside+`", "{2}"`+"\r\nEndProject\r\n"))
	for _, format := range []string{"json", "text"} {
		stdout, stderr, code := runCLI(t, "check", "-v", "--format", format, ".")
		if strings.Contains(stdout+stderr, marker) {
			t.Errorf("%s: the external entity's content leaked", format)
		}
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\nstderr:\n%s", format, code, stderr)
		}
		if !strings.Contains(filepath.ToSlash(stderr), "bad/App/App.csproj:3:") {
			t.Errorf("%s: no note names the malformed project file and its line:\n%s", format, stderr)
		}
	}
	rep, stderr, _ := checkJSON(t, ".")
	assertSentinel(t, rep, stderr)
	if rep.Summary.Apps != 2 {
		t.Errorf("%d apps, want 2 (the manifest beside the broken project is still checked)", rep.Summary.Apps)
	}
}

// TestScannerPanicExitCode: a panic while scanning one source file is an
// internal error naming that file, exit 2; everything else is still
// checked and reported.
func TestScannerPanicExitCode(t *testing.T) {
	hostileRoot(t)
	testfs.CopyTree(t, "good", "boom")
	registration.ParseHook = func(path string) {
		if strings.HasSuffix(filepath.ToSlash(path), "boom/Tasks/TimerTask.cs") {
			var parts []string
			_ = parts[len(path)] // an index out of range: a real runtime panic
		}
	}
	t.Cleanup(func() { registration.ParseHook = nil })
	rep, stderr, code := checkJSON(t, ".")
	if code != 2 {
		t.Errorf("exit %d, want 2 for an internal error", code)
	}
	if !strings.Contains(filepath.ToSlash(stderr), "boom/Tasks/TimerTask.cs") || !strings.Contains(stderr, "internal error") {
		t.Errorf("the internal error must name the file:\n%s", stderr)
	}
	if len(findingsIn(rep, sentinelFile, "BG102")) == 0 || len(findingsIn(rep, "boom/App/MainPage.xaml.cs", "BG102")) == 0 {
		t.Errorf("the other files and Apps must still be checked: %+v", rep.Findings)
	}
}
