package fix

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCase is testdata/<case>/case.json: the fixes to apply to
// before/<file>; the expected result is after/<file>.
type goldenCase struct {
	Note    string `json:"note"`
	File    string `json:"file"`
	Applied int    `json:"applied"`
	Fixes   []struct {
		Rule  string       `json:"rule"`
		Edits []rules.Edit `json:"edits"`
	} `json:"fixes"`
}

func loadCase(t *testing.T, dir string) goldenCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "case.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c goldenCase
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatalf("%s/case.json: %v", dir, err)
	}
	return c
}

// findingsFor turns the case's fixes into findings whose edits name path.
func findingsFor(c goldenCase, path string) []rules.Finding {
	var out []rules.Finding
	for _, f := range c.Fixes {
		edits := make([]rules.Edit, len(f.Edits))
		for i, e := range f.Edits {
			e.File = filepath.ToSlash(path)
			edits[i] = e
		}
		out = append(out, rules.Finding{
			Rule: f.Rule, File: filepath.ToSlash(path), Line: 1, Column: 1,
			Fix: &rules.Fix{Description: "test fix", Edits: edits},
		})
	}
	return out
}

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "case.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases found: %v", err)
	}
	for _, cj := range dirs {
		dir := filepath.Dir(cj)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c := loadCase(t, dir)
			before, err := os.ReadFile(filepath.Join(dir, "before", c.File))
			if err != nil {
				t.Fatal(err)
			}
			work := filepath.Join(t.TempDir(), c.File)
			if err := os.WriteFile(work, before, 0o644); err != nil {
				t.Fatal(err)
			}
			n, errs := Apply(findingsFor(c, work))
			for _, e := range errs {
				t.Errorf("Apply error: %v", e)
			}
			if n != c.Applied {
				t.Errorf("applied %d fixes, want %d (%s)", n, c.Applied, c.Note)
			}
			got, err := os.ReadFile(work)
			if err != nil {
				t.Fatal(err)
			}
			if manifest.IsManifestName(c.File) {
				if m := manifest.Parse(c.File, got); len(m.Problems) > 0 {
					t.Errorf("fixed manifest has problems: %+v", m.Problems)
				}
			}
			golden := filepath.Join(dir, "after", c.File)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./fix -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s\n got: %q\nwant: %q", golden, got, want)
			}
		})
	}
}
