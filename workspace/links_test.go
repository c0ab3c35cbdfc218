package workspace

import (
	"path/filepath"
	"slices"
	"testing"
)

func universePaths(a *App) []string {
	var out []string
	if a.Universe == nil {
		return nil
	}
	for _, p := range a.Universe.Projects {
		out = append(out, filepath.ToSlash(p.Path))
	}
	return out
}

func projectPaths(ps []*Project) []string {
	var out []string
	for _, p := range ps {
		out = append(out, filepath.ToSlash(p.Path))
	}
	return out
}

// TestDiscoverLinks pins item 2 of the App model: a HintPath to a
// workspace project's .winmd links that project, a wapproj's Content that
// names a desktop project's executable links it, a HintPath into a NuGet
// packages folder is a package, and a binary from elsewhere makes the
// App's references unknown. The Universe is the solution's projects,
// shared by its Apps.
func TestDiscoverLinks(t *testing.T) {
	r, err := Discover([]string{"testdata/links"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "links", r)
	app := appByManifest(t, r, "links/App/Package.appxmanifest")
	if got := sourcePaths(app); !contains(got, "testdata/links/Tasks/TimerTask.cs") {
		t.Errorf("HintPath to Tasks.winmd does not link Tasks.csproj: sources %v", got)
	}
	if !app.ReferencesKnown {
		t.Error("App: references should be known (a workspace project's output, a NuGet package, a framework assembly, a Microsoft SDK)")
	}
	if want := []string{"Contoso.Toolkit", "Microsoft.NETCore.UniversalWindowsPlatform", "Newtonsoft.Json"}; !slices.Equal(app.Packages, want) {
		t.Errorf("App packages %v, want %v", app.Packages, want)
	}
	if p := app.ProjectOf(filepath.FromSlash("testdata/links/App/App.csproj")); p == nil || len(p.Links) != 1 || p.Links[0].Via != LinkHintPath {
		t.Errorf("App.csproj links: %+v", p)
	}
	wantUniverse := []string{
		"testdata/links/App/App.csproj", "testdata/links/Tasks/Tasks.csproj", "testdata/links/Orphan/Orphan.csproj",
		"testdata/links/Vendor/Vendor.csproj", "testdata/links/Packaging/Packaging.wapproj", "testdata/links/ConsoleTasks/ConsoleTasks.csproj",
	}
	if got := universePaths(app); !slices.Equal(got, wantUniverse) {
		t.Errorf("universe %v, want the solution's projects %v", got, wantUniverse)
	}
	if got := projectPaths(app.Unreferenced()); !contains(got, "testdata/links/Orphan/Orphan.csproj") || contains(got, "testdata/links/Tasks/Tasks.csproj") {
		t.Errorf("unreferenced %v", got)
	}
	if got := app.Universe.Sources[filepath.FromSlash("testdata/links/Orphan/Orphan.csproj")]; len(got) != 1 || filepath.ToSlash(got[0].Path) != "testdata/links/Orphan/OrphanTask.cs" {
		t.Errorf("universe sources of Orphan.csproj: %v", got)
	}

	vendor := appByManifest(t, r, "links/Vendor/Package.appxmanifest")
	if vendor.ReferencesKnown {
		t.Error("Vendor: a HintPath to a binary no workspace project builds should make references unknown")
	}
	if vendor.Universe != app.Universe {
		t.Error("Apps of one solution should share one Universe")
	}

	pkg := appByManifest(t, r, "links/Packaging/Package.appxmanifest")
	if got := sourcePaths(pkg); !contains(got, "testdata/links/ConsoleTasks/Program.cs") {
		t.Errorf("a wapproj's Content naming ConsoleTasks.exe does not link the console project: %v", got)
	}
	if !pkg.ReferencesKnown {
		t.Error("Packaging: references should be known (a wapproj packaging a workspace project, Windows.winmd from the SDK)")
	}
}

// Without a solution, the Universe is every project of the walked tree.
func TestDiscoverUniverseWithoutSolution(t *testing.T) {
	r, err := Discover([]string{"testdata/sdk"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	app := appByManifest(t, r, "sdk/WinUIApp/Package.appxmanifest")
	got := universePaths(app)
	if len(got) < 2 || !contains(got, "testdata/sdk/WinUIApp/WinUIApp.csproj") {
		t.Errorf("universe %v should hold every project under testdata/sdk", got)
	}
}

func TestNugetPackageID(t *testing.T) {
	cases := map[string]string{
		"../packages/Newtonsoft.Json.13.0.1/lib/netstandard2.0/Newtonsoft.Json.dll":            "Newtonsoft.Json",
		"/home/u/.nuget/packages/win2d.uwp/1.26.0/lib/uap10.0/Microsoft.Graphics.Canvas.winmd": "win2d.uwp",
		"../Tasks/bin/x86/Debug/Tasks.winmd":                                                   "",
		"../packages/Contoso.Tasks/Tasks.winmd":                                                "",
		"../Packages/SQLite.Net-PCL.3.1.1-beta/lib/x.dll":                                      "SQLite.Net-PCL",
	}
	for path, want := range cases {
		got, ok := nugetPackageID(filepath.FromSlash(path))
		if got != want || ok != (want != "") {
			t.Errorf("nugetPackageID(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}

func TestIsVersionedName(t *testing.T) {
	cases := map[string]bool{
		"newtonsoft.json.13.0.1": true, "win2d.uwp.1.26.0": true, "xunit.2.4.1-beta.3": true, "sqlite.net-pcl.3.1.1": true,
		"app-windows": false, "core": false, "lib.2d": false, "react-native-windows": false, "contoso.v2": false,
	}
	for name, want := range cases {
		if got := isVersionedName(name); got != want {
			t.Errorf("isVersionedName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsPlatformBinary(t *testing.T) {
	cases := []struct {
		raw, resolved string
		want          bool
	}{
		{`C:\Program Files (x86)\Windows Kits\10\UnionMetadata\10.0.19041.0\Windows.winmd`, `C:/Program Files (x86)/Windows Kits/10/UnionMetadata/10.0.19041.0/Windows.winmd`, true},
		{`$(ProgramFiles)\Windows Kits\10\UnionMetadata\Windows.winmd`, `_/Windows Kits/10/UnionMetadata/Windows.winmd`, true},
		{`$(MSBuildProgramFiles32)\Reference Assemblies\Microsoft\Framework\.NETCore\v4.5\System.Runtime.WindowsRuntime.dll`, `_/Reference Assemblies/x.dll`, true},
		{`..\lib\Windows.Foundation.FoundationContract.winmd`, `../lib/Windows.Foundation.FoundationContract.winmd`, true},
		{`..\lib\Fabrikam.Tasks.winmd`, `../lib/Fabrikam.Tasks.winmd`, false},
		{`..\ThirdParty\Contoso.Sync.dll`, `../ThirdParty/Contoso.Sync.dll`, false},
	}
	for _, c := range cases {
		if got := isPlatformBinary(c.raw, filepath.FromSlash(c.resolved)); got != c.want {
			t.Errorf("isPlatformBinary(%q) = %v, want %v", c.raw, got, c.want)
		}
	}
}
