package rules

import (
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
)

func init() { Register(duplicateTaskType{}) }

type duplicateTaskType struct{}

var metaBG004 = Meta{
	ID:       "BG004",
	Name:     "duplicate-task-type",
	Severity: Warning,
	Summary:  "the same task type is listed twice in one background-task extension",
	Doc: `# BG004 duplicate-task-type

**What it finds.** One ` + "`windows.backgroundTasks`" + ` extension whose
` + "`<BackgroundTasks>`" + ` lists the same ` + "`Type`" + ` twice, usually after a merge or
after adding a declaration in the designer and again by hand.

**Why it fails.** The schema makes task types unique within an extension
(an ` + "`xs:unique`" + ` key over ` + "`Task/@Type`" + `), so the build's manifest validation
reports a duplicate key at the second one. Nothing is gained by the second
entry even where it is accepted: a type is either declared or not.

**Bad**

` + "```xml" + `
<BackgroundTasks>
  <Task Type="timer"/>
  <Task Type="systemEvent"/>
  <Task Type="timer"/>
</BackgroundTasks>
` + "```" + `

**Good**

` + "```xml" + `
<BackgroundTasks>
  <Task Type="timer"/>
  <Task Type="systemEvent"/>
</BackgroundTasks>
` + "```" + `

**How to fix.** Delete the repeated ` + "`<Task>`" + `. ` + "`--fix`" + ` removes it (with its
line when it stands alone on it).
`,
}

func (duplicateTaskType) Meta() Meta { return metaBG004 }

func (duplicateTaskType) Check(c *Context) []Finding {
	man := c.Manifest
	if man == nil {
		return nil
	}
	var out []Finding
	for _, bt := range man.BackgroundTasks {
		first := map[string]manifest.Task{}
		for _, t := range bt.Tasks {
			if !t.Type.Present || t.Type.Value == "" {
				continue
			}
			prev, dup := first[t.Type.Value]
			if !dup {
				first[t.Type.Value] = t
				continue
			}
			f := AtManifest(metaBG004, man, t.Type.ValuePos, "task type %q is already declared in this extension", t.Type.Value)
			f.Related = []Related{RelatedManifest(man, prev.Type.ValuePos, "first declared here")}
			f.Fix = mfRemoveElementFix(man, t.Element, fmt.Sprintf("remove the duplicate <%s Type=%q/>", mfQName(t.Element), t.Type.Value))
			out = append(out, f)
		}
	}
	return out
}

// mfRemoveElementFix deletes an element; when it is alone on its line the
// whole line goes, line ending included, so no blank line is left behind.
func mfRemoveElementFix(man *manifest.Manifest, e manifest.Element, desc string) *Fix {
	start, end := e.Pos, man.PosAt(e.End)
	if e.End <= e.Pos.Offset {
		return nil
	}
	lineText := man.Line(start.Line)
	before := string([]rune(lineText)[:start.Col-1])
	after := ""
	if end.Line == start.Line {
		after = string([]rune(lineText)[end.Col-1:])
	} else {
		after = string([]rune(man.Line(end.Line))[end.Col-1:])
	}
	edit := Edit{File: man.Path, Line: start.Line, Column: start.Col, EndLine: end.Line, EndColumn: end.Col}
	if strings.TrimSpace(before) == "" && strings.TrimSpace(after) == "" && end.Line < man.LineCount() {
		edit.Column, edit.EndLine, edit.EndColumn = 1, end.Line+1, 1
	}
	return &Fix{Description: desc, Edits: []Edit{edit}}
}
