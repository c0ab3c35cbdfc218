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
