package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One run gives the annotations on stdout, the SARIF file, and the exit
// code of the findings (the Action runs the check once).
func TestCheckWritesSARIFFileBesideTheReport(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	out := filepath.Join(t.TempDir(), "reports", "bg.sarif")
	stdout, stderr, code := runCLI(t, "check", "--format", "github", "--sarif", out, "testdata/apps/cs-mismatch")
	if code != exitFindings || !strings.Contains(stdout, "::error file=testdata/apps/cs-mismatch/App/MainPage.xaml.cs,") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != strings.Count(stdout, "\n") {
		t.Errorf("SARIF file: %v, %+v; %d annotations", err, log, strings.Count(stdout, "\n"))
	}
	if _, _, code := runCLI(t, "check", "--sarif", filepath.Join(out, "x", "y"), "testdata/apps/cs-basic"); code != exitUsage {
		t.Errorf("an unwritable --sarif path: exit %d, want %d", code, exitUsage)
	}
}
