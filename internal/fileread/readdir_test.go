package fileread

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReadDirMatchesOS lists the same directories with ReadDir and
// os.ReadDir: names, order, types, Info and the errors must agree.
func TestReadDirMatchesOS(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.cs", "A.cs", "z", "ä.txt", ".hidden"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	// enough entries to take several getdents64 calls
	for i := 0; i < 1500; i++ {
		if err := os.WriteFile(filepath.Join(dir, "sub", fmt.Sprintf("file-with-a-long-name-%04d.cs", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink("sub", filepath.Join(dir, "link-dir")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("missing", filepath.Join(dir, "dangling")); err != nil {
			t.Fatal(err)
		}
		if err := syscallMkfifo(filepath.Join(dir, "fifo")); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, filepath.Join(dir, "sub"), filepath.Join(dir, "b.cs"), filepath.Join(dir, "nothing"), filepath.Join(dir, "fifo")} {
		got, gerr := ReadDir(d)
		want, werr := os.ReadDir(d)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: error %v, os.ReadDir %v", d, gerr, werr)
		}
		if gerr != nil {
			var gp, wp *fs.PathError
			if !errors.As(gerr, &gp) || !errors.As(werr, &wp) || gp.Path != wp.Path || !errors.Is(gp.Err, wp.Err) && gp.Err.Error() != wp.Err.Error() {
				t.Errorf("%s: error %v, os.ReadDir %v", d, gerr, werr)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, os.ReadDir %d", d, len(got), len(want))
		}
		for i := range got {
			if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || got[i].IsDir() != want[i].IsDir() {
				t.Errorf("%s: entry %d is %v, os.ReadDir %v", d, i, got[i], want[i])
			}
			gi, gerr := got[i].Info()
			wi, werr := want[i].Info()
			if (gerr == nil) != (werr == nil) || gerr == nil && (gi.Mode() != wi.Mode() || gi.Size() != wi.Size()) {
				t.Errorf("%s: Info of %s differs: %v %v / %v %v", d, got[i].Name(), gi, gerr, wi, werr)
			}
		}
	}
}

// TestReadDirAllocatesPerDirectory holds the listing to a few allocations
// per directory, however many entries it has: the walk lists every
// directory of the tree, and an allocation per entry was most of its
// garbage.
func TestReadDirAllocatesPerDirectory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ReadDir is os.ReadDir here")
	}
	dir := t.TempDir()
	for i := 0; i < 200; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("Page%03d.xaml.cs", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	allocs := testing.AllocsPerRun(20, func() {
		if es, err := ReadDir(dir); err != nil || len(es) != 200 {
			t.Fatalf("ReadDir: %d entries, %v", len(es), err)
		}
	})
	if allocs > 8 {
		t.Errorf("ReadDir of 200 entries made %.0f allocations, want at most 8", allocs)
	}
}
