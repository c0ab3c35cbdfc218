package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/lint"
)

// TestCleanApps runs the whole pipeline over the correct Apps under
// testdata/clean/ (a Windows App SDK COM task in C# and in C++/WinRT, with
// every place of the activation chain in agreement): no rule may say
// anything about them.
func TestCleanApps(t *testing.T) {
	root := filepath.Join("..", "testdata", "clean")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("read clean apps: %v", err)
	}
	if len(dirs) < 2 {
		t.Fatalf("expected the clean Apps under %s", root)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			abs, err := filepath.Abs(filepath.Join(root, d.Name()))
			if err != nil {
				t.Fatal(err)
			}
			res, err := lint.Run([]string{abs}, lint.Options{Jobs: 2, BaseDir: abs})
			if err != nil {
				t.Fatalf("lint: %v", err)
			}
			for _, e := range res.Internal {
				t.Errorf("internal error: %v", e)
			}
			for _, f := range res.Findings {
				t.Errorf("%s:%d:%d %s %s", f.File, f.Line, f.Column, f.Rule, f.Message)
			}
		})
	}
}
