package integration

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runBinary runs the built CLI in dir and returns its combined output and
// exit code.
func runBinary(t *testing.T, bin, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	return string(out), 0
}

// TestCheckFixIsIdempotent runs `check --fix` on the broken App: the BG102
// fix declares the missing task type, the run then passes, and a second
// `--fix` run changes no byte.
func TestCheckFixIsIdempotent(t *testing.T) {
	bin := requireBuild(t)
	ws := fixtureWorkspace(t)
	manifestPath := filepath.Join(ws, "broken-app", "App", "Package.appxmanifest")
	before, err := os.ReadFile(manifestPath)
	if err != nil {
		t.Fatal(err)
	}

	out, code := runBinary(t, bin, ws, "check", "--fix", "broken-app")
	if code != 0 {
		t.Fatalf("check --fix exit %d, want 0 (the only error has a fix):\n%s", code, out)
	}
	fixed, err := os.ReadFile(manifestPath)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(fixed, []byte(`Type="systemEvent"`)); n != 1 {
		t.Fatalf("the fixed manifest declares systemEvent %d times, want 1:\n%s", n, fixed)
	}
	// Only the inserted line is new: the file is the old one plus it.
	inserted := []byte("            <Task Type=\"systemEvent\" />\n")
	if !bytes.Equal(bytes.Replace(fixed, inserted, nil, 1), before) {
		t.Errorf("the fix changed more than one inserted line:\n%s", fixed)
	}

	out, code = runBinary(t, bin, ws, "check", "--fix", "broken-app")
	if code != 0 {
		t.Fatalf("second check --fix exit %d:\n%s", code, out)
	}
	again, err := os.ReadFile(manifestPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, fixed) {
		t.Errorf("a second --fix changed the manifest again:\n%s", again)
	}
}
