package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

func sarifOf(t *testing.T, findings []rules.Finding, opt Options) sarifRun {
	t.Helper()
	opt.Format = FormatSARIF
	var log sarifLog
	if err := json.Unmarshal(render(t, findings, opt), &log); err != nil {
		t.Fatal(err)
	}
	return log.Runs[0]
}

// Every rule's helpUri must name a heading docs/rules.md really has, at the
// anchor GitHub gives it.
func TestSARIFHelpURIPointsAtRuleSection(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	var metas []rules.Meta
	for _, r := range rules.All() {
		metas = append(metas, r.Meta())
	}
	if len(metas) == 0 {
		t.Fatal("no rules registered")
	}
	for _, m := range metas {
		d := newSARIFDescriptor(m, "dev")
		anchor := strings.TrimPrefix(d.HelpURI, toolInfoURI+"/blob/main/docs/rules.md#")
		if anchor == d.HelpURI {
			t.Errorf("%s: helpUri %q is not on main's docs/rules.md", m.ID, d.HelpURI)
			continue
		}
		if !strings.Contains(string(doc), "\n## "+m.ID+" "+m.Name+"\n") || anchor != strings.ToLower(m.ID)+"-"+m.Name {
			t.Errorf("%s: anchor %q has no heading \"## %s %s\" in docs/rules.md", m.ID, anchor, m.ID, m.Name)
		}
	}
	for v, ref := range map[string]string{"v1.2.3": "v1.2.3", "v1.3.0-rc.1": "v1.3.0-rc.1", "dev": "main", "(devel)": "main",
		"v0.0.0-20261205120000-abcdefabcdef": "main", "v1.2.4-0.20261205120000-abcdefabcdef": "main", "1.2.3": "main"} {
		if got := ruleHelpURI(sampleRules()[0], v); !strings.Contains(got, "/blob/"+ref+"/") {
			t.Errorf("version %q: helpUri %q, want it on %s", v, got, ref)
		}
	}
}

// A finding keeps its fingerprint when lines are inserted above it; a
// different finding, or the same one on another line's text, does not.
func TestSARIFFingerprintSurvivesLineMoves(t *testing.T) {
	f := rules.Finding{Rule: "BG102", Name: "trigger-type-not-declared", Severity: rules.Error,
		Message: "TimeTrigger needs task type \"timer\", see line 11", File: "Tasks/Registrar.cs", Line: 5, Column: 4}
	lines := map[int]string{5: "\t\tbuilder.SetTrigger(new TimeTrigger(15, false));", 9: "    builder.SetTrigger(new TimeTrigger(15, false));  ", 7: "other();"}
	src := func(_ string, n int) (string, bool) { l, ok := lines[n]; return l, ok }
	moved := f
	moved.Line, moved.Message = 9, "TimeTrigger needs task type \"timer\", see line 14"
	other := f
	other.Line = 7
	fp := func(f rules.Finding) string {
		return sarifOf(t, []rules.Finding{f}, Options{SourceLine: src}).Results[0].PartialFingerprints[fingerprintKey]
	}
	if fp(f) == "" || fp(f) != fp(moved) {
		t.Errorf("fingerprint changed when the line moved: %q → %q", fp(f), fp(moved))
	}
	if fp(f) == fp(other) {
		t.Errorf("findings on different code share fingerprint %q", fp(f))
	}
	twice := sarifOf(t, []rules.Finding{f, moved}, Options{SourceLine: src}).Results
	if a, b := twice[0].PartialFingerprints[fingerprintKey], twice[1].PartialFingerprints[fingerprintKey]; a == b {
		t.Errorf("two results in one run share fingerprint %q", a)
	}
}

// Paths are written relative to the repository root under %SRCROOT%,
// wherever in the repository bgmanifest ran.
func TestSARIFPathsRelativeToRepositoryRoot(t *testing.T) {
	findings := []rules.Finding{{Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error, Message: "m",
		File: "Tasks/A.cs", Line: 1, Column: 1,
		Related: []rules.Related{{File: "../Shared/Package.appxmanifest", Line: 2, Column: 3, Message: "r"}},
		Fix:     &rules.Fix{Description: "d", Edits: []rules.Edit{{File: "../Shared/Package.appxmanifest", Line: 2, Column: 1, EndLine: 2, EndColumn: 1, NewText: "x"}}}}}
	cases := []struct{ work, repo, root, uri, related string }{
		{"/r/src/app", "/r", "file:///r/", "src/app/Tasks/A.cs", "src/Shared/Package.appxmanifest"},
		{"/r", "/r", "file:///r/", "Tasks/A.cs", "../Shared/Package.appxmanifest"},
		{"/r/src", "", "file:///r/src/", "Tasks/A.cs", "../Shared/Package.appxmanifest"},
		{"/elsewhere", "/r", "file:///elsewhere/", "Tasks/A.cs", "../Shared/Package.appxmanifest"},
	}
	for _, c := range cases {
		run := sarifOf(t, findings, Options{SourceRoot: c.work, RepoRoot: c.repo})
		res := run.Results[0]
		if got := run.OriginalURIBaseIDs[srcRootBase].URI; got != c.root {
			t.Errorf("work %s repo %s: %%SRCROOT%% = %q, want %q", c.work, c.repo, got, c.root)
		}
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URI != c.uri || loc.URIBaseID != srcRootBase {
			t.Errorf("work %s repo %s: uri %q base %q, want %q", c.work, c.repo, loc.URI, loc.URIBaseID, c.uri)
		}
		if got := res.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI; got != c.related {
			t.Errorf("work %s repo %s: related uri %q, want %q", c.work, c.repo, got, c.related)
		}
		if got := res.Fixes[0].ArtifactChanges[0].ArtifactLocation.URI; got != c.related {
			t.Errorf("work %s repo %s: fix uri %q, want %q", c.work, c.repo, got, c.related)
		}
	}
}

// GitHub resolves annotation paths against the repository root too.
func TestGitHubPathsRelativeToRepositoryRoot(t *testing.T) {
	f := rules.Finding{Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error, Message: "m",
		File: "Tasks/A.cs", Line: 1, Column: 1, Related: []rules.Related{{File: "App/P.appxmanifest", Line: 2, Column: 3, Message: "r"}}}
	got := string(render(t, []rules.Finding{f}, Options{Format: FormatGitHub, SourceRoot: "/r/src", RepoRoot: "/r"}))
	if !strings.HasPrefix(got, "::error file=src/Tasks/A.cs,") || !strings.Contains(got, "%0Asrc/App/P.appxmanifest:2:3: note: r") {
		t.Errorf("annotation not rebased onto the repository root: %q", got)
	}
}
