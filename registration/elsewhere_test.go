package registration

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// writeFiles writes name → text under dir and returns the SourceFiles,
// each owned by the project named before the first "/" of its name.
func writeFiles(t *testing.T, dir string, files map[string]string, root map[string]string) []SourceFile {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []SourceFile
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
		proj := strings.SplitN(n, "/", 2)[0]
		lang, _ := LanguageOf(p)
		out = append(out, SourceFile{Path: p, Language: lang, Project: proj + ".proj", RootNamespace: root[proj]})
	}
	return out
}

func TestElsewhereClasses(t *testing.T) {
	const app = `namespace App { public sealed class Registrar { } }`
	cases := []struct {
		name        string
		entryPoints []string
		own         map[string]string
		elsewhere   map[string]string
		root        map[string]string
		want        []string // "Name@Project"
	}{
		{
			name:        "csharp class in an unreferenced component",
			entryPoints: []string{"Tasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere: map[string]string{
				"Tasks/SyncTask.cs": "namespace Tasks { public sealed class SyncTask : Windows.ApplicationModel.Background.IBackgroundTask { public void Run(Windows.ApplicationModel.Background.IBackgroundTaskInstance i) { } } }",
				"Tasks/Other.cs":    "namespace Tasks { public sealed class Other { } }",
			},
			want: []string{"Tasks.SyncTask@Tasks.proj"},
		},
		{
			name:        "the App defines the class itself: the other projects are not searched",
			entryPoints: []string{"Tasks.SyncTask"},
			own:         map[string]string{"App/SyncTask.cs": "namespace Tasks { public sealed class SyncTask { } }"},
			elsewhere:   map[string]string{"Copy/SyncTask.cs": "namespace Tasks { public sealed class SyncTask { } }"},
		},
		{
			name:        "a class of the same simple name in another namespace is not the class",
			entryPoints: []string{"Tasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere:   map[string]string{"Other/SyncTask.cs": "namespace Elsewhere { public sealed class SyncTask { } }"},
		},
		{
			name:        "a name in a comment defines nothing",
			entryPoints: []string{"Tasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere:   map[string]string{"Tasks/Notes.cs": "// namespace Tasks { class SyncTask }\nnamespace Tasks { class Unrelated { } }"},
		},
		{
			name:        "visual basic class under the project's RootNamespace",
			entryPoints: []string{"VbTasks.Work.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere: map[string]string{
				"VbTasks/SyncTask.vb": "Namespace Work\n    Public NotInheritable Class SyncTask\n        Implements IBackgroundTask\n    End Class\nEnd Namespace\n",
			},
			root: map[string]string{"VbTasks": "VbTasks"},
			want: []string{"VbTasks.Work.SyncTask@VbTasks.proj"},
		},
		{
			name:        "c++/cx ref class",
			entryPoints: []string{"CxTasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere: map[string]string{
				"CxTasks/SyncTask.h": "namespace CxTasks {\n public ref class SyncTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask {\n public:\n virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ i);\n };\n}\n",
			},
			want: []string{"CxTasks.SyncTask@CxTasks.proj"},
		},
		{
			name:        "c++/winrt idl runtimeclass",
			entryPoints: []string{"WinrtTasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere: map[string]string{
				"WinrtTasks/SyncTask.idl": "namespace WinrtTasks\n{\n    runtimeclass SyncTask : Windows.ApplicationModel.Background.IBackgroundTask\n    {\n        SyncTask();\n    }\n}\n",
				"WinrtTasks/pch.h":        "#pragma once\n",
			},
			want: []string{"WinrtTasks.SyncTask@WinrtTasks.proj"},
		},
		{
			name:        "the simple name in another case still finds the file; the full name decides",
			entryPoints: []string{"Tasks.SyncTask"},
			own:         map[string]string{"App/Registrar.cs": app},
			elsewhere:   map[string]string{"Tasks/SyncTask.cs": "namespace Tasks { public sealed class SYNCTASK { } }"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			own := writeFiles(t, dir, c.own, c.root)
			else_ := writeFiles(t, dir, c.elsewhere, c.root)
			for _, cache := range []*ElsewhereCache{nil, NewElsewhereCache()} {
				for run := 0; run < 2; run++ { // the second run reads the cache's verdicts
					facts := Scan(own, Options{Jobs: 1, EntryPoints: c.entryPoints, Elsewhere: else_, Found: cache})
					var got []string
					for _, tc := range facts.ElsewhereClasses {
						got = append(got, tc.Name+"@"+tc.Project)
					}
					if strings.Join(got, ",") != strings.Join(c.want, ",") {
						t.Errorf("cache %v run %d: ElsewhereClasses = %q, want %q", cache != nil, run, got, c.want)
					}
				}
			}
		})
	}
}

// TestElsewhereCacheSkipsFilesWithoutTheName: a file found not to hold the
// class's simple name is not read for it again by the next App of the run.
func TestElsewhereCacheSkipsFilesWithoutTheName(t *testing.T) {
	dir := t.TempDir()
	own := writeFiles(t, dir, map[string]string{"App/Registrar.cs": "namespace App { class Registrar { } }"}, nil)
	else_ := writeFiles(t, dir, map[string]string{
		"Tasks/SyncTask.cs": "namespace Tasks { public sealed class SyncTask { } }",
		"Lib/Helpers.cs":    "namespace Lib { class Helpers { } }",
	}, nil)
	cache := NewElsewhereCache()
	opts := Options{Jobs: 1, EntryPoints: []string{"Tasks.SyncTask"}, Elsewhere: else_, Found: cache}
	if got := Scan(own, opts).ElsewhereClasses; len(got) != 1 {
		t.Fatalf("first App: %d classes found elsewhere, want 1", len(got))
	}
	// The helpers file now defines the class too; the cache says it did
	// not hold the name, so the next App does not read it.
	if err := os.WriteFile(else_[0].Path, []byte("namespace Tasks { public sealed class SyncTask { } }"), 0o644); err != nil {
		t.Fatal(err)
	}
	var lexed []string
	ParseHook = func(p string) { lexed = append(lexed, p) }
	defer func() { ParseHook = nil }()
	got := Scan(own, opts).ElsewhereClasses
	if len(got) != 1 || got[0].Project != "Tasks.proj" {
		t.Errorf("second App: %+v, want only the class of Tasks.proj", got)
	}
	for _, p := range lexed {
		if p == else_[0].Path {
			t.Errorf("second App lexed %s, which the cache knows holds no SyncTask", p)
		}
	}
}

// TestFileWords: the filter never says "no" for a word the file holds,
// and says it for most words it does not.
func TestFileWords(t *testing.T) {
	src := []byte("namespace Contoso.Tasks { public sealed class SyncTask : IBackgroundTask { } } // Ünïcode_x")
	fw := wordFilter{bits: make([]uint64, 4096/64)}
	fw.addWords(src)
	for _, w := range []string{"namespace", "contoso", "tasks", "synctask", "ibackgroundtask", "public", "code_x"} {
		if !fw.mayHold(newSearchWord(w)) {
			t.Errorf("mayHold(%q) = false for a word the file holds", w)
		}
	}
	if !fw.mayHold(newSearchWord("ünïcode_x")) {
		t.Error("a word that is not ASCII must be a maybe")
	}
	misses := 0
	for i := 0; i < 1000; i++ {
		if !fw.mayHold(newSearchWord("absent" + strconv.Itoa(i))) {
			misses++
		}
	}
	if misses < 950 {
		t.Errorf("the filter rejected %d of 1000 absent words, want at least 950", misses)
	}
}
