package fix_test

// End to end through the linter: the findings and snapshots of a lint run
// handed to the fixer, as `check --fix` does, on a copy of
// testdata/apps/cs-mismatch (its TimerTask registers a TimeTrigger and
// declares only systemEvent: BG102's fix inserts <Task Type="timer" />).

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/manifest"
)

const timerTask = `<Task Type="timer" />`

// appCopy copies the fixture App into a temporary directory and returns the
// directory and its manifest's path.
func appCopy(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	testfs.CopyTree(t, filepath.Join("..", "testdata", "apps", "cs-mismatch"), dir)
	return dir, filepath.Join(dir, "App", "Package.appxmanifest")
}

// lintAndFix is one `check --fix`: lint, then apply with the snapshots.
func lintAndFix(dir string) (int, []error, error) {
	res, err := lint.Run([]string{dir}, lint.Options{Jobs: 1})
	if err != nil {
		return 0, nil, err
	}
	n, errs := fix.ApplyWithSnapshots(res.Findings, res.Read)
	return n, errs, nil
}

// assertOneTimerTask: the manifest parses and the TimerTask extension has
// exactly one timer Task.
func assertOneTimerTask(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := manifest.Parse(path, data)
	if len(m.Problems) > 0 {
		t.Fatalf("manifest is not well-formed after the fixes: %+v\n%s", m.Problems, data)
	}
	for _, bt := range m.BackgroundTasks {
		timers := 0
		for _, task := range bt.Tasks {
			if task.Type.Value == "timer" {
				timers++
			}
		}
		want := 0
		if bt.EntryPoint.Value == "Tasks.TimerTask" {
			want = 1
		}
		if timers != want {
			t.Fatalf("%s has %d timer Tasks, want %d:\n%s", bt.EntryPoint.Value, timers, want, data)
		}
	}
	if c := strings.Count(string(data), timerTask); c != 1 {
		t.Fatalf("%d timer Tasks in the file, want 1:\n%s", c, data)
	}
}

// TestConcurrentFixersApplyOnce: ten fixers started together with the
// findings and snapshots of one lint run apply the missing Task exactly
// once, in each of 20 trials: the first to lock the manifest writes it, the
// others find it changed. (cmd/bgmanifest's TestFixConcurrentRuns runs
// whole `check --fix` commands, each with its own lint.)
func TestConcurrentFixersApplyOnce(t *testing.T) {
	const trials, fixers = 20, 10
	for trial := range trials {
		dir, man := appCopy(t)
		res, err := lint.Run([]string{dir}, lint.Options{Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		applied := make([]int, fixers)
		errs := make([][]error, fixers)
		for i := range fixers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				applied[i], errs[i] = fix.ApplyWithSnapshots(res.Findings, res.Read)
			}()
		}
		close(start)
		wg.Wait()
		total := 0
		for i := range fixers {
			total += applied[i]
			for _, e := range errs[i] {
				if !errors.Is(e, fix.ErrChanged) {
					t.Errorf("trial %d, fixer %d: %v", trial, i, e)
				}
			}
		}
		if total != 1 {
			t.Errorf("trial %d: %d fixes applied in all, want 1", trial, total)
		}
		assertOneTimerTask(t, man)
		noTempFiles(t, filepath.Dir(man))
	}
}

// TestEditedBetweenLintAndFixIsRefused: a manifest edited after the lint
// read it (a line added above the extension, so the finding's position now
// points into another element) is not touched; the error names the file and
// says to run again, and no fix is counted. A second run fixes it.
func TestEditedBetweenLintAndFixIsRefused(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"line-added-above", "      <Extensions>\n", "      <Extensions>\n        <!-- added by hand -->\n"},
		// Same size: only the content tells.
		{"same-size", `EntryPoint="Tasks.SystemEventTask"`, `EntryPoint="Tasks.SystemEventTasx"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, man := appCopy(t)
			res, err := lint.Run([]string{dir}, lint.Options{Jobs: 1})
			if err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(man)
			if err != nil {
				t.Fatal(err)
			}
			edited := bytes.Replace(before, []byte(tc.old), []byte(tc.new), 1)
			if bytes.Equal(edited, before) {
				t.Fatal("the edit changed nothing")
			}
			if err := os.WriteFile(man, edited, 0o644); err != nil {
				t.Fatal(err)
			}
			n, errs := fix.ApplyWithSnapshots(res.Findings, res.Read)
			if n != 0 || len(errs) != 1 || !errors.Is(errs[0], fix.ErrChanged) {
				t.Fatalf("ApplyWithSnapshots = %d, %v; want 0 and one ErrChanged", n, errs)
			}
			msg := errs[0].Error()
			if !strings.Contains(msg, "App/Package.appxmanifest") || !strings.Contains(msg, "changed since it was read; run bgmanifest again") {
				t.Errorf("the error should name the manifest and say to run again: %s", msg)
			}
			if after, _ := os.ReadFile(man); !bytes.Equal(after, edited) {
				t.Errorf("the edited manifest was changed:\n%s", after)
			}
			n, errs, err = lintAndFix(dir)
			if err != nil || n != 1 || len(errs) != 0 {
				t.Fatalf("second run: %d, %v, %v; want 1 fix", n, errs, err)
			}
			assertOneTimerTask(t, man)
		})
	}
}

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".bgmanifest-fix-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
