package lsp

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/platform"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestTaskTypeDocGolden pins the hover text of representative task types:
// one with a single certain trigger and shared ones, a uap type declared in
// the wrong namespace, a type no trigger needs, and a misspelt one.
func TestTaskTypeDocGolden(t *testing.T) {
	tests := []struct {
		name, taskType, ns string
	}{
		{"timer", "timer", platform.NSFoundation},
		{"systemEvent", "systemEvent", platform.NSFoundation},
		{"mediaProcessing-wrong-namespace", "mediaProcessing", platform.NSFoundation},
		{"mediaProcessing-uap", "mediaProcessing", platform.NSUap},
		{"audio-no-trigger", "audio", platform.NSFoundation},
		{"misspelt", "timr", platform.NSFoundation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := taskTypeDoc(tt.taskType, tt.ns) + "\n"
			path := filepath.Join("testdata", "hover", tt.name+".md")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("hover for %s differs from %s:\n--- got\n%s--- want\n%s", tt.taskType, path, got, want)
			}
		})
	}
}
