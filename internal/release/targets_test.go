package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestTargetsUnderXBuild imports the package's build/ targets into a small
// project, as NuGet's generated import does, and builds it with Mono's
// xbuild (Debian's mono-xbuild: the MSBuild-compatible engine Debian
// ships). The bundled binary is a stand-in script that records its
// arguments and working directory and exits with a chosen code, so the test
// sees the exact command line the targets build.
//
// xbuild is older than MSBuild 15: it does not turn canonical
// "FILE(L,C): error CODE: text" lines into errors, and it reports a
// non-zero exit code even with IgnoreExitCode. The canonical lines are
// tested against MSBuild's own pattern in package report instead.
func TestTargetsUnderXBuild(t *testing.T) {
	xbuild, err := exec.LookPath("xbuild")
	if err != nil {
		t.Skip("xbuild (Debian: mono-xbuild) is not installed; the targets are tested for well-formedness only")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the stand-in binary is a shell script")
	}
	pkg := t.TempDir()
	if err := os.MkdirAll(filepath.Join(pkg, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range nupkgFiles(t) {
		if strings.HasPrefix(name, "build/") {
			if err := os.WriteFile(filepath.Join(pkg, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	record := filepath.Join(t.TempDir(), "args")
	fake := filepath.Join(pkg, "tools", "linux-x64", "bgmanifest")
	if err := os.MkdirAll(filepath.Dir(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	// Written without the executable bit, as NuGet extracts it.
	script := "#!/bin/sh\n{ pwd; for a in \"$@\"; do printf '<%s>' \"$a\"; done; echo; } > '" + record + "'\n" +
		"echo 'Package.appxmanifest(3,5): warning BG104: declared and never registered [declaration-unused]'\n" +
		"exit ${FAKE_EXIT:-0}\n"
	if err := os.WriteFile(fake, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}

	type result struct {
		ran       bool
		dir, args string
		ok        bool
		buildLog  string
	}
	build := func(t *testing.T, withItem, withFile bool, exit string, props ...string) result {
		t.Helper()
		os.Remove(record)
		proj := t.TempDir()
		item := ""
		if withItem {
			item = `<ItemGroup><AppxManifest Include="Package.appxmanifest" /></ItemGroup>`
		}
		if withFile {
			if err := os.WriteFile(filepath.Join(proj, "Package.appxmanifest"), []byte("<Package/>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		text := `<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003" DefaultTargets="Build">` + item +
			`<Target Name="Build" /><Import Project="` + filepath.Join(pkg, "build", PackageID+".targets") + `" /></Project>`
		if err := os.WriteFile(filepath.Join(proj, "App.csproj"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"/nologo", "/v:normal"}
		for _, p := range props {
			args = append(args, "/p:"+p)
		}
		cmd := exec.Command(xbuild, append(args, "App.csproj")...)
		cmd.Dir = proj
		cmd.Env = append(os.Environ(), "FAKE_EXIT="+exit)
		out, err := cmd.CombinedOutput()
		r := result{ok: err == nil, buildLog: string(out)}
		if b, err := os.ReadFile(record); err == nil {
			lines := strings.SplitN(strings.TrimSpace(string(b)), "\n", 2)
			r.ran, r.dir = true, lines[0]
			if len(lines) > 1 {
				r.args = lines[1]
			}
			if r.dir != proj {
				t.Errorf("bgmanifest ran in %s, want the project directory %s", r.dir, proj)
			}
			r.args = strings.ReplaceAll(r.args, proj+"/", "PROJ/")
		}
		return r
	}

	t.Run("defaults", func(t *testing.T) {
		r := build(t, true, true, "0")
		want := "<check><-q><--format><msbuild><--color><never><--fail-on><warning><--><PROJ/Package.appxmanifest>"
		if !r.ran || r.args != want || !r.ok {
			t.Errorf("ran %v ok %v args %s, want %s\n%s", r.ran, r.ok, r.args, want, r.buildLog)
		}
	})
	t.Run("fail-on, config and arguments", func(t *testing.T) {
		r := build(t, true, true, "0", "BgManifestFailOn=error", "BgManifestConfig=ci/bg.yaml", "BgManifestArguments=--disable BG207")
		want := "<check><-q><--format><msbuild><--color><never><--fail-on><error><--config><ci/bg.yaml><--disable><BG207><--><PROJ/Package.appxmanifest>"
		if r.args != want {
			t.Errorf("args %s, want %s\n%s", r.args, want, r.buildLog)
		}
	})
	t.Run("turned off", func(t *testing.T) {
		if r := build(t, true, true, "1", "BgManifestEnabled=false"); r.ran || !r.ok {
			t.Errorf("BgManifestEnabled=false: ran %v, build ok %v\n%s", r.ran, r.ok, r.buildLog)
		}
	})
	t.Run("no manifest", func(t *testing.T) {
		if r := build(t, false, false, "1"); r.ran || !r.ok {
			t.Errorf("a project without a manifest: ran %v, build ok %v\n%s", r.ran, r.ok, r.buildLog)
		}
	})
	t.Run("Package.appxmanifest without an item", func(t *testing.T) {
		if r := build(t, false, true, "0"); !strings.HasSuffix(r.args, "<PROJ/Package.appxmanifest>") {
			t.Errorf("args %s, want the folder's Package.appxmanifest\n%s", r.args, r.buildLog)
		}
	})
	t.Run("findings at fail-on fail the build", func(t *testing.T) {
		r := build(t, true, true, "1")
		if r.ok || !strings.Contains(r.buildLog, "BGMSB02") {
			t.Errorf("exit 1: build ok %v, want a failure with BGMSB02\n%s", r.ok, r.buildLog)
		}
	})
	t.Run("bad usage fails the build", func(t *testing.T) {
		r := build(t, true, true, "2")
		if r.ok || !strings.Contains(r.buildLog, "BGMSB03") {
			t.Errorf("exit 2: build ok %v, want a failure with BGMSB03\n%s", r.ok, r.buildLog)
		}
	})
	t.Run("missing binary", func(t *testing.T) {
		r := build(t, true, true, "0", "BgManifestExe=/nonexistent/bgmanifest")
		if r.ran || r.ok || !strings.Contains(r.buildLog, "BGMSB01") {
			t.Errorf("missing binary: ran %v ok %v\n%s", r.ran, r.ok, r.buildLog)
		}
	})
}
