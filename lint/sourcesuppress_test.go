package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/benchgen"
)

// TestSourceSuppressions checks inline suppressions in source files, on
// disk and in an editor buffer, now that lint reads a source for them only
// when the scanner saw the marker in its bytes: the suppressed BG101 is
// gone, an unused suppression in another source is reported (BG900).
func TestSourceSuppressions(t *testing.T) {
	dir := t.TempDir()
	if _, err := benchgen.Generate(dir, benchgen.Size{Name: "t", Apps: 1, FilesPerApp: 6, LinesPerFile: 20}, 1); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(dir, "Contoso0000")
	edit := func(path, old, new string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", path, old)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The manifest no longer declares Task0, so registering it is BG101.
	edit(filepath.Join(app, "Contoso0000", "Package.appxmanifest"), ".Tasks.Task0\"", ".Tasks.Missing0\"")
	registrar := filepath.Join(app, "Contoso0000", "Background", "Registrar.cs")
	count := func(res *Result, rule, file string) int {
		n := 0
		for _, f := range res.Findings {
			if f.Rule == rule && strings.HasSuffix(f.File, file) {
				n++
			}
		}
		return n
	}
	res, err := Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if count(res, "BG101", "Registrar.cs") != 1 {
		t.Fatalf("want one BG101 in Registrar.cs before suppressing, got %+v", res.Findings)
	}

	b, err := os.ReadFile(registrar)
	if err != nil {
		t.Fatal(err)
	}
	suppressed := strings.Replace(string(b), "namespace ", "// bgmanifest:ignore-file BG101 -- Task0 moves to another package\nnamespace ", 1)
	// In an editor buffer (the file on disk has no marker).
	res, err = Run([]string{dir}, Options{BaseDir: dir, Overlay: map[string][]byte{registrar: []byte(suppressed)}})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(res, "BG101", "Registrar.cs"); n != 0 {
		t.Errorf("buffer with the suppression: %d BG101 left", n)
	}
	// On disk, plus an unused suppression in a file without findings.
	if err := os.WriteFile(registrar, []byte(suppressed), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(filepath.Join(app, "Contoso0000.Tasks", "Task1.cs"), "namespace ", "// bgmanifest:ignore-file BG101 -- nothing to suppress here\nnamespace ")
	res, err = Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(res, "BG101", "Registrar.cs"); n != 0 {
		t.Errorf("file with the suppression: %d BG101 left", n)
	}
	if n := count(res, "BG900", "Task1.cs"); n != 1 {
		t.Errorf("unused suppression in Task1.cs: %d BG900, want 1 (%+v)", n, res.Findings)
	}
}
