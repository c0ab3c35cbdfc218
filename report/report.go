// Package report renders findings in every output format bgmanifest
// supports: text for people, json for scripts, sarif for code-scanning
// services, github for workflow annotations, checkstyle for CI plugins
// that already read that XML, msbuild for MSBuild, Visual Studio and VS
// Code's $msCompile matcher, and azure for Azure Pipelines annotations.
//
// Positions are 1-based; columns count characters (runes), a tab counts as
// one. A finding's EndColumn, like an edit's, is exclusive: it is the column
// of the first character after the range.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// Summary counts what one run looked at and found.
type Summary struct {
	Apps        int
	Manifests   int
	SourceFiles int
	Errors      int
	Warnings    int
	Infos       int
}

// Options control how findings are written.
type Options struct {
	// Format is one of Formats(); empty means text.
	Format string
	// Color turns on ANSI colours in the text format. The caller decides
	// (--color, NO_COLOR, whether the output is a terminal); nothing here
	// looks at the environment.
	Color bool
	// Rules describes every rule; SARIF lists them as the tool's rules.
	Rules []rules.Meta
	// SourceLine returns the text of a line (1-based, without its line
	// break) for the source excerpt under a text finding. The caller supplies
	// it because it knows how each file is encoded. Nil shows no excerpts.
	SourceLine func(file string, line int) (string, bool)
	// ToolVersion is written into SARIF's tool.driver.version.
	ToolVersion string
	// SourceRoot is the absolute directory the finding paths are relative to
	// (the working directory). The azure format makes paths absolute with
	// it; SARIF uses it when RepoRoot is empty.
	SourceRoot string
	// RepoRoot is the absolute root of the repository SourceRoot lies in.
	// SARIF records it as %SRCROOT% and writes paths relative to it, so
	// code-scanning services match them to the repository's files wherever
	// bgmanifest ran; empty falls back to SourceRoot.
	RepoRoot string
}

// Format names.
const (
	FormatText       = "text"
	FormatJSON       = "json"
	FormatSARIF      = "sarif"
	FormatGitHub     = "github"
	FormatCheckstyle = "checkstyle"
	FormatMSBuild    = "msbuild"
	FormatAzure      = "azure"
)

type writerFunc func(w io.Writer, findings []rules.Finding, sum Summary, opt Options) error

var writers = map[string]writerFunc{
	FormatText:       writeText,
	FormatJSON:       writeJSON,
	FormatSARIF:      writeSARIF,
	FormatGitHub:     writeGitHub,
	FormatCheckstyle: writeCheckstyle,
	FormatMSBuild:    writeMSBuild,
	FormatAzure:      writeAzure,
}

// Formats lists the output format names, the default first.
func Formats() []string {
	return []string{FormatText, FormatJSON, FormatSARIF, FormatGitHub, FormatCheckstyle, FormatMSBuild, FormatAzure}
}

// Write renders findings (already sorted) in opt.Format.
func Write(w io.Writer, findings []rules.Finding, sum Summary, opt Options) error {
	name := opt.Format
	if name == "" {
		name = FormatText
	}
	write, ok := writers[strings.ToLower(name)]
	if !ok {
		return fmt.Errorf("unknown report format %q (want %s)", opt.Format, strings.Join(Formats(), ", "))
	}
	if err := write(w, normalize(findings), sum, opt); err != nil {
		return fmt.Errorf("write %s report: %w", name, err)
	}
	return nil
}

// normalize returns findings whose positions every format can carry: line and
// column at least 1, and an end position only when both of its halves are
// set and it does not lie before the start. The input is not modified.
func normalize(findings []rules.Finding) []rules.Finding {
	out := make([]rules.Finding, len(findings))
	for i, f := range findings {
		f.Line, f.Column = atLeastOne(f.Line), atLeastOne(f.Column)
		if f.EndLine < 1 || f.EndColumn < 1 || f.EndLine < f.Line || (f.EndLine == f.Line && f.EndColumn < f.Column) {
			f.EndLine, f.EndColumn = 0, 0
		}
		if len(f.Related) > 0 {
			rel := make([]rules.Related, len(f.Related))
			for j, r := range f.Related {
				r.Line, r.Column = atLeastOne(r.Line), atLeastOne(r.Column)
				rel[j] = r
			}
			f.Related = rel
		}
		out[i] = f
	}
	return out
}

func atLeastOne(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// Count tallies findings by severity.
func Count(findings []rules.Finding) (errors, warnings, infos int) {
	for _, f := range findings {
		switch f.Severity {
		case rules.Error:
			errors++
		case rules.Warning:
			warnings++
		case rules.Info:
			infos++
		}
	}
	return errors, warnings, infos
}

// SummaryLine is the one-line summary printed after a text report, e.g.
// "2 errors, 1 warning, 0 infos in 1 app (1 manifest, 12 source files)".
func SummaryLine(sum Summary) string {
	return fmt.Sprintf("%s, %s, %s in %s (%s, %s)",
		plural(sum.Errors, "error", "errors"),
		plural(sum.Warnings, "warning", "warnings"),
		plural(sum.Infos, "info", "infos"),
		plural(sum.Apps, "app", "apps"),
		plural(sum.Manifests, "manifest", "manifests"),
		plural(sum.SourceFiles, "source file", "source files"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// position formats FILE:LINE:COL the way compilers and editors expect.
func position(file string, line, col int) string {
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}
