package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// fuzzRegistrations registers a timer task, a push task and a system-event
// task, so the manifests the fuzzer makes meet BG102 fixes (a task type to
// insert) as well as BG004 fixes (a duplicate to remove).
const fuzzRegistrations = `using Windows.ApplicationModel.Background;
namespace App
{
    sealed class Registrar
    {
        public static async void RegisterAll()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var t in BackgroundTaskRegistration.AllTasks) { }
            Register("Tasks.TimerTask", new TimeTrigger(15, false));
            Register("Tasks.PushTask", new PushNotificationTrigger());
            Register("Tasks.Both", new TimeTrigger(30, false));
            Register("Tasks.Both", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        static void Register(string entryPoint, IBackgroundTrigger trigger)
        {
            var b = new BackgroundTaskBuilder { Name = entryPoint, TaskEntryPoint = entryPoint };
            b.SetTrigger(trigger);
            b.Register();
        }
    }
}
`

func fixSeedManifest(nl, indent, extensions string) string {
	s := `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10">
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="App.App">
      <Extensions>
` + extensions + `      </Extensions>
    </Application>
  </Applications>
</Package>
`
	s = strings.ReplaceAll(s, "  ", indent)
	return strings.ReplaceAll(s, "\n", nl)
}

func FuzzFixManifest(f *testing.F) {
	dupAndMissing := `        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask">
          <BackgroundTasks>
            <Task Type="systemEvent" />
            <Task Type="systemEvent"/>
          </BackgroundTasks>
        </Extension>
        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.PushTask">
          <BackgroundTasks><Task Type="timer" /><Task Type="timer" /></BackgroundTasks>
        </Extension>
        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.Both">
          <BackgroundTasks>
            <!-- a comment that must survive -->
            <uap:Task Type="systemEvent" />
          </BackgroundTasks>
        </Extension>
`
	f.Add([]byte(fixSeedManifest("\n", "  ", dupAndMissing)))
	f.Add([]byte(fixSeedManifest("\r\n", "\t", dupAndMissing)))
	f.Add([]byte(fixSeedManifest("\r", "    ", dupAndMissing)))
	f.Add([]byte(fixSeedManifest("\n", "  ", `        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask"><BackgroundTasks><Task Type="systemEvent"/></BackgroundTasks></Extension>
`)))
	f.Add([]byte(fixSeedManifest("\n", "  ", `        <Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask"><BackgroundTasks/></Extension>
`)))
	f.Add([]byte(fixSeedManifest("\n", " ", `<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.PushTask">
<BackgroundTasks> <Task Type="pushNotification"/> <Task Type="pushNotification"/> <Task Type="pushNotification"/> </BackgroundTasks></Extension>
`)))
	dir := f.TempDir()
	src := filepath.Join(dir, "Registrar.cs")
	if err := os.WriteFile(src, []byte(fuzzRegistrations), 0o644); err != nil {
		f.Fatal(err)
	}
	sev, err := Severities(Options{})
	if err != nil {
		f.Fatal(err)
	}
	manPath := filepath.Join(dir, "Package.appxmanifest")
	app := &workspace.App{
		Manifest:     manPath,
		Sources:      []registration.SourceFile{{Path: src, Language: registration.CSharp}},
		SourcesFound: true,
	}
	lintText := func(t *testing.T, text []byte) AppResult {
		out := CheckApp(app, Options{Overlay: map[string][]byte{manPath: text}}, sev, 1)
		if len(out.Internal) > 0 {
			t.Fatalf("internal error: %v", out.Internal)
		}
		return out
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		text := data
		out := lintText(t, text)
		// The property is about the bytes of the file; UTF-16 and BOM files
		// are decoded first, which the fix package's own tests cover.
		if !utf8.Valid(text) || bytes.HasPrefix(text, []byte("\xef\xbb\xbf")) {
			return
		}
		wellFormed := out.Manifest != nil && len(out.Manifest.Problems) == 0
		for round := 0; ; round++ {
			fd, ok := firstManifestFix(out.Findings, manPath)
			if !ok {
				return // nothing left to fix: a further --fix is a no-op
			}
			if round == 20 {
				t.Fatalf("still fixing after %d rounds: %s %s", round, fd.Rule, fd.Message)
			}
			next, err := fix.ApplyToText(text, fd.Fix.Edits)
			if err != nil {
				t.Fatalf("%s fix does not apply: %v\nedits %+v", fd.Rule, err, fd.Fix.Edits)
			}
			assertOnlyEditedBytesChanged(t, out.Manifest, text, next, fd.Fix.Edits)
			before := countRule(out.Findings, fd.Rule)
			out = lintText(t, next)
			if wellFormed && (out.Manifest == nil || len(out.Manifest.Problems) > 0) {
				t.Fatalf("%s fix made a well-formed manifest malformed: %v\n%s", fd.Rule, out.Manifest.Problems, next)
			}
			if after := countRule(out.Findings, fd.Rule); after >= before {
				t.Fatalf("%s fix did not remove its finding (%d before, %d after)\n%s", fd.Rule, before, after, next)
			}
			text = next
		}
	})
}

// firstManifestFix returns the first finding whose fix edits only the
// manifest.
func firstManifestFix(fs []rules.Finding, manPath string) (rules.Finding, bool) {
	for _, f := range fs {
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		only := true
		for _, e := range f.Fix.Edits {
			if e.File != manPath {
				only = false
			}
		}
		if only {
			return f, true
		}
	}
	return rules.Finding{}, false
}

func countRule(fs []rules.Finding, id string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == id {
			n++
		}
	}
	return n
}

// assertOnlyEditedBytesChanged: the bytes before the first edit and after
// the last are byte for byte the same.
func assertOnlyEditedBytesChanged(t *testing.T, m *manifest.Manifest, old, next []byte, edits []rules.Edit) {
	t.Helper()
	lo, hi := len(old), 0
	for _, e := range edits {
		s, ok1 := offsetOf(m, e.Line, e.Column)
		end, ok2 := offsetOf(m, e.EndLine, e.EndColumn)
		if !ok1 || !ok2 {
			t.Fatalf("edit %+v is outside the manifest", e)
		}
		lo, hi = min(lo, s), max(hi, end)
	}
	if !bytes.HasPrefix(next, old[:lo]) || !bytes.HasSuffix(next, old[hi:]) || len(next) < lo+len(old)-hi {
		t.Fatalf("bytes outside the edited range %d..%d changed\nbefore:\n%q\nafter:\n%q", lo, hi, old, next)
	}
}

// offsetOf finds the byte offset of a 1-based line and character column
// with the manifest's own position table (PosAt grows with the offset).
func offsetOf(m *manifest.Manifest, line, col int) (int, bool) {
	lo, hi := 0, len(m.Text)
	for lo < hi {
		mid := (lo + hi) / 2
		p := m.PosAt(mid)
		if p.Line < line || p.Line == line && p.Col < col {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	p := m.PosAt(lo)
	return lo, p.Line == line && p.Col == col
}
