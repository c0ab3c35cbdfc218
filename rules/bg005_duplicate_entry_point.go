package rules

import (
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
)

func init() { Register(duplicateEntryPoint{}) }

type duplicateEntryPoint struct{}

var metaBG005 = Meta{
	ID:       "BG005",
	Name:     "duplicate-entry-point",
	Severity: Error,
	Summary:  "two background-task extensions of one application declare the same EntryPoint (or JavaScript StartPage)",
	Doc: `# BG005 duplicate-entry-point

**What it finds.** Two ` + "`windows.backgroundTasks`" + ` extensions in the same
` + "`<Application>`" + ` with the same ` + "`EntryPoint`" + `, or, for JavaScript tasks, the same
` + "`StartPage`" + ` script (compared as Windows compares paths: ignoring case, with ` + "`/`" + `
and ` + "`\\`" + ` alike). It typically happens when a second trigger is added to a task as a
new declaration instead of a new ` + "`<Task>`" + ` in the existing one.

**Why it fails.** ` + "`BackgroundTaskBuilder.Register()`" + ` checks the trigger
against the declaration of the task's entry point (a class, or a JavaScript
task's script). One entry point with two
declarations splits its task types in two, and the registration can be
judged against the one that lacks the trigger's type: ` + "`Register()`" + ` then
throws although the type is declared a few lines further down. The two
declarations can also disagree on ` + "`Executable`" + `, ` + "`ResourceGroup`" + ` or
` + "`ServerName`" + `, and then the task's host process depends on which one wins.

**Bad**

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks><Task Type="timer"/></BackgroundTasks>
</Extension>
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks><Task Type="systemEvent"/></BackgroundTasks>
</Extension>
` + "```" + `

**Good**

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks>
    <Task Type="timer"/>
    <Task Type="systemEvent"/>
  </BackgroundTasks>
</Extension>
` + "```" + `

The same holds for JavaScript tasks:

` + "```xml" + `
<Extension Category="windows.backgroundTasks" StartPage="js\sync.js">
  <BackgroundTasks><Task Type="timer"/></BackgroundTasks>
</Extension>
<Extension Category="windows.backgroundTasks" StartPage="js\sync.js">
  <BackgroundTasks><Task Type="systemEvent"/></BackgroundTasks>
</Extension>
` + "```" + `

**How to fix.** Merge the task types into one extension and delete the
other, or give the second declaration the entry point it was meant to have.
`,
}

func (duplicateEntryPoint) Meta() Meta { return metaBG005 }

func (duplicateEntryPoint) Check(c *Context) []Finding {
	man := c.Manifest
	if man == nil {
		return nil
	}
	type key struct {
		app       int
		startPage bool
		ep        string
	}
	first := map[key]*manifest.BackgroundTaskExtension{}
	var out []Finding
	for _, bt := range man.BackgroundTasks {
		if bt.AppIndex < 0 {
			continue
		}
		attr, what, k := bt.EntryPoint, "EntryPoint", key{bt.AppIndex, false, bt.EntryPoint.Value}
		if !attr.Present {
			// a JavaScript task: its script is its entry point
			attr, what, k = bt.StartPage, "StartPage", key{bt.AppIndex, true, scriptPath(bt.StartPage.Value)}
		}
		if !attr.Present || k.ep == "" {
			continue
		}
		prev, dup := first[k]
		if !dup {
			first[k] = bt
			continue
		}
		prevAttr := prev.EntryPoint
		if k.startPage {
			prevAttr = prev.StartPage
		}
		f := AtManifest(metaBG005, man, attr.ValuePos, "%s %q is already declared by another windows.backgroundTasks extension of application %q; merge their tasks into one extension", what, attr.Value, bt.Application)
		f.Related = []Related{RelatedManifest(man, prevAttr.ValuePos, "first declared here")}
		out = append(out, f)
	}
	return out
}

// scriptPath is a StartPage as Windows compares it: case and the kind of
// slash do not matter, nor a leading "./" or spaces around it.
func scriptPath(s string) string {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), `\`, "/"))
	for strings.HasPrefix(s, "./") {
		s = s[2:]
	}
	return strings.TrimPrefix(s, "/")
}
