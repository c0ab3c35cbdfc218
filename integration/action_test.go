// Package integration runs the repository's integration points — the
// GitHub Action (action.yml) and the pre-commit hook
// (.pre-commit-hooks.yaml) — the way their hosts run them.
package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// repoRoot is the checkout this test runs in (the test's directory is
// <root>/integration).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("cannot find the repository root from %s: %v", root, err)
	}
	return root
}

// requireBuild builds the CLI once so that a compile error shows up as
// itself, not as a confusing failure of the action or the hook.
func requireBuild(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH; the integration tests build bgmanifest with it")
	}
	bin := filepath.Join(t.TempDir(), "bgmanifest"+exeSuffix())
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/bgmanifest")
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/bgmanifest failed, so the integration cannot be tested:\n%s", out)
	}
	return bin
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

// The parts of action.yml the test runner needs.
type actionFile struct {
	Name   string                 `yaml:"name"`
	Inputs map[string]actionInput `yaml:"inputs"`
	Runs   struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string `yaml:"description"`
	Default     string `yaml:"default"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	Dir   string            `yaml:"working-directory"`
}

func loadAction(t *testing.T) actionFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(raw, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// actionRefInput is the override key a test uses to set github.action_ref
// (the ref in `uses: bgmanifest/bgmanifest@REF`; empty for `uses: ./`).
const actionRefInput = "github.action_ref"

// substitute evaluates the ${{ }} expressions the action uses: inputs.*,
// github.action_path and github.action_ref. Anything else fails the test,
// so the action cannot grow an expression this runner silently gets wrong.
func substitute(t *testing.T, s string, inputs map[string]string, actionPath string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		expr := expression.FindStringSubmatch(m)[1]
		switch {
		case expr == "github.action_path":
			return actionPath
		case expr == actionRefInput:
			return inputs[actionRefInput]
		case strings.HasPrefix(expr, "inputs."):
			v, ok := inputs[strings.TrimPrefix(expr, "inputs.")]
			if !ok {
				t.Fatalf("action.yml uses undeclared input %q", expr)
			}
			return v
		}
		t.Fatalf("action.yml uses an expression this test cannot evaluate: %s", m)
		return ""
	})
}

// actionRun is the outcome of running the action's steps.
type actionRun struct {
	stdout, stderr string
	exitCode       int    // of the last step that ran
	failedStep     string // name of the step that failed, "" when all passed
	gobin          string
}

// runAction runs the composite action's shell steps in workDir as the
// GitHub runner would: bash with -eo pipefail, inputs defaulted from
// action.yml, GITHUB_PATH honoured between steps. `uses:` steps are skipped
// (the test relies on the Go already installed). pathPrefix, when not
// empty, goes in front of PATH (a stand-in tool).
func runAction(t *testing.T, workDir string, overrides map[string]string, pathPrefix string) actionRun {
	t.Helper()
	a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml: runs.using = %q, want composite", a.Runs.Using)
	}
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	inputs[actionRefInput] = ""
	for name, v := range overrides {
		if _, ok := a.Inputs[name]; !ok && name != actionRefInput {
			t.Fatalf("test sets input %q, which action.yml does not declare", name)
		}
		inputs[name] = v
	}
	scratch := t.TempDir()
	res := actionRun{gobin: filepath.Join(scratch, "bgmanifest-bin")}
	githubPath := filepath.Join(scratch, "github_path")
	if err := os.WriteFile(githubPath, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := os.Getenv("PATH")
	if pathPrefix != "" {
		path = pathPrefix + string(os.PathListSeparator) + path
	}
	for i, step := range a.Runs.Steps {
		if step.Uses != "" {
			continue
		}
		if step.If != "" {
			t.Fatalf("step %q: this runner does not evaluate `if:` on run steps", step.Name)
		}
		if step.Shell != "bash" {
			t.Fatalf("step %q: shell %q, want bash (the action must run on every runner OS)", step.Name, step.Shell)
		}
		script := filepath.Join(scratch, fmt.Sprintf("step%d.sh", i))
		if err := os.WriteFile(script, []byte(substitute(t, step.Run, inputs, repoRoot(t))), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workDir
		if step.Dir != "" {
			cmd.Dir = filepath.Join(workDir, substitute(t, step.Dir, inputs, repoRoot(t)))
		}
		cmd.Env = append(os.Environ(),
			"PATH="+path,
			"GITHUB_PATH="+githubPath,
			"GITHUB_WORKSPACE="+workDir,
			"RUNNER_TEMP="+scratch,
			"RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+substitute(t, v, inputs, repoRoot(t)))
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		res.stdout += stdout.String()
		res.stderr += stderr.String()
		res.exitCode = 0
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			res.exitCode = exit.ExitCode()
			res.failedStep = step.Name
			return res
		case err != nil:
			t.Fatalf("step %q: %v", step.Name, err)
		}
		path = prependGitHubPath(t, githubPath, path)
	}
	return res
}

// prependGitHubPath puts the directories a step appended to $GITHUB_PATH in
// front of PATH, as the runner does for later steps.
func prependGitHubPath(t *testing.T, file, path string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	for _, dir := range lines {
		if dir = strings.TrimSpace(dir); dir != "" {
			path = dir + string(os.PathListSeparator) + path
		}
	}
	return path
}

// fixtureWorkspace copies testdata/broken-app into a fresh workspace and
// returns the workspace directory (the app is its broken-app/ folder).
func fixtureWorkspace(t *testing.T) string {
	t.Helper()
	ws := t.TempDir()
	testfs.CopyTree(t, filepath.Join("testdata", "broken-app"), filepath.Join(ws, "broken-app"))
	return ws
}

// bg102Annotation is the annotation the fixture must produce: at the
// registration in code, titled with the rule.
var bg102Annotation = regexp.MustCompile(`(?m)^::error file=broken-app/App/BackgroundSetup\.cs,line=\d+,col=\d+,title=BG102 trigger-type-not-declared::.*systemEvent.*$`)

func requireBash(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not on PATH; the action's steps are bash scripts")
	}
}

func TestActionLocalInstallReportsAnnotations(t *testing.T) {
	requireBash(t)
	requireBuild(t)
	ws := fixtureWorkspace(t)
	res := runAction(t, ws, map[string]string{"install-from": "local", "path": "broken-app"}, "")
	if res.failedStep != "Run bgmanifest" || res.exitCode != 1 {
		t.Fatalf("want the run step to fail with exit 1 (findings), got step %q exit %d\nstdout:\n%s\nstderr:\n%s",
			res.failedStep, res.exitCode, res.stdout, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(res.gobin, "bgmanifest"+exeSuffix())); err != nil {
		t.Errorf("the install step did not put bgmanifest in its bin directory: %v", err)
	}
	if !bg102Annotation.MatchString(res.stdout) {
		t.Errorf("no BG102 annotation for broken-app/App/BackgroundSetup.cs in:\n%s", res.stdout)
	}
	for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
		if strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") && !strings.HasPrefix(line, "::notice ") {
			t.Errorf("unexpected workflow command: %s", line)
		}
	}
}

func TestActionArgsAndSarif(t *testing.T) {
	requireBash(t)
	requireBuild(t)
	ws := fixtureWorkspace(t)
	res := runAction(t, ws, map[string]string{
		"install-from": "local",
		"path":         "broken-app",
		"args":         "--fail-on none",
		"sarif":        "reports/bgmanifest.sarif",
	}, "")
	if res.failedStep != "" {
		t.Fatalf("with --fail-on none the action must pass; step %q exited %d\nstdout:\n%s\nstderr:\n%s",
			res.failedStep, res.exitCode, res.stdout, res.stderr)
	}
	if !bg102Annotation.MatchString(res.stdout) {
		t.Errorf("annotations must still be printed with --fail-on none:\n%s", res.stdout)
	}
	raw, err := os.ReadFile(filepath.Join(ws, "reports", "bgmanifest.sarif"))
	if err != nil {
		t.Fatalf("SARIF report not written: %v", err)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &sarif); err != nil {
		t.Fatalf("SARIF report is not JSON: %v\n%s", err, raw)
	}
	found := false
	for _, run := range sarif.Runs {
		for _, r := range run.Results {
			found = found || r.RuleID == "BG102"
		}
	}
	if sarif.Version != "2.1.0" || !found {
		t.Errorf("SARIF report: version %q, BG102 result found %v", sarif.Version, found)
	}
}

func TestActionBadUsageFailsWithExit2(t *testing.T) {
	requireBash(t)
	requireBuild(t)
	ws := fixtureWorkspace(t)
	res := runAction(t, ws, map[string]string{"install-from": "local", "path": "no-such-dir", "sarif": "out.sarif"}, "")
	if res.failedStep != "Run bgmanifest" || res.exitCode != 2 {
		t.Fatalf("a missing path must fail the run step with exit 2, got step %q exit %d\nstderr:\n%s", res.failedStep, res.exitCode, res.stderr)
	}
}

// TestActionModuleInstallCommand checks what the install step asks of Go for
// a pinned version, with a stand-in `go` (the module proxy is not needed):
// the real command is `go install <module>/cmd/bgmanifest@<version>`.
func TestActionModuleInstallCommand(t *testing.T) {
	requireBash(t)
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in go is a shell script")
	}
	fakeDir := t.TempDir()
	logFile := filepath.Join(fakeDir, "go.log")
	fakeGo := `#!/usr/bin/env bash
printf '%s\n' "$*" >> "` + logFile + `"
if [ "$1" = env ] && [ "$2" = GOBIN ]; then printf '%s\n' "$GOBIN"; exit 0; fi
if [ "$1" = install ]; then
  mkdir -p "$GOBIN"
  printf '#!/usr/bin/env bash\necho "bgmanifest $*"\n' > "$GOBIN/bgmanifest"
  chmod +x "$GOBIN/bgmanifest"
fi
`
	if err := os.WriteFile(filepath.Join(fakeDir, "go"), []byte(fakeGo), 0o755); err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	res := runAction(t, ws, map[string]string{"version": "v1.4.2", "install-from": "module", "path": "src app", "args": "--disable BG207"},
		fakeDir)
	if res.failedStep != "" {
		t.Fatalf("step %q failed with %d:\n%s%s", res.failedStep, res.exitCode, res.stdout, res.stderr)
	}
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "install github.com/bgmanifest/bgmanifest/cmd/bgmanifest@v1.4.2\n") {
		t.Errorf("go was called with:\n%s", log)
	}
	// The stand-in binary echoes its arguments: paths and args are split on
	// spaces and passed as separate words.
	if !strings.Contains(res.stdout, "bgmanifest check --format github --disable BG207 -- src app\n") {
		t.Errorf("bgmanifest was called as:\n%s", res.stdout)
	}
}

func TestActionRejectsUnknownInstallFrom(t *testing.T) {
	requireBash(t)
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	res := runAction(t, t.TempDir(), map[string]string{"install-from": "npm"}, "")
	if res.failedStep != "Install bgmanifest" || res.exitCode != 2 || !strings.Contains(res.stdout, `install-from must be "auto", "release", "module" or "local"`) {
		t.Fatalf("got step %q exit %d\n%s", res.failedStep, res.exitCode, res.stdout)
	}
}

func TestActionInputsAreDocumented(t *testing.T) {
	a := loadAction(t)
	for _, name := range []string{"path", "working-directory", "version", "install-from", "args", "sarif", "go-version"} {
		in, ok := a.Inputs[name]
		if !ok {
			t.Errorf("input %q missing", name)
			continue
		}
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %q has no description", name)
		}
	}
	// An empty version means the Action's own ref: @v1.2.0 runs v1.2.0.
	if a.Inputs["path"].Default != "." || a.Inputs["version"].Default != "" || a.Inputs["install-from"].Default != "auto" {
		t.Errorf("defaults: path %q, version %q", a.Inputs["path"].Default, a.Inputs["version"].Default)
	}
	// Inputs go through env: an input pasted into a script could inject code.
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q pastes an expression into its script; pass it through env", s.Name)
		}
	}
}
