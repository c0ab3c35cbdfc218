package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// writeGitHub prints one workflow command per finding; the Actions runner
// turns them into annotations on the pull request's diff. An annotation shows
// only its message, so related locations and the fix are appended to it.
//
// The runner resolves an annotation's file against the repository root, so
// paths are rebased onto RepoRoot when it is known (bgmanifest ran in a
// sub-directory, the Action's working-directory).
func writeGitHub(w io.Writer, findings []rules.Finding, _ Summary, opt Options) error {
	bw := bufio.NewWriter(w)
	paths := newSARIFPaths(opt.SourceRoot, opt.RepoRoot)
	for _, f := range findings {
		f.File = paths.rel(f.File)
		if len(f.Related) > 0 {
			rel := make([]rules.Related, len(f.Related))
			for i, r := range f.Related {
				r.File = paths.rel(r.File)
				rel[i] = r
			}
			f.Related = rel
		}
		bw.WriteString(githubCommand(f))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func githubCommand(f rules.Finding) string {
	props := []string{
		"file=" + escapeGitHubProperty(f.File),
		fmt.Sprintf("line=%d", f.Line),
		fmt.Sprintf("col=%d", f.Column),
	}
	if f.EndLine > 0 {
		props = append(props, fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndColumn))
	}
	props = append(props, "title="+escapeGitHubProperty(f.Rule+" "+f.Name))
	return "::" + githubCommandName(f.Severity) + " " + strings.Join(props, ",") + "::" + escapeGitHubData(githubMessage(f))
}

func githubCommandName(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

func githubMessage(f rules.Finding) string {
	var b strings.Builder
	b.WriteString(f.Message)
	for _, r := range f.Related {
		fmt.Fprintf(&b, "\n%s: note: %s", position(r.File, r.Line, r.Column), r.Message)
	}
	if f.Fix != nil && f.Fix.Description != "" {
		b.WriteString("\nfix: " + f.Fix.Description)
	}
	return b.String()
}

// The runner splits a command at "::" after the properties and at "," and
// "=" between them, and reads "%XX" escapes. These two functions escape the
// same characters, in the same order, as GitHub's own toolkit
// (@actions/core): data escapes %, CR and LF; properties also : and ,.
var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// Both also defuse other control characters (the log viewer would obey an
// escape sequence taken from a source file) with terminalSafe, which leaves
// CR and LF for the escaper.
func escapeGitHubData(s string) string { return githubDataEscaper.Replace(terminalSafe(s)) }
func escapeGitHubProperty(s string) string {
	return githubPropertyEscaper.Replace(terminalSafe(s))
}
