package lint

import (
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/workspace"
)

// TestSeveritiesNameEveryUnknownRule: a config with several unknown rule
// keys names all of them, each at its own line, in file order.
func TestSeveritiesNameEveryUnknownRule(t *testing.T) {
	cfg, err := workspace.ParseConfig("c.yaml", []byte("rules:\n  zz-unknown: off\n  BG101: off\n  BG999: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Severities(Options{Config: cfg})
	want := "c.yaml:2:3: unknown rule \"zz-unknown\" (see `bgmanifest rules`)\nc.yaml:4:3: unknown rule \"BG999\" (see `bgmanifest rules`)"
	if err == nil || err.Error() != want {
		t.Errorf("Severities: %v\nwant:\n%s", err, want)
	}
	if _, err := Severities(Options{Config: cfg, Disable: []string{"BG101"}}); err == nil || !strings.Contains(err.Error(), "BG999") {
		t.Errorf("Severities with flags: %v", err)
	}
}
