package lsp

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestCodeActionNotOfferedOnChangedText: a quick fix's edits are positions
// in the text the check saw. When the file it edits changed since (here the
// manifest on disk, which no check has seen yet), the fix is not offered:
// its Task would land in another element.
func TestCodeActionNotOfferedOnChangedText(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 20 * time.Millisecond})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)
	pub := c.diagnostics(csURI, "with BG102", hasCode("BG102"))
	var bg102 Diagnostic
	for _, d := range pub.Diagnostics {
		if d.Code == "BG102" {
			bg102 = d
		}
	}
	ask := func() []CodeAction {
		var actions []CodeAction
		c.result(c.call("textDocument/codeAction", CodeActionParams{
			TextDocument: TextDocumentIdentifier{URI: csURI},
			Range:        bg102.Range,
			Context:      CodeActionContext{Diagnostics: []Diagnostic{bg102}},
		}), &actions)
		return actions
	}
	if got := ask(); len(got) != 1 {
		t.Fatalf("before the change: %d actions, want 1", len(got))
	}
	man := readFile(t, fx.weatherManifest)
	edited := strings.Replace(man, "<Extensions>", "<Extensions>\n        <!-- added by hand -->", 1)
	if edited == man {
		t.Fatal("the edit changed nothing")
	}
	if err := os.WriteFile(fx.weatherManifest, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ask(); len(got) != 0 {
		t.Errorf("after the manifest changed: %d actions, want none: %+v", len(got), got)
	}
}
