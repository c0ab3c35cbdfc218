package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// appModelShape is one fixture of testdata/appmodel: which manifests are
// Apps (with their owners) and which are skipped (with a word of the
// reason).
type appModelShape struct {
	dir     string
	apps    map[string]Ownership // manifest path below dir → owner
	skipped map[string]string    // manifest path below dir → part of the reason
}

// TestDiscoverAppModel pins items 1, 3, 4 and 6 of DESIGN.md's App model
// on one fixture per real-world shape.
func TestDiscoverAppModel(t *testing.T) {
	shapes := []appModelShape{
		{dir: "variants", // per-configuration variants the project does not name
			apps:    map[string]Ownership{"App/Package.appxmanifest": OwnerProject},
			skipped: map[string]string{"App/Package.Debug.appxmanifest": "App.csproj names Package.appxmanifest", "App/Package.ARM.appxmanifest": "variant"}},
		{dir: "jsoutput", // a committed build-output AppxManifest.xml beside a .jsproj
			apps:    map[string]Ownership{"App/package.appxmanifest": OwnerProject},
			skipped: map[string]string{"App/AppxManifest.xml": "App.jsproj names package.appxmanifest"}},
		{dir: "binary", // copies of installed packages in a notes folder
			apps:    map[string]Ownership{"App/Package.appxmanifest": OwnerProject},
			skipped: map[string]string{"notes/installed/AppxManifest.xml": "binary", "notes/encrypted/AppxManifest.xml": "binary"}},
		{dir: "installer", // a hand-written MSIX manifest no project packages
			apps: map[string]Ownership{"Installer/AppxManifest.xml": OwnerLinked}},
		{dir: "yarn", // a yarn workspace keeps its Windows app under packages/
			apps: map[string]Ownership{"packages/app-windows/windows/App/Package.appxmanifest": OwnerProject}},
		{dir: "nuget", // NuGet's packages folder is never read
			apps: map[string]Ownership{"App/Package.appxmanifest": OwnerProject}},
		{dir: "testmanifest", // Something-AppxManifest.xml is a manifest
			apps: map[string]Ownership{"Tests/Test-AppxManifest.xml": OwnerFallback}},
		{dir: "conditioned", // AppxManifest items under conditions, per solution configuration
			apps:    map[string]Ownership{"App/Package.appxmanifest": OwnerProject, "App/Package.Store.appxmanifest": OwnerProject},
			skipped: map[string]string{"App/Package.Legacy.appxmanifest": "none of its configurations (Debug|x86, Release|x86, Store|x86)"}},
		{dir: "templates", // template merge fragments; XML under a manifest's name rooted elsewhere
			apps: map[string]Ownership{"Templates/Project/Package.appxmanifest": OwnerFallback, "Odd/Odd.appxmanifest": OwnerProject},
			skipped: map[string]string{
				"Templates/Features/Share/Package_postaction.appxmanifest":  "template merge fragment",
				"Templates/Features/Launch/Package_postaction.appxmanifest": "template merge fragment",
				"Templates/Snippets/Extensions.appxmanifest":                "root element is <Extensions>, not <Package>, and no project packages it",
			}},
		{dir: "maui", // .NET MAUI single projects package Platforms/Windows/Package.appxmanifest two folders down
			apps: map[string]Ownership{
				"Heron/Platforms/Windows/Package.appxmanifest":   OwnerProject,  // the default folder
				"Wren/Platforms/Windows/Package.appxmanifest":    OwnerProject,  // a Windows framework named through properties
				"Kestrel/Desktop/Package.appxmanifest":           OwnerProject,  // WindowsProjectFolder set
				"Kestrel/Platforms/Windows/Package.appxmanifest": OwnerFallback, // not Kestrel's Windows folder
				"Egret/Platforms/Windows/Package.appxmanifest":   OwnerFallback, // WindowsPackageType None
				"Plover/Platforms/Windows/Package.appxmanifest":  OwnerFallback, // a library packages nothing
				"Tern/Platforms/Windows/Package.appxmanifest":    OwnerFallback, // no Windows target framework
			}},
	}
	for _, sh := range shapes {
		t.Run(sh.dir, func(t *testing.T) {
			root := filepath.Join("testdata", "appmodel", sh.dir)
			r, err := Discover([]string{root}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]Ownership{}
			for _, a := range r.Apps {
				rel, _ := filepath.Rel(root, a.Manifest)
				got[filepath.ToSlash(rel)] = a.Owner
			}
			if len(got) != len(sh.apps) {
				t.Errorf("Apps %v, want %v", got, sh.apps)
			}
			for m, owner := range sh.apps {
				if got[m] != owner {
					t.Errorf("%s: owner %q, want %q (Apps %v)", m, got[m], owner, got)
				}
			}
			skipped := map[string]string{}
			for _, s := range r.SkippedManifests {
				rel, _ := filepath.Rel(root, s.Path)
				skipped[filepath.ToSlash(rel)] = s.Reason
			}
			if len(skipped) != len(sh.skipped) {
				t.Errorf("skipped %v, want %v", skipped, sh.skipped)
			}
			for m, why := range sh.skipped {
				if !strings.Contains(skipped[m], why) {
					t.Errorf("%s: skipped because %q, want a reason with %q", m, skipped[m], why)
				}
				found := false
				for _, n := range r.Notes {
					found = found || (filepath.ToSlash(n.Path) == filepath.ToSlash(filepath.Join(root, m)) && strings.Contains(n.Message, "not an App"))
				}
				if templateFragment(filepath.Base(m)) != "" {
					continue // told once for all, see TestDiscoverTemplateFragments
				}
				if !found {
					t.Errorf("%s: no Note says it was skipped: %v", m, r.Notes)
				}
			}
		})
	}
}

// A MAUI single project owns its Windows folder's manifest, with every
// source of the project; a manifest that falls back to its folder while a
// project sits above it gets a Note that says why.
func TestDiscoverMAUISingleProject(t *testing.T) {
	r, err := Discover([]string{"testdata/appmodel/maui"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	heron := appByManifest(t, r, "maui/Heron/Platforms/Windows/Package.appxmanifest")
	if filepath.ToSlash(heron.Project) != "testdata/appmodel/maui/Heron/Heron.csproj" || !contains(sourcePaths(heron), "testdata/appmodel/maui/Heron/Services/SignIn.cs") {
		t.Errorf("Heron: project %q, sources %v; want Heron.csproj with Services/SignIn.cs", heron.Project, sourcePaths(heron))
	}
	// Wren names its Windows framework through properties of its
	// Directory.Build.props, one of them never defined
	wren := appByManifest(t, r, "maui/Wren/Platforms/Windows/Package.appxmanifest")
	if filepath.ToSlash(wren.Project) != "testdata/appmodel/maui/Wren/Wren.csproj" || !contains(sourcePaths(wren), "testdata/appmodel/maui/Wren/Services/SignIn.cs") {
		t.Errorf("Wren: project %q, sources %v; want Wren.csproj with Services/SignIn.cs", wren.Project, sourcePaths(wren))
	}
	notes := map[string]string{}
	for _, n := range r.Notes {
		notes[filepath.ToSlash(n.Path)] += n.Message
	}
	for manifest, want := range map[string]string{
		"Egret/Platforms/Windows/Package.appxmanifest":   "Egret.csproj, a .NET MAUI single project, would package it, but it sets WindowsPackageType None",
		"Plover/Platforms/Windows/Package.appxmanifest":  "../../Plover.csproj names no <AppxManifest> item",
		"Tern/Platforms/Windows/Package.appxmanifest":    "Tern.csproj, a .NET MAUI single project, would package it, but none of its target frameworks is a Windows one",
		"Kestrel/Platforms/Windows/Package.appxmanifest": "Kestrel.csproj, a .NET MAUI single project, packages Desktop/Package.appxmanifest instead",
	} {
		got := notes["testdata/appmodel/maui/"+manifest]
		if !strings.Contains(got, want) || !strings.Contains(got, "linted only with the 1 source file of its folder") {
			t.Errorf("%s: Note %q, want one with %q", manifest, got, want)
		}
	}
	if got := notes["testdata/appmodel/maui/Heron/Platforms/Windows/Package.appxmanifest"]; got != "" {
		t.Errorf("Heron's manifest has an owner, and a Note: %q", got)
	}
}

func TestDiscoverConditionedConfigurations(t *testing.T) {
	r, err := Discover([]string{"testdata/appmodel/conditioned"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	main := appByManifest(t, r, "conditioned/App/Package.appxmanifest")
	if want := []string{"Debug|x86", "Release|x86"}; !slices.Equal(main.Configurations, want) {
		t.Errorf("Package.appxmanifest configurations %v, want %v", main.Configurations, want)
	}
	store := appByManifest(t, r, "conditioned/App/Package.Store.appxmanifest")
	if want := []string{"Store|x86"}; !slices.Equal(store.Configurations, want) {
		t.Errorf("Package.Store.appxmanifest configurations %v, want %v", store.Configurations, want)
	}
	if store.Project == "" || !store.SourcesFound {
		t.Errorf("the Store manifest is the project's App: %+v", store)
	}
	noted := false
	for _, n := range r.Notes {
		noted = noted || (strings.HasSuffix(filepath.ToSlash(n.Path), "App/Package.Store.appxmanifest") && strings.Contains(n.Message, "only under Store|x86"))
	}
	if !noted {
		t.Errorf("no Note names the Store manifest's configurations: %v", r.Notes)
	}
}

// A project-less manifest is linked to the project whose IDL declares the
// class it names, and not to a project declaring a class of that name in
// another namespace.
func TestDiscoverProjectlessLinked(t *testing.T) {
	r, err := Discover([]string{"testdata/appmodel/installer"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	app := appByManifest(t, r, "installer/Installer/AppxManifest.xml")
	if got := projectPaths(app.Projects); !slices.Equal(got, []string{"testdata/appmodel/installer/src/Component/Component.vcxproj"}) {
		t.Errorf("linked projects %v, want the component's", got)
	}
	if src := sourcePaths(app); !contains(src, "testdata/appmodel/installer/src/Component/SyncTask.idl") || contains(src, "testdata/appmodel/installer/src/App/Decoy.cs") {
		t.Errorf("sources %v", src)
	}
	if app.Universe == nil || len(app.Universe.Projects) != 2 {
		t.Errorf("universe: %+v", app.Universe)
	}
}

// A manifest named on the command line is an App even when a walk would
// skip it.
func TestDiscoverExplicitSkippedManifest(t *testing.T) {
	for _, m := range []string{"testdata/appmodel/variants/App/Package.Debug.appxmanifest", "testdata/appmodel/binary/notes/installed/AppxManifest.xml"} {
		r, err := Discover([]string{filepath.FromSlash(m)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Apps) != 1 || filepath.ToSlash(r.Apps[0].Manifest) != m || r.Apps[0].Owner != OwnerExplicit {
			t.Errorf("%s: Apps %+v, want it alone with owner explicit", m, r.Apps)
		}
	}
	r, err := Discover([]string{"testdata/appmodel/variants/App/Package.Debug.appxmanifest"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Apps) == 1 && r.Apps[0].Project == "" {
		t.Errorf("the variant is linted with the project beside it: %+v", r.Apps[0])
	}
}

func TestNotXML(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "<?xml version=\"1.0\"?><Package/>" {
		utf16 = append(utf16, byte(r), 0)
	}
	cases := []struct {
		name string
		data []byte
		want string // part of the reason; "" when meant as a manifest
	}{
		{"manifest", []byte("<?xml version=\"1.0\"?>\n<Package/>"), ""},
		{"no declaration", []byte("\n  <Package xmlns=\"x\"/>"), ""},
		{"NUL inside a manifest is BG001's", []byte("<?xml version=\"1.0\"?>\n<Package Name=\"a\x00b\"/>"), ""},
		{"invalid UTF-8 inside a manifest is BG001's", []byte("<Package Name=\"\xff\xfe\"/>"), ""},
		{"UTF-16 with a BOM", utf16, ""},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, "<Package/>"...), ""},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00AppxManifest.xml"), "binary"},
		{"encrypted", []byte("\x8f\x1c\xa3\x00\x42\xe7"), "binary"},
		{"empty", nil, "empty"},
		{"white space", []byte(" \r\n\t"), "white space"},
		{"text", []byte("copied from the installed app\n"), "does not start with '<'"},
		{"binary after a '<'", []byte("<\x01\x00\x9f\xff binary"), "binary"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		path := filepath.Join(dir, "AppxManifest.xml")
		writeFile(t, path, string(c.data))
		got := notXML(path)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: notXML = %q, want %q", c.name, got, c.want)
		}
	}
}

// Template merge fragments are neither Apps nor projects, and each kind is
// told once: no BG001 on them, no "malformed project file" Notes.
func TestDiscoverTemplateFragments(t *testing.T) {
	r, err := Discover([]string{"testdata/appmodel/templates"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, n := range r.Notes {
		if strings.Contains(n.Message, "malformed") {
			t.Errorf("a fragment read as a project: %s", n)
		}
		if strings.Contains(n.Message, "template merge fragment") {
			got[strings.TrimPrefix(filepath.ToSlash(n.Path), "testdata/appmodel/templates/Templates/Features/Launch/")] = n.Message
		}
	}
	want := map[string]string{
		"Package_postaction.appxmanifest":          "not Apps: this file and 1 more named *_postaction.appxmanifest are template merge fragments",
		"Param_ProjectName_searchreplace.1.csproj": "not projects: this file and 1 more named *_searchreplace.csproj are template merge fragments",
		"Param_ProjectName_postaction.csproj":      "not a project: a template merge fragment",
	}
	if len(got) != len(want) {
		t.Errorf("fragment Notes %v, want one per kind: %v", got, want)
	}
	for path, msg := range want {
		if !strings.HasPrefix(got[path], msg) {
			t.Errorf("%s: Note %q, want one starting %q", path, got[path], msg)
		}
	}
}

func TestTemplateFragment(t *testing.T) {
	for name, want := range map[string]string{
		"Package_postaction.appxmanifest":           "*_postaction.appxmanifest",
		"Package_gpostaction.appxmanifest":          "*_gpostaction.appxmanifest",
		"Package_SearchReplace.appxmanifest":        "*_searchreplace.appxmanifest",
		"Param_ProjectName_searchreplace.1.vbproj":  "*_searchreplace.vbproj",
		"Param_ProjectName.Core_postaction.csproj":  "*_postaction.csproj",
		"Package.appxmanifest":                      "",
		"PostAction.csproj":                         "", // no underscore: a project of that name
		"Param_ProjectName_postaction.v2.csproj":    "", // not a number
		"Param_ProjectName_searchreplaced.csproj":   "",
		"AppxManifest_postaction.xml":               "*_postaction.xml",
		"Param_ProjectName_searchreplace.12.csproj": "*_searchreplace.csproj",
	} {
		if got := templateFragment(name); got != want {
			t.Errorf("templateFragment(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRootElementIn(t *testing.T) {
	for text, want := range map[string]string{
		`<?xml version="1.0"?><Package xmlns="x"/>`:                       "Package",
		"\n<!-- a comment -->\n<foundation:Package xmlns:foundation='x'>": "Package",
		"<!DOCTYPE Package>\n<Package>":                                   "Package",
		"<Applications>\n<Extensions/>":                                   "Applications",
		"<Extensions/>":                                                   "Extensions",
		"<!-- never closed":                                               "",
		"not xml":                                                         "",
		"":                                                                "",
		"<":                                                               "",
	} {
		if got := rootElementIn([]byte(text)); got != want {
			t.Errorf("rootElementIn(%q) = %q, want %q", text, got, want)
		}
	}
}
