package workspace

import (
	"path/filepath"
	"runtime"
	"testing"
)

// Outside a git repository, a file passed on the command line (as a
// pre-commit hook passes it) is looked up in its own solution only: a stray
// manifest in a directory far above (a home or temp directory) must not make
// the whole tree below that directory part of the search.
func TestSearchRootStopsAtTheSolution(t *testing.T) {
	top := t.TempDir()
	writeFile(t, filepath.Join(top, "stray.appxmanifest"), `<?xml version="1.0"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
	writeFile(t, filepath.Join(top, "other", "Package.appxmanifest"), `<?xml version="1.0"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
	sol := filepath.Join(top, "work", "Contoso")
	writeFile(t, filepath.Join(sol, "Contoso.sln"), "Microsoft Visual Studio Solution File, Format Version 12.00\n")
	writeFile(t, filepath.Join(sol, "App", "App.csproj"), `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType></PropertyGroup></Project>`)
	writeFile(t, filepath.Join(sol, "App", "Package.appxmanifest"), `<?xml version="1.0"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
	src := filepath.Join(sol, "App", "MainPage.cs")
	writeFile(t, src, "namespace App { public sealed class MainPage { } }\n")

	d := &discoverer{}
	if got, want := d.findSearchRoot(filepath.Join(sol, "App")), sol; got != want {
		t.Errorf("search root = %s, want the solution directory %s", got, want)
	}
	res, err := Discover([]string{src}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 1 || filepath.Base(filepath.Dir(res.Apps[0].Manifest)) != "App" {
		var got []string
		for _, a := range res.Apps {
			got = append(got, a.Manifest)
		}
		t.Fatalf("want only the App that owns MainPage.cs, got %v", got)
	}
}

// A manifest or project straight in the temp (or home) directory roots no
// solution: a file in an unrelated folder below it has no search root, so
// checking it does not lint everything else there.
func TestSearchRootIgnoresTempAndHome(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("TMPDIR and HOME name these directories on Unix")
	}
	for _, env := range []string{"TMPDIR", "HOME"} {
		t.Run(env, func(t *testing.T) {
			top := t.TempDir()
			t.Setenv(env, top)
			writeFile(t, filepath.Join(top, "stray.appxmanifest"), `<?xml version="1.0"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
			writeFile(t, filepath.Join(top, "Scratch.csproj"), `<Project Sdk="Microsoft.NET.Sdk"/>`)
			dir := filepath.Join(top, "build-1234", "x")
			writeFile(t, filepath.Join(dir, "-x.cs"), "class X {}\n")
			d := &discoverer{}
			if got := d.findSearchRoot(dir); got != "" {
				t.Errorf("search root = %q, want none", got)
			}
		})
	}
}

// An App counts the source files its projects list that do not exist,
// headers and IDL files left out (the build generates most of those).
func TestMissingSourcesCounted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(dir, "App", "Package.appxmanifest"), `<?xml version="1.0"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
	writeFile(t, filepath.Join(dir, "App", "MainPage.cs"), "namespace App { }\n")
	writeFile(t, filepath.Join(dir, "App", "App.csproj"), `<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <ItemGroup>
    <Compile Include="MainPage.cs" />
    <Compile Include="..\..\Elsewhere\Shared.cs" />
    <Compile Include="Gone.vb" />
    <ClInclude Include="Generated.h" />
    <Midl Include="Api.idl" />
  </ItemGroup>
  <ItemGroup><AppxManifest Include="Package.appxmanifest" /></ItemGroup>
</Project>`)
	r, err := Discover([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("%d Apps, want 1", len(r.Apps))
	}
	if got := r.Apps[0].MissingSources; got != 2 {
		t.Errorf("MissingSources = %d, want 2 (Shared.cs, Gone.vb; not the header or the IDL file)", got)
	}
}

// A checkout made on a case-sensitive file system may hold two folders
// Windows sees as one (Helpers/ and helpers/): a file listed under either
// spelling is found in whichever holds it.
func TestExistingFileAcrossCaseVariants(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("needs a case-sensitive file system")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Helpers", "Paths.cs"), "class P {}\n")
	writeFile(t, filepath.Join(dir, "helpers", "Clock.cs"), "class C {}\n")
	for _, c := range []struct{ ask, want string }{
		{"Helpers/Clock.cs", "helpers/Clock.cs"},
		{"helpers/Paths.cs", "Helpers/Paths.cs"},
		{"HELPERS/clock.cs", "helpers/Clock.cs"},
		{"Helpers/Paths.cs", "Helpers/Paths.cs"},
	} {
		got, info, ok := existingFile(filepath.Join(dir, filepath.FromSlash(c.ask)))
		if !ok || info == nil || got != filepath.Join(dir, filepath.FromSlash(c.want)) {
			t.Errorf("existingFile(%s) = %s, %v, %v; want %s", c.ask, got, info != nil, ok, c.want)
		}
	}
	if _, _, ok := existingFile(filepath.Join(dir, "Helpers", "Gone.cs")); ok {
		t.Errorf("existingFile found a file no folder holds")
	}
}
