package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bgmanifest/bgmanifest/report"
	"github.com/bgmanifest/bgmanifest/rules"
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

// writeSARIFFile writes the SARIF report next to the main one (--sarif), so
// that CI gets annotations and a code-scanning upload from a single run.
func writeSARIFFile(path string, findings []rules.Finding, sum report.Summary, opt report.Options) error {
	opt.Format, opt.Color = report.FormatSARIF, false
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("--sarif: %w", err)
		}
	}
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--sarif: %w", err)
	}
	if err := report.Write(out, findings, sum, opt); err != nil {
		out.Close()
		return fmt.Errorf("--sarif %s: %w", path, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("--sarif %s: %w", path, err)
	}
	return nil
}
