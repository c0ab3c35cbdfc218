package integration

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// precommitTimeout bounds each `pre-commit run`: the first one clones this
// repository and builds the hook with `go install ./...`.
const precommitTimeout = 2 * time.Minute

// TestPreCommitHook installs the hook the way a user's project does — from
// this repository at its HEAD commit — and runs it on a project with a
// broken App, then on the fixed App.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: clones this repository and builds the hook")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not on PATH; install it (apt-get install pre-commit, or pip install pre-commit) to test the hook")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH")
	}
	requireBuild(t)
	root := repoRoot(t)

	// pre-commit clones the repository, so the hook comes from a commit:
	// HEAD must exist and hold the hook definition.
	rev := strings.TrimSpace(gitOut(t, root, "rev-parse", "HEAD"))
	if _, err := gitRun(root, "cat-file", "-e", rev+":.pre-commit-hooks.yaml"); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml is not committed at HEAD (%s); pre-commit installs hooks from commits only", rev)
	}

	project := t.TempDir()
	testfs.CopyTree(t, filepath.Join("testdata", "broken-app"), project)
	config := "repos:\n" +
		"  - repo: " + filepath.ToSlash(root) + "\n" +
		"    rev: " + rev + "\n" +
		"    hooks:\n" +
		"      - id: bgmanifest\n"
	if err := os.WriteFile(filepath.Join(project, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, project, "init", "-q")
	gitOut(t, project, "add", "-A")
	gitOut(t, project, "commit", "-q", "-m", "broken app")

	env := preCommitEnv(t)
	out, code := runPreCommit(t, project, env)
	t.Logf("pre-commit on the broken App (exit %d):\n%s", code, out)
	if code == 0 {
		t.Fatalf("the hook passed on the broken App; output:\n%s", out)
	}
	if !strings.Contains(out, "BG102") || !strings.Contains(out, "BackgroundSetup.cs") {
		t.Fatalf("want a BG102 finding at App/BackgroundSetup.cs; output:\n%s", out)
	}

	manifestPath := filepath.Join(project, "App", "Package.appxmanifest")
	declared, err := os.ReadFile(manifestPath)
	if err != nil {
		t.Fatal(err)
	}
	fixed := bytes.Replace(declared, []byte(`<Task Type="timer" />`), []byte(`<Task Type="systemEvent" />`), 1)
	if bytes.Equal(fixed, declared) {
		t.Fatal("fixture changed: no timer Task to replace")
	}
	if err := os.WriteFile(manifestPath, fixed, 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, project, "commit", "-q", "-am", "declare the systemEvent task")

	out, code = runPreCommit(t, project, env)
	t.Logf("pre-commit on the fixed App (exit %d):\n%s", code, out)
	if code != 0 {
		t.Fatalf("the hook failed on the fixed App (exit %d); output:\n%s", code, out)
	}
	if !strings.Contains(out, "Passed") {
		t.Errorf("pre-commit did not report the hook as passed; output:\n%s", out)
	}
}

// preCommitEnv isolates pre-commit's cache in the test and lets the hook's
// `go install` reuse this machine's module cache (GOMODCACHE set explicitly
// survives the GOPATH pre-commit sets), so only missing modules come from
// GOPROXY.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	modcache := strings.TrimSpace(goEnv(t, "GOMODCACHE"))
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"PRE_COMMIT_COLOR=never",
		"GOFLAGS=-mod=mod",
		"GIT_AUTHOR_NAME=bgmanifest test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=bgmanifest test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	)
	if modcache != "" {
		env = append(env, "GOMODCACHE="+modcache)
	}
	return env
}

func runPreCommit(t *testing.T, dir string, env []string) (string, int) {
	t.Helper()
	return runPreCommitArgs(t, dir, env, "--all-files")
}

// runPreCommitArgs runs `pre-commit run ARGS...`; without --all-files it
// checks what is staged, as `git commit` does.
func runPreCommitArgs(t *testing.T, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), precommitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pre-commit", append([]string{"run"}, args...)...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("pre-commit run did not finish within %v; output so far:\n%s", precommitTimeout, out)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("pre-commit run: %v\n%s", err, out)
	}
	return string(out), 0
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return string(out)
}

func gitRun(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=bgmanifest test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=bgmanifest test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitRun(dir, args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// TestPreCommitHookSeesEveryChange commits changes the way a developer does
// (staged, `pre-commit run` without --all-files) that break an App without
// touching a manifest or a source file bgmanifest reads: deleting the task
// class, and editing only the .csproj so that the class is no longer
// compiled. The hook must run and report BG103 once, not be "Skipped".
func TestPreCommitHookSeesEveryChange(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: clones this repository and builds the hook")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not on PATH; install it (apt-get install pre-commit, or pip install pre-commit) to test the hook")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH")
	}
	requireBuild(t)
	root := repoRoot(t)
	rev := strings.TrimSpace(gitOut(t, root, "rev-parse", "HEAD"))

	project := t.TempDir()
	testfs.CopyTree(t, filepath.Join(root, "testdata", "apps", "cs-basic"), project)
	config := "repos:\n  - repo: " + filepath.ToSlash(root) + "\n    rev: " + rev + "\n    hooks:\n      - id: bgmanifest\n"
	if err := os.WriteFile(filepath.Join(project, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, project, "init", "-q")
	gitOut(t, project, "add", "-A")
	gitOut(t, project, "commit", "-q", "-m", "a correct App")
	env := preCommitEnv(t)

	// Staged: a README only. The hook runs anyway and passes.
	if err := os.WriteFile(filepath.Join(project, "README.md"), []byte("notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, project, "add", "README.md")
	if out, code := runPreCommitArgs(t, project, env); code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("the correct App: exit %d, want a pass\n%s", code, out)
	}
	gitOut(t, project, "commit", "-q", "--no-verify", "-m", "notes")

	check := func(what string) {
		t.Helper()
		out, code := runPreCommitArgs(t, project, env)
		t.Logf("%s (exit %d):\n%s", what, code, out)
		if code == 0 || strings.Contains(out, "Skipped") {
			t.Fatalf("%s: the hook passed or was skipped; output:\n%s", what, out)
		}
		if n := strings.Count(out, "BG103"); n != 1 {
			t.Errorf("%s: BG103 reported %d times, want once; output:\n%s", what, n, out)
		}
	}

	gitOut(t, project, "rm", "-q", "Tasks/TimerTask.cs")
	check("the task class deleted")
	gitOut(t, project, "reset", "-q", "--hard")

	csproj := filepath.Join(project, "Tasks", "Tasks.csproj")
	text, err := os.ReadFile(csproj)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(text, []byte(`<Compile Include="TimerTask.cs" />`), nil, 1)
	if bytes.Equal(edited, text) {
		t.Fatal("fixture changed: Tasks.csproj does not compile TimerTask.cs")
	}
	if err := os.WriteFile(csproj, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, project, "add", "Tasks/Tasks.csproj")
	check("only Tasks.csproj edited")
}
