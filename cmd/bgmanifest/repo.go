package main

import (
	"os"
	"path/filepath"
)

// repoRoot returns the nearest directory at or above dir that holds a .git
// entry (a directory, or the file a worktree or submodule has), or "" when
// there is none. SARIF writes its paths relative to it.
func repoRoot(dir string) string {
	if dir == "" {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
