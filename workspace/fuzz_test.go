package workspace

import (
	"strings"
	"testing"
)

// FuzzParseProject: no input may panic the project reader, and a project
// it accepts has a kind.
func FuzzParseProject(f *testing.F) {
	for _, seed := range []string{
		`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType></PropertyGroup></Project>`,
		"\xef\xbb\xbf<Project><ItemGroup><Compile Include=\"a.cs;$(X)b.cs\" Remove=\"c\"/></ItemGroup></Project>",
		"\xff\xfe<\x00P\x00/\x00>\x00",
		`<Project><Import Project="$(MSBuildThisFileDirectory)x.projitems"/><ClCompile Include="*.cpp"/></Project>`,
		`<Project><PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType><AppContainerApplication>true</AppContainerApplication></PropertyGroup><ItemGroup><Midl Include="a.idl"/></ItemGroup></Project>`,
		`<Project><Unclosed>`,
		// hostile (issue 16): devices and the file system's root named by
		// a project, CI command openers in an item, deep nesting
		`<Project><Import Project="/dev/zero"/><Import Project="/dev/stdin"/><ItemGroup><Compile Include="/**/*.cs;../../../**/*.cs"/><None Include="a&#10;::error file=x::boom&#10;##vso[task.setvariable variable=x]1"/></ItemGroup></Project>`,
		"<Project>" + strings.Repeat("<a>", 4000) + strings.Repeat("</a>", 4000) + "</Project>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"a.csproj", "a.vcxproj", "a.vbproj", "a.jsproj", "a.wapproj"} {
			p, err := parseProject(name, []byte(src))
			if err == nil && p.Kind == "" {
				t.Fatalf("%s: accepted project without a kind", name)
			}
		}
	})
}

// FuzzParseConfig: every rejected config carries positioned errors.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"rules:\n  BG101: error\n", "rules: [1, 2]\n",
		// hostile (issue 16): many excludes, unknown keys at every level
		"exclude:\n" + strings.Repeat("  - \"**/gen/*.cs\"\n", 2000), "rulez: {}\nrules: {BG999: off, bg101: warning}\nexclude: [a]\nextra: 1\n", "exclude: {a: b}\n", "languages: [cobol]\n", "&a [*a]\n", "rules:\n  ? [x]\n  : off\n", "\t\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := ParseConfig("c.yaml", []byte(src))
		if err == nil {
			return
		}
		es, ok := AsConfigErrors(err)
		if !ok {
			if !strings.Contains(err.Error(), "config schema") {
				t.Fatalf("unpositioned error: %v", err)
			}
			return
		}
		for _, e := range es {
			if e.Line < 1 || e.Col < 1 {
				t.Fatalf("bad position in %q", e.Error())
			}
		}
	})
}
