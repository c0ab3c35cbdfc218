package rules

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRulesReadNoFiles: rules read facts (registration.Facts, the
// manifest, the workspace's App), never files, so that the language
// server's unsaved buffers and the command line give the same answer.
func TestRulesReadNoFiles(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	forbidden := map[string]bool{"os": true, "io/ioutil": true, "io/fs": true, "github.com/bgmanifest/bgmanifest/internal/fileread": true}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); forbidden[p] {
				t.Errorf("%s imports %s: record what the rule needs as a fact instead", name, p)
			}
		}
	}
}
