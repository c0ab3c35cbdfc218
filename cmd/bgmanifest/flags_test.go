package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParseInterleavedDoubleDash: "--" ends the flags, so a path that
// starts with "-" (a pre-commit hook passes "-x.cs" as it is) is a path.
func TestParseInterleavedDoubleDash(t *testing.T) {
	cases := []struct {
		args, want []string
	}{
		{[]string{"--", "-x.cs"}, []string{"-x.cs"}},
		{[]string{"a", "--", "-x.cs", "--format"}, []string{"a", "-x.cs", "--format"}},
		{[]string{"-q", "--", "-q"}, []string{"-q"}},
		{[]string{"a", "-q", "b"}, []string{"a", "b"}},
		{[]string{"--config", "--", "b"}, []string{"b"}}, // "--" is the config's name here
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		fs.Bool("q", false, "")
		fs.String("config", "", "")
		got, err := parseInterleaved(fs, c.args)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("parseInterleaved(%q) = %q, %v; want %q", c.args, got, err, c.want)
		}
	}
}

func TestCheckDashPathAndQuiet(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "-x.cs"), []byte("class X {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	_, stderr, code := runCLI(t, "check", "--", "-x.cs")
	if code != 0 {
		t.Errorf("check -- -x.cs: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runCLI(t, "check", "-q", "--jobs", "2147483647", ".")
	if code != 0 || strings.Contains(stderr, "in 0 apps") || strings.Contains(stderr, "errors") {
		t.Errorf("check -q: exit %d, stderr %q (want no summary line)", code, stderr)
	}
}

// TestConfigFoundFromLintedPath: `check other/repo` uses other/repo's
// .bgmanifest.yml, whatever the current directory.
func TestConfigFoundFromLintedPath(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "..", "testdata", "apps", "cs-mismatch")
	if err := os.CopyFS(filepath.Join(repo, "app"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".bgmanifest.yml"), []byte("rules:\n  BG102: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	stdout, stderr, _ := runCLI(t, "check", filepath.Join(repo, "app"))
	if strings.Contains(stdout, "BG102") || !strings.Contains(stdout, "BG101") {
		t.Errorf("the repository's config was not applied:\n%s%s", stdout, stderr)
	}
}
