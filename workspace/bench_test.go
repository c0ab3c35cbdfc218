package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/benchgen"
	"github.com/bgmanifest/bgmanifest/internal/cputime"
)

// BenchmarkDiscoverMonorepo discovers a generated tree of 50 000 files: 200
// Apps (manifest + SDK-style project + sources), each with build output
// that must be pruned, plus plain folders of unrelated files.
func BenchmarkDiscoverMonorepo(b *testing.B) {
	root := b.TempDir()
	files := 0
	write := func(path, text string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		files++
	}
	for app := 0; files < 50000; app++ {
		dir := filepath.Join(root, fmt.Sprintf("area%02d", app%20), fmt.Sprintf("App%03d", app))
		write(filepath.Join(dir, "Package.appxmanifest"), "<Package/>")
		write(filepath.Join(dir, "App.csproj"), `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType></PropertyGroup></Project>`)
		write(filepath.Join(dir, "bin", "x64", "Debug", "AppxManifest.xml"), "<Package/>")
		for i := 0; i < 150; i++ {
			write(filepath.Join(dir, fmt.Sprintf("Module%d", i%10), fmt.Sprintf("File%d.cs", i)), "class C {}")
		}
		for i := 0; i < 100; i++ {
			write(filepath.Join(dir, "docs", fmt.Sprintf("page%d.md", i)), "text")
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Discover([]string{root}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Apps) == 0 {
			b.Fatal("no Apps found")
		}
	}
}

// BenchmarkDiscoverGenerated discovers the benchmark generator's medium
// workspace (100 Apps, each a solution with an app, a tasks component, a
// C++ and a VB project listing their sources one by one): the project
// parsing and source listing the monorepo benchmark above has little of.
func BenchmarkDiscoverGenerated(b *testing.B) {
	root := b.TempDir()
	size := benchgen.Sizes[1]
	if _, err := benchgen.Generate(root, size, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Discover([]string{root}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Apps) != size.Apps {
			b.Fatalf("found %d Apps, want %d", len(r.Apps), size.Apps)
		}
	}
}

// BenchmarkDiscoverRepo discovers the real checkout BGMANIFEST_BENCH_REPO
// names (skipped without it): real trees have the deep directories,
// per-configuration project files and shared imports that the generated
// ones lack.
func BenchmarkDiscoverRepo(b *testing.B) {
	root := os.Getenv("BGMANIFEST_BENCH_REPO")
	if root == "" {
		b.Skip("set BGMANIFEST_BENCH_REPO to a checkout")
	}
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		if _, err := Discover([]string{root}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(cputime.Metric(start, b.N))
}

// BenchmarkReadProjectTree reads a C++ project file of the shape Visual
// Studio writes (CRLF line ends, a PropertyGroup and an
// ItemDefinitionGroup per configuration, long item lists) into its tree.
func BenchmarkReadProjectTree(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Project DefaultTargets=\"Build\" ToolsVersion=\"15.0\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\r\n")
	for _, cfg := range []string{"Debug|Win32", "Release|Win32", "Debug|x64", "Release|x64", "Debug|ARM64", "Release|ARM64"} {
		fmt.Fprintf(&sb, "  <PropertyGroup Condition=\"'$(Configuration)|$(Platform)'=='%s'\" Label=\"Configuration\">\r\n    <ConfigurationType>Application</ConfigurationType>\r\n    <UseDebugLibraries>true</UseDebugLibraries>\r\n  </PropertyGroup>\r\n", cfg)
		fmt.Fprintf(&sb, "  <ItemDefinitionGroup Condition=\"'$(Configuration)|$(Platform)'=='%s'\">\r\n    <ClCompile>\r\n      <PrecompiledHeader>Use</PrecompiledHeader>\r\n      <PreprocessorDefinitions>_DEBUG;%%(PreprocessorDefinitions)</PreprocessorDefinitions>\r\n      <AdditionalOptions>/bigobj %%(AdditionalOptions)</AdditionalOptions>\r\n    </ClCompile>\r\n  </ItemDefinitionGroup>\r\n", cfg)
	}
	sb.WriteString("  <ItemGroup>\r\n")
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&sb, "    <ClCompile Include=\"Scenario%d.xaml.cpp\">\r\n      <DependentUpon>..\\..\\shared\\Scenario%d.xaml</DependentUpon>\r\n    </ClCompile>\r\n", i, i)
	}
	sb.WriteString("  </ItemGroup>\r\n</Project>\r\n")
	data := []byte(sb.String())
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := readXMLTree(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reused", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			_, release, err := readXMLTreeReuse(data)
			if err != nil {
				b.Fatal(err)
			}
			release()
		}
	})
}
