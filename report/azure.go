package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// writeAzure prints one Azure Pipelines logging command per finding:
//
//	##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=BG102]MESSAGE
//
// The agent shows each as an error or warning of the step, annotated on the
// file. task.logissue knows only errors and warnings, so an info finding is
// a plain log line in the text format's shape. sourcepath is absolute
// (Microsoft's documentation asks for absolute file paths in logging
// commands) when the directory the paths are relative to is known.
func writeAzure(w io.Writer, findings []rules.Finding, _ Summary, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		bw.WriteString(azureLine(f, opt.SourceRoot))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func azureLine(f rules.Finding, root string) string {
	file := f.File
	if root != "" && !filepath.IsAbs(file) && !isAbsolutePath(filepath.ToSlash(file)) {
		file = filepath.Join(root, file)
	}
	if f.Severity != rules.Error && f.Severity != rules.Warning {
		return oneLine(fmt.Sprintf("%s: %s: %s [%s %s]", position(file, f.Line, f.Column), f.Severity, msbuildText(githubMessage(f)), f.Rule, f.Name))
	}
	props := []string{
		"type=" + f.Severity.String(),
		"sourcepath=" + escapeAzureProperty(file),
		fmt.Sprintf("linenumber=%d", f.Line),
		fmt.Sprintf("columnnumber=%d", f.Column),
		"code=" + escapeAzureProperty(f.Rule),
	}
	return "##vso[task.logissue " + strings.Join(props, ";") + "]" +
		escapeAzureData(githubMessage(f))
}

// The agent reads a command's properties up to the first "]", splits them
// at ";" and "=", and reverses "%AZP25", "%0D", "%0A", "%5D" and "%3B" in
// property values and the first three in the message, as Microsoft's task
// libraries (azure-pipelines-task-lib) escape them. "%" goes first so an
// escape already in the text is not undone.
var (
	azureDataEscaper     = strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A")
	azurePropertyEscaper = strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A", "]", "%5D", ";", "%3B")
)

// Both also go through terminalSafe, as every format's text does: control
// characters become U+FFFD and "##vso[" or "##[" in a message becomes a
// look-alike, so the log viewer shows no second command either.
func escapeAzureData(s string) string { return azureDataEscaper.Replace(terminalSafe(s)) }
func escapeAzureProperty(s string) string {
	return azurePropertyEscaper.Replace(terminalSafe(s))
}
