package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/schema"
)

func TestJSONValidAgainstReportSchema(t *testing.T) {
	for name, findings := range map[string][]rules.Finding{"sample": sampleFindings(), "empty": nil} {
		t.Run(name, func(t *testing.T) {
			out := render(t, findings, sampleOptions(FormatJSON))
			errs, err := schema.Validate("report", json.RawMessage(out))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				t.Errorf("%s: %s (%s)", e.InstanceLocation, e.Message, e.KeywordLocation)
			}
		})
	}
}

// TestReportSchemaRejects makes sure the schema is not a rubber stamp: each
// change to a valid report must be caught at the named location.
func TestReportSchemaRejects(t *testing.T) {
	cases := []struct {
		name     string
		mutate   func(doc map[string]any)
		location string
	}{
		{"unknown severity", func(d map[string]any) { finding(d, 0)["severity"] = "fatal" }, "/findings/0/severity"},
		{"malformed rule ID", func(d map[string]any) { finding(d, 0)["rule"] = "BG12" }, "/findings/0/rule"},
		{"column zero", func(d map[string]any) { finding(d, 0)["column"] = 0 }, "/findings/0/column"},
		{"missing message", func(d map[string]any) { delete(finding(d, 1), "message") }, "/findings/1"},
		{"endColumn without endLine", func(d map[string]any) { delete(finding(d, 0), "endLine") }, "/findings/0"},
		{"unknown finding field", func(d map[string]any) { finding(d, 0)["hint"] = "x" }, "/findings/0"},
		{"related without message", func(d map[string]any) {
			delete(finding(d, 2)["related"].([]any)[0].(map[string]any), "message")
		}, "/findings/2/related/0"},
		{"edit without newText", func(d map[string]any) {
			delete(finding(d, 0)["fix"].(map[string]any)["edits"].([]any)[0].(map[string]any), "newText")
		}, "/findings/0/fix/edits/0"},
		{"findings null", func(d map[string]any) { d["findings"] = nil }, "/findings"},
		{"negative count", func(d map[string]any) { d["summary"].(map[string]any)["errors"] = -1 }, "/summary/errors"},
		{"wrong version", func(d map[string]any) { d["version"] = 2 }, "/version"},
	}
	out := render(t, sampleFindings(), sampleOptions(FormatJSON))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			c.mutate(doc)
			errs, err := schema.Validate("report", doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				if e.InstanceLocation == c.location {
					return
				}
			}
			t.Errorf("no schema error at %s; got %+v", c.location, errs)
		})
	}
}

func finding(doc map[string]any, i int) map[string]any {
	return doc["findings"].([]any)[i].(map[string]any)
}

// compileSARIFSchema compiles the OASIS SARIF 2.1.0 schema kept in testdata.
// It declares its own draft, so it is compiled here rather than through
// package schema, which is for bgmanifest's draft 2020-12 schemas.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schema loading disabled: %s", url)
	}
	const url = "https://bgmanifest.invalid/test/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, bytes.NewReader(src)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSARIFValidAgainstOfficialSchema(t *testing.T) {
	s := compileSARIFSchema(t)
	noRoot := sampleOptions(FormatSARIF)
	noRoot.SourceRoot = ""
	noRoot.Rules = nil
	cases := map[string]struct {
		findings []rules.Finding
		opt      Options
	}{
		"sample":               {sampleFindings(), sampleOptions(FormatSARIF)},
		"empty":                {nil, sampleOptions(FormatSARIF)},
		"no root and no rules": {sampleFindings(), noRoot},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if err := s.Validate(decodeJSON(t, render(t, c.findings, c.opt))); err != nil {
				t.Errorf("%#v", err)
			}
		})
	}
}

func TestSARIFSchemaRejectsBrokenLog(t *testing.T) {
	s := compileSARIFSchema(t)
	doc := decodeJSON(t, render(t, sampleFindings(), sampleOptions(FormatSARIF))).(map[string]any)
	result := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	result["level"] = "fatal"
	if err := s.Validate(doc); err == nil {
		t.Fatal("the SARIF schema accepted level \"fatal\"; the test schema is not being applied")
	}
}

func TestSARIFContent(t *testing.T) {
	var log sarifLog
	if err := json.Unmarshal(render(t, sampleFindings(), sampleOptions(FormatSARIF)), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.OriginalURIBaseIDs[srcRootBase].URI; got != "file:///home/dev/My%20App/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(run.Tool.Driver.Rules) != len(sampleRules()) {
		t.Errorf("%d rules in the driver, want %d", len(run.Tool.Driver.Rules), len(sampleRules()))
	}
	for _, res := range run.Results {
		if res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %v does not point at its rule", res.RuleID, res.RuleIndex)
		}
	}
	// The finding whose fix edits two manifests: one change per file, edits
	// in their original order within a file.
	bg101 := run.Results[3]
	if bg101.RuleID != "BG101" || len(bg101.Fixes) != 1 {
		t.Fatalf("result 3 = %s with %d fixes, want BG101 with 1", bg101.RuleID, len(bg101.Fixes))
	}
	changes := bg101.Fixes[0].ArtifactChanges
	if len(changes) != 2 || changes[0].ArtifactLocation.URI != "App/Package.appxmanifest" ||
		changes[1].ArtifactLocation.URI != "Pkg/Package.appxmanifest" ||
		len(changes[0].Replacements) != 2 || changes[0].Replacements[1].DeletedRegion.StartColumn != 67 {
		t.Errorf("fix changes grouped wrongly: %+v", changes)
	}
	if bg101.RelatedLocations[0].ID == nil || *bg101.RelatedLocations[0].ID != 1 {
		t.Errorf("related location id = %v, want 1", bg101.RelatedLocations[0].ID)
	}
	// A deletion carries no insertedContent.
	bg104 := run.Results[0]
	if rep := bg104.Fixes[0].ArtifactChanges[0].Replacements[0]; rep.InsertedContent != nil {
		t.Errorf("deletion has insertedContent %+v", rep.InsertedContent)
	}
}

func TestSARIFArtifactURI(t *testing.T) {
	cases := []struct{ file, uri, base string }{
		{"App/Package.appxmanifest", "App/Package.appxmanifest", srcRootBase},
		{"Tasks/Sync Task,v2.cs", "Tasks/Sync%20Task,v2.cs", srcRootBase},
		{"a#b?.cs", "a%23b%3F.cs", srcRootBase},
		{"Tâche.cs", "T%C3%A2che.cs", srcRootBase},
		{"odd:name.cs", "./odd:name.cs", srcRootBase},
		{"../Shared/Tasks.cs", "../Shared/Tasks.cs", srcRootBase},
		{"/abs/x y.cs", "file:///abs/x%20y.cs", ""},
		{"C:/src/App.cs", "file:///C:/src/App.cs", ""},
		{"//server/share/App.cs", "file://server/share/App.cs", ""},
	}
	for _, c := range cases {
		got := sarifArtifact(c.file)
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("sarifArtifact(%q) = %q base %q, want %q base %q", c.file, got.URI, got.URIBaseID, c.uri, c.base)
		}
	}
}

func TestFirstParagraph(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"", ""},
		{"One line.", "One line."},
		{"# Title\n\nFirst\nparagraph.\n\nSecond.", "First paragraph."},
		{"## Heading\r\n\r\nWindows line ends.\r\n\r\nMore.", "Windows line ends."},
		{"```xml\n<a/>\n```\nText after code.", ""},
	}
	for _, c := range cases {
		if got := firstParagraph(c.doc); got != c.want {
			t.Errorf("firstParagraph(%q) = %q, want %q", c.doc, got, c.want)
		}
	}
}

// unescapeGitHub reverses the toolkit's escaping, as the runner does.
var unescapeGitHub = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

func TestGitHubCommandRoundTrip(t *testing.T) {
	findings := sampleFindings()
	lines := strings.Split(strings.TrimSuffix(string(render(t, findings, sampleOptions(FormatGitHub))), "\n"), "\n")
	if len(lines) != len(findings) {
		t.Fatalf("%d lines for %d findings", len(lines), len(findings))
	}
	for i, line := range lines {
		f := findings[i]
		cmd, rest, ok := strings.Cut(strings.TrimPrefix(line, "::"), " ")
		if !ok || cmd != githubCommandName(f.Severity) {
			t.Errorf("line %d: command %q", i, cmd)
			continue
		}
		propText, data, ok := strings.Cut(rest, "::")
		if !ok {
			t.Errorf("line %d: no data separator: %q", i, line)
			continue
		}
		props := map[string]string{}
		for _, kv := range strings.Split(propText, ",") {
			k, v, _ := strings.Cut(kv, "=")
			props[k] = unescapeGitHub.Replace(v)
		}
		if props["file"] != f.File || props["line"] != fmt.Sprint(f.Line) || props["col"] != fmt.Sprint(f.Column) ||
			props["title"] != f.Rule+" "+f.Name {
			t.Errorf("line %d: properties %v do not match %s:%d:%d", i, props, f.File, f.Line, f.Column)
		}
		msg := unescapeGitHub.Replace(data)
		if !strings.HasPrefix(msg, f.Message) {
			t.Errorf("line %d: message %q does not start with %q", i, msg, f.Message)
		}
		for _, r := range f.Related {
			if !strings.Contains(msg, r.Message) {
				t.Errorf("line %d: related %q missing from %q", i, r.Message, msg)
			}
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	cases := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"C:\\x,y", "C:\\x,y", "C%3A\\x%2Cy"},
		{"k=v::w", "k=v::w", "k=v%3A%3Aw"},
	}
	for _, c := range cases {
		if got := escapeGitHubData(c.in); got != c.data {
			t.Errorf("escapeGitHubData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeGitHubProperty(c.in); got != c.prop {
			t.Errorf("escapeGitHubProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestGitHubSeverities(t *testing.T) {
	for sev, want := range map[rules.Severity]string{rules.Error: "::error ", rules.Warning: "::warning ", rules.Info: "::notice "} {
		f := rules.Finding{Rule: "BG001", Name: "xml-malformed", Severity: sev, Message: "m", File: "a.xml", Line: 2, Column: 3}
		if got := githubCommand(f); !strings.HasPrefix(got, want) {
			t.Errorf("%s finding: %q, want prefix %q", sev, got, want)
		}
	}
}

type checkstyleDoc struct {
	Version string `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func TestCheckstyleRoundTrip(t *testing.T) {
	findings := sampleFindings()
	findings = append(findings, rules.Finding{
		Rule: "BG001", Name: "xml-malformed", Severity: rules.Error,
		Message: "bad byte \x00 and \xff and tab\there", File: "a&b<c>.xml", Line: 1, Column: 1,
	})
	var doc checkstyleDoc
	if err := xml.Unmarshal(render(t, findings, sampleOptions(FormatCheckstyle)), &doc); err != nil {
		t.Fatalf("checkstyle output is not well-formed XML: %v", err)
	}
	if doc.Version != "4.3" {
		t.Errorf("version = %q", doc.Version)
	}
	var got []string
	for i, file := range doc.Files {
		if i > 0 && doc.Files[i-1].Name >= file.Name {
			t.Errorf("files not sorted: %q before %q", doc.Files[i-1].Name, file.Name)
		}
		for _, e := range file.Errors {
			got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s", file.Name, e.Line, e.Column, e.Severity, e.Source, e.Message))
		}
	}
	var want []string
	for _, f := range findings {
		msg := f.Message
		if f.Rule == "BG001" {
			msg = "bad byte \uFFFD and \uFFFD and tab\there" // XML cannot carry NUL or invalid UTF-8
		}
		want = append(want, fmt.Sprintf("%s:%d:%d %s bgmanifest.%s %s", f.File, f.Line, f.Column, f.Severity, f.Rule, msg))
	}
	if strings.Join(got, "\n") != strings.Join(sortedCopy(want), "\n") {
		t.Errorf("round trip differs\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sortedCopy(want), "\n"))
	}
}

// sortedCopy orders "file:..." lines by file only, keeping the order of
// findings within a file, as the checkstyle writer does.
func sortedCopy(lines []string) []string {
	out := append([]string(nil), lines...)
	fileOf := func(s string) string { return s[:strings.Index(s, ":")] }
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && fileOf(out[j-1]) > fileOf(out[j]); j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return out
}

func TestSARIFSourceRoot(t *testing.T) {
	cases := []struct{ root, uri string }{
		{"/home/dev/My App", "file:///home/dev/My%20App/"},
		{"/home/dev/app/", "file:///home/dev/app/"},
		{"/", "file:///"},
		{"C:/src/App", "file:///C:/src/App/"},
		{"//build/share/src", "file://build/share/src/"},
	}
	for _, c := range cases {
		if got := srcRootLocation(c.root); got.URI != c.uri || got.Description != nil {
			t.Errorf("srcRootLocation(%q) = %+v, want URI %q", c.root, got, c.uri)
		}
	}
	if got := srcRootLocation(""); got.URI != "" || got.Description == nil {
		t.Errorf("srcRootLocation(\"\") = %+v, want a description and no URI", got)
	}
}
