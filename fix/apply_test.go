package fix

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
)

// baseManifest declares the timer task for Contoso.Tasks.TimerTask only; the
// Task line is line 12 and </BackgroundTasks> line 13.
const baseManifest = `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10">
  <Identity Name="Contoso.Sample" Publisher="CN=Contoso" Version="1.0.0.0" />
  <Properties>
    <DisplayName>Contoso</DisplayName>
  </Properties>
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="Contoso.App">
      <Extensions>
        <Extension Category="windows.backgroundTasks" EntryPoint="Contoso.Tasks.TimerTask">
          <BackgroundTasks>
            <Task Type="timer" />
          </BackgroundTasks>
        </Extension>
      </Extensions>
    </Application>
  </Applications>
</Package>
`

const taskLine = 12

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func finding(rule string, edits ...rules.Edit) rules.Finding {
	return rules.Finding{Rule: rule, Fix: &rules.Fix{Description: "test", Edits: edits}}
}

func editIn(path string, l, c, el, ec int, text string) rules.Edit {
	return rules.Edit{File: filepath.ToSlash(path), Line: l, Column: c, EndLine: el, EndColumn: ec, NewText: text}
}

// insertSystemEvent is the BG102-style fix: a new Task line before
// </BackgroundTasks>.
func insertSystemEvent(path string) rules.Finding {
	return finding("BG102", editIn(path, taskLine+1, 1, taskLine+1, 1, "            <Task Type=\"systemEvent\" />\n"))
}

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func noTempFilesLeft(t *testing.T, dir string) {
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

func TestApplyInsertTaskOnceAndParses(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v; want 1, none", n, errs)
	}
	m := manifest.Parse(p, []byte(readString(t, p)))
	if len(m.Problems) != 0 {
		t.Fatalf("fixed manifest has problems: %+v", m.Problems)
	}
	if len(m.BackgroundTasks) != 1 {
		t.Fatalf("got %d background-task extensions, want 1", len(m.BackgroundTasks))
	}
	count := 0
	for _, task := range m.BackgroundTasks[0].Tasks {
		if task.Type.Value == "systemEvent" {
			count++
		}
	}
	if count != 1 || !m.BackgroundTasks[0].HasTaskType("timer") {
		t.Errorf("tasks after the fix: %+v; want timer and exactly one systemEvent", m.BackgroundTasks[0].Tasks)
	}
	noTempFilesLeft(t, filepath.Dir(p))
}

func TestApplyNothingChangesNothing(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	noFix := rules.Finding{Rule: "BG104", File: filepath.ToSlash(p), Line: 10, Column: 9}
	emptyFix := rules.Finding{Rule: "BG104", Fix: &rules.Fix{Description: "nothing"}}
	for _, fs := range [][]rules.Finding{nil, {}, {noFix}, {emptyFix}} {
		n, errs := Apply(fs)
		if n != 0 || len(errs) != 0 {
			t.Errorf("Apply(%v) = %d, %v; want 0, none", fs, n, errs)
		}
	}
	if got := readString(t, p); got != baseManifest {
		t.Errorf("file changed:\n%s", got)
	}
}

func TestApplySkipsMalformedManifest(t *testing.T) {
	broken := strings.Replace(baseManifest, "</Applications>", "</Application>", 1)
	p := writeTemp(t, "Package.appxmanifest", broken)
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotWellFormed) {
		t.Fatalf("Apply = %d, %v; want 0 and one ErrNotWellFormed", n, errs)
	}
	if !strings.Contains(errs[0].Error(), filepath.ToSlash(p)) {
		t.Errorf("error does not name the file: %v", errs[0])
	}
	if got := readString(t, p); got != broken {
		t.Error("malformed manifest was modified")
	}
}

func TestApplyRefusesEditThatBreaksManifest(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	bad := finding("BG102", editIn(p, taskLine+1, 1, taskLine+1, 1, "            <Task Type=\"systemEvent\">\n"))
	n, errs := Apply([]rules.Finding{bad})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotWellFormed) {
		t.Fatalf("Apply = %d, %v; want 0 and one ErrNotWellFormed", n, errs)
	}
	if !strings.Contains(errs[0].Error(), filepath.ToSlash(p)) || !strings.Contains(errs[0].Error(), "after the fix") {
		t.Errorf("error should name the file and say the fix broke it: %v", errs[0])
	}
	if readString(t, p) != baseManifest {
		t.Error("manifest was written although the result is not well-formed")
	}
	noTempFilesLeft(t, filepath.Dir(p))
}

func TestApplyKeepsGoodFixWhenAnotherBreaksTheFile(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	good := insertSystemEvent(p)
	bad := finding("BG101", editIn(p, 2, 1, 2, 1, "<Broken>\n"))
	n, errs := Apply([]rules.Finding{bad, good})
	if n != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrNotWellFormed) {
		t.Fatalf("Apply = %d, %v; want 1 and one ErrNotWellFormed", n, errs)
	}
	got := readString(t, p)
	if !strings.Contains(got, "systemEvent") || strings.Contains(got, "<Broken>") {
		t.Errorf("want only the good fix applied, got:\n%s", got)
	}
}

func TestApplyMultiFileFixIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	man := filepath.Join(dir, "Package.appxmanifest")
	code := filepath.Join(dir, "Register.cs")
	if err := os.WriteFile(man, []byte(baseManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	const src = "builder.TaskEntryPoint = \"contoso.Tasks.TimerTask\";\n"
	if err := os.WriteFile(code, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	both := finding("BG101",
		editIn(code, 1, 27, 1, 34, "Contoso"),
		editIn(man, 2, 1, 2, 1, "<Broken>\n"))
	n, errs := Apply([]rules.Finding{both})
	if n != 0 || len(errs) != 1 {
		t.Fatalf("Apply = %d, %v; want 0 and one error", n, errs)
	}
	if readString(t, code) != src || readString(t, man) != baseManifest {
		t.Error("a fix was half applied")
	}
}

func TestApplyStalePositionIsAnError(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	stale := finding("BG004", editIn(p, 40, 1, 41, 1, ""))
	n, errs := Apply([]rules.Finding{stale, insertSystemEvent(p)})
	if n != 1 || len(errs) != 1 {
		t.Fatalf("Apply = %d, %v; want 1 and one error", n, errs)
	}
	want := filepath.ToSlash(p) + ":40:1: fix for BG004 not applied"
	if !strings.Contains(errs[0].Error(), want) {
		t.Errorf("error %q does not contain %q", errs[0], want)
	}
}

func TestApplyWithSnapshotsRefusesChangedFile(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	name := filepath.ToSlash(p)
	seen := map[string]Snapshot{name: SnapshotOf([]byte(strings.Replace(baseManifest, "Contoso</", "Fabrikam</", 1)))}
	n, errs := ApplyWithSnapshots([]rules.Finding{insertSystemEvent(p)}, seen)
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrChanged) {
		t.Fatalf("ApplyWithSnapshots = %d, %v; want 0 and ErrChanged", n, errs)
	}
	if readString(t, p) != baseManifest {
		t.Error("changed file was modified")
	}

	seen[name] = SnapshotOf([]byte(baseManifest))
	n, errs = ApplyWithSnapshots([]rules.Finding{insertSystemEvent(p)}, seen)
	if n != 1 || len(errs) != 0 {
		t.Fatalf("with the matching snapshot: %d, %v; want 1, none", n, errs)
	}
}

func TestApplyRefusesFileChangedBeforeRename(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	const concurrent = "<!-- saved by the editor meanwhile -->\n"
	beforeCompare = func(path string) {
		if err := os.WriteFile(path, []byte(baseManifest+concurrent), 0o644); err != nil {
			t.Error(err)
		}
	}
	defer func() { beforeCompare = func(string) {} }()
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrChanged) {
		t.Fatalf("Apply = %d, %v; want 0 and ErrChanged", n, errs)
	}
	if readString(t, p) != baseManifest+concurrent {
		t.Error("the concurrent change was overwritten")
	}
	noTempFilesLeft(t, filepath.Dir(p))
}

func TestApplyRefusesSameSizeChangeBeforeRename(t *testing.T) {
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	// Same size and modification time, different content: only the hash
	// can tell.
	changed := strings.Replace(baseManifest, "Contoso</", "Fabrika</", 1)
	beforeCompare = func(path string) {
		if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
			t.Error(err)
		}
		if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
			t.Error(err)
		}
	}
	defer func() { beforeCompare = func(string) {} }()
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrChanged) {
		t.Fatalf("Apply = %d, %v; want 0 and ErrChanged", n, errs)
	}
	if readString(t, p) != changed {
		t.Error("the concurrent change was overwritten")
	}
}

func TestApplyPreservesMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are not Unix permissions on Windows")
	}
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(p)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
}

func TestApplyThroughSymlinkEditsTarget(t *testing.T) {
	target := writeTemp(t, "Package.appxmanifest", baseManifest)
	link := filepath.Join(t.TempDir(), "Package.appxmanifest")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(link)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v", err)
	}
	if !strings.Contains(readString(t, target), "systemEvent") {
		t.Error("the link's target was not fixed")
	}
}

func TestApplyMissingFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "Package.appxmanifest")
	n, errs := Apply([]rules.Finding{insertSystemEvent(p)})
	if n != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), filepath.ToSlash(p)) {
		t.Fatalf("Apply = %d, %v; want 0 and one error naming the file", n, errs)
	}
}

func TestApplyRefusesUndecodableSource(t *testing.T) {
	const src = "// caf\xe9 in Latin-1\nbuilder.TaskEntryPoint = \"x.Y\";\n"
	p := writeTemp(t, "Register.cs", src)
	n, errs := Apply([]rules.Finding{finding("BG101", editIn(p, 2, 27, 2, 28, "X"))})
	if n != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "invalid UTF-8") {
		t.Fatalf("Apply = %d, %v; want 0 and an invalid UTF-8 error", n, errs)
	}
	if readString(t, p) != src {
		t.Error("file was modified")
	}
}

func TestApplyFindingsSharingAFileReadItOnce(t *testing.T) {
	// Two findings, each fixing a different line of the same file; both are
	// planned against the original text.
	src := "a = \"x.one\";\nb = \"x.two\";\n"
	p := writeTemp(t, "Register.cs", src)
	n, errs := Apply([]rules.Finding{
		finding("BG101", editIn(p, 2, 6, 2, 7, "X")),
		finding("BG101", editIn(p, 1, 6, 1, 7, "X")),
	})
	if n != 2 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	if got := readString(t, p); got != "a = \"X.one\";\nb = \"X.two\";\n" {
		t.Errorf("got %q", got)
	}
}

func TestSnapshotOf(t *testing.T) {
	a, b := SnapshotOf([]byte("abc")), SnapshotOf([]byte("abd"))
	if a == b || a.Size != 3 || a != SnapshotOf([]byte("abc")) {
		t.Errorf("snapshots: %+v %+v", a, b)
	}
	if bytes.Equal(a.SHA256[:], make([]byte, 32)) {
		t.Error("zero hash")
	}
}

func TestApplyTwoSpellingsOfOneFile(t *testing.T) {
	p := writeTemp(t, "Register.cs", "a = \"x.one\";\nb = \"x.two\";\n")
	other := filepath.ToSlash(filepath.Dir(p)) + "/./" + filepath.Base(p)
	first := finding("BG101", editIn(p, 1, 6, 1, 7, "X"))
	second := finding("BG101", rules.Edit{File: other, Line: 2, Column: 6, EndLine: 2, EndColumn: 7, NewText: "X"})
	n, errs := Apply([]rules.Finding{first, second})
	if n != 2 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v; want 2, none", n, errs)
	}
	if got := readString(t, p); got != "a = \"X.one\";\nb = \"X.two\";\n" {
		t.Errorf("got %q", got)
	}
}

// TestApplyTwoSpellingsOneStaleSnapshot: a spelling whose snapshot is of
// other bytes has its fixes refused; the other spelling's fix is applied.
func TestApplyTwoSpellingsOneStaleSnapshot(t *testing.T) {
	const src = "a = \"x.one\";\nb = \"x.two\";\n"
	p := writeTemp(t, "Register.cs", src)
	other := filepath.ToSlash(filepath.Dir(p)) + "/./" + filepath.Base(p)
	first := finding("BG101", editIn(p, 1, 6, 1, 7, "X"))
	second := finding("BG101", rules.Edit{File: other, Line: 2, Column: 6, EndLine: 2, EndColumn: 7, NewText: "X"})
	seen := map[string]Snapshot{
		filepath.ToSlash(p): SnapshotOf([]byte(src)),
		other:               SnapshotOf([]byte("something else\n")),
	}
	n, errs := ApplyWithSnapshots([]rules.Finding{first, second}, seen)
	if n != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrChanged) || !strings.Contains(errs[0].Error(), other) {
		t.Fatalf("ApplyWithSnapshots = %d, %v; want 1 and ErrChanged naming %s", n, errs, other)
	}
	if got := readString(t, p); got != "a = \"X.one\";\nb = \"x.two\";\n" {
		t.Errorf("got %q", got)
	}
}
