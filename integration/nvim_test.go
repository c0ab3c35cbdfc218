package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// nvimTimeout bounds the whole Neovim session; init.lua waits at most 10 s
// for each step.
const nvimTimeout = 30 * time.Second

// nvimResult is what testdata/nvim/init.lua writes.
type nvimResult struct {
	Nvim        string `json:"nvim"`
	Started     bool   `json:"started"`
	Published   bool   `json:"published"`
	Diagnostics []struct {
		Code     string `json:"code"`
		Lnum     int    `json:"lnum"`
		Col      int    `json:"col"`
		EndLnum  int    `json:"end_lnum"`
		EndCol   int    `json:"end_col"`
		Severity int    `json:"severity"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
	Actions []struct {
		Title string   `json:"title"`
		Kind  string   `json:"kind"`
		Files []string `json:"files"`
	} `json:"actions"`
	Cleared bool   `json:"cleared"`
	Error   string `json:"error"`
}

// TestNeovimClient runs `bgmanifest lsp` under a real Neovim: the editor
// opens a C# file whose registration uses a trigger the manifest does not
// declare, shows BG102 on the right line, offers the manifest quick fix,
// and clears the diagnostic once the buffer is edited.
func TestNeovimClient(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not on PATH: install Neovim (apt-get install neovim) to test the language server with a real client")
	}
	if testing.Short() {
		t.Skip("skipped with -short: builds bgmanifest and runs Neovim")
	}
	bin := requireBuild(t)
	root := filepath.Join(t.TempDir(), "app")
	testfs.CopyTree(t, filepath.Join(repoRoot(t), "lsp", "testdata", "app"), root)
	code := filepath.Join(root, "WeatherApp", "BackgroundTaskSetup.cs")
	manifest := filepath.Join(root, "WeatherApp", "Package.appxmanifest")
	const trigger = "new TimeTrigger(30, false)"
	wantLine, wantCol := findInFile(t, code, trigger)

	initLua, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "result.json")
	stateDir := t.TempDir() // Neovim 0.7 keeps lsp.log in the cache dir, 0.8+ in the state dir
	ctx, cancel := context.WithTimeout(context.Background(), nvimTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", initLua, code)
	// The server is Neovim's child; should it outlive a killed Neovim while
	// holding the output pipe, stop waiting for it after a while.
	cmd.WaitDelay = 5 * time.Second
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"BGMANIFEST_BIN="+bin,
		"BGMANIFEST_ROOT="+root,
		"BGMANIFEST_OUT="+out,
		"BGMANIFEST_FROM="+trigger,
		"BGMANIFEST_TO=new SystemTrigger(SystemTriggerType.TimeZoneChange, false)",
		// Keep Neovim's state and logs out of the user's home.
		"XDG_STATE_HOME="+stateDir, "XDG_CACHE_HOME="+stateDir, "XDG_DATA_HOME="+t.TempDir(),
	)
	// On failure, show Neovim's LSP log: it holds the server's stderr.
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		log := filepath.Join(stateDir, "nvim", "lsp.log")
		if b, err := os.ReadFile(log); err == nil {
			t.Logf("%s:\n%s", log, b)
		}
	})
	cmd.Stdin = nil
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runErr := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("nvim did not finish within %v (killed); output:\n%s", nvimTimeout, stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result (%v, exit: %v); output:\n%s", err, runErr, stderr.String())
	}
	var res nvimResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("result %s: %v", raw, err)
	}
	t.Logf("Neovim %s: %s", res.Nvim, raw)
	if res.Error != "" {
		t.Fatalf("init.lua failed: %s", res.Error)
	}
	if !res.Started {
		t.Fatalf("Neovim could not start the language server %s", bin)
	}
	if !res.Published {
		t.Fatalf("no bgmanifest diagnostics reached Neovim within 10 s; output:\n%s", stderr.String())
	}
	found := false
	for _, d := range res.Diagnostics {
		if d.Code != "BG102" {
			continue
		}
		found = true
		if d.Lnum != wantLine || d.Col != wantCol {
			t.Errorf("BG102 at %d:%d (0-based), want %d:%d, where %q starts", d.Lnum, d.Col, wantLine, wantCol, trigger)
		}
		if d.Severity != 1 {
			t.Errorf("BG102 severity %d, want 1 (error)", d.Severity)
		}
	}
	if !found {
		t.Fatalf("no BG102 among the diagnostics: %+v", res.Diagnostics)
	}
	if len(res.Actions) == 0 {
		t.Errorf("no code action for the BG102 diagnostic")
	}
	for _, a := range res.Actions {
		if a.Kind != "quickfix" || len(a.Files) != 1 || a.Files[0] != manifest {
			t.Errorf("code action %+v, want a quickfix that edits %s", a, manifest)
		}
	}
	if !res.Cleared {
		t.Errorf("the diagnostics did not clear after the buffer was fixed")
	}
}

// findInFile returns the 0-based line and byte column of needle (the
// fixture is ASCII, so bytes, characters and UTF-16 units agree).
func findInFile(t *testing.T, path, needle string) (line, col int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if c := strings.Index(l, needle); c >= 0 {
			return i, c
		}
	}
	t.Fatalf("%q not found in %s", needle, path)
	return 0, 0
}
