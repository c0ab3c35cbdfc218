package registration

import (
	"encoding/json"
	"strings"
	"testing"
)

// Two Apps that link one shared file: with a cache the second App reuses
// the first one's tokens and both get the same facts as without it; other
// bytes under the same path (an unsaved editor buffer) are lexed afresh.
func TestLexCacheSharesLinkedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string { return writeSource(t, dir, name, src) }
	names := "namespace Shared { public static class TaskNames { public const string Timer = \"Tasks.TimerTask\"; } }\n"
	shared := write("Shared/TaskNames.cs", names)
	register := "using Windows.ApplicationModel.Background;\nclass R { void Go() { var b = new BackgroundTaskBuilder { Name = \"t\", TaskEntryPoint = Shared.TaskNames.Timer }; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }\n"
	appA := []SourceFile{{Path: shared, Language: CSharp, Linked: true}, {Path: write("A/Reg.cs", register), Language: CSharp}}
	appB := []SourceFile{{Path: shared, Language: CSharp, Linked: true}, {Path: write("B/Reg.cs", register), Language: CSharp}}

	facts := func(f *Facts) string {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	cache := NewLexCache()
	for _, app := range [][]SourceFile{appA, appB} {
		want := Scan(app, Options{Jobs: 1})
		if len(want.Registrations) != 1 || want.Registrations[0].EntryPoint.Str != "Tasks.TimerTask" {
			t.Fatalf("the fixture no longer resolves through the shared file: %s", facts(want))
		}
		if got := Scan(app, Options{Jobs: 1, Lexed: cache}); facts(got) != facts(want) {
			t.Errorf("facts with the cache differ:\n got %s\nwant %s", facts(got), facts(want))
		}
	}
	if cache.hits != 1 {
		t.Errorf("the shared file was reused %d times, want once (by the second App)", cache.hits)
	}

	edited := map[string][]byte{shared: []byte(strings.Replace(names, "Tasks.TimerTask", "Tasks.EditedTask", 1))}
	got := ScanWithOverlay(appB, edited, Options{Jobs: 1, Lexed: cache})
	if len(got.Registrations) != 1 || got.Registrations[0].EntryPoint.Str != "Tasks.EditedTask" {
		t.Errorf("an edited buffer of the shared file must be lexed afresh: %s", facts(got))
	}
	if cache.hits != 1 {
		t.Errorf("other bytes under the cached path were taken from the cache (%d hits)", cache.hits)
	}

	// Apps checked in parallel share the entry (run with -race)
	par := NewLexCache()
	want := facts(Scan(appA, Options{Jobs: 1}))
	results := concurrently(8, func(int) string { return facts(Scan(appA, Options{Jobs: 1, Lexed: par})) })
	for i, r := range results {
		if r != want {
			t.Errorf("parallel scan %d: facts differ:\n got %s\nwant %s", i, r, want)
		}
	}
	if par.hits != len(results)-1 {
		t.Errorf("%d parallel scans reused the shared file %d times, want %d", len(results), par.hits, len(results)-1)
	}

	// a file not marked Linked is never kept
	Scan(appA[1:], Options{Jobs: 1, Lexed: cache})
	Scan(appA[1:], Options{Jobs: 1, Lexed: cache})
	if cache.hits != 1 || len(cache.files) != 1 {
		t.Errorf("an unlinked file was cached: %d hits, %d files", cache.hits, len(cache.files))
	}
}
