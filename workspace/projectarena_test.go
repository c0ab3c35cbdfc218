package workspace

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// TestReadProjectFileKeepsNoBytes: a project file's bytes come from an
// arena that the next parse reuses, so nothing parseProject returns may
// share their memory. Every project file under testdata is read, its
// parse printed, the arenas overwritten, and the parse printed again.
func TestReadProjectFileKeepsNoBytes(t *testing.T) {
	var paths []string
	_ = filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isProjectName(d.Name()) {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) < 20 {
		t.Fatalf("only %d project files under testdata", len(paths))
	}
	dump := func(p *projectFile) string {
		return fmt.Sprintf("%+v\n%+v", *p.Project, *p)
	}
	parsed := 0
	for _, path := range paths {
		p, err := readProjectFile(path)
		if err != nil {
			continue // malformed fixtures
		}
		parsed++
		before := dump(p)
		for i := 0; i < 4; i++ {
			ar := projectArenas.Get().(*fileread.Arena)
			ar.Fill('#')
			defer projectArenas.Put(ar)
		}
		if after := dump(p); after != before {
			t.Errorf("%s: the parse changed when the arena was overwritten", path)
		}
		if strings.Contains(before, "###") {
			t.Errorf("%s: the parse read bytes of an overwritten arena", path)
		}
	}
	if parsed < 20 {
		t.Fatalf("only %d project files parsed", parsed)
	}
}
