package main

// `check --fix` against concurrent runs and files changed under it (issue
// #16 items 2 and 10). The fixer's own cases (symbolic and hard links,
// modes, owners, locks) are in package fix; these go through the command.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/manifest"
)

// fixApp copies testdata/apps/cs-mismatch (BG102: its TimerTask registers a
// TimeTrigger and declares only systemEvent; the fix inserts the timer Task)
// and returns the copy and its manifest.
func fixApp(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	testfs.CopyTree(t, filepath.Join("..", "..", "testdata", "apps", "cs-mismatch"), dir)
	return dir, filepath.Join(dir, "App", "Package.appxmanifest")
}

// wantOneTimerTask: the manifest is well-formed and holds exactly one
// <Task Type="timer" />, in the TimerTask extension.
func wantOneTimerTask(t *testing.T, path, context string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := manifest.Parse(path, data); len(m.Problems) > 0 {
		t.Fatalf("%s: manifest not well-formed: %+v\n%s", context, m.Problems, data)
	}
	want := "EntryPoint=\"Tasks.TimerTask\">\n          <BackgroundTasks>\n            <Task Type=\"systemEvent\" />\n            <Task Type=\"timer\" />\n"
	if c := strings.Count(string(data), `<Task Type="timer"`); c != 1 || !strings.Contains(string(data), want) {
		t.Fatalf("%s: %d timer Tasks (want exactly one, after TimerTask's systemEvent):\n%s", context, c, data)
	}
}

// TestFixConcurrentRuns: ten `check --fix` runs started together on one
// App insert the missing Task once and leave a well-formed manifest, in each
// of 20 trials; exactly one run says it applied a fix. On main before the
// snapshots and locks, 2-7 copies of the Task were the rule.
func TestFixConcurrentRuns(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	trials, runs := 20, 10
	if raceEnabled {
		trials = 4 // each run is ten times slower
	}
	for trial := range trials {
		dir, man := fixApp(t)
		start := make(chan struct{})
		var wg sync.WaitGroup
		stderrs := make([]string, runs)
		for i := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var out, errb bytes.Buffer
				<-start
				run([]string{"check", "--fix", "--jobs", "1", "--format", "json", dir}, strings.NewReader(""), &out, &errb)
				stderrs[i] = errb.String()
			}()
		}
		close(start)
		wg.Wait()
		applied := 0
		for _, s := range stderrs {
			applied += strings.Count(s, "applied 1 fix(es)")
			for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
				if strings.Contains(line, "fix:") && !strings.Contains(line, "changed since it was read; run bgmanifest again") {
					t.Errorf("trial %d: unexpected fix error: %s", trial, line)
				}
			}
		}
		if applied != 1 {
			t.Errorf("trial %d: %d runs applied a fix, want 1\n%s", trial, applied, strings.Join(stderrs, "---\n"))
		}
		wantOneTimerTask(t, man, fmt.Sprint("trial ", trial))
	}
}

// TestFixConcurrentProcesses: the same with ten processes (this test
// binary re-run as bgmanifest), whose locks are the operating system's
// between processes rather than within one.
func TestFixConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	trials, runs := 2, 10
	if raceEnabled {
		trials = 1
	}
	for trial := range trials {
		dir, man := fixApp(t)
		var wg sync.WaitGroup
		outs := make([]string, runs)
		for i := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(self, "check", "--fix", "--jobs", "1", "-q", dir)
				cmd.Env = append(os.Environ(), runMainEnv+"=1")
				out, _ := cmd.CombinedOutput()
				outs[i] = string(out)
			}()
		}
		wg.Wait()
		all := strings.Join(outs, "---\n")
		if c := strings.Count(all, "applied 1 fix(es)"); c != 1 {
			t.Errorf("trial %d: %d processes applied a fix, want 1\n%s", trial, c, all)
		}
		wantOneTimerTask(t, man, fmt.Sprint("process trial ", trial))
	}
}

// runMainEnv makes the test binary act as bgmanifest (see TestMain).
const runMainEnv = "BGMANIFEST_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestFixRefusesManifestEditedAfterLint: a manifest edited between the lint
// and the fix (a line added above the extension, so the finding's line now
// holds another element) is left exactly as edited, stderr names it and says
// to run again, nothing is counted as applied, and the exit code is the
// findings' (1), as for every fix that is not applied. On main the Task went
// into the wrong element and the run said "applied 1 fix(es)".
func TestFixRefusesManifestEditedAfterLint(t *testing.T) {
	dir, man := fixApp(t)
	t.Chdir(dir)
	var edited []byte
	beforeFix = func() {
		b, err := os.ReadFile(man)
		if err != nil {
			t.Fatal(err)
		}
		edited = bytes.Replace(b, []byte("      <Extensions>\n"), []byte("      <Extensions>\n        <!-- added by hand -->\n"), 1)
		if err := os.WriteFile(man, edited, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { beforeFix = func() {} }()
	_, stderr, code := runCLI(t, "check", "--fix", ".")
	if after, _ := os.ReadFile(man); !bytes.Equal(after, edited) {
		t.Errorf("the manifest edited after the lint was changed:\n%s", after)
	}
	if !strings.Contains(stderr, "bgmanifest: fix: App/Package.appxmanifest: changed since it was read; run bgmanifest again") {
		t.Errorf("stderr does not name the changed manifest:\n%s", stderr)
	}
	if strings.Contains(stderr, "applied") {
		t.Errorf("a refused fix was counted:\n%s", stderr)
	}
	if code != exitFindings {
		t.Errorf("exit %d, want %d (the finding stays)", code, exitFindings)
	}
	beforeFix = func() {}
	if _, stderr, _ = runCLI(t, "check", "--fix", "."); !strings.Contains(stderr, "applied 1 fix(es)") {
		t.Errorf("the second run did not fix it:\n%s", stderr)
	}
}

// TestFixRefusesReadOnlyManifest: a read-only manifest is not written (as
// `gofmt -w` fails on one), even by root or by replacing it; stderr says
// why, and the exit code is the findings' (1).
func TestFixRefusesReadOnlyManifest(t *testing.T) {
	dir, man := fixApp(t)
	t.Chdir(dir)
	if err := os.Chmod(man, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(man)
	_, stderr, code := runCLI(t, "check", "--fix", ".")
	if after, _ := os.ReadFile(man); !bytes.Equal(after, before) {
		t.Error("the read-only manifest was changed")
	}
	if st, err := os.Stat(man); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o444) {
		t.Errorf("mode changed: %v %v", st.Mode(), err)
	}
	if !strings.Contains(stderr, "bgmanifest: fix: App/Package.appxmanifest: read-only file, not fixing it") || strings.Contains(stderr, "applied") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
}
