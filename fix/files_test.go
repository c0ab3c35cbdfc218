package fix

// What a fix keeps of the file it edits (mode, owner, hard links, symbolic
// links) and what it refuses (read-only files, files another fixer holds).

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/rules"
)

func TestApplyRefusesReadOnlyFile(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrReadOnly) {
		t.Fatalf("Apply = %d, %v; want 0 and ErrReadOnly", n, errs)
	}
	if !strings.Contains(errs[0].Error(), filepath.ToSlash(p)+": read-only file, not fixing it") {
		t.Errorf("the error should name the file: %v", errs[0])
	}
	if readString(t, p) != baseManifest {
		t.Error("the read-only file was changed")
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444", st.Mode().Perm())
	}
	noTempFilesLeft(t, filepath.Dir(p))
}

// TestApplyThroughSymlinkKeepsLink: the link stays a link to the same
// target (relative links too), and the target gets the fix.
func TestApplyThroughSymlinkKeepsLink(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "real", "Package.appxmanifest")
	if err := os.WriteFile(target, []byte(baseManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "app", "Package.appxmanifest")
	const dest = "../real/Package.appxmanifest"
	if err := os.Symlink(dest, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(link)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	if got, err := os.Readlink(link); err != nil || got != dest {
		t.Fatalf("the link was replaced: Readlink = %q, %v", got, err)
	}
	if !strings.Contains(readString(t, target), "systemEvent") || readString(t, link) != readString(t, target) {
		t.Error("the link's target was not fixed")
	}
	noTempFilesLeft(t, filepath.Dir(link))
	noTempFilesLeft(t, filepath.Dir(target))
}

// TestApplyKeepsHardLinks: both names see the fix; the file is still one
// file with two names.
func TestApplyKeepsHardLinks(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	other := filepath.Join(t.TempDir(), "AppxManifest.xml")
	if err := os.Link(p, other); err != nil {
		t.Skipf("cannot create hard links here: %v", err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(p)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	a, errA := os.Stat(p)
	b, errB := os.Stat(other)
	if errA != nil || errB != nil || !os.SameFile(a, b) {
		t.Fatalf("the hard link was split (%v, %v)", errA, errB)
	}
	if !strings.Contains(readString(t, other), "systemEvent") {
		t.Error("the other name does not see the fix")
	}
	noTempFilesLeft(t, filepath.Dir(p))
}

// TestApplyHardLinkedNamesInOneRun: fixes naming both names of one file
// are planned on one copy of it, under one lock (locking it twice would
// wait for ever).
func TestApplyHardLinkedNamesInOneRun(t *testing.T) {
	p := writeTemp(t, "Register.cs", "a = \"x.one\";\nb = \"x.two\";\n")
	other := filepath.Join(filepath.Dir(p), "Other.cs")
	if err := os.Link(p, other); err != nil {
		t.Skipf("cannot create hard links here: %v", err)
	}
	lockTimeout = 2 * time.Second
	defer func() { lockTimeout = 10 * time.Second }()
	n, errs := Apply([]rules.Finding{
		finding("BG101", editIn(p, 1, 6, 1, 7, "X")),
		finding("BG101", editIn(other, 2, 6, 2, 7, "X")),
	})
	if n != 2 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v; want 2, none", n, errs)
	}
	if got := readString(t, other); got != "a = \"X.one\";\nb = \"X.two\";\n" {
		t.Errorf("got %q", got)
	}
}

func TestApplyKeepsMode0640InPlace(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are not Unix permissions on Windows")
	}
	// With a second name the file is written in place: its mode must
	// survive that path too.
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(p, p+".link"); err != nil {
		t.Skip(err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(p)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
}

// TestApplyWaitsForAnotherFixersLock: a fixer that cannot get the lock in
// lockTimeout gives up with ErrLocked and leaves the file alone.
func TestApplyWaitsForAnotherFixersLock(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	other, err := openHeld(p)
	if err != nil {
		t.Fatal(err)
	}
	defer other.release()
	lockTimeout = 50 * time.Millisecond
	defer func() { lockTimeout = 10 * time.Second }()
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrLocked) {
		t.Fatalf("Apply = %d, %v; want 0 and ErrLocked", n, errs)
	}
	if readString(t, p) != baseManifest {
		t.Error("the locked file was changed")
	}
}

// TestApplyAfterAnotherFixerReplacedTheFile: while this fixer waits for
// the lock, the holder renames new content over the path. The lock it then
// gets is on the old file; it must lock the new one, and find its content
// is not what the lint read.
func TestApplyAfterAnotherFixerReplacedTheFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fixer never renames over a file on Windows")
	}
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	seen := map[string]Snapshot{filepath.ToSlash(p): SnapshotOf([]byte(baseManifest))}
	other, err := openHeld(p)
	if err != nil {
		t.Fatal(err)
	}
	const theirs = "<!-- the other fixer's result -->\n"
	done := make(chan struct{})
	var n int
	var errs []error
	go func() {
		defer close(done)
		n, errs = ApplyWithSnapshots([]rules.Finding{insertSystemEvent(p)}, seen)
	}()
	time.Sleep(30 * time.Millisecond) // let it reach the lock
	tmp := p + ".new"
	if err := os.WriteFile(tmp, []byte(baseManifest+theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	other.release()
	<-done
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrChanged) {
		t.Fatalf("ApplyWithSnapshots = %d, %v; want 0 and ErrChanged", n, errs)
	}
	if readString(t, p) != baseManifest+theirs {
		t.Error("the other fixer's result was overwritten")
	}
}
