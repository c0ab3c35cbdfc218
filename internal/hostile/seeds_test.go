package hostile

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the seed corpora")

// seed is one input of a fuzz target: its arguments in order ([]byte or
// string, as the target takes them).
type seed struct {
	name string
	args []any
}

// target is a fuzz target and the package directory (from the module
// root) that holds it.
type target struct {
	pkg, name string
	seeds     []seed
}

func b(name string, data []byte) seed { return seed{name, []any{data}} }
func s(name string, text string) seed { return seed{name, []any{text}} }

func manifestSeeds() []seed {
	m := TimerManifest()
	return []seed{
		b("billion-laughs", []byte(BillionLaughs(9))),
		b("external-entity-file", []byte(ExternalEntity("file:///etc/passwd"))),
		b("external-dtd-http", []byte(ExternalDTD("http://127.0.0.1:9/evil.dtd"))),
		b("deep-nesting", []byte(DeepXML(3000))),
		b("truncated-mid-tag", []byte(TruncatedManifest())),
		b("nul-in-attribute", BadBytes(m, "Tasks.", NUL)),
		b("invalid-utf8", BadBytes(m, "Tasks.", InvalidUTF8)),
		b("cesu-surrogate", BadBytes(m, "Tasks.", CESUSurrogate)),
		b("overlong-slash", BadBytes(m, "<Task Type=\"timer\" ", Overlong)),
		b("utf16-lone-surrogate", UTF16LoneSurrogate(m, "Tasks.")),
		b("utf8-bom-declares-utf16", append([]byte("\xef\xbb\xbf"), strings.Replace(m, "utf-8", "utf-16", 1)...)),
		b("utf16le-bom-declares-utf8", UTF16(m, false)),
		b("utf16be-bom-declares-utf8", UTF16(m, true)),
		b("cr-only", []byte(WithNewlines(m, "\r"))),
		b("crlf-tabs", []byte(WithNewlines(WithTabs(m), "\r\n"))),
	}
}

func fixSeeds() []seed {
	dup := Manifest(Extension("Tasks.TimerTask", "systemEvent", "systemEvent") + Extension("Tasks.PushTask", "timer"))
	return []seed{
		b("cr-only-duplicate", []byte(WithNewlines(dup, "\r"))),
		b("crlf-tabs-duplicate", []byte(WithNewlines(WithTabs(dup), "\r\n"))),
		b("non-ascii-comment-duplicate", []byte(strings.Replace(dup, "<BackgroundTasks>", "<BackgroundTasks><!-- Überprüfung 日本 😀 -->", 1))),
	}
}

func codeSeeds(src string) []seed {
	return []seed{
		b("cr-only", []byte(WithNewlines(src, "\r"))),
		b("crlf-tabs", []byte(WithNewlines(WithTabs(src), "\r\n"))),
		b("bad-bytes-in-comment", BadBytes(src, "// ", NUL+InvalidUTF8+CESUSurrogate)),
		b("deep-nesting", []byte(DeepCode(3000))),
	}
}

func targets() []target {
	resolve := []seed{
		{"cr-only-csharp", []any{".cs", []byte("namespace Tasks { sealed class Timer {} }\r// x\r"), []byte(WithNewlines(CSharpRegistration, "\r"))}},
		{"cr-only-js", []any{".js", []byte("// shared\rvar k = 1;\r"), []byte(WithNewlines(JSRegistration, "\r"))}},
		{"bad-bytes-csharp", []any{".cs", BadBytes(CSharpRegistration, "// ", NUL+InvalidUTF8), []byte(DeepCode(2000))}},
	}
	sln := []seed{
		b("backslash-spaces-non-ascii", []byte("Microsoft Visual Studio Solution File, Format Version 12.00\r\n"+
			"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"App\", \"My Apps\\Über App\\App.csproj\", \"{1}\"\r\nEndProject\r\n")),
		b("utf16-cr-only", UTF16("Project(\"{x}\") = \"Tasks\", \"..\\Tasks\\Tasks.csproj\", \"{2}\"\rEndProject\r", false)),
		b("slnx-entity", []byte("<!DOCTYPE Solution [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Solution><Project Path=\"&x;\"/></Solution>")),
	}
	project := []seed{
		s("backslash-compile-include", `<Project ToolsVersion="15.0"><ItemGroup><Compile Include="..\Shared Code\Régistrar ü.cs" /><ProjectReference Include="..\Tasks\Tasks.csproj" /></ItemGroup></Project>`),
		s("billion-laughs", strings.Replace(BillionLaughs(9), "Package", "Project", -1)),
		s("external-entity", `<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project><ItemGroup><Compile Include="&x;"/></ItemGroup></Project>`),
		s("deep-nesting", "<Project>"+strings.Repeat("<ItemGroup>", 3000)+"</Project>"),
	}
	config := []seed{
		s("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nrules: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"),
		s("deep-nesting", strings.Repeat("[", 3000)+strings.Repeat("]", 3000)+"\n"),
		s("cr-only-tabs", "rules:\r  BG101: off\r\texclude: [\"a b/**\"]\r"),
		s("nul-and-bad-bytes", "rules:\n  BG1\x0001: off\n  \xff: on\n"),
	}
	suppress := []seed{
		s("cr-only-cs", "// bgmanifest:ignore BG102 reason\rvar t = new TimeTrigger(15, false);\r/* bgmanifest:ignore-file BG104 */\r"),
		s("cr-only-xml", "<!-- bgmanifest:ignore BG004 -->\r<Task Type=\"timer\"/>\r"),
		s("bad-bytes", "// bgmanifest:ignore BG10\x001 \xff\xfe\n"),
	}
	lsp := []seed{
		b("nul-header", []byte("Content-Length: 2\x00\r\n\r\n{}")),
		b("huge-length", []byte("Content-Length: 99999999999999999999\r\n\r\n{}")),
		b("bad-bytes-body", []byte("Content-Length: 4\r\n\r\n\"\xff\xfe\"")),
	}
	return []target{
		{"manifest", "FuzzParse", manifestSeeds()},
		{"rules", "FuzzManifestRules", manifestSeeds()},
		{"lint", "FuzzFixManifest", fixSeeds()},
		{"registration", "FuzzResolve", resolve},
		{"registration", "FuzzLexCSharp", codeSeeds(CSharpRegistration)},
		{"registration", "FuzzLexJS", codeSeeds(JSRegistration)},
		{"workspace", "FuzzParseSolution", sln},
		{"workspace", "FuzzParseProject", project},
		{"workspace", "FuzzParseConfig", config},
		{"suppress", "FuzzScan", suppress},
		{"lsp", "FuzzReadMessage", lsp},
	}
}

// encode writes a corpus file in the `go test fuzz v1` format.
func encode(args []any) string {
	var sb strings.Builder
	sb.WriteString("go test fuzz v1\n")
	for _, a := range args {
		switch v := a.(type) {
		case []byte:
			fmt.Fprintf(&sb, "[]byte(%s)\n", strconv.Quote(string(v)))
		case string:
			fmt.Fprintf(&sb, "string(%s)\n", strconv.Quote(v))
		default:
			panic(fmt.Sprintf("unsupported fuzz argument %T", a))
		}
	}
	return sb.String()
}

// TestSeedCorpora: the hostile seeds under <pkg>/testdata/fuzz/<Fuzz>/
// match the generators (go test ./internal/hostile -update rewrites them),
// and each target they are written for exists.
func TestSeedCorpora(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, tg := range targets() {
		src, err := os.ReadFile(findFuzzFile(t, filepath.Join(root, tg.pkg), tg.name))
		if err != nil || !strings.Contains(string(src), "func "+tg.name+"(") {
			t.Errorf("%s: no fuzz target %s", tg.pkg, tg.name)
			continue
		}
		dir := filepath.Join(root, tg.pkg, "testdata", "fuzz", tg.name)
		for _, sd := range tg.seeds {
			path := filepath.Join(dir, "hostile-"+sd.name)
			want := encode(sd.args)
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != want {
				t.Errorf("%s is missing or stale (run go test ./internal/hostile -update)", path)
			}
		}
	}
}

// findFuzzFile returns the _test.go file of dir that declares the target.
func findFuzzFile(t *testing.T, dir, name string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err == nil && strings.Contains(string(b), "func "+name+"(") {
			return f
		}
	}
	return ""
}
