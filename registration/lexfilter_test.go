package registration_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/benchgen"
	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// TestLexOnlyWhatMattersChangesNoFact is the correctness gate of lexing
// only the files that may matter: over every fixture directory and a
// generated workspace, the facts bgmanifest reports are the same as when
// every file is lexed (Notes may lack lexer notes of files never lexed).
func TestLexOnlyWhatMattersChangesNoFact(t *testing.T) {
	var roots []string
	for _, pat := range []string{"testdata/*", "../testdata/apps/*", "../testdata/rules/*/*", "../lsp/testdata/app", "../integration/testdata"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range m {
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				roots = append(roots, d)
			}
		}
	}
	if len(roots) < 50 {
		t.Fatalf("found %d fixture directories, the globs no longer match the tree", len(roots))
	}
	for _, root := range roots {
		t.Run(root, func(t *testing.T) { compareScans(t, root) })
	}
	sizes := benchgen.Sizes[:2]
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, s := range sizes {
		t.Run("benchgen-"+s.Name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := benchgen.Generate(dir, s, 1); err != nil {
				t.Fatal(err)
			}
			compareScans(t, dir)
		})
	}
}

// compareScans scans root's Apps as discovered, and all of root's source
// files as one project-less App (fixtures without a manifest), both ways.
func compareScans(t *testing.T, root string) {
	res, err := workspace.Discover([]string{root}, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range res.Apps {
		var names []string
		if raw, err := os.ReadFile(app.Manifest); err == nil {
			names = lint.DeclaredNames(manifest.Parse(app.Manifest, raw))
		}
		compareFacts(t, app.Manifest, app.Sources, names...)
	}
	var loose []registration.SourceFile
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if _, ok := registration.LanguageOf(p); ok && !d.IsDir() {
			loose = append(loose, registration.SourceFile{Path: p})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	compareFacts(t, root+" (all sources, no project)", loose)
}

func compareFacts(t *testing.T, what string, files []registration.SourceFile, mentions ...string) {
	t.Helper()
	some := registration.Scan(files, registration.Options{Jobs: 4, Mentions: mentions})
	all := registration.Scan(files, registration.Options{Jobs: 4, LexAll: true, Mentions: mentions})
	for _, c := range []struct {
		name      string
		some, all any
	}{
		{"Registrations", some.Registrations, all.Registrations},
		{"TaskClasses", some.TaskClasses, all.TaskClasses},
		{"AccessRequests", some.AccessRequests, all.AccessRequests},
		{"ExistingChecks", some.ExistingChecks, all.ExistingChecks},
		{"BackgroundActivated", some.BackgroundActivated, all.BackgroundActivated},
		{"Mentioned", some.Mentioned, all.Mentioned},
		{"LookUps", some.LookUps, all.LookUps},
		{"DiscardedAccessRequests", some.DiscardedAccessRequests, all.DiscardedAccessRequests},
		{"HandlerMentioned", some.HandlerMentioned, all.HandlerMentioned},
	} {
		if !reflect.DeepEqual(c.some, c.all) {
			a, _ := json.MarshalIndent(c.some, "", " ")
			b, _ := json.MarshalIndent(c.all, "", " ")
			t.Errorf("%s: %s differ when only relevant files are lexed:\n%s\nlexing all:\n%s", what, c.name, a, b)
		}
	}
	if some.FilesScanned != all.FilesScanned {
		t.Errorf("%s: FilesScanned %d, lexing all %d", what, some.FilesScanned, all.FilesScanned)
	}
}
