package report

import (
	"encoding/json"
	"io"

	"github.com/bgmanifest/bgmanifest/rules"
)

// jsonVersion is the report's "version"; bump it only with an incompatible
// change to schema/report.schema.json.
const jsonVersion = 1

// The JSON report has types of its own rather than rules.Finding's tags so
// that a field added to Finding for the rules' sake cannot change the
// published contract unnoticed. Field order here is the output order.
type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Rule      string        `json:"rule"`
	Name      string        `json:"name"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"endLine,omitempty"`
	EndColumn int           `json:"endColumn,omitempty"`
	Related   []jsonRelated `json:"related,omitempty"`
	Fix       *jsonFix      `json:"fix,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

type jsonSummary struct {
	Apps        int `json:"apps"`
	Manifests   int `json:"manifests"`
	SourceFiles int `json:"sourceFiles"`
	Errors      int `json:"errors"`
	Warnings    int `json:"warnings"`
	Infos       int `json:"infos"`
}

func writeJSON(w io.Writer, findings []rules.Finding, sum Summary, _ Options) error {
	return encodeIndented(w, newJSONReport(findings, sum))
}

// encodeIndented writes v as two-space indented JSON, the layout of the
// json and sarif formats. Messages quote XML; "\u003c" in place of "<"
// helps nobody reading them, so HTML characters are not escaped.
func encodeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func newJSONReport(findings []rules.Finding, sum Summary) jsonReport {
	r := jsonReport{
		Version:  jsonVersion,
		Findings: make([]jsonFinding, 0, len(findings)),
		Summary:  jsonSummary(sum),
	}
	for _, f := range findings {
		r.Findings = append(r.Findings, newJSONFinding(f))
	}
	return r
}

func newJSONFinding(f rules.Finding) jsonFinding {
	jf := jsonFinding{
		Rule: f.Rule, Name: f.Name, Severity: f.Severity.String(), Message: f.Message,
		File: f.File, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
	}
	for _, r := range f.Related {
		jf.Related = append(jf.Related, jsonRelated(r))
	}
	if f.Fix != nil {
		jf.Fix = &jsonFix{Description: f.Fix.Description, Edits: make([]jsonEdit, 0, len(f.Fix.Edits))}
		for _, e := range f.Fix.Edits {
			jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit(e))
		}
	}
	return jf
}
