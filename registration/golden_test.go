package registration

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPatternGolden scans each fixture directory under testdata as one
// App and compares the facts with its facts.golden.json.
func TestPatternGolden(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "fuzz" || d.Name() == "apps" {
			continue
		}
		dir := filepath.Join("testdata", d.Name())
		t.Run(d.Name(), func(t *testing.T) {
			facts := Scan(sourcesIn(t, dir), Options{Jobs: 2})
			checkGolden(t, filepath.Join(dir, "facts.golden.json"), facts)
		})
	}
}

// TestSampleAppsGolden scans the bundled sample apps.
func TestSampleAppsGolden(t *testing.T) {
	for _, app := range []string{"cs-basic", "vb-basic", "cppwinrt-basic", "cppcx-basic", "js-basic", "cs-mismatch"} {
		dir := filepath.Join("..", "testdata", "apps", app)
		t.Run(app, func(t *testing.T) {
			facts := Scan(sourcesIn(t, dir), Options{})
			if len(facts.Notes) > 0 {
				t.Errorf("notes on a correct sample app: %+v", facts.Notes)
			}
			checkGolden(t, filepath.Join("testdata", "apps", app+".golden.json"), facts)
		})
	}
}
