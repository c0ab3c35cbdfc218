package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/schema"
)

// wholeModelErrors is the validator's verdict on the whole model, with
// positions and every list: what schemaClean must never contradict.
func wholeModelErrors(t testing.TB, m *manifest.Manifest) []schema.Error {
	t.Helper()
	errs, err := schema.Validate("manifest", m.JSONModel())
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// fixtureManifests are every manifest under the repository's testdata
// (the manifest rules' fixtures, the code rules' Apps, the examples).
func fixtureManifests(t testing.TB) []testfs.ParsedManifest {
	t.Helper()
	return testfs.ParseManifests(t, filepath.Join("..", "testdata"))
}

// On every fixture manifest, schemaClean answers true only when the
// validator finds nothing; and it does answer true for most clean ones,
// or it would save nothing.
func TestSchemaCleanImpliesNoSchemaErrors(t *testing.T) {
	clean, shortcut, withTasks := 0, 0, 0
	for _, pm := range fixtureManifests(t) {
		errs := wholeModelErrors(t, pm.Manifest)
		ok := schemaClean(pm.Manifest)
		if ok && len(errs) > 0 {
			t.Errorf("%s: schemaClean, but the schema finds %s", pm.Path, strings.Join(errorLines(errs), "; "))
		}
		if len(errs) == 0 && len(pm.Manifest.BackgroundTasks) > 0 {
			withTasks++
			if ok {
				shortcut++
			}
		}
		if len(errs) == 0 {
			clean++
		}
	}
	t.Logf("%d clean manifests, %d of the %d that declare background tasks taken by the shortcut", clean, shortcut, withTasks)
	if clean < 100 || shortcut*10 < withTasks*8 {
		t.Errorf("%d clean manifests, %d of the %d that declare background tasks taken by the shortcut (want 80 %%)", clean, shortcut, withTasks)
	}
}

// shortcutMutations change one thing schemaClean reads, to values it must
// refuse (the schema rejects them) and values it may accept or leave to
// the validator.
var shortcutMutations = map[string]func(b *manifest.BackgroundTaskExtension, m *manifest.Manifest){
	"entry point empty":        func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "") },
	"entry point one part":     func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Task") },
	"entry point trailing dot": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks.") },
	"entry point leading dot":  func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, ".Tasks.A") },
	"entry point double dot":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks..A") },
	"entry point digit start":  func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks.1A") },
	"entry point dll":          func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks.dll") },
	"entry point Dll":          func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks.Dll") },
	"entry point html": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.EntryPoint, "js.task.html")
	},
	"entry point space":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks. A") },
	"entry point newline": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.EntryPoint, "Tasks.A\n") },
	"entry point letters": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.EntryPoint, "Tâches.Synchro")
	},
	"entry point macro": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.EntryPoint, "$targetnametoken$.Task")
	},
	"entry point 256": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.EntryPoint, "T."+strings.Repeat("a", 254))
	},
	"entry point 257": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.EntryPoint, "T."+strings.Repeat("a", 255))
	},
	"entry point absent":     func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.EntryPoint = manifest.Attr{} },
	"executable exe":         func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Executable, "App.exe") },
	"executable EXE":         func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Executable, `bin\App.EXE`) },
	"executable dll":         func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Executable, "App.dll") },
	"executable exe newline": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Executable, "App.exe\n") },
	"executable macro": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.Executable, "$targetnametoken$")
	},
	"executable empty":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Executable, "") },
	"start page":         func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.StartPage, "js/task.js") },
	"start page empty":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.StartPage, "") },
	"runtime type":       func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.RuntimeType, "Tasks.A") },
	"runtime type bad":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.RuntimeType, ".A") },
	"resource group":     func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.ResourceGroup, "Sync") },
	"resource group bad": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.ResourceGroup, "1Sync") },
	"server name":        func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.ServerName, "Server") },
	"multiple instances true": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.SupportsMultipleInstances, "true")
	},
	"multiple instances 0": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.SupportsMultipleInstances, "0")
	},
	"multiple instances TRUE": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.SupportsMultipleInstances, "TRUE")
	},
	"multiple instances empty": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setAttr(&b.SupportsMultipleInstances, "")
	},
	"package level":      func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Level = manifest.LevelPackage },
	"uap extension":      func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Element.Namespace = platform.NSUap },
	"2010 extension":     func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Element.Namespace = platform.NS2010 },
	"no BackgroundTasks": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.BackgroundTasks, b.Tasks = nil, nil },
	"no tasks":           func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Tasks = nil },
	"17 tasks":           func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Tasks = repeatTask(b.Tasks[0], 17) },
	"18 tasks":           func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Tasks = repeatTask(b.Tasks[0], 18) },
	"task type absent":   func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Tasks[0].Type = manifest.Attr{} },
	"task type empty":    func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Tasks[0].Type, "") },
	"task type case":     func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setAttr(&b.Tasks[0].Type, "Timer") },
	"task type of uap": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setTask(b, platform.NSFoundation, "vpnClient")
	},
	"task type uap in uap": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setTask(b, platform.NSUap, "vpnClient")
	},
	"task type 2014": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		setTask(b, platform.NS2014, "rfcommConnection")
	},
	"task namespace unknown": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { setTask(b, platform.NSCom, "timer") },
	"unknown attribute": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		b.UnknownAttrs = []manifest.UnknownAttr{{Name: "Entrypoint", Element: "Extension", Pos: manifest.Pos{Line: 1, Col: 1}}}
	},
	"unknown child": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) {
		b.UnknownChildren = []manifest.Element{{Name: "Tusk", Pos: manifest.Pos{Line: 1, Col: 1}}}
	},
	"extension line 0":         func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Element.Pos.Line = 0 },
	"BackgroundTasks column 0": func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.BackgroundTasks.Pos.Col = 0 },
	"task column 0":            func(b *manifest.BackgroundTaskExtension, _ *manifest.Manifest) { b.Tasks[0].Element.Pos.Col = 0 },
	"encoding unknown":         func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) { m.Encoding = "latin-1" },
	"problem line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.Problems = append(m.Problems, manifest.Problem{Message: "x"})
	},
	"problem": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.Problems = append(m.Problems, manifest.Problem{Pos: manifest.Pos{Line: 2, Col: 3}, Message: "x"})
	},
	"identity line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) { m.Identity = &manifest.Identity{} },
	"application column 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.Applications = append(m.Applications, manifest.Application{})
	},
	"capability line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.Capabilities = append(m.Capabilities, manifest.Capability{})
	},
	"package extension line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.PackageExtensions = append(m.PackageExtensions, manifest.Extension{})
	},
	"COM class line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.ComServerClasses = append(m.ComServerClasses, manifest.ComClass{})
	},
	"activatable class line 0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) {
		m.ActivatableClasses = append(m.ActivatableClasses, manifest.ActivatableClass{})
	},
	"application extension col0": func(_ *manifest.BackgroundTaskExtension, m *manifest.Manifest) { appendAppExtension(m) },
}

func setAttr(a *manifest.Attr, v string) {
	a.Value, a.Present = v, true
	if a.ValuePos.Line < 1 {
		a.Pos, a.ValuePos = manifest.Pos{Line: 1, Col: 1}, manifest.Pos{Line: 1, Col: 2}
	}
}

func setTask(b *manifest.BackgroundTaskExtension, ns, typ string) {
	b.Tasks[0].Namespace = ns
	setAttr(&b.Tasks[0].Type, typ)
}

func repeatTask(t manifest.Task, n int) []manifest.Task {
	out := make([]manifest.Task, n)
	for i := range out {
		out[i] = t
	}
	return out
}

func appendAppExtension(m *manifest.Manifest) {
	if len(m.Applications) > 0 {
		m.Applications[0].Extensions = append(m.Applications[0].Extensions, manifest.Extension{})
	}
}

// Each mutation of each extension of every fixture that schemaClean
// accepts: the mutated manifest is accepted only when the validator finds
// nothing in it, and the mutations both pass and fail it.
func TestSchemaCleanOnMutations(t *testing.T) {
	var refused, accepted, taken int
	for _, pm := range fixtureManifests(t) {
		if len(pm.Manifest.BackgroundTasks) == 0 || !schemaClean(pm.Manifest) {
			continue
		}
		// one in eight of the fixtures is variety enough (they share
		// their shapes), and keeps the test under a second
		if taken++; taken%8 != 1 {
			continue
		}
		for i := range pm.Manifest.BackgroundTasks {
			for name, mutate := range shortcutMutations {
				m := reparse(t, pm.Path)
				mutate(m.BackgroundTasks[i], m)
				errs := wholeModelErrors(t, m)
				if !schemaClean(m) {
					refused++
					continue
				}
				accepted++
				if len(errs) > 0 {
					t.Errorf("%s, extension %d, %s: schemaClean, but the schema finds %s", pm.Path, i, name, strings.Join(errorLines(errs), "; "))
				}
			}
		}
	}
	t.Logf("mutations: %d refused, %d accepted", refused, accepted)
	if refused == 0 || accepted == 0 {
		t.Errorf("mutations: %d refused, %d accepted; want both", refused, accepted)
	}
}

// reparse gives a fresh Manifest to mutate.
func reparse(t testing.TB, path string) *manifest.Manifest {
	t.Helper()
	m, err := manifest.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The mutations the schema rejects are refused by schemaClean on a
// known-clean manifest, one by one (so the shortcut does not depend on
// the validator seeing them some other way).
func TestSchemaCleanRefuses(t *testing.T) {
	path := filepath.Join("..", "testdata", "manifests", "ok-real-uwp.appxmanifest")
	if !schemaClean(reparse(t, path)) {
		t.Fatalf("%s: not taken by the shortcut", path)
	}
	for _, name := range []string{
		"entry point one part", "entry point dll", "entry point 257", "executable dll", "start page empty",
		"resource group bad", "multiple instances TRUE", "package level", "uap extension", "no BackgroundTasks",
		"no tasks", "18 tasks", "task type absent", "task type case", "task type of uap", "unknown attribute",
		"unknown child", "task column 0", "encoding unknown", "problem line 0", "identity line 0", "application column 0",
	} {
		m := reparse(t, path)
		shortcutMutations[name](m.BackgroundTasks[0], m)
		if schemaClean(m) {
			t.Errorf("%s: taken by the shortcut", name)
		}
		if len(wholeModelErrors(t, m)) == 0 {
			t.Errorf("%s: the schema finds nothing; the case belongs in the accepted list", name)
		}
	}
}

// FuzzSchemaClean holds schemaClean to the validator on any manifest
// bytes: true only when the schema finds nothing.
func FuzzSchemaClean(f *testing.F) {
	dir := filepath.Join("..", "testdata", "manifests")
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && manifest.IsManifestName(e.Name()) {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := manifest.Parse("Package.appxmanifest", data)
		if !schemaClean(m) {
			return
		}
		if errs := wholeModelErrors(t, m); len(errs) > 0 {
			t.Fatalf("schemaClean, but the schema finds %s", strings.Join(errorLines(errs), "; "))
		}
	})
}
