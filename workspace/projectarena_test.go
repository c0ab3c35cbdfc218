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
// arena, and its tree from blocks, that the next parse reuses, so nothing
// parseProject returns may share their memory. Every project file under
// testdata is read and its parse printed, the arenas overwritten; once
// all are read, every parse is printed again.
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
	type parse struct {
		path, dump string
		p          *projectFile
	}
	var parses []parse
	for _, path := range paths {
		p, err := readProjectFile(path)
		if err != nil {
			continue // malformed fixtures
		}
		parses = append(parses, parse{path, dump(p), p})
		for i := 0; i < 4; i++ {
			ar := projectArenas.Get().(*fileread.Arena)
			ar.Fill('#')
			defer projectArenas.Put(ar)
		}
	}
	if len(parses) < 20 {
		t.Fatalf("only %d project files parsed", len(parses))
	}
	// Every later parse reused the arenas and the tree blocks (cleared
	// when released) of the earlier ones: a parse that kept any of them
	// reads differently now.
	for _, r := range parses {
		if after := dump(r.p); after != r.dump {
			t.Errorf("%s: the parse changed when later parses reused its bytes and tree", r.path)
		}
		if strings.Contains(r.dump, "###") {
			t.Errorf("%s: the parse read bytes of an overwritten arena", r.path)
		}
	}
}
