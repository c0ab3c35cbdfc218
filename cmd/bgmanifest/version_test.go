package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	info := func(v string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/bgmanifest/bgmanifest", Version: v}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	cases := []struct {
		name                      string
		stamped, stampedCommit    string
		bi                        *debug.BuildInfo
		wantVersion, wantCommitIs string
	}{
		{"go install @v1.2.3", "dev", "", info("v1.2.3"), "v1.2.3", ""},
		{"go build in a checkout", "dev", "", info("(devel)", "vcs.revision", "abc123", "vcs.modified", "false"), "dev", "abc123"},
		{"modified checkout", "dev", "", info("(devel)", "vcs.revision", "abc123", "vcs.modified", "true"), "dev", "abc123 (modified)"},
		{"pseudo-version", "dev", "", info("v0.0.0-20261205120000-abcdefabcdef"), "v0.0.0-20261205120000-abcdefabcdef", ""},
		{"release build wins", "v1.4.0", "fff", info("v1.2.3", "vcs.revision", "abc"), "v1.4.0", "fff"},
		{"nothing known", "dev", "", info(""), "dev", ""},
	}
	for _, c := range cases {
		v, cm := versionFromBuildInfo(c.stamped, c.stampedCommit, c.bi)
		if v != c.wantVersion || cm != c.wantCommitIs {
			t.Errorf("%s: got %q %q, want %q %q", c.name, v, cm, c.wantVersion, c.wantCommitIs)
		}
	}
}

func TestHelpExitsZeroOnStdout(t *testing.T) {
	for _, args := range [][]string{{"help", "check"}, {"check", "--help"}, {"check", "-h"}} {
		out, errOut, code := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "Usage: bgmanifest check") || !strings.Contains(out, "-fail-on") || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want check's help on stdout and exit 0", args, code, out, errOut)
		}
	}
	if _, _, code := runCLI(t, "check", "--", "--help"); code != exitUsage {
		t.Errorf("check -- --help: exit %d, want %d (a path that does not exist)", code, exitUsage)
	}
}

func TestVersionCommand(t *testing.T) {
	out, _, code := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "bgmanifest "+version) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
