package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
)

// Other test files of this package may define -update too; define it only
// when nobody has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func mfUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var mfRuleIDs = []string{"BG001", "BG002", "BG003", "BG004", "BG005", "BG006"}

// mfManifestFindings runs every rule on a manifest alone and keeps BG001–BG006.
func mfManifestFindings(t *testing.T, m *manifest.Manifest) []Finding {
	t.Helper()
	fs, errs := Run(&Context{Manifest: m})
	for _, err := range errs {
		t.Errorf("%s: %v", m.Path, err)
	}
	var out []Finding
	for _, f := range fs {
		for _, id := range mfRuleIDs {
			if f.Rule == id {
				out = append(out, f)
			}
		}
	}
	SortFindings(out)
	return out
}

func mfFixtures(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "manifests")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".appxmanifest") || strings.HasSuffix(n, ".xml") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	if len(out) < 40 {
		t.Fatalf("only %d manifest fixtures in %s", len(out), dir)
	}
	return out
}

func mfFormat(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d: %s: %s [%s %s]\n", f.Line, f.Column, f.Severity, f.Message, f.Rule, f.Name)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "  related %d:%d: %s\n", r.Line, r.Column, r.Message)
		}
		if f.Fix != nil {
			fmt.Fprintf(&b, "  fix: %s\n", f.Fix.Description)
			for _, e := range f.Fix.Edits {
				fmt.Fprintf(&b, "    edit %d:%d-%d:%d %q\n", e.Line, e.Column, e.EndLine, e.EndColumn, e.NewText)
			}
		}
	}
	return b.String()
}

func TestManifestRulesGolden(t *testing.T) {
	for _, path := range mfFixtures(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			m, err := manifest.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fs := mfManifestFindings(t, m)
			for _, f := range fs {
				if f.File != path {
					t.Errorf("finding file %q, want %q", f.File, path)
				}
				if f.Line < 1 || f.Line > m.LineCount() || f.Column < 1 {
					t.Errorf("finding outside the file: %d:%d (%d lines)", f.Line, f.Column, m.LineCount())
				}
			}
			switch {
			case strings.HasPrefix(name, "ok-") && len(fs) > 0:
				t.Errorf("a good manifest has findings:\n%s", mfFormat(fs))
			case strings.HasPrefix(name, "bad-") && len(fs) == 0:
				t.Errorf("a bad manifest has no findings")
			}
			got := mfFormat(fs)
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if mfUpdating() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./rules -run TestManifestRulesGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("findings differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// mfApply applies a finding's edits to the manifest text (last edit first).
func mfApply(t *testing.T, m *manifest.Manifest, fixes []*Fix) []byte {
	t.Helper()
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, fx := range fixes {
		for _, e := range fx.Edits {
			spans = append(spans, span{m.OffsetAt(e.Line, e.Column), m.OffsetAt(e.EndLine, e.EndColumn), e.NewText})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	text := append([]byte(nil), m.Text...)
	for _, s := range spans {
		if s.start > s.end || s.end > len(text) {
			t.Fatalf("bad edit span %d-%d", s.start, s.end)
		}
		text = append(text[:s.start], append([]byte(s.text), text[s.end:]...)...)
	}
	return text
}

// Applying every fix must leave a well-formed manifest in which the fixed
// findings are gone and nothing new appears.
func TestManifestFixesResolveFindings(t *testing.T) {
	for _, path := range mfFixtures(t) {
		m, err := manifest.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fs := mfManifestFindings(t, m)
		var fixes []*Fix
		fixed := map[string]int{}
		for _, f := range fs {
			if f.Fix != nil {
				fixes = append(fixes, f.Fix)
				fixed[f.Rule]++
			}
		}
		if len(fixes) == 0 {
			continue
		}
		text := mfApply(t, m, fixes)
		after := manifest.Parse(path, text)
		if after.Encoding != manifest.EncUTF8 && m.Encoding == manifest.EncUTF8 {
			t.Errorf("%s: encoding changed", path)
		}
		fs2 := mfManifestFindings(t, after)
		// Each fix removes its finding; it may resolve others with it (removing
		// a repeated task can bring a list back under the schema's limit).
		if len(fs2) > len(fs)-len(fixes) {
			t.Errorf("%s: %d findings, %d fixes, %d findings after fixing:\n%s", path, len(fs), len(fixes), len(fs2), mfFormat(fs2))
		}
		for _, f := range fs2 {
			if f.Fix != nil {
				t.Errorf("%s: a fixable finding remains after fixing: %s", path, f.Message)
			}
		}
		if strings.Contains(string(text), "\n\n\n") && !strings.Contains(string(m.Text), "\n\n\n") {
			t.Errorf("%s: fix left blank lines behind", path)
		}
	}
}

func TestManifestRulesMeta(t *testing.T) {
	for _, id := range mfRuleIDs {
		r, ok := Lookup(id)
		if !ok {
			t.Fatalf("rule %s not registered", id)
		}
		m := r.Meta()
		if m.NeedsCode {
			t.Errorf("%s needs only the manifest", id)
		}
		for _, part := range []string{"# " + id + " " + m.Name, "**Bad**", "**Good**", "**How to fix.**", "**Why it fails.**"} {
			if !strings.Contains(m.Doc, part) {
				t.Errorf("%s doc lacks %q", id, part)
			}
		}
		if m.Summary == "" || strings.Contains(m.Summary, "\n") {
			t.Errorf("%s summary must be one line", id)
		}
	}
}

func TestEntryPointProblemMessages(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "is empty"},
		{"Tasks.dll", "is a file name"},
		{"BackgroundTasks.AlarmTestTask.cs", "is a file name"}, // audit 27: AlarmWP
		{`js\task.js`, "is a file name"},
		{"Contoso.Tasks. Timer", "whitespace"},
		{"Contoso.Tasks.", "empty part"},
		{".Contoso.Tasks", "empty part"},
		{"Contoso..Tasks", "empty part"},
		{"Contoso.2Tasks", "starts with a digit"},
		{"Timer", "has no namespace"},
		{"Contoso.Tasks-Timer", `contains '-'`},
		{strings.Repeat("a.", 130) + "b", "longer than 256"},
	}
	for _, c := range cases {
		if got := mfEntryPointProblem(c.in); !strings.Contains(got, c.want) {
			t.Errorf("mfEntryPointProblem(%q) = %q, want it to mention %q", c.in, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"timer", "timer", 0}, {"timmer", "timer", 1}, {"bluetoth", "bluetooth", 1}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"ü", "u", 1}}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// FuzzManifestRules runs BG001–BG006 on arbitrary bytes: no rule may panic,
// and every finding and fix edit must point inside the file.
func FuzzManifestRules(f *testing.F) {
	for _, seed := range []string{
		`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="A"><Extensions><Extension Category="windows.backgroundTasks" EntryPoint="A.B"><BackgroundTasks><Task Type="timer"/><Task Type="timer"/><Task Type="Timer"/></BackgroundTasks></Extension></Extensions></Application></Applications></Package>`,
		`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"><Extensions><uap:Extension Category="windows.backgroundTasks" EntryPoint="x y"><BackgroundTasks ServerName="1"><uap:Task/><Bad/></BackgroundTasks></uap:Extension></Extensions></Package>`,
		"<Package>\x00",
		// hostile (issue 16): an EntryPoint of 440+ characters, a long
		// one-line non-ASCII manifest, CI command openers in attributes
		`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="A"><Extensions><Extension Category="windows.backgroundTasks" EntryPoint="` + strings.Repeat("Task.", 90) + `"><BackgroundTasks><Task Type="timer"/></BackgroundTasks></Extension></Extensions></Application></Applications></Package>`,
		`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="é"><Extensions><Extension Category="windows.backgroundTasks" EntryPoint="::error ##vso[task.setvariable x]é"><BackgroundTasks><Task Type="tïmer"/></BackgroundTasks></Extension></Extensions></Application></Applications></Package>` + strings.Repeat("é", 300),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := manifest.Parse("fuzz.appxmanifest", data)
		fs, errs := Run(&Context{Manifest: m})
		for _, err := range errs {
			if strings.Contains(err.Error(), "BG00") {
				t.Fatal(err)
			}
		}
		lines := m.LineCount()
		for _, f := range fs {
			if !strings.HasPrefix(f.Rule, "BG00") {
				continue
			}
			if f.Line < 1 || f.Line > lines || f.Column < 1 {
				t.Fatalf("%s finding at %d:%d outside %d lines", f.Rule, f.Line, f.Column, lines)
			}
			if f.Fix == nil {
				continue
			}
			for _, e := range f.Fix.Edits {
				start, end := m.OffsetAt(e.Line, e.Column), m.OffsetAt(e.EndLine, e.EndColumn)
				if e.Line < 1 || e.EndLine > lines+1 || start > end {
					t.Fatalf("%s edit %+v outside the file", f.Rule, e)
				}
			}
		}
	})
}
