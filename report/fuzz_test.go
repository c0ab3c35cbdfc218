package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/rules"
)

// FuzzWrite feeds arbitrary text, source lines and positions to every format:
// none may panic, the JSON and SARIF must stay parseable, the checkstyle
// must stay well-formed XML, and every line of text, github, msbuild and
// azure output must stay free of terminal control characters; msbuild and
// azure print exactly one line, azure exactly one command.
func FuzzWrite(f *testing.F) {
	f.Add("msg", "\t\tsrc();", "a.cs", 3, 0, 5)
	f.Add("a\r\nb%0A:,<&>\"'", "😀\x00\xff", "d:/x,y.xml", 1, 1, 1)
	f.Add("", "", "", -4, -1, -9)
	f.Add("\x1b[2J", strings.Repeat("é", 500), "x\ny", 400, 1, 9999)
	f.Add("", "\r0\n1", "", 1, 1, 1)
	f.Add("0", "0", "\r", 1, 1, 1)
	// hostile (issue 16): CI command openers in a message, a source line
	// and a file name
	f.Add("x\n::stop-commands::tok\n::error::y", "// ##vso[task.setvariable variable=TOKEN]evil", "::warning file=a::b.cs", 2, 1, 3)
	f.Fuzz(func(t *testing.T, msg, src, file string, col, endLine, endCol int) {
		finding := rules.Finding{
			Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error, Message: msg,
			File: file, Line: 1, Column: col, EndLine: endLine, EndColumn: endCol,
			Related: []rules.Related{{File: file, Line: endLine, Column: endCol, Message: msg}},
			Fix:     &rules.Fix{Description: msg, Edits: []rules.Edit{{File: file, Line: 1, Column: col, EndLine: endLine, EndColumn: endCol, NewText: msg}}},
		}
		opt := Options{SourceLine: func(string, int) (string, bool) { return src, true }, Rules: sampleRules()}
		for _, format := range Formats() {
			opt.Format = format
			var buf bytes.Buffer
			if err := Write(&buf, []rules.Finding{finding}, Summary{}, opt); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.Bytes()
			switch format {
			case FormatJSON, FormatSARIF:
				if !json.Valid(out) {
					t.Fatalf("%s output is not JSON: %q", format, out)
				}
			case FormatCheckstyle:
				var doc checkstyleDoc
				if err := xml.Unmarshal(out, &doc); err != nil {
					t.Fatalf("checkstyle output is not XML: %v\n%q", err, out)
				}
			case FormatText, FormatGitHub, FormatMSBuild, FormatAzure:
				if !utf8.Valid(out) || bytes.ContainsFunc(out, func(r rune) bool { return isUnsafeControl(r) || r == '\r' }) {
					t.Fatalf("%s output carries control characters: %q", format, out)
				}
				if format == FormatMSBuild || format == FormatAzure {
					if n := bytes.Count(out, []byte("\n")); n != 1 {
						t.Fatalf("%s: one finding printed %d lines: %q", format, n, out)
					}
				}
				if format == FormatAzure && bytes.Count(out, []byte("##vso[")) != 1 {
					t.Fatalf("azure: one finding carries more than one command: %q", out)
				}
			}
		}
	})
}
