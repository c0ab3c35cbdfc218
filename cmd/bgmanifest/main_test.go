package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs the command in the repository root, as a user would from a
// fresh clone, and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestGoldenCLI(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	empty := t.TempDir()
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"check-cs-mismatch-text", []string{"check", "testdata/apps/cs-mismatch"}, 1},
		{"check-cs-mismatch-json", []string{"check", "--format", "json", "testdata/apps/cs-mismatch"}, 1},
		{"check-cs-mismatch-failon-none", []string{"check", "--fail-on", "none", "testdata/apps/cs-mismatch"}, 0},
		{"check-manifests-text", []string{"check", "--fail-on", "none", "testdata/manifests"}, 0},
		{"check-manifests-json", []string{"check", "--fail-on", "none", "--format", "json", "testdata/manifests"}, 0},
		{"rules", []string{"rules"}, 0},
		{"explain-BG003", []string{"explain", "BG003"}, 0},
		{"explain-by-name", []string{"explain", "trigger-type-not-declared"}, 0},
		{"dump-cs-basic", []string{"dump", "testdata/apps/cs-basic"}, 0},
		{"dump-appmodel-variants", []string{"dump", "workspace/testdata/appmodel/variants"}, 0},
		{"dump-links", []string{"dump", "workspace/testdata/links"}, 0},
		{"dump-registrations-cs-basic", []string{"dump", "--registrations", "testdata/apps/cs-basic"}, 0},
		{"dump-registrations-vb-basic", []string{"dump", "--registrations", "testdata/apps/vb-basic"}, 0},
		{"dump-registrations-cppwinrt-basic", []string{"dump", "--registrations", "testdata/apps/cppwinrt-basic"}, 0},
		{"dump-registrations-cppcx-basic", []string{"dump", "--registrations", "testdata/apps/cppcx-basic"}, 0},
		{"dump-registrations-js-basic", []string{"dump", "--registrations", "testdata/apps/js-basic"}, 0},
		{"dump-registrations-cs-mismatch", []string{"dump", "--registrations", "testdata/apps/cs-mismatch"}, 0},
		{"check-cs-mismatch-sarif", []string{"check", "--format", "sarif", "testdata/apps/cs-mismatch"}, 1},
		{"check-cs-mismatch-github", []string{"check", "--format", "github", "testdata/apps/cs-mismatch"}, 1},
		{"check-cs-mismatch-checkstyle", []string{"check", "--format", "checkstyle", "testdata/apps/cs-mismatch"}, 1},
		{"check-disable-config-flags", []string{"check", "--disable", "BG102,entry-point-not-declared", "--fail-on", "error", "testdata/apps/cs-mismatch"}, 0},
		{"schema-config", []string{"schema", "config"}, 0},
		{"version", []string{"version"}, 0},
		{"missing-path", []string{"check", "testdata/does-not-exist"}, 2},
		{"bad-format", []string{"check", "--format", "yaml", "testdata/apps/cs-basic"}, 2},
		{"bad-fail-on", []string{"check", "--fail-on", "sometimes", "testdata/apps/cs-basic"}, 2},
		{"explain-unknown", []string{"explain", "BG999"}, 2},
		{"unknown-rule-flag", []string{"check", "--disable", "no-such-rule", "testdata/apps/cs-basic"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, c.args...)
			if code != c.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.code, stdout, stderr)
			}
			got := fmt.Sprintf("$ bgmanifest %s\n-- exit %d --\n-- stdout --\n%s-- stderr --\n%s", strings.Join(c.args, " "), code, stdout, stderr)
			// SARIF names the checkout's absolute path as %SRCROOT%; the
			// golden file must not depend on where the clone lives.
			if wd, err := os.Getwd(); err == nil {
				got = strings.ReplaceAll(got, filepath.ToSlash(wd), "$ROOT")
			}
			compareGolden(t, filepath.Join("testdata", "cli", c.name+".golden"), got)
		})
	}
	t.Run("empty-directory", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, "check", empty)
		if code != 0 || stdout != "" || !strings.Contains(stderr, "no app manifest found") {
			t.Errorf("empty dir: code %d stdout %q stderr %q", code, stdout, stderr)
		}
	})
}

// TestBundledAppsClean: every bundled sample App that is meant to be
// correct must produce no finding at all, in every language.
func TestBundledAppsClean(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	dirs, _ := filepath.Glob("testdata/apps/*-basic")
	if len(dirs) < 5 {
		t.Fatalf("want a bundled sample App per language (cs, vb, cppwinrt, cppcx, js), found %v", dirs)
	}
	for _, d := range dirs {
		t.Run(filepath.Base(d), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "check", "--fail-on", "info", d)
			if code != 0 {
				t.Errorf("%s is a correct app but bgmanifest reports:\n%s\n%s", d, stdout, stderr)
			}
		})
	}
}

// TestJSONReportMatchesSchema: the JSON report is valid against the
// schema bgmanifest publishes for it.
func TestJSONReportMatchesSchema(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	for _, target := range []string{"testdata/apps/cs-mismatch", "testdata/manifests", "testdata/apps/cs-basic"} {
		stdout, stderr, code := runCLI(t, "check", "--format", "json", "--fail-on", "none", target)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", target, code, stderr)
		}
		var doc any
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%s: JSON report does not parse: %v", target, err)
		}
		errs, err := schema.Validate("report", doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			t.Errorf("%s: report invalid at %s: %s", target, e.InstanceLocation, e.Message)
		}
	}
}

func TestSchemaCommand(t *testing.T) {
	for _, name := range schema.Names() {
		stdout, _, code := runCLI(t, "schema", name)
		if code != 0 || !json.Valid([]byte(stdout)) {
			t.Errorf("schema %s: exit %d, valid JSON %v", name, code, json.Valid([]byte(stdout)))
		}
	}
	if _, _, code := runCLI(t, "schema", "nope"); code != 2 {
		t.Errorf("unknown schema: exit %d, want 2", code)
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden %s (run go test -update): %v", path, err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run go test ./cmd/bgmanifest -update to accept):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// TestCheckVerboseNotes: without -v, stderr holds the summary line alone;
// with -v, the notes say which manifests are not Apps and why.
func TestCheckVerboseNotes(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	dir := filepath.Join("workspace", "testdata", "appmodel", "variants")
	_, stderr, code := runCLI(t, "check", "--fail-on", "none", dir)
	if code != 0 || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "note:") {
		t.Errorf("without -v: exit %d, stderr should be the summary line alone:\n%s", code, stderr)
	}
	_, stderr, code = runCLI(t, "check", "-v", "--fail-on", "none", dir)
	want := filepath.Join(dir, "App", "Package.Debug.appxmanifest") + ": not an App: not packaged by any project: App.csproj names Package.appxmanifest"
	if code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("with -v: exit %d, stderr should hold %q:\n%s", code, want, stderr)
	}
}
