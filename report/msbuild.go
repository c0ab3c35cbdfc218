package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// writeMSBuild prints one line per finding in MSBuild's canonical format,
//
//	FILE(LINE,COL): error BG102: MESSAGE [trigger-type-not-declared]
//
// which MSBuild's Exec task turns into build errors and warnings (and so
// Visual Studio's Error List, `dotnet build` and Azure Pipelines' build
// summary show them), and VS Code's $msCompile problem matcher reads. Info
// findings use the category "message": MSBuild logs such a line as build
// output and counts it as neither error nor warning. Related locations and
// the fix go on the same line, after the message.
// msbuildBackslashes writes paths with backslashes, as Windows tools expect
// them; a variable so that tests render both.
var msbuildBackslashes = runtime.GOOS == "windows"

func writeMSBuild(w io.Writer, findings []rules.Finding, _ Summary, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		bw.WriteString(msbuildLine(f, msbuildBackslashes))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// msbuildLine formats one finding; native writes the paths with the
// platform's separators (backslashes on Windows, where Visual Studio opens
// the file from the Error List).
func msbuildLine(f rules.Finding, native bool) string {
	var b strings.Builder
	b.WriteString(msbuildOrigin(f.File, f.Line, f.Column, native))
	fmt.Fprintf(&b, ": %s %s: %s", msbuildCategory(f.Severity), f.Rule, msbuildText(f.Message))
	for _, r := range f.Related {
		fmt.Fprintf(&b, " (note: %s: %s)", msbuildOrigin(r.File, r.Line, r.Column, native), msbuildText(r.Message))
	}
	if f.Fix != nil && f.Fix.Description != "" {
		b.WriteString(" (fix: " + msbuildText(f.Fix.Description) + ")")
	}
	b.WriteString(" [" + oneLine(f.Name) + "]")
	return b.String()
}

func msbuildOrigin(file string, line, col int, native bool) string {
	if native {
		file = strings.ReplaceAll(file, "/", `\`)
	} else {
		file = filepath.ToSlash(file)
	}
	return fmt.Sprintf("%s(%d,%d)", oneLine(file), line, col)
}

func msbuildCategory(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "message"
}

// msbuildText keeps a message on its line: each line break (CRLF, CR or LF)
// becomes " / ", so a multi-line message reads as one; control characters
// and CI commands are defused as everywhere else.
func msbuildText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return oneLine(strings.ReplaceAll(s, "\n", " / "))
}
