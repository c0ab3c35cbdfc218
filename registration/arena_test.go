package registration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// TestScanKeepsNoFileBytes: the file bytes of a scan come from an arena
// that the next scan reuses, so nothing in the Facts may share their
// memory. Each fixture App is scanned, its Facts printed, the arenas
// overwritten, and the Facts printed again: they must not change.
func TestScanKeepsNoFileBytes(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "apps", "*"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "BG10*", "*"))
	dirs = append(dirs, more...)
	if len(dirs) < 10 {
		t.Fatalf("only %d fixture Apps", len(dirs))
	}
	for _, dir := range dirs {
		var files []SourceFile
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if _, ok := LanguageOf(p); ok {
					files = append(files, SourceFile{Path: p})
				}
			}
			return nil
		})
		if len(files) == 0 {
			continue
		}
		facts := Scan(files, Options{Jobs: 2})
		before, err := json.Marshal(facts)
		if err != nil {
			t.Fatal(err)
		}
		// The arena the scan used is back in the pool (or dropped by a
		// collection); overwrite every arena the pool hands out.
		for i := 0; i < 4; i++ {
			ar := arenas.Get().(*fileread.Arena)
			ar.Fill('#')
			defer arenas.Put(ar)
		}
		after, _ := json.Marshal(facts)
		if string(before) != string(after) {
			t.Errorf("%s: the Facts changed when the scan's arena was overwritten", dir)
		}
	}
}
