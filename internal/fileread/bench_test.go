package fileread

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSmallFiles reads 200 source-sized files per op, the shape of a
// workspace check: compare Limited with the os-based reader.
func BenchmarkSmallFiles(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := 0; i < 200; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.cs", i))
		if err := os.WriteFile(p, make([]byte, 2600), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, r := range []struct {
		name string
		fn   func(string, int64) ([]byte, int64, error)
	}{{"Limited", Limited}, {"os", func(p string, n int64) ([]byte, int64, error) { return limitedPortable(p, n, nil) }}} {
		b.Run(r.name, func(b *testing.B) {
			b.SetBytes(200 * 2600)
			for i := 0; i < b.N; i++ {
				for _, p := range paths {
					if _, _, err := r.fn(p, 1<<20); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkReadDir lists 100 directories of 6 entries per op, the shape of
// a source tree: compare ReadDir with os.ReadDir.
func BenchmarkReadDir(b *testing.B) {
	root := b.TempDir()
	var dirs []string
	for i := 0; i < 100; i++ {
		d := filepath.Join(root, fmt.Sprintf("d%03d", i))
		if err := os.Mkdir(d, 0o755); err != nil {
			b.Fatal(err)
		}
		for j := 0; j < 6; j++ {
			if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("Page%03d.xaml.cs", j)), nil, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		dirs = append(dirs, d)
	}
	for _, r := range []struct {
		name string
		fn   func(string) ([]os.DirEntry, error)
	}{{"ReadDir", ReadDir}, {"os", os.ReadDir}} {
		b.Run(r.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, d := range dirs {
					if _, err := r.fn(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
