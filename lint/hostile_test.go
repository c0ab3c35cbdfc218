package lint

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bgmanifest/bgmanifest/workspace"
)

func copyApp(t *testing.T, dst string) {
	t.Helper()
	src := filepath.Join("..", "testdata", "apps", "cs-mismatch")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFilesVanishAfterDiscovery: files deleted (or replaced by a directory)
// between discovery and the check are notes naming them; the rest of each
// App and the other Apps are still checked; nothing is an internal error.
func TestFilesVanishAfterDiscovery(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"one", "two", "three"} {
		copyApp(t, filepath.Join(root, name))
	}
	disc, err := workspace.Discover([]string{root}, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(disc.Apps) != 3 {
		t.Fatalf("discovered %d apps, want 3", len(disc.Apps))
	}
	// The hook: between Discover and the check, the files change under us.
	goneSource := filepath.Join(root, "one", "Tasks", "TimerTask.cs")
	goneManifest := filepath.Join(root, "two", "App", "Package.appxmanifest")
	nowDir := filepath.Join(root, "three", "App", "MainPage.xaml.cs")
	for _, p := range []string{goneSource, goneManifest, nowDir} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(nowDir, 0o755); err != nil {
		t.Fatal(err)
	}
	sev, err := Severities(Options{})
	if err != nil {
		t.Fatal(err)
	}
	byApp := map[string]AppResult{}
	for _, app := range disc.Apps {
		rel, _ := filepath.Rel(root, app.Manifest)
		byApp[strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]] = CheckApp(app, Options{}, sev, 2)
	}
	for name, out := range byApp {
		if len(out.Internal) > 0 {
			t.Errorf("%s: internal errors %v", name, out.Internal)
		}
	}
	hasNote := func(out AppResult, path string) bool {
		for _, n := range out.Notes {
			if strings.Contains(n, path) {
				return true
			}
		}
		return false
	}
	hasRule := func(out AppResult, file, rule string) bool {
		for _, f := range out.Findings {
			if f.Rule == rule && f.File == file {
				return true
			}
		}
		return false
	}
	one := byApp["one"]
	if !hasNote(one, goneSource) {
		t.Errorf("one: no note names the vanished %s: %v", goneSource, one.Notes)
	}
	if !hasRule(one, filepath.Join(root, "one", "App", "MainPage.xaml.cs"), "BG102") {
		t.Errorf("one: the rest of the App was not checked: %+v", one.Findings)
	}
	two := byApp["two"]
	if !hasNote(two, goneManifest) || len(two.Findings) != 0 {
		t.Errorf("two: want only a note naming the vanished manifest, got notes %v findings %+v", two.Notes, two.Findings)
	}
	three := byApp["three"]
	if !hasNote(three, nowDir) {
		t.Errorf("three: no note names %s, now a directory: %v", nowDir, three.Notes)
	}
	if three.Manifest == nil || three.Facts == nil || three.Facts.FilesScanned == 0 {
		t.Errorf("three: the manifest and the other sources were not checked")
	}
}

// TestRunReportsEveryApp: Run over a tree where one App's manifest is
// garbage still reports the good App and the BG001 of the bad one.
func TestRunReportsEveryApp(t *testing.T) {
	root := t.TempDir()
	copyApp(t, filepath.Join(root, "good"))
	bad := filepath.Join(root, "bad", "App", "Package.appxmanifest")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("<Package>\x00\xff<Applications"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run([]string{root}, Options{BaseDir: root, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) != 0 {
		t.Fatalf("internal errors: %v", res.Internal)
	}
	var sawBad, sawGood bool
	for _, f := range res.Findings {
		sawBad = sawBad || f.Rule == "BG001" && f.File == "bad/App/Package.appxmanifest" && f.Line == 1
		sawGood = sawGood || f.Rule == "BG102" && f.File == "good/App/MainPage.xaml.cs"
	}
	if !sawBad || !sawGood {
		t.Errorf("want BG001 at bad/App/Package.appxmanifest:1 and BG102 in good/, got %+v", res.Findings)
	}
}

// TestConcurrentRuns: lint runs sharing the process (the language server
// checks several documents at once) give the same findings as a run alone;
// under -race this also checks the shared caches (paths, schemas, rules).
func TestConcurrentRuns(t *testing.T) {
	apps := filepath.Join("..", "testdata", "apps")
	base, err := filepath.Abs(apps)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := Run([]string{apps}, Options{BaseDir: base, Jobs: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := asJSON(t, alone.Findings)
	if len(alone.Findings) == 0 {
		t.Fatal("no findings to compare")
	}
	const runs = 6
	got := make([]string, runs)
	errs := make([]error, runs)
	var wg sync.WaitGroup
	for i := 0; i < runs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Run([]string{apps}, Options{BaseDir: base, Jobs: 1 + i%3})
			if err != nil {
				errs[i] = err
				return
			}
			got[i] = asJSON(t, res.Findings)
		}()
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Errorf("run %d: %v", i, errs[i])
		} else if got[i] != want {
			t.Errorf("run %d differs from a run alone:\n%s\nwant:\n%s", i, got[i], want)
		}
	}
}

func asJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Error(err)
	}
	return string(b)
}
