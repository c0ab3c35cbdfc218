package workspace

import (
	"path/filepath"
	"runtime"
	"testing"
)

// TestJoinEntry holds joinEntry to filepath.Join for clean directories
// and entry names, the only arguments the walk gives it.
func TestJoinEntry(t *testing.T) {
	dirs := []string{"", ".", "a", "a/b", "../a", "..", "/", "/x", "/x/y"}
	if runtime.GOOS == "windows" {
		dirs = append(dirs, `C:`, `C:\`, `C:\x`, `\\srv\share`, `\\srv\share\x`, `a\b`, `..\a`)
	}
	for _, dir := range dirs {
		dir = filepath.Clean(dir)
		if dir == "" {
			continue
		}
		for _, name := range []string{"x", "Foo.csproj", ".git", "..a", "a b"} {
			if got, want := joinEntry(dir, name), filepath.Join(dir, name); got != want {
				t.Errorf("joinEntry(%q, %q) = %q, want %q", dir, name, got, want)
			}
		}
	}
	if got := joinEntry("", "x"); got != "x" {
		t.Errorf(`joinEntry("", "x") = %q`, got)
	}
}
