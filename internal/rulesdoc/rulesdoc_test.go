package rulesdoc

import (
	"os"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

// TestRulesDocUpToDate fails when docs/rules.md no longer matches the
// registry: run `go generate ./rules`.
func TestRulesDocUpToDate(t *testing.T) {
	want := Render()
	got, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatalf("docs/rules.md missing (run go generate ./rules): %v", err)
	}
	if string(got) != want {
		t.Fatal("docs/rules.md is out of date: run `go generate ./rules`")
	}
}

func TestEveryRuleDocumented(t *testing.T) {
	doc := Render()
	for _, r := range rules.All() {
		m := r.Meta()
		if !strings.Contains(doc, "## "+m.ID+" "+m.Name) {
			t.Errorf("%s has no section", m.ID)
		}
		if len(strings.TrimSpace(m.Doc)) < 200 {
			t.Errorf("%s: doc text is %d characters; explain what, why, a bad and a good example and how to fix", m.ID, len(m.Doc))
		}
		if m.Summary == "" {
			t.Errorf("%s: no summary", m.ID)
		}
	}
}
