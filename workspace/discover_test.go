package workspace

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenApp is the golden-file form of an App: every field, sources
// included, with slash-separated paths so the files read the same on
// Windows.
type goldenApp struct {
	Manifest        string         `json:"manifest"`
	Project         string         `json:"project"`
	Owner           string         `json:"owner"`
	Configurations  []string       `json:"configurations,omitempty"`
	ReferencesKnown bool           `json:"referencesKnown"`
	Packages        []string       `json:"packages,omitempty"`
	Projects        []goldenProj   `json:"projects"`
	SourcesFound    bool           `json:"sourcesFound"`
	Sources         []goldenSource `json:"sources"`
}

type goldenProj struct {
	Path          string   `json:"path"`
	Kind          string   `json:"kind"`
	Language      string   `json:"language"`
	RootNamespace string   `json:"rootNamespace,omitempty"`
	References    []string `json:"references,omitempty"`
	Links         []string `json:"links,omitempty"`
}

type goldenSource struct {
	Path          string `json:"path"`
	Language      string `json:"language"`
	Project       string `json:"project,omitempty"`
	RootNamespace string `json:"rootNamespace,omitempty"`
}

type goldenResult struct {
	Apps    []goldenApp `json:"apps"`
	Notes   []Note      `json:"notes,omitempty"`
	Skipped []string    `json:"skipped,omitempty"`
}

func toGolden(r *Result) goldenResult {
	s := filepath.ToSlash
	g := goldenResult{Apps: []goldenApp{}}
	for _, a := range r.Apps {
		ga := goldenApp{Manifest: s(a.Manifest), Project: s(a.Project), SourcesFound: a.SourcesFound,
			Owner: string(a.Owner), Configurations: a.Configurations, ReferencesKnown: a.ReferencesKnown, Packages: a.Packages,
			Projects: []goldenProj{}, Sources: []goldenSource{}}
		for _, p := range a.Projects {
			gp := goldenProj{Path: s(p.Path), Kind: string(p.Kind), Language: string(p.Language), RootNamespace: p.RootNamespace}
			for _, ref := range p.References {
				gp.References = append(gp.References, s(ref))
			}
			for _, l := range p.Links {
				gp.Links = append(gp.Links, fmt.Sprintf("%s via %s %s (line %d)", s(l.Path), l.Via, l.Item, l.Line))
			}
			ga.Projects = append(ga.Projects, gp)
		}
		for _, src := range a.Sources {
			ga.Sources = append(ga.Sources, goldenSource{Path: s(src.Path), Language: string(src.Language), Project: s(src.Project), RootNamespace: src.RootNamespace})
		}
		g.Apps = append(g.Apps, ga)
	}
	for _, n := range r.Notes {
		n.Path = s(n.Path)
		g.Notes = append(g.Notes, n)
	}
	for _, sk := range r.Skipped {
		g.Skipped = append(g.Skipped, s(sk))
	}
	return g
}

func checkGolden(t *testing.T, name string, r *Result) {
	t.Helper()
	got, err := json.MarshalIndent(toGolden(r), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Discover result differs from %s (run with -update after checking):\n--- got ---\n%s", path, got)
	}
}

func TestDiscoverGolden(t *testing.T) {
	for _, name := range []string{"solution", "sdk", "cppwinrt", "vb", "js", "wap", "noproject", "rootmanifest", "malformed", "quirks", "props", "samples"} {
		t.Run(name, func(t *testing.T) {
			r, err := Discover([]string{filepath.Join("testdata", name)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, r)
		})
	}
}

// appByManifest returns the App whose manifest path ends with suffix.
func appByManifest(t *testing.T, r *Result, suffix string) *App {
	t.Helper()
	for _, a := range r.Apps {
		if strings.HasSuffix(filepath.ToSlash(a.Manifest), suffix) {
			return a
		}
	}
	t.Fatalf("no App with manifest %s among %d", suffix, len(r.Apps))
	return nil
}

func sourcePaths(a *App) []string {
	var out []string
	for _, s := range a.Sources {
		out = append(out, filepath.ToSlash(s.Path))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// The golden files pin everything; these assertions name the behaviours
// that matter so a careless -update cannot bless a regression silently.
func TestDiscoverBehaviours(t *testing.T) {
	r, err := Discover([]string{"testdata/solution", "testdata/sdk", "testdata/noproject", "testdata/vb"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Apps {
		m := filepath.ToSlash(a.Manifest)
		if strings.Contains(m, "/bin/") || strings.Contains(m, "/obj/") {
			t.Errorf("generated manifest %s was read", m)
		}
	}
	sol := appByManifest(t, r, "solution/App/Package.appxmanifest")
	src := sourcePaths(sol)
	for _, want := range []string{
		"testdata/SharedContent/cs/SuspensionManager.cs", // link outside the project folder
		"testdata/solution/Shared/Util.cs",               // $(SolutionDir)
		"testdata/solution/Shared/Constants.cs",          // project property
		"testdata/solution/Shared/SharedTaskNames.cs",    // shared project import
		"testdata/solution/Tasks/TimerTask.cs",           // ProjectReference
		"testdata/solution/Lib/Text/Format.cs",           // transitive reference, wildcard
	} {
		if !contains(src, want) {
			t.Errorf("solution App lacks %s; has %v", want, src)
		}
	}
	for _, unwanted := range []string{"testdata/solution/App/Scratch.cs", "testdata/solution/Lib/Obsolete/Old.cs", "testdata/solution/App/obj/x64/Debug/XamlTypeInfo.g.cs"} {
		if contains(src, unwanted) {
			t.Errorf("solution App includes %s", unwanted)
		}
	}
	if p := sol.ProjectOf(filepath.FromSlash("testdata/solution/Tasks/Tasks.csproj")); p == nil || p.Kind != KindWinRTComponent {
		t.Errorf("Tasks.csproj should be a winrt-component, got %+v", p)
	}

	sdk := appByManifest(t, r, "sdk/WinUIApp/Package.appxmanifest")
	src = sourcePaths(sdk)
	if !contains(src, "testdata/sdk/WinUIApp/Views/Settings/SettingsPage.xaml.cs") || contains(src, "testdata/sdk/WinUIApp/Experimental/Prototype.cs") {
		t.Errorf("SDK default globs / Compile Remove wrong: %v", src)
	}

	plain := appByManifest(t, r, "noproject/App/Package.appxmanifest")
	src = sourcePaths(plain)
	if !contains(src, "testdata/noproject/Tasks/TimerTask.cs") || contains(src, "testdata/noproject/Other/OtherTask.cs") {
		t.Errorf("fallback siblings wrong: %v", src)
	}
	if plain.Project != "" || !plain.SourcesFound {
		t.Errorf("fallback App: project %q sourcesFound %v", plain.Project, plain.SourcesFound)
	}

	vb := appByManifest(t, r, "vb/App/package.appxmanifest")
	if p := vb.ProjectOf(filepath.FromSlash("testdata/vb/BackgroundTasks/BackgroundTasks.vbproj")); p == nil || p.RootNamespace != "BackgroundTasks" {
		t.Errorf("VB root namespace should default to the project name, got %+v", p)
	}
}

func TestDiscoverMissingPath(t *testing.T) {
	_, err := Discover([]string{"testdata/does-not-exist"}, Options{})
	if err == nil || !strings.Contains(err.Error(), "testdata/does-not-exist") {
		t.Fatalf("want an error naming the path, got %v", err)
	}
}

func TestDiscoverBadExclude(t *testing.T) {
	if _, err := Discover([]string{"testdata/sdk"}, Options{Exclude: []string{"[unclosed"}}); err == nil {
		t.Fatal("want an error for a malformed pattern")
	}
}

func TestDiscoverExclude(t *testing.T) {
	r, err := Discover([]string{"testdata/noproject"}, Options{Exclude: []string{"testdata/noproject/Other/**", "**/native/**"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App once Other/ is excluded, got %d", len(r.Apps))
	}
	for _, s := range sourcePaths(r.Apps[0]) {
		if strings.Contains(s, "/native/") {
			t.Errorf("excluded source %s listed", s)
		}
	}
}

func TestDiscoverExcludeProjectItems(t *testing.T) {
	// Files a project lists explicitly obey the exclude globs too.
	r, err := Discover([]string{"testdata/solution"}, Options{Exclude: []string{"testdata/solution/Shared/**"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sourcePaths(r.Apps[0]) {
		if strings.HasPrefix(s, "testdata/solution/Shared/") {
			t.Errorf("excluded %s listed", s)
		}
	}
}

// copyTree copies a fixture into dir and marks dir as a repository root.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func fixtureRepo(t *testing.T, fixtures ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range fixtures {
		copyTree(t, filepath.Join("testdata", f), filepath.Join(root, f))
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDiscoverFromFiles(t *testing.T) {
	root := fixtureRepo(t, "solution", "SharedContent", "noproject")
	t.Chdir(root)
	tests := []struct {
		file     string
		manifest string // "" when the file belongs to no App
		also     string // a second owner
	}{
		{"solution/Tasks/TimerTask.cs", "solution/App/Package.appxmanifest", ""},
		{"solution/Lib/Text/Format.cs", "solution/App/Package.appxmanifest", ""},
		{"SharedContent/cs/SuspensionManager.cs", "solution/App/Package.appxmanifest", ""},
		{"solution/Tasks/Tasks.csproj", "solution/App/Package.appxmanifest", ""},
		{"solution/App/Package.appxmanifest", "solution/App/Package.appxmanifest", ""},
		// Two manifests side by side share the sibling Tasks/: both own it.
		{"noproject/Tasks/TimerTask.cs", "noproject/App/Package.appxmanifest", "noproject/Other/Package.appxmanifest"},
		{"noproject/Other/OtherTask.cs", "noproject/Other/Package.appxmanifest", ""},
		{"solution/Sample.sln", "solution/App/Package.appxmanifest", ""},
		{"solution/Tasks", "solution/App/Package.appxmanifest", ""}, // a directory without a manifest
		{"solution/App/Scratch.cs", "", ""},
		{"solution/Lib/Obsolete/Old.cs", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := Discover([]string{filepath.FromSlash(tt.file)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tt.manifest == "" {
				if len(r.Apps) != 0 || len(r.Skipped) != 1 || filepath.ToSlash(r.Skipped[0]) != tt.file {
					t.Fatalf("want %s skipped, got apps=%d skipped=%v", tt.file, len(r.Apps), r.Skipped)
				}
				return
			}
			want := []string{tt.manifest}
			if tt.also != "" {
				want = append(want, tt.also)
			}
			ok := len(r.Apps) == len(want)
			for i := 0; ok && i < len(want); i++ {
				ok = filepath.ToSlash(r.Apps[i].Manifest) == want[i]
			}
			if !ok {
				var got []string
				for _, a := range r.Apps {
					got = append(got, a.Manifest)
				}
				t.Fatalf("want Apps %v, got %v (skipped %v)", want, got, r.Skipped)
			}
			if !r.Apps[0].SourcesFound {
				t.Error("the owning App is linted whole: sources expected")
			}
		})
	}
}

// From a subdirectory of the repository, paths stay short: the walk starts
// at the repository root above, yet no "../solution/App/…" comes back.
func TestDiscoverFromSubdirectory(t *testing.T) {
	root := fixtureRepo(t, "solution", "SharedContent")
	t.Chdir(filepath.Join(root, "solution"))
	r, err := Discover([]string{filepath.FromSlash("Tasks/TimerTask.cs")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	a := r.Apps[0]
	if filepath.ToSlash(a.Manifest) != "App/Package.appxmanifest" || filepath.ToSlash(a.Project) != "App/App.csproj" {
		t.Errorf("manifest %q project %q, want App/Package.appxmanifest and App/App.csproj", a.Manifest, a.Project)
	}
	src := sourcePaths(a)
	for _, want := range []string{"Tasks/TimerTask.cs", "../SharedContent/cs/SuspensionManager.cs"} {
		if !contains(src, want) {
			t.Errorf("sources %v lack %s", src, want)
		}
	}
	if len(r.Notes) != 1 || filepath.ToSlash(r.Notes[0].Path) != "App/App.csproj" {
		t.Errorf("notes %v, want the one about App/App.csproj", r.Notes)
	}
}

func TestDiscoverExplicitGeneratedManifest(t *testing.T) {
	// Named on the command line, a manifest under bin/ is linted on its own.
	t.Chdir(fixtureRepo(t, "solution", "SharedContent"))
	path := filepath.FromSlash("solution/App/bin/x64/Debug/AppxManifest.xml")
	r, err := Discover([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 || r.Apps[0].Manifest != path || r.Apps[0].SourcesFound {
		t.Fatalf("want the manifest alone, got %+v", r.Apps)
	}
}

func TestDiscoverSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	app := filepath.Join(root, "App")
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(app, "Package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(app, "Main.cs"), "class A {}")
	// App/loop -> root: following it twice would never end.
	if err := os.Symlink(root, filepath.Join(app, "loop")); err != nil {
		t.Skipf("symlinks not available: %v", err)
	}
	// linked -> a tree outside the root, reached only through the link.
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "Task.cs"), "class T {}")
	if err := os.Symlink(outside, filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	r, err := Discover([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("want 1 App, got %d", len(r.Apps))
	}
	src := sourcePaths(r.Apps[0])
	want := []string{filepath.ToSlash(filepath.Join(app, "Main.cs")), filepath.ToSlash(filepath.Join(root, "linked", "Task.cs"))}
	if len(src) != 2 || !contains(src, want[0]) || !contains(src, want[1]) {
		t.Errorf("sources %v, want %v", src, want)
	}
}

func TestDiscoverUnreadableDirectory(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), "<Package/>")
	locked := filepath.Join(root, "Locked")
	writeFile(t, filepath.Join(locked, "Secret.cs"), "class S {}")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("directory permissions are not enforced (running as root?)")
	}
	r, err := Discover([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("the walk must go on past an unreadable directory: %d Apps", len(r.Apps))
	}
	found := false
	for _, n := range r.Notes {
		if n.Path == locked && strings.Contains(n.Message, "cannot read directory") {
			found = true
		}
	}
	if !found {
		t.Errorf("want a Note for %s, got %v", locked, r.Notes)
	}
}

// The same walk with the permission error injected, so the behaviour is
// tested where chmod is not enforced too.
func TestDiscoverReadDirError(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "App", "Package.appxmanifest"), "<Package/>")
	writeFile(t, filepath.Join(root, "App", "Main.cs"), "class M {}")
	writeFile(t, filepath.Join(root, "Locked", "Secret.cs"), "class S {}")
	locked := filepath.Join(root, "Locked")
	readDir := func(dir string) ([]os.DirEntry, error) {
		if dir == locked {
			return nil, &os.PathError{Op: "open", Path: dir, Err: os.ErrPermission}
		}
		return os.ReadDir(dir)
	}
	r, err := discover([]string{root}, Options{}, readDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) != 1 || len(r.Apps[0].Sources) != 1 {
		t.Fatalf("want 1 App with Main.cs, got %+v", r.Apps)
	}
	want := Note{Path: locked, Message: "cannot read directory: permission denied"}
	if len(r.Notes) != 1 || r.Notes[0] != want {
		t.Errorf("notes %v, want [%v]", r.Notes, want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscoverImportsAndQuirks(t *testing.T) {
	r, err := Discover([]string{"testdata/props", "testdata/quirks"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	props := appByManifest(t, r, "props/src/App/Package.appxmanifest")
	src := sourcePaths(props)
	if !contains(src, "testdata/props/Shared/TaskNames.cs") {
		t.Errorf("item from an imported .targets using a Directory.Build.props property missing: %v", src)
	}
	if !contains(src, "testdata/props/src/Tasks/TimerTask.cs") {
		t.Errorf("ProjectReference through $(RepoRoot) not followed: %v", src)
	}
	quirks := appByManifest(t, r, "quirks/App/Package/Package.appxmanifest")
	if filepath.ToSlash(quirks.Project) != "testdata/quirks/App/App.csproj" {
		t.Errorf("manifest in a subfolder: owner %q, want the project that declares it", quirks.Project)
	}
	src = sourcePaths(quirks)
	// Tasks.csproj is UTF-16 and referenced as ..\tasks\tasks.csproj; Main.cs is included as main.CS.
	for _, want := range []string{"testdata/quirks/App/Main.cs", "testdata/quirks/Tasks/TimerTask.cs"} {
		if !contains(src, want) {
			t.Errorf("quirks App lacks %s: %v", want, src)
		}
	}
	if len(r.Notes) != 0 {
		t.Errorf("no notes expected, got %v", r.Notes)
	}
}

// The Windows samples' layout: shared code found through a property
// function, a C++/CX component recognised without CompileAsWinRT.
func TestDiscoverSamplesLayout(t *testing.T) {
	r, err := Discover([]string{"testdata/samples"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := appByManifest(t, r, "cs/BackgroundTask/Package.appxmanifest")
	if !contains(sourcePaths(cs), "testdata/samples/SharedContent/cs/App.xaml.cs") {
		t.Errorf("$(SharedContentDir) not resolved: %v", sourcePaths(cs))
	}
	cpp := appByManifest(t, r, "cpp/BackgroundTask/Package.appxmanifest")
	p := cpp.ProjectOf(filepath.FromSlash("testdata/samples/Samples/BackgroundTask/cpp/Tasks/Tasks.vcxproj"))
	if p == nil || p.Kind != KindWinRTComponent {
		t.Errorf("C++/CX Tasks.vcxproj should be a winrt-component: %+v", p)
	}
	if len(r.Notes) != 0 {
		t.Errorf("no notes expected: %v", r.Notes)
	}
}
