package rules

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed docs/BG304.md
var docBG304 string

var metaBG304 = Meta{
	ID:        "BG304",
	Name:      "startup-task-id-mismatch",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "StartupTask.GetAsync(\"X\") and no windows.startupTask with TaskId \"X\"",
	Doc:       docBG304,
}

type startupTaskIDMismatch struct{}

func init() { Register(startupTaskIDMismatch{}) }

func (startupTaskIDMismatch) Meta() Meta { return metaBG304 }

func (startupTaskIDMismatch) Check(c *Context) []Finding {
	// A manifest that declares no startup task at all may not be the one
	// the code runs under: a UWP project packaged by a packaging project
	// whose own manifest declares the task (FluentTerminal).
	if !factsComparable(c) || len(c.Manifest.StartupTasks) == 0 {
		return nil
	}
	declared := map[string]bool{}
	var ids []string
	for _, st := range c.Manifest.StartupTasks {
		id := strings.TrimSpace(st.TaskID.Value)
		if strings.Contains(id, "$") {
			return nil // a build-time placeholder
		}
		if !declared[id] {
			declared[id] = true
			ids = append(ids, id)
		}
	}
	foreign := foreignAppFiles(c)
	var out []Finding
	for _, v := range c.Facts.StartupTaskIDs {
		if !v.Resolved || v.Str == "" || declared[v.Str] || foreign[v.Pos.File] {
			continue
		}
		msg := fmt.Sprintf("StartupTask.GetAsync(\"%s\") looks up a startup task that %s does not declare (no windows.startupTask "+
			"with TaskId=\"%s\"), so the call fails (\"Element not found\", 0x80070490)", v.Str, manifestName(c.Manifest), v.Str)
		if near := bg304Nearest(v.Str, ids); near != "" {
			msg += fmt.Sprintf("; did you mean \"%s\"?", near)
		}
		f := AtCode(metaBG304, v.Pos, "%s", msg)
		for _, st := range c.Manifest.StartupTasks {
			f.Related = append(f.Related, RelatedManifest(c.Manifest, attrPos(st.TaskID, st.Element), fmt.Sprintf("TaskId \"%s\" is declared here", st.TaskID.Value)))
		}
		out = append(out, f)
	}
	return out
}

// bg304Nearest is the declared id closest to x: another case, or within
// three edits.
func bg304Nearest(x string, ids []string) string {
	best, bestD := "", 4
	for _, id := range ids {
		d := editDistance(x, id)
		if strings.EqualFold(x, id) {
			d = 0
		}
		if d < bestD {
			best, bestD = id, d
		}
	}
	return best
}
