package report

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

func TestGoldenMSBuildAzure(t *testing.T) {
	findings := sampleFindings()
	defer func(old bool) { msbuildBackslashes = old }(msbuildBackslashes)
	for _, c := range []struct {
		name    string
		windows bool
		format  string
	}{
		{"msbuild", false, FormatMSBuild},
		{"msbuild-windows", true, FormatMSBuild},
		{"azure", false, FormatAzure},
	} {
		t.Run(c.name, func(t *testing.T) {
			msbuildBackslashes = c.windows
			checkGolden(t, c.name, render(t, findings, sampleOptions(c.format)))
		})
	}
	for _, format := range []string{FormatMSBuild, FormatAzure} {
		if got := render(t, nil, sampleOptions(format)); len(got) != 0 {
			t.Errorf("%s with no findings printed %q, want nothing", format, got)
		}
	}
}

// MSBuild's canonical error format, as its CanonicalError class reads
// build output: "ORIGIN : [SUBCATEGORY] CATEGORY [CODE] : TEXT", where the
// origin ends in "(LOCATION)" for a file position, and a drive letter's
// colon is allowed in it. Case-insensitive, as MSBuild matches it. Only
// "error" and "warning" are categories; any other line is plain output.
var (
	msbuildCanonical = regexp.MustCompile(`(?i)^\s*(((?P<origin>(((\d+>)?[a-zA-Z]?:[^:]*)|([^:]*))):)|())` +
		`(?P<subcategory>(()|([^:]*? )))(?P<category>(error|warning))( \s*(?P<code>[^: ]*))?\s*:(?P<text>.*)$`)
	msbuildFileLocation = regexp.MustCompile(`^(\d+>)?(?P<file>.*)\((?P<location>[\,,0-9,-]*)\)\s*$`)
)

type msbuildParsed struct{ file, location, category, code, text string }

func parseMSBuild(line string) (msbuildParsed, bool) {
	m := msbuildCanonical.FindStringSubmatch(line)
	if m == nil {
		return msbuildParsed{}, false
	}
	get := func(re *regexp.Regexp, m []string, name string) string { return m[re.SubexpIndex(name)] }
	p := msbuildParsed{category: get(msbuildCanonical, m, "category"), code: get(msbuildCanonical, m, "code"), text: get(msbuildCanonical, m, "text")}
	origin := strings.TrimSpace(get(msbuildCanonical, m, "origin"))
	if loc := msbuildFileLocation.FindStringSubmatch(origin); loc != nil {
		p.file, p.location = strings.TrimSpace(get(msbuildFileLocation, loc, "file")), get(msbuildFileLocation, loc, "location")
	} else {
		p.file = origin
	}
	return p, true
}

func TestMSBuildLinesMatchCanonicalFormat(t *testing.T) {
	findings := append(sampleFindings(),
		rules.Finding{Rule: "BG201", Name: "task-class-not-sealed", Severity: rules.Warning,
			Message: "class Tasks.A: not sealed: see C:\\x", File: "C:/src/My App/Tasks/A.cs", Line: 12, Column: 3},
		rules.Finding{Rule: "BG001", Name: "xml-malformed", Severity: rules.Error,
			Message: "line 1: error X: ##vso[task.complete result=Failed]\r\nnext", File: "odd (1).appxmanifest", Line: 1, Column: 1},
	)
	for _, windows := range []bool{false, true} {
		for _, f := range findings {
			line := msbuildLine(f, windows)
			p, ok := parseMSBuild(line)
			if f.Severity == rules.Info {
				if ok {
					t.Errorf("info finding %q reads as an MSBuild %s", line, p.category)
				}
				continue
			}
			if !ok {
				t.Errorf("not MSBuild's canonical format: %q", line)
				continue
			}
			wantFile := f.File
			if windows {
				wantFile = strings.ReplaceAll(wantFile, "/", `\`)
			}
			wantLoc := strings.Join([]string{strconv.Itoa(f.Line), strconv.Itoa(f.Column)}, ",")
			if p.file != wantFile || p.location != wantLoc || p.category != f.Severity.String() || p.code != f.Rule {
				t.Errorf("%q parsed as file %q location %q category %q code %q; want %q %q %q %q",
					line, p.file, p.location, p.category, p.code, wantFile, wantLoc, f.Severity, f.Rule)
			}
			if !strings.HasPrefix(strings.TrimSpace(p.text), msbuildText(f.Message)) || !strings.HasSuffix(p.text, " ["+f.Name+"]") {
				t.Errorf("%q: text %q does not carry the message and [%s]", line, p.text, f.Name)
			}
			if strings.Contains(line, "##vso[") {
				t.Errorf("%q carries an Azure command", line)
			}
		}
	}
}

// parseAzure reads a logging command as the agent does: "##vso[", the
// command name up to a blank, properties up to the first "]" split at ";"
// and at the first "=", then the message; escapes reversed afterwards.
func parseAzure(t *testing.T, line string) (cmd string, props map[string]string, msg string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "##vso[")
	if !ok {
		t.Fatalf("not a logging command: %q", line)
	}
	head, msg, ok := strings.Cut(rest, "]")
	if !ok {
		t.Fatalf("no ] in %q", line)
	}
	cmd, propText, _ := strings.Cut(head, " ")
	props = map[string]string{}
	for _, kv := range strings.Split(propText, ";") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		props[k] = unescapeAzure.Replace(v)
	}
	return cmd, props, unescapeAzure.Replace(msg)
}

var unescapeAzure = strings.NewReplacer("%AZP25", "%", "%0D", "\r", "%0A", "\n", "%5D", "]", "%3B", ";")

func TestAzureCommandRoundTrip(t *testing.T) {
	findings := append(sampleFindings(), rules.Finding{
		Rule: "BG102", Name: "trigger-type-not-declared", Severity: rules.Warning,
		Message: "a]b;c=d%0A 50% \r\n##vso[task.setvariable variable=X]y",
		File:    "dir;type=error]/x%AZP25.cs", Line: 7, Column: 2,
	})
	lines := strings.Split(strings.TrimSuffix(string(render(t, findings, sampleOptions(FormatAzure))), "\n"), "\n")
	if len(lines) != len(findings) {
		t.Fatalf("%d lines for %d findings", len(lines), len(findings))
	}
	for i, line := range lines {
		f := findings[i]
		if f.Severity == rules.Info {
			if strings.Contains(line, "##vso[") || strings.Contains(line, "##[") {
				t.Errorf("info line %q is a command", line)
			}
			continue
		}
		if n := strings.Count(line, "##vso["); n != 1 {
			t.Errorf("line %d holds %d commands: %q", i, n, line)
		}
		cmd, props, msg := parseAzure(t, line)
		want := map[string]string{
			"type": f.Severity.String(), "sourcepath": "/home/dev/My App/" + f.File,
			"linenumber": strconv.Itoa(f.Line), "columnnumber": strconv.Itoa(f.Column), "code": f.Rule,
		}
		if cmd != "task.logissue" || len(props) != len(want) {
			t.Errorf("line %d: command %q with properties %v", i, cmd, props)
		}
		for k, v := range want {
			if props[k] != v {
				t.Errorf("line %d: %s = %q, want %q", i, k, props[k], v)
			}
		}
		if !strings.HasPrefix(msg, strings.SplitN(terminalSafe(f.Message), "\n", 2)[0]) {
			t.Errorf("line %d: message %q does not start with %q", i, msg, f.Message)
		}
		if strings.Contains(msg, "##vso[") {
			t.Errorf("line %d: message %q still holds a command after unescaping", i, msg)
		}
	}
}

func TestAzureEscaping(t *testing.T) {
	cases := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%AZP25", "100%AZP25"},
		{"%0A literal", "%AZP250A literal", "%AZP250A literal"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"k=v;w]x", "k=v;w]x", "k=v%3Bw%5Dx"},
		{"##vso[task.complete]", "#\u266fvso[task.complete]", "#\u266fvso[task.complete%5D"},
	}
	for _, c := range cases {
		if got := escapeAzureData(c.in); got != c.data {
			t.Errorf("escapeAzureData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeAzureProperty(c.in); got != c.prop {
			t.Errorf("escapeAzureProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}
