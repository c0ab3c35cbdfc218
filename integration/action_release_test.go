package integration

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeRelease lays out a release the way GitHub serves it
// (DIR/download/TAG/FILE) with a stand-in bgmanifest that logs each run, and
// returns a PATH directory holding a stand-in curl that serves it, plus a go
// that logs its calls (a release download must not need Go).
func fakeRelease(t *testing.T, tag string, corrupt bool) (pathDir, runLog, goLog string) {
	t.Helper()
	root := t.TempDir()
	runLog = filepath.Join(root, "runs.log")
	goLog = filepath.Join(root, "go.log")
	bin := "#!/usr/bin/env bash\nif [ \"$1\" = version ]; then echo \"bgmanifest " + tag + "\"; exit 0; fi\n" +
		"printf '%s|%s\\n' \"$PWD\" \"$*\" >> '" + runLog + "'\n" +
		"echo '::error file=a.cs,line=1,col=1,title=BG102 trigger-type-not-declared::m'\n" +
		"for ((i=1; i<=$#; i++)); do if [ \"${!i}\" = --sarif ]; then j=$((i+1)); mkdir -p \"$(dirname \"${!j}\")\"; echo '{\"version\":\"2.1.0\"}' > \"${!j}\"; fi; done\n" +
		"exit 1\n"
	name := "bgmanifest_" + tag + "_linux_amd64.tar.gz"
	dir := filepath.Join(root, "download", tag)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for _, e := range []struct{ name, body string }{{"bgmanifest", bin}, {"LICENSE", "MIT"}} {
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o755, Size: int64(len(e.body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(e.body))
	}
	tw.Close()
	gz.Close()
	f.Close()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	if corrupt {
		hexSum = strings.Repeat("0", 64)
	}
	sums := hexSum + "  " + name + "\n" + strings.Repeat("1", 64) + "  bgmanifest_" + tag + "_windows_amd64.zip\n"
	if err := os.WriteFile(filepath.Join(dir, "bgmanifest_"+tag+"_checksums.txt"), []byte(sums), 0o644); err != nil {
		t.Fatal(err)
	}
	pathDir = filepath.Join(root, "bin")
	if err := os.MkdirAll(pathDir, 0o755); err != nil {
		t.Fatal(err)
	}
	// curl [-fsSL…] -o OUT URL: copies the URL's file below the release root.
	curl := "#!/usr/bin/env bash\nout=; url=\nwhile [ $# -gt 0 ]; do case \"$1\" in -o) out=$2; shift 2;; -w|--retry) shift 2;; -*) shift;; *) url=$1; shift;; esac; done\n" +
		"file='" + root + "/download/'\"${url#https://github.com/bgmanifest/bgmanifest/releases/download/}\"\n" +
		"[ -f \"$file\" ] || { echo \"curl: (22) 404: $url\" >&2; exit 22; }\ncp \"$file\" \"$out\"\n"
	goTool := "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '" + goLog + "'\n" +
		"if [ \"$1\" = install ]; then mkdir -p \"$GOBIN\"; printf '#!/usr/bin/env bash\\necho \"bgmanifest (go install)\"\\n' > \"$GOBIN/bgmanifest\"; chmod +x \"$GOBIN/bgmanifest\"; fi\n"
	for name, body := range map[string]string{"curl": curl, "go": goTool} {
		if err := os.WriteFile(filepath.Join(pathDir, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return pathDir, runLog, goLog
}

func requireUnixTools(t *testing.T) {
	t.Helper()
	requireBash(t)
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in tools are shell scripts")
	}
}

// `uses: bgmanifest/bgmanifest@v1.2.3` with no version input: the release
// binary of v1.2.3 is downloaded and its checksum checked, Go is not used,
// and bgmanifest runs once in working-directory, writing annotations and
// SARIF together.
func TestActionDownloadsReleaseOfItsOwnRef(t *testing.T) {
	requireUnixTools(t)
	pathDir, runLog, goLog := fakeRelease(t, "v1.2.3", false)
	ws := t.TempDir()
	if err := os.MkdirAll(filepath.Join(ws, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := runAction(t, ws, map[string]string{actionRefInput: "v1.2.3", "working-directory": "src",
		"path": "App", "sarif": "out/bg.sarif"}, pathDir)
	if res.failedStep != "Run bgmanifest" || res.exitCode != 1 {
		t.Fatalf("want the run step to fail with the findings' exit 1; step %q exit %d\n%s%s", res.failedStep, res.exitCode, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stdout, "SHA-256") || !strings.Contains(res.stdout, "bgmanifest v1.2.3") {
		t.Errorf("install step did not report a verified release download:\n%s", res.stdout)
	}
	if _, err := os.Stat(goLog); err == nil {
		log, _ := os.ReadFile(goLog)
		t.Errorf("a release download called go:\n%s", log)
	}
	runs, err := os.ReadFile(runLog)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(ws, "src") + "|check --format github --sarif out/bg.sarif -- App\n"
	if string(runs) != want {
		t.Errorf("bgmanifest runs:\n%s\nwant exactly one:\n%s", runs, want)
	}
	if _, err := os.Stat(filepath.Join(ws, "src", "out", "bg.sarif")); err != nil {
		t.Errorf("SARIF not written in the working directory: %v", err)
	}
	if !strings.Contains(res.stdout, "::error file=a.cs") {
		t.Errorf("annotations missing:\n%s", res.stdout)
	}
}

func TestActionRejectsChecksumMismatch(t *testing.T) {
	requireUnixTools(t)
	pathDir, runLog, _ := fakeRelease(t, "v1.2.3", true)
	res := runAction(t, t.TempDir(), map[string]string{"version": "v1.2.3"}, pathDir)
	if res.failedStep != "Install bgmanifest" || res.exitCode != 2 || !strings.Contains(res.stdout, "checksum mismatch") {
		t.Fatalf("want the install step to stop on the checksum; step %q exit %d\n%s%s", res.failedStep, res.exitCode, res.stdout, res.stderr)
	}
	if _, err := os.Stat(runLog); err == nil {
		t.Error("bgmanifest ran after a checksum mismatch")
	}
}

// A ref without a release (a commit, a branch, an unreleased tag) falls back
// to go install of that ref; install-from: release refuses instead.
func TestActionFallsBackToGoInstallWithoutRelease(t *testing.T) {
	requireUnixTools(t)
	pathDir, _, goLog := fakeRelease(t, "v1.2.3", false)
	for _, ref := range []string{"v9.9.9", "main", "0123456789abcdef0123456789abcdef01234567"} {
		os.Remove(goLog)
		res := runAction(t, t.TempDir(), map[string]string{actionRefInput: ref, "args": "--fail-on none"}, pathDir)
		log, _ := os.ReadFile(goLog)
		if res.failedStep != "" || !strings.Contains(string(log), "install github.com/bgmanifest/bgmanifest/cmd/bgmanifest@"+ref+"\n") {
			t.Errorf("ref %s: step %q exit %d, go calls:\n%s\n%s%s", ref, res.failedStep, res.exitCode, log, res.stdout, res.stderr)
		}
	}
	res := runAction(t, t.TempDir(), map[string]string{"version": "v9.9.9", "install-from": "release"}, pathDir)
	if res.failedStep != "Install bgmanifest" || res.exitCode != 2 || !strings.Contains(res.stdout, "has no release binary") {
		t.Errorf("install-from release without a release: step %q exit %d\n%s", res.failedStep, res.exitCode, res.stdout)
	}
}
