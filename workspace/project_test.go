package workspace

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	const ns = `xmlns="http://schemas.microsoft.com/developer/msbuild/2003"`
	tests := []struct {
		name, file, src string
		want            ProjectKind
	}{
		{"uwp app", "a.csproj", `<Project ` + ns + `><PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup></Project>`, KindApp},
		{"winmdobj", "a.csproj", `<Project ` + ns + `><PropertyGroup><OutputType>winmdobj</OutputType></PropertyGroup></Project>`, KindWinRTComponent},
		{"old-style library", "a.csproj", `<Project ` + ns + `><PropertyGroup><OutputType>Library</OutputType></PropertyGroup></Project>`, KindClassLibrary},
		{"sdk default library", "a.csproj", `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>`, KindClassLibrary},
		{"sdk via Sdk element", "a.csproj", `<Project><Sdk Name="Microsoft.NET.Sdk"/></Project>`, KindClassLibrary},
		{"cswinrt component", "a.csproj", `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><CsWinRTComponent>true</CsWinRTComponent></PropertyGroup></Project>`, KindWinRTComponent},
		{"winui winexe", "a.csproj", `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType></PropertyGroup></Project>`, KindApp},
		{"vb winmdobj", "a.vbproj", `<Project ` + ns + `><PropertyGroup><OutputType>WinMDObj</OutputType></PropertyGroup></Project>`, KindWinRTComponent},
		{"old-style without output type", "a.csproj", `<Project ` + ns + `/>`, KindUnknown},
		{"vcx app", "a.vcxproj", `<Project ` + ns + `><PropertyGroup Label="Configuration"><ConfigurationType>Application</ConfigurationType></PropertyGroup></Project>`, KindApp},
		{"vcx C++/CX component by default /ZW", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><AppContainerApplication>true</AppContainerApplication></PropertyGroup><PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup></Project>`, KindWinRTComponent},
		{"vcx _WINRT_DLL", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup><ItemDefinitionGroup><ClCompile><PreprocessorDefinitions>_WINRT_DLL;%(PreprocessorDefinitions)</PreprocessorDefinitions></ClCompile></ItemDefinitionGroup></Project>`, KindWinRTComponent},
		{"vcx C++/WinRT component with IDL", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><CppWinRTOptimized>true</CppWinRTOptimized><AppContainerApplication>true</AppContainerApplication><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup><ItemDefinitionGroup><ClCompile><CompileAsWinRT>false</CompileAsWinRT></ClCompile></ItemDefinitionGroup><ItemGroup><Midl Include="T.idl"/></ItemGroup></Project>`, KindWinRTComponent},
		{"vcx uwp plain dll", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><AppContainerApplication>true</AppContainerApplication><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup><ItemDefinitionGroup><ClCompile><CompileAsWinRT>false</CompileAsWinRT></ClCompile></ItemDefinitionGroup></Project>`, KindClassLibrary},
		{"vcx desktop dll", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup></Project>`, KindClassLibrary},
		{"vcx static lib", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><ConfigurationType>StaticLibrary</ConfigurationType></PropertyGroup></Project>`, KindClassLibrary},
		{"vcx marked component", "a.vcxproj", `<Project ` + ns + `><PropertyGroup><WindowsRuntimeComponent>true</WindowsRuntimeComponent></PropertyGroup></Project>`, KindWinRTComponent},
		{"jsproj", "a.jsproj", `<Project ` + ns + `/>`, KindApp},
		{"wapproj", "a.wapproj", `<Project ` + ns + `/>`, KindPackaging},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parseProject(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tt.want {
				t.Errorf("kind %s, want %s", p.Kind, tt.want)
			}
		})
	}
}

func TestParseProjectErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"mismatched end tag", "<Project>\n  <ItemGroup>\n  </ItemGrup>\n</Project>\n", 3, "closed by"},
		{"unclosed", "<Project>\n  <ItemGroup>\n", 3, "unexpected EOF"},
		{"wrong root", "<Package/>\n", 1, "want <Project>"},
		{"empty", "", 1, "no root element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseProject("a.csproj", []byte(tt.src))
			le, ok := err.(*lineError)
			if !ok {
				t.Fatalf("want a lineError, got %T %v", err, err)
			}
			if le.line != tt.line || !strings.Contains(le.Error(), tt.msg) {
				t.Errorf("line %d %q, want line %d containing %q", le.line, le.Error(), tt.line, tt.msg)
			}
		})
	}
}

func TestElementLines(t *testing.T) {
	src := "<?xml version=\"1.0\"?>\r\n<Project>\r\n  <A x=\"a>b\"\r\n     y=\"c\"/>\r\n  <!-- <NotAnElement/> -->\r\n  <B><C/></B>\n</Project>"
	lines, err := elementLines([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []int{2, 3, 6, 6}
	if len(lines) != len(want) {
		t.Fatalf("lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("lines %v, want %v", lines, want)
		}
	}
}

func TestExpandPropertyFunctions(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root+"/LICENSE", "")
	writeFile(t, root+"/Samples/X/cs/App/App.csproj", "<Project/>")
	p := &projectFile{Project: &Project{Path: root + "/Samples/X/cs/App/App.csproj"}, dir: root + "/Samples/X/cs/App", props: map[string]propDef{}}
	ix := newIndex(root, nil)
	tests := []struct{ in, want string }{
		{`$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory), LICENSE))\SharedContent`, root + `\SharedContent`},
		{`$([MSBuild]::GetPathOfFileAbove('LICENSE', '$(MSBuildProjectDirectory)'))`, root + "/LICENSE"},
		{`$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory), NOT-THERE))`, ""},
		{`$([System.IO.Path]::Combine($(MSBuildProjectDirectory), 'a', 'b.cs'))`, root + "/Samples/X/cs/App/a/b.cs"},
		{`$([MSBuild]::NormalizeDirectory($(MSBuildProjectDirectory), '..'))`, root + "/Samples/X/cs/"},
	}
	for _, tt := range tests {
		got, err := p.expand(ix, tt.in, p.Path, 0)
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{`$(Undefined)x.cs`, `$([System.String]::Copy('a').ToUpper())`, `%(Filename).cs`, `@(Compile)`, `$(Unclosed`} {
		if got, err := p.expand(ix, bad, p.Path, 0); err == nil {
			t.Errorf("%s resolved to %q; want an error", bad, got)
		}
	}
}

// Below a walked directory the walk answers GetDirectoryNameOfFileAbove's
// questions (its display paths are relative to the working directory);
// above it, the file system does, once per path.
func TestFileAboveAsksTheWalk(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root+"/repo/LICENSE", "")
	writeFile(t, root+"/repo/Samples/X/cs/App/App.csproj", "<Project/>")
	writeFile(t, root+"/OUTER", "")
	t.Chdir(root + "/repo")
	ix := newIndex(root+"/repo", nil)
	if ix.tree(".") == nil {
		t.Fatal("the walk found nothing")
	}
	// written after the walk: the walk, which is the run's view of the
	// tree, does not know it
	writeFile(t, root+"/repo/Samples/LICENSE", "")
	dir := root + "/repo/Samples/X/cs/App"
	if got := ix.fileAbove(dir, "LICENSE", false); got != root+"/repo" {
		t.Errorf("LICENSE above %s: %q, want the repository root", dir, got)
	}
	if got := ix.fileAbove(dir, "OUTER", true); got != root+"/OUTER" {
		t.Errorf("OUTER above %s: %q, want %q (outside the walk: the file system)", dir, got, root+"/OUTER")
	}
	if got := ix.fileAbove(dir, "NOT-THERE", false); got != "" {
		t.Errorf("NOT-THERE above %s: %q, want none", dir, got)
	}
}

// Build output is no source of the checkout: items under an output
// property or C++/WinRT's "Generated Files" folder are skipped without a
// note, whatever their slashes and case.
func TestGeneratedOutput(t *testing.T) {
	for value, want := range map[string]bool{
		`$(GeneratedFilesDir)module.g.cpp`:          true,
		`$(IntDir)XamlTypeInfo.g.cs`:                true,
		`Generated Files\module.g.cpp`:              true,
		` generated files/winrt/Tasks.h`:            true,
		`Generated Files\$(Platform)\Tasks_p.c`:     true,
		`..\Shared\Generated Files\module.g.cpp`:    true,
		`GeneratedFiles\module.g.cpp`:               false,
		`Tasks\SyncTask.cpp`:                        false,
		`$(MSBuildThisFileDirectory)Tasks\Sync.cpp`: false,
		`My Generated Files.cpp`:                    false,
	} {
		if got := generatedOutput(value); got != want {
			t.Errorf("generatedOutput(%q) = %v, want %v", value, got, want)
		}
	}
}

// generatedOutput compares without lower-cased copies, folding ASCII
// letters only, as MSBuild compares property names and Windows folder
// names: $(İntDir) is not $(IntDir) there, though Go's strings.ToLower
// maps İ to i (and the Kelvin sign to k). It must say what the comparison
// of ASCII-lower-cased, slash-separated copies says, on every mix of
// case, separators and such letters.
func TestGeneratedOutputFoldsASCII(t *testing.T) {
	asciiLower := func(s string) string {
		return strings.Map(func(r rune) rune {
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, s)
	}
	lowered := func(value string) bool {
		trimmed := strings.TrimSpace(value)
		lower := asciiLower(trimmed)
		if folder := strings.ReplaceAll(lower, `\`, "/"); strings.HasPrefix(folder, "generated files/") || strings.Contains(folder, "/generated files/") {
			return true
		}
		if !strings.HasPrefix(trimmed, "$(") {
			return false
		}
		for _, p := range buildOutputProps {
			if strings.HasPrefix(lower, p) {
				return true
			}
		}
		return false
	}
	pieces := []string{"", " ", "Generated Files", "GENERATED FİLES", "generated files", "Generated\u212aFiles", `\`, "/", "$(", "IntDir)", "İntDir)", "OUTDIR)", "x.cpp", "a"}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				v := a + b + c
				if got, want := generatedOutput(v), lowered(v); got != want {
					t.Errorf("generatedOutput(%q) = %v, the ASCII-lower-cased comparison says %v", v, got, want)
				}
			}
		}
	}
	for _, v := range []string{"$(İntDir)x.cpp", `GENERATED FİLES\x.cpp`} {
		if generatedOutput(v) {
			t.Errorf("generatedOutput(%q) = true: İ is no I to MSBuild or Windows", v)
		}
	}
}

// A conditional <Compile Remove> takes files out only when its condition
// holds for every build of the project that is known; a condition that
// cannot be evaluated, or that is false for some build, keeps them.
func TestConditionalRemove(t *testing.T) {
	const sdk = `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup>%s</PropertyGroup>%s</Project>`
	const windowsTFM = `<TargetFramework>net8.0-windows10.0.19041.0</TargetFramework>`
	remove := func(cond string) string {
		return `<ItemGroup Condition="` + cond + `"><Compile Remove="Win\*.cs"/></ItemGroup>`
	}
	cases := []struct {
		name, props, items string
		removed            bool
	}{
		{"unconditional", windowsTFM, `<ItemGroup><Compile Remove="Win\*.cs"/></ItemGroup>`, true},
		{"the item's own condition, false", windowsTFM, `<ItemGroup><Compile Remove="Win\*.cs" Condition="'$(TargetFramework)' == 'net8.0'"/></ItemGroup>`, false},
		{"a framework the project does not target", windowsTFM, remove(`'$(TargetFramework)' == 'net35'`), false},
		{"the framework it targets", windowsTFM, remove(`'$(TargetFramework)' == 'net8.0-windows10.0.19041.0'`), true},
		{"not Windows, for a Windows framework", windowsTFM, remove(`$([MSBuild]::GetTargetPlatformIdentifier('$(TargetFramework)')) != 'windows'`), false},
		{"not Windows, for a list with a Windows framework", `<TargetFrameworks>net8.0;net8.0-windows10.0.19041.0</TargetFrameworks>`,
			remove(`$([MSBuild]::GetTargetPlatformIdentifier('$(TargetFramework)')) != 'windows'`), false},
		{"every Windows framework of a list", `<TargetFrameworks>net8.0-android;net8.0-windows10.0.19041.0;net8.0-windows10.0.22621.0</TargetFrameworks>`,
			remove(`$([MSBuild]::GetTargetPlatformIdentifier('$(TargetFramework)')) == 'windows'`), true},
		{"one framework of several", `<TargetFrameworks>net8.0;net9.0</TargetFrameworks>`, remove(`'$(TargetFramework)' == 'net8.0'`), false},
		{"frameworks set per operating system", `<TargetFramework Condition="$([MSBuild]::IsOSPlatform('windows'))">net8.0-windows10.0.19041.0</TargetFramework>`,
			remove(`'$(TargetFramework)' == 'net8.0-windows10.0.19041.0'`), false},
		{"frameworks set twice", windowsTFM + `<TargetFramework>net8.0</TargetFramework>`, remove(`'$(TargetFramework)' == 'net8.0'`), false},
		{"a property the project never sets", windowsTFM, remove(`'$(BuildingForLinux)' == 'true'`), false},
		{"Exists", windowsTFM, remove(`Exists('Win\Override.cs')`), false},
		{"a configuration the project does not list", windowsTFM, remove(`'$(Configuration)' == 'Debug'`), false},
		{"inside a Choose", windowsTFM, `<Choose><When Condition="'$(TargetFramework)' == 'net35'"><ItemGroup><Compile Remove="Win\*.cs"/></ItemGroup></When></Choose>`, false},
		{"always true", windowsTFM, remove(`'$(TargetFramework)' != ''`), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, root+"/App/App.csproj", fmt.Sprintf(sdk, c.props, c.items))
			writeFile(t, root+"/App/Win/Startup.cs", "class Startup {}")
			writeFile(t, root+"/App/Main.cs", "class Main {}")
			p, err := readProjectFile(root + "/App/App.csproj")
			if err != nil {
				t.Fatal(err)
			}
			ix := newIndex(root, nil)
			got := p.sourcePaths(ix)
			kept := slices.Contains(got, root+"/App/Win/Startup.cs")
			if kept == c.removed || !slices.Contains(got, root+"/App/Main.cs") {
				t.Errorf("sources %v; want Win/Startup.cs removed: %v", got, c.removed)
			}
		})
	}
}

// An item listed only when its file exists is no missing file; a
// wildcard under a folder that is not there is told at its item's line.
func TestMissingSourceNotes(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root+"/App/App.csproj", `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup Condition="Exists('$(MSBuildProjectDirectory)\..\Private\Keys.cs')">
    <Compile Include="$(MSBuildProjectDirectory)\..\Private\Keys.cs" />
  </ItemGroup>
  <ItemGroup Condition="Exists('..\vendor\lib')">
    <Compile Include="..\vendor\lib\*.cs" />
  </ItemGroup>
  <ItemGroup>
    <Compile Include="..\submodule\src\Zip\*.cs" />
    <Compile Include="..\submodule\src\Tar\*.cs" />
    <Compile Include="..\submodule\src\Stream.cs" />
    <Compile Include="Gone.cs" Condition="Exists('Other.cs')" />
  </ItemGroup>
</Project>`)
	writeFile(t, root+"/App/Main.cs", "class Main {}")
	p, err := readProjectFile(root + "/App/App.csproj")
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(root, nil)
	var notes noteBuffer
	p.sourcePathsWith(ix, &notes, ix.tree)
	var got []string
	for _, n := range groupNotes(notes.notes) {
		got = append(got, fmt.Sprintf("%d: %s", n.Line, strings.ReplaceAll(n.Message, root+"/", "")))
	}
	slices.Sort(got)
	want := []string{
		"12: source file App/Gone.cs listed in the project does not exist",
		"9: folder submodule does not exist: 2 wildcards and 1 source file listed under it find nothing (listed by App.csproj; the first: submodule/src/Zip/*.cs)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(ix.notes) > 0 {
		t.Errorf("Notes outside the buffer: %v", ix.notes)
	}
}
