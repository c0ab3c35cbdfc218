package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/lint"
)

// TestUnsavedMentionSameAsCheck: an unsaved buffer that comments out the
// only code mentioning a declared task gives, in the language server, the
// findings `check` gives once the same text is saved. Rules read facts the
// scanner records from the buffer; none re-reads the file on disk.
func TestUnsavedMentionSameAsCheck(t *testing.T) {
	root := filepath.Join(t.TempDir(), "app")
	testfs.CopyTree(t, filepath.Join("..", "testdata", "rules", "BG104", "good-csharp-entry-point-in-used-constant"), root)
	man := filepath.Join(root, "Package.appxmanifest")
	code := filepath.Join(root, "BackgroundTaskConfig.cs")
	disk := readFile(t, code)
	const mention = "Contoso.Scheduling.TaskScheduler.Schedule("
	if !strings.Contains(disk, mention) {
		t.Fatalf("the fixture no longer mentions the cleanup task through %q", mention)
	}
	edited := strings.Replace(disk, mention, "// "+mention, 1)

	c := startClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(root)
	manURI := pathToURI(man)
	uri := c.open(code)
	c.diagnosticsAt(uri, 1)
	c.change(uri, 2, edited)
	pub := c.diagnostics(manURI, "with BG104 from the unsaved buffer", hasCode("BG104"))
	var lsp []string
	for _, d := range pub.Diagnostics {
		lsp = append(lsp, fmt.Sprintf("%s:%d:%d", d.Code, d.Range.Start.Line+1, d.Range.Start.Character+1))
	}
	sort.Strings(lsp)

	if err := os.WriteFile(code, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run([]string{root}, lint.Options{Jobs: 1, BaseDir: root})
	if err != nil {
		t.Fatal(err)
	}
	var check []string
	for _, f := range res.Findings {
		if f.File == "Package.appxmanifest" || f.File == man {
			check = append(check, fmt.Sprintf("%s:%d:%d", f.Rule, f.Line, f.Column))
		}
	}
	sort.Strings(check)
	if strings.Join(lsp, " ") != strings.Join(check, " ") {
		t.Errorf("manifest findings differ:\n  language server (unsaved buffer): %v\n  check (same text saved):         %v", lsp, check)
	}
}
