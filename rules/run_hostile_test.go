package rules

import (
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
)

// explodingRule panics on every App, after another rule could have run.
type explodingRule struct{ needsCode bool }

func (r explodingRule) Meta() Meta {
	return Meta{ID: "BG998", Name: "test-exploding", Severity: Error, Summary: "panics (test only)", NeedsCode: r.needsCode}
}

func (explodingRule) Check(c *Context) []Finding {
	var tasks []manifest.BackgroundTaskExtension
	_ = tasks[len(c.Manifest.Path)] // an index out of range: a real runtime panic
	return nil
}

// TestRunRecoversRulePanic: a rule that panics becomes one error naming the
// rule and the manifest; every other rule still reports.
func TestRunRecoversRulePanic(t *testing.T) {
	m := manifest.Parse("dir/Package.appxmanifest", []byte(`<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"><Applications><Application Id="A" Executable="a.exe" EntryPoint="A.App"><Extensions>
<Extension Category="windows.backgroundTasks" EntryPoint="T.X"><BackgroundTasks><Task Type="timer"/><Task Type="timer"/></BackgroundTasks></Extension>
</Extensions></Application></Applications></Package>`))
	clean, errs := Run(&Context{Manifest: m})
	if len(errs) != 0 {
		t.Fatalf("errors without the exploding rule: %v", errs)
	}
	Register(explodingRule{})
	defer Unregister("BG998")

	got, errs := Run(&Context{Manifest: m})
	if len(errs) != 1 {
		t.Fatalf("want one error for the panicking rule, got %v", errs)
	}
	msg := errs[0].Error()
	for _, want := range []string{"BG998", "dir/Package.appxmanifest", "index out of range", "internal error"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", firstLine(msg), want)
		}
	}
	if len(got) != len(clean) || len(got) == 0 {
		t.Errorf("other rules' findings changed with a panicking rule: %d, want %d (non-zero)", len(got), len(clean))
	}
}

// TestRunSkipsCodeRulesWithoutFacts: a rule that needs code facts is not run
// (and so cannot panic on a nil Facts) when no sources were scanned.
func TestRunSkipsCodeRulesWithoutFacts(t *testing.T) {
	Register(explodingRule{needsCode: true})
	defer Unregister("BG998")
	if _, errs := Run(&Context{Manifest: manifest.Parse("p", []byte("<Package/>"))}); len(errs) != 0 {
		t.Errorf("a code rule ran without facts: %v", errs)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// All is every registered rule by ID, a list of the caller's own: it
// follows Register and Unregister, and changing it changes no later list.
func TestAllFollowsTheRegistry(t *testing.T) {
	before := All()
	for i := 1; i < len(before); i++ {
		if before[i-1].Meta().ID >= before[i].Meta().ID {
			t.Fatalf("All is not sorted by ID: %s before %s", before[i-1].Meta().ID, before[i].Meta().ID)
		}
	}
	Register(explodingRule{})
	with := All()
	Unregister("BG998")
	if len(with) != len(before)+1 || with[len(with)-1].Meta().ID != "BG998" {
		t.Errorf("after Register: %d rules, last %s; want %d, BG998", len(with), with[len(with)-1].Meta().ID, len(before)+1)
	}
	before[0] = nil
	if after := All(); len(after) != len(before) || after[0] == nil {
		t.Errorf("after Unregister: %d rules (want %d), or a caller's change showed through", len(after), len(before))
	}
}
