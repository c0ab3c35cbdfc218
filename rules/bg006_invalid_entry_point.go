package rules

import (
	"fmt"
	"strings"
	"unicode"
)

func init() { Register(invalidEntryPoint{}) }

type invalidEntryPoint struct{}

var metaBG006 = Meta{
	ID:       "BG006",
	Name:     "invalid-entry-point",
	Severity: Error,
	Summary:  "a background-task EntryPoint is not a dotted class name Namespace.Class",
	Doc: `# BG006 invalid-entry-point

**What it finds.** The ` + "`EntryPoint`" + ` of a ` + "`windows.backgroundTasks`" + ` extension
that cannot be a Windows Runtime class name: empty, containing spaces,
without a namespace, with an empty part (a leading, trailing or doubled
dot), a part that starts with a digit, longer than 256 characters, or a file
name or path (` + "`Tasks.dll`" + `, ` + "`js\\task.js`" + `). Project-template tokens are accepted, as
the whole value (` + "`$targetentrypoint$`" + `) or as a part of it
(` + "`$safeprojectname$.StartupTask`" + `): the template wizard or the build
replaces them.

**Why it fails.** The entry point is an activatable class ID: the platform
activates exactly that class when the trigger fires, and
` + "`BackgroundTaskBuilder.TaskEntryPoint`" + ` must name it the same way. The
manifest schema only limits its length, so the build usually accepts the
value and the failure comes at run time: ` + "`Register()`" + ` throws "Class not
registered" (0x80040154), or the task is registered and never runs and
Event Viewer (Microsoft-Windows-BackgroundTaskInfrastructure) logs the
activation failure. JavaScript apps name their task script in
` + "`StartPage`" + `, not in ` + "`EntryPoint`" + `.

**Bad**

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="BackgroundTasks.dll">
  <BackgroundTasks><Task Type="timer"/></BackgroundTasks>
</Extension>
<Extension Category="windows.backgroundTasks" EntryPoint="js\task.js">
  <BackgroundTasks><Task Type="systemEvent"/></BackgroundTasks>
</Extension>
` + "```" + `

**Good**

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="BackgroundTasks.TimerTask">
  <BackgroundTasks><Task Type="timer"/></BackgroundTasks>
</Extension>
<Extension Category="windows.backgroundTasks" StartPage="js\task.js">
  <BackgroundTasks><Task Type="systemEvent"/></BackgroundTasks>
</Extension>
` + "```" + `

**How to fix.** Write the full name of the class that implements
` + "`IBackgroundTask`" + `: its namespace, a dot, the class name — the same string
the code passes to ` + "`TaskEntryPoint`" + `. For a JavaScript task, move the path
to ` + "`StartPage`" + `.
`,
}

func (invalidEntryPoint) Meta() Meta { return metaBG006 }

func (invalidEntryPoint) Check(c *Context) []Finding {
	man := c.Manifest
	if man == nil || len(man.BackgroundTasks) == 0 {
		return nil
	}
	var out []Finding
	seen := map[int]bool{}
	for _, e := range mfSchemaErrors(c) {
		n, tail, ok := mfBgPointer(e.InstanceLocation)
		if !ok || tail != "entryPoint" || n >= len(man.BackgroundTasks) || seen[n] {
			continue
		}
		seen[n] = true
		bt := man.BackgroundTasks[n]
		out = append(out, AtManifest(metaBG006, man, bt.EntryPoint.ValuePos, "%s", mfEntryPointProblem(bt.EntryPoint.Value)))
	}
	return out
}

// mfEntryPointProblem explains why v is not Namespace.Class.
func mfEntryPointProblem(v string) string {
	q := fmt.Sprintf("EntryPoint %q", v)
	lower := strings.ToLower(v)
	switch {
	case strings.TrimSpace(v) == "":
		return "EntryPoint is empty; name the task class as Namespace.Class"
	case strings.ContainsAny(v, `\/`) || mfHasFileSuffix(lower):
		return q + " is a file name, not a class; name the class that implements IBackgroundTask as Namespace.Class (JavaScript tasks put the script path in StartPage)"
	case strings.IndexFunc(v, unicode.IsSpace) >= 0:
		return q + " contains whitespace; a class name has none"
	case len([]rune(v)) > 256:
		return q + " is longer than 256 characters"
	case !strings.Contains(v, "."):
		return q + " has no namespace; the platform activates Namespace.Class, the full name of the task class"
	}
	for _, part := range strings.Split(v, ".") {
		switch {
		case part == "":
			return q + " has an empty part (a leading, trailing or doubled dot)"
		case unicode.IsDigit([]rune(part)[0]):
			return fmt.Sprintf("%s: %q starts with a digit, which no namespace or class name can", q, part)
		}
		for _, r := range part {
			if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return fmt.Sprintf("%s contains %q, which cannot appear in a namespace or class name", q, r)
			}
		}
	}
	return q + " is not a valid activatable class name (Namespace.Class)"
}

// entryPointFileSuffixes end the file names an EntryPoint may be mistaken
// for: the manifest schema's "not" pattern (schema/manifest.schema.json),
// which BG006 explains and schemaClean must not wave through.
var entryPointFileSuffixes = []string{".dll", ".exe", ".js", ".winmd", ".html", ".htm", ".cs", ".vb", ".cpp", ".h"}

// mfHasFileSuffix reports an entry point ending in one of
// entryPointFileSuffixes, in any case.
func mfHasFileSuffix(s string) bool {
	for _, ext := range entryPointFileSuffixes {
		if hasSuffixFold(s, ext) {
			return true
		}
	}
	return false
}
