package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/benchgen"
	"github.com/bgmanifest/bgmanifest/rules"
)

// TestParallelAppsDeterministic checks that Apps checked by a pool of
// workers give the same findings and notes, in the same order, as Apps
// checked one after another.
func TestParallelAppsDeterministic(t *testing.T) {
	dir := t.TempDir()
	if _, err := benchgen.Generate(dir, benchgen.Size{Name: "t", Apps: 7, FilesPerApp: 6, LinesPerFile: 20}, 1); err != nil {
		t.Fatal(err)
	}
	// Give some Apps findings and one a garbage manifest, two a broken project file (notes) so the
	// comparison is not between two empty results.
	for _, app := range []string{"Contoso0001", "Contoso0004"} {
		p := filepath.Join(dir, app, app, "Package.appxmanifest")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b = []byte(strings.Replace(string(b), ".Tasks.Task0\"", ".Tasks.Missing0\"", 1))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "Contoso0005", "Contoso0005", "Package.appxmanifest"), []byte("<Package"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, app := range []string{"Contoso0002", "Contoso0006"} {
		p := filepath.Join(dir, app, app+".Tasks", app+".Tasks.csproj")
		if err := os.WriteFile(p, []byte("<Project><ItemGroup>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	serial, err := Run([]string{dir}, Options{Jobs: 1, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(serial.Findings) == 0 || len(serial.Notes) == 0 || serial.Summary.Apps != 7 {
		t.Fatalf("fixture gives %d findings and %d notes over %d Apps; want both over 7 Apps", len(serial.Findings), len(serial.Notes), serial.Summary.Apps)
	}
	for _, jobs := range []int{2, 3, 8} {
		par, err := Run([]string{dir}, Options{Jobs: jobs, BaseDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(par.Findings, serial.Findings) {
			t.Errorf("jobs=%d: findings differ from a serial run", jobs)
		}
		if !reflect.DeepEqual(par.Notes, serial.Notes) || !reflect.DeepEqual(par.Summary, serial.Summary) {
			t.Errorf("jobs=%d: notes or summary differ:\n%q\n%q", jobs, par.Notes, serial.Notes)
		}
	}
}

// TestStreamedAppsMatchDiscoveredApps: Apps checked while discovery goes
// on (an absolute PATH) give what Apps checked after it give (a PATH from
// "..", which is never streamed), over every fixture App of the repository,
// shared projects included. Under -race it also shows that discovery
// writes nothing to an App it has handed over.
func TestStreamedAppsMatchDiscoveredApps(t *testing.T) {
	rel := filepath.Join("..", "testdata")
	abs, err := filepath.Abs(rel)
	if err != nil {
		t.Fatal(err)
	}
	if streamable([]string{rel}) || !streamable([]string{abs}) {
		t.Fatalf("streamable(%q) and streamable(%q) are not false and true", rel, abs)
	}
	base := filepath.Dir(abs)
	after, err := Run([]string{rel}, Options{Jobs: 3, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	streamed, err := Run([]string{abs}, Options{Jobs: 3, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	if after.Summary.Apps < 100 || len(after.Findings) == 0 {
		t.Fatalf("only %d Apps and %d findings under testdata", after.Summary.Apps, len(after.Findings))
	}
	if !reflect.DeepEqual(streamed.Findings, after.Findings) || !reflect.DeepEqual(streamed.Summary, after.Summary) {
		t.Errorf("streamed run: %d findings, %+v; after discovery: %d findings, %+v",
			len(streamed.Findings), streamed.Summary, len(after.Findings), after.Summary)
	}
	if len(streamed.Notes) != len(after.Notes) {
		t.Errorf("streamed run has %d notes, the other %d", len(streamed.Notes), len(after.Notes))
	}
}

// TestSharedReadsChangeNoFinding: every fixture App of the repository
// checked on its own, with nothing shared between Apps, gives what the
// run gives, where Apps that list the same files read them once
// (registration.SharedReads).
func TestSharedReadsChangeNoFinding(t *testing.T) {
	abs, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Dir(abs)
	run, err := Run([]string{abs}, Options{Jobs: 2, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	sev, err := Severities(Options{})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	listed := map[string]int{}
	var alone []rules.Finding
	for _, app := range run.Apps {
		for _, s := range app.Sources {
			if listed[s.Path]++; listed[s.Path] == 2 {
				shared++
			}
		}
		alone = append(alone, CheckApp(app, Options{BaseDir: base}, sev, 1).Findings...)
	}
	if shared < 10 {
		t.Fatalf("only %d files are listed by two Apps: the fixtures no longer share", shared)
	}
	alone = dedupe(alone)
	cwd, _ := os.Getwd()
	relativize(alone, cwd, base)
	rules.SortFindings(alone)
	if !reflect.DeepEqual(alone, run.Findings) {
		t.Errorf("Apps checked alone: %d findings; the run: %d", len(alone), len(run.Findings))
	}
}
