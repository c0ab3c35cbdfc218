package registration

import (
	"encoding/json"
	"fmt"
	"testing"
)

// sharedApps writes two Apps over the same sources, as a packaging
// project and the app project it packages are: a registration through a
// helper in one file, its entry point in another, and files the scan only
// searches. Each App has one file of its own.
func sharedApps(t *testing.T) (a, b []SourceFile) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, src string) SourceFile {
		return SourceFile{Path: writeSource(t, dir, name, src), Language: CSharp, Shared: true}
	}
	var common []SourceFile
	common = append(common,
		write("App/Tasks.cs", `using Windows.ApplicationModel.Background;
static class Tasks { public static void Enlist(string entry) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`),
		write("App/Start.cs", `class Start { void Go() { Tasks.Enlist(Names.Sync); } }`),
		write("App/Names.cs", `static class Names { public const string Sync = "Tasks.SyncTask"; }`))
	for i := 0; i < 30; i++ {
		common = append(common, write(fmt.Sprintf("App/View%d.cs", i), fmt.Sprintf("class View%d { int Count; void Add() { Count++; } }", i)))
	}
	own := func(name string) SourceFile {
		f := write(name, "class Own { }")
		f.Shared = false
		return f
	}
	a = append(append([]SourceFile{}, common...), own("Package/Stub.cs"))
	b = append(append([]SourceFile{}, common...), own("App/Program.cs"))
	return a, b
}

func factsJSON(t *testing.T, f *Facts) string {
	t.Helper()
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Apps scanned side by side with SharedReads get the facts they get
// alone, and each shared file is read once, and searched once per search,
// for all of them (run with -race).
func TestSharedReadsReadEachFileOnce(t *testing.T) {
	a, b := sharedApps(t)
	marker := []byte("bgmanifest:")
	want := map[int]string{}
	for k, app := range [][]SourceFile{a, b} {
		f := Scan(app, Options{Jobs: 1, Marker: marker})
		if len(f.Registrations) != 1 || f.Registrations[0].EntryPoint.Str != "Tasks.SyncTask" {
			t.Fatalf("the fixture no longer resolves through the helper: %s", factsJSON(t, f))
		}
		want[k] = factsJSON(t, f)
	}
	alone := NewSharedReads(marker)
	Scan(a, Options{Jobs: 1, Marker: marker, Reads: alone})
	if alone.searches.Load() == 0 {
		t.Fatal("the fixture's scan searches no shared file")
	}
	reads := NewSharedReads(marker)
	lexed := NewLexCache()
	got := concurrently(8, func(i int) string {
		app := [][]SourceFile{a, b}[i%2]
		return factsJSON(t, Scan(app, Options{Jobs: 1 + i%3, Marker: marker, Reads: reads, Lexed: lexed}))
	})
	for i, g := range got {
		if g != want[i%2] {
			t.Errorf("scan %d with shared reads: facts differ:\n got %s\nwant %s", i, g, want[i%2])
		}
	}
	if n := reads.reads.Load(); n != int64(len(a)-1) {
		t.Errorf("%d shared reads, want %d (each shared file once)", n, len(a)-1)
	}
	if n, one := reads.searches.Load(), alone.searches.Load(); n != one {
		t.Errorf("%d shared searches for 8 scans, want %d, as for one: each file searched once per search", n, one)
	}
}

// Past its byte budget the cache keeps verdicts only, and an App that
// needs the bytes reads them itself; a scan with another marker, or a
// file in the overlay, does not use the cache.
func TestSharedReadsPastTheBudget(t *testing.T) {
	a, b := sharedApps(t)
	marker := []byte("bgmanifest:")
	want := factsJSON(t, Scan(b, Options{Jobs: 1, Marker: marker}))
	reads := NewSharedReads(marker)
	reads.budget = 100
	Scan(a, Options{Jobs: 1, Marker: marker, Reads: reads})
	if g := factsJSON(t, Scan(b, Options{Jobs: 1, Marker: marker, Reads: reads})); g != want {
		t.Errorf("facts past the budget differ:\n got %s\nwant %s", g, want)
	}

	before := reads.reads.Load()
	other := NewSharedReads(marker)
	Scan(a, Options{Jobs: 1, Marker: []byte("other"), Reads: other})
	if other.reads.Load() != 0 {
		t.Errorf("a scan with another marker used the cache")
	}
	edited := map[string][]byte{a[2].Path: []byte(`static class Names { public const string Sync = "Tasks.Edited"; }`)}
	f := ScanWithOverlay(a, edited, Options{Jobs: 1, Marker: marker, Reads: reads})
	if len(f.Registrations) != 1 || f.Registrations[0].EntryPoint.Str != "Tasks.Edited" {
		t.Errorf("an edited buffer must be read from the overlay: %s", factsJSON(t, f))
	}
	if reads.reads.Load() != before {
		t.Errorf("the cache read files again for a scan it had answered")
	}
}
