// Package testfs copies and walks fixture trees for tests. The CLI and
// language-server tests run on a copy of a fixture App so that paths are
// absolute, edits (--fix, a test changing a file) never touch the
// repository, and workspace discovery finds nothing above the copy.
package testfs

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
)

// CopyTree copies the directory src, with every file and subdirectory, into
// dst (created as needed). Symbolic links are copied as the files they point
// to. Any failure ends the test.
func CopyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// ParsedManifest is one fixture manifest and its parsed model.
type ParsedManifest struct {
	Path     string
	Manifest *manifest.Manifest
}

// ParseManifests parses every app manifest under root, in walk order (the
// schema tests compare two views of each). Any failure ends the test.
func ParseManifests(t testing.TB, root string) []ParsedManifest {
	t.Helper()
	var out []ParsedManifest
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !manifest.IsManifestName(d.Name()) {
			return err
		}
		m, err := manifest.ParseFile(p)
		if err != nil {
			return err
		}
		out = append(out, ParsedManifest{Path: p, Manifest: m})
		return nil
	})
	if err != nil {
		t.Fatalf("parse the manifests under %s: %v", root, err)
	}
	return out
}
