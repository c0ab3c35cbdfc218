//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// TestUnreadableSourceIsAnError: a task's source that is listed and there
// but cannot be read (here a FIFO, which also must not block the run) is
// an error with exit 2 naming the file, never a "class missing" finding
// and never a clean App. Root reads files without read permission, so a
// FIFO stands in for them.
func TestUnreadableSourceIsAnError(t *testing.T) {
	root := t.TempDir()
	testfs.CopyTree(t, filepath.Join("..", "..", "testdata", "apps", "cs-basic"), root)
	task := filepath.Join(root, "Tasks", "TimerTask.cs")
	if err := os.Remove(task); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(task, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	stdout, stderr, code := runCLI(t, "check", root)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr, "TimerTask.cs") {
		t.Errorf("stderr does not name the unreadable file:\n%s", stderr)
	}
	for _, rule := range []string{"BG103", "BG108"} {
		if strings.Contains(stdout, rule) {
			t.Errorf("%s reported for a class in a file that could not be read:\n%s", rule, stdout)
		}
	}
}

// TestUnreadableManifestIsAnError: a manifest named on the command line
// that cannot be read is exit 2, not a note and exit 0.
func TestUnreadableManifestIsAnError(t *testing.T) {
	dir := t.TempDir()
	man := filepath.Join(dir, "Package.appxmanifest")
	if err := syscall.Mkfifo(man, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	_, stderr, code := runCLI(t, "check", man)
	if code != 2 || !strings.Contains(stderr, "Package.appxmanifest") {
		t.Errorf("exit %d, stderr %q; want 2 and the manifest named", code, stderr)
	}
}
