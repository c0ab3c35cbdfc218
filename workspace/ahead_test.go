package workspace

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// A project the solution does not list gets $(SolutionDir) from the
// project that references it, during grouping: the sources worked out
// ahead of that (without it) must give way to the ones worked out with it.
func TestSourcesAheadRedoneWithInheritedSolutionDir(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "Sample.sln"),
		"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"App\", \"App\\App.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n")
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(root, "App", "App.csproj"), `<Project>
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <ItemGroup><Compile Include="App.cs" /></ItemGroup>
  <ItemGroup><ProjectReference Include="..\Tasks\Tasks.csproj" /></ItemGroup>
</Project>`)
	writeFile(t, filepath.Join(root, "App", "App.cs"), "class App {}")
	writeFile(t, filepath.Join(root, "Tasks", "Tasks.csproj"), `<Project>
  <PropertyGroup><OutputType>winmdobj</OutputType></PropertyGroup>
  <ItemGroup>
    <Compile Include="Task.cs" />
    <Compile Include="$(SolutionDir)Common\Names.cs" />
  </ItemGroup>
</Project>`)
	writeFile(t, filepath.Join(root, "Tasks", "Task.cs"), "class Task {}")
	writeFile(t, filepath.Join(root, "Common", "Names.cs"), "class Names {}")

	r := discoverOneApp(t, root)
	wantSources(t, r.Apps[0], root, "App/App.cs", "Tasks/Task.cs", "Common/Names.cs")
	if len(r.Notes) != 0 {
		t.Errorf("want no Notes, got %v", r.Notes)
	}
}

// A listed source outside the walked tree is looked for on disk, and one
// missing there is a Note at its item's line, recorded in turn whether it
// was worked out ahead or not. A glob outside the tree is not walked.
func TestSourcesAheadOutsideTheWalk(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "Outside", "Linked.cs"), "class Linked {}")
	writeFile(t, filepath.Join(root, "Repo", "App", "Package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(root, "Repo", "App", "App.csproj"), `<Project>
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <ItemGroup>
    <Compile Include="..\..\Outside\Linked.cs" />
    <Compile Include="..\..\Outside\Gone.cs" />
    <Compile Include="..\..\Outside\*.cs" />
  </ItemGroup>
</Project>`)
	r, err := Discover([]string{filepath.Join(root, "Repo")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	got := sourcePaths(r.Apps[0])
	if len(got) != 1 || got[0] != filepath.ToSlash(filepath.Join(root, "Outside", "Linked.cs")) {
		t.Errorf("sources %v, want only Outside/Linked.cs", got)
	} else if !r.Apps[0].Sources[0].Linked {
		t.Errorf("Outside/Linked.cs is listed from outside the project's directory, but not marked Linked")
	}
	// the glob's folder lies outside the linted tree: noted, not walked
	var gone, outside int
	for _, n := range r.Notes {
		switch {
		case n.Line == 5 && strings.Contains(n.Message, "Gone.cs listed in the project does not exist"):
			gone++
		case strings.Contains(n.Message, "outside the linted tree"):
			outside++
		default:
			t.Errorf("unexpected Note %v", n)
		}
	}
	if gone != 1 || outside != 1 {
		t.Errorf("want one Note for Gone.cs at line 5 and one for the glob outside the tree, got %v", r.Notes)
	}
}

// fileAt answers from the walk only what the walk proves.
func TestFileAt(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "d", "Main.cs"), "")
	writeFile(t, filepath.Join(root, "d", "readme.txt"), "")
	writeFile(t, filepath.Join(root, "d", "Sub", "x.cs"), "")
	writeFile(t, filepath.Join(root, "unwalked", "y.cs"), "")
	links := runtime.GOOS != "windows"
	if links {
		if err := os.Symlink("Main.cs", filepath.Join(root, "d", "ToMain.cs")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("nowhere.cs", filepath.Join(root, "d", "Dangling.cs")); err != nil {
			t.Fatal(err)
		}
	}
	ix := newIndex(root, nil)
	dir := filepath.Join(root, "d")
	if ix.tree(dir) == nil {
		t.Fatal("walk failed")
	}
	tests := []struct {
		path string
		want fileState
	}{
		{filepath.Join(dir, "Main.cs"), fileExists},
		{filepath.Join(dir, "readme.txt"), fileExists}, // not a source, still a file
		{filepath.Join(dir, "Absent.cs"), fileMissing},
		{filepath.Join(dir, "Sub"), fileMissing},     // a directory is not a file
		{filepath.Join(dir, "MAIN.cs"), fileUnknown}, // a case-insensitive file system would find it
		{filepath.Join(dir, "Sub", "x.cs"), fileExists},
		{filepath.Join(root, "unwalked", "y.cs"), fileUnknown},
		{filepath.Join(dir, "..", "d", "Main.cs"), fileExists},
	}
	if links {
		tests = append(tests,
			struct {
				path string
				want fileState
			}{filepath.Join(dir, "ToMain.cs"), fileExists},
			struct {
				path string
				want fileState
			}{filepath.Join(dir, "Dangling.cs"), fileMissing})
	}
	for _, tt := range tests {
		if got := ix.fileAt(filepath.Clean(tt.path)); got != tt.want {
			t.Errorf("fileAt(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// A JavaScript project lists its pages, style sheets and fonts as Content
// beside its scripts: only a missing script is noted, since the rest are
// never read.
func TestMissingContentNotedOnlyForSources(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(root, "App", "js", "main.js"), "var x = 1;")
	writeFile(t, filepath.Join(root, "App", "App.jsproj"), `<Project>
  <ItemGroup>
    <Content Include="js\main.js" />
    <Content Include="..\Shared\default.html" />
    <Content Include="..\Shared\css\ui-dark.css" />
    <Content Include="..\Shared\fonts\Symbols.ttf" />
    <Content Include="..\Shared\js\base.js" />
  </ItemGroup>
</Project>`)
	r, err := Discover([]string{filepath.Join(root, "App")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	if got := sourcePaths(r.Apps[0]); len(got) != 1 || !strings.HasSuffix(got[0], "js/main.js") {
		t.Errorf("sources %v, want only js/main.js", got)
	} else if r.Apps[0].Sources[0].Linked {
		t.Errorf("js/main.js lies in the project's directory, but is marked Linked")
	}
	if len(r.Notes) != 1 || r.Notes[0].Line != 7 || !strings.Contains(r.Notes[0].Message, "base.js listed in the project does not exist") {
		t.Errorf("want one Note, for base.js at line 7, got %v", r.Notes)
	}
}

// Visual Studio writes a project's parentheses as MSBuild escapes:
// the referenced component and its task class must still be found.
func TestEscapedProjectReference(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(root, "App", "App.csproj"), `<Project>
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\Tasks (Library)\Tasks %28Library%29.csproj" />
    <Compile Include="Shared%20Names.cs" />
  </ItemGroup>
</Project>`)
	writeFile(t, filepath.Join(root, "App", "Shared Names.cs"), "class Names {}")
	writeFile(t, filepath.Join(root, "Tasks (Library)", "Tasks (Library).csproj"), `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>winmdobj</OutputType></PropertyGroup></Project>`)
	writeFile(t, filepath.Join(root, "Tasks (Library)", "SyncTask.cs"), "public sealed class SyncTask {}")
	r, err := Discover([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	got := strings.Join(sourcePaths(r.Apps[0]), "\n")
	for _, want := range []string{"App/Shared Names.cs", "Tasks (Library)/SyncTask.cs"} {
		if !strings.Contains(got, want) {
			t.Errorf("sources lack %s:\n%s", want, got)
		}
	}
	if len(r.Notes) != 0 {
		t.Errorf("want no Notes, got %v", r.Notes)
	}
}

func TestMSBuildUnescape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Template10 %28Library%29.csproj", "Template10 (Library).csproj"},
		{"a%20b%3bc", "a b;c"},
		{"100%", "100%"},
		{"%zz%4", "%zz%4"},
		{"plain", "plain"},
	} {
		if got := msbuildUnescape(c.in); got != c.want {
			t.Errorf("msbuildUnescape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// An item's $(MSBuildThisFileDirectory) is the directory of the file that
// holds the item, however many files spell it the same: the expansions
// kept while a project's sources are listed are kept per file.
func TestThisFileDirectoryPerImport(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), `<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="App"/></Applications></Package>`)
	writeFile(t, filepath.Join(root, "App", "App.csproj"), `<Project>
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <Import Project="..\Shared\One\One.projitems" />
  <Import Project="..\Shared\Two\Two.projitems" />
  <ItemGroup><Compile Include="$(MSBuildThisFileDirectory)App.cs" /><AppxManifest Include="Package.appxmanifest" /></ItemGroup>
</Project>`)
	for _, name := range []string{"One", "Two"} {
		writeFile(t, filepath.Join(root, "Shared", name, name+".projitems"), `<Project>
  <ItemGroup><Compile Include="$(MSBuildThisFileDirectory)Common.cs" /></ItemGroup>
</Project>`)
		writeFile(t, filepath.Join(root, "Shared", name, "Common.cs"), "class Common {}")
	}
	writeFile(t, filepath.Join(root, "App", "App.cs"), "class App {}")
	r := discoverOneApp(t, root)
	wantSources(t, r.Apps[0], root, "App/App.cs", "Shared/One/Common.cs", "Shared/Two/Common.cs")
}

// discoverOneApp discovers root, which must hold one App.
func discoverOneApp(t *testing.T, root string) *Result {
	t.Helper()
	r, err := Discover([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	return r
}

// wantSources checks that app's sources hold each path (slash-separated,
// relative to root).
func wantSources(t *testing.T, app *App, root string, paths ...string) {
	t.Helper()
	got := sourcePaths(app)
	for _, want := range paths {
		if !contains(got, filepath.ToSlash(filepath.Join(root, want))) {
			t.Errorf("sources %v lack %s", got, want)
		}
	}
}

// A solution that spells a project in another case than the file system
// (Windows forgives it) gets the project the walk found and read ahead:
// it is not read a second time.
func TestSolutionCaseReadsProjectOnce(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), `<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="App"/></Applications></Package>`)
	writeFile(t, filepath.Join(root, "App", "App.csproj"), `<Project>
  <PropertyGroup><OutputType>AppContainerExe</OutputType></PropertyGroup>
  <ItemGroup><Compile Include="App.cs" /><AppxManifest Include="Package.appxmanifest" /></ItemGroup>
</Project>`)
	writeFile(t, filepath.Join(root, "App", "App.cs"), "class App {}")
	if _, err := os.Stat(filepath.Join(root, "app", "app.csproj")); err == nil {
		t.Skip("the file system ignores case")
	}
	writeFile(t, filepath.Join(root, "App.sln"), "Microsoft Visual Studio Solution File, Format Version 12.00\n"+
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "app\app.csproj", "{11111111-2222-3333-4444-555555555555}"`+"\nEndProject\n")
	var mu sync.Mutex
	reads := map[string]int{}
	projectReadHook = func(disp string) { mu.Lock(); reads[filepath.Base(disp)]++; mu.Unlock() }
	defer func() { projectReadHook = nil }()
	r := discoverOneApp(t, root)
	wantSources(t, r.Apps[0], root, "App/App.cs")
	if reads["App.csproj"] != 1 {
		t.Errorf("App.csproj read %d times, want once (reads: %v)", reads["App.csproj"], reads)
	}
}
