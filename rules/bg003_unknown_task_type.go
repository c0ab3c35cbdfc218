package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
)

func init() { Register(unknownTaskType{}) }

type unknownTaskType struct{}

var metaBG003 = Meta{
	ID:       "BG003",
	Name:     "unknown-task-type",
	Severity: Error,
	Summary:  "a Task Type value that does not exist, or that belongs to another Task element (<Task> vs <uap:Task>)",
	Doc: `# BG003 unknown-task-type

**What it finds.** A ` + "`Type`" + ` on a background ` + "`Task`" + ` that its element does not
allow. The three Windows 10 task elements each take a fixed, case-sensitive
list:

- ` + "`<Task>`" + ` (no prefix): general, audio, controlChannel, systemEvent, timer,
  pushNotification, location, deviceUse, deviceServicing,
  deviceConnectionChange, bluetooth;
- ` + "`<uap:Task>`" + `: chatMessageNotification, vpnClient, phoneCall, mediaProcessing;
- ` + "`<iot:Task>`" + `: startup.

Windows 8.x manifests have their own lists (2010, m2: and m3: namespaces).
The message suggests the nearest valid value: the same word in another
case (` + "`Timer`" + ` → ` + "`timer`" + `), a close spelling, or the right element when the
value exists but on the other Task (` + "`<Task Type=\"mediaProcessing\"/>`" + ` needs
` + "`<uap:Task>`" + `).

**Why it fails.** The value is an XSD enumeration: the build's manifest
validation stops with a schema error on the Type attribute at that line. If the
manifest is edited after the build, the platform does not know the task type
and ` + "`BackgroundTaskBuilder.Register()`" + ` throws for every trigger that needs it.

**Bad**

` + "```xml" + `
<BackgroundTasks>
  <Task Type="Timer"/>
  <Task Type="mediaProcessing"/>
</BackgroundTasks>
` + "```" + `

**Good**

` + "```xml" + `
<BackgroundTasks>
  <Task Type="timer"/>
  <uap:Task Type="mediaProcessing"/>
</BackgroundTasks>
` + "```" + `

**How to fix.** Use the suggested value, or move the value to the Task
element that allows it (declaring its prefix on ` + "`<Package>`" + `). A case-only
mistake has a fix that ` + "`--fix`" + ` applies.
`,
}

func (unknownTaskType) Meta() Meta { return metaBG003 }

func (unknownTaskType) Check(c *Context) []Finding {
	man := c.Manifest
	if man == nil || len(man.BackgroundTasks) == 0 {
		return nil
	}
	var out []Finding
	for _, e := range mfSchemaErrors(c) {
		n, tail, ok := mfBgPointer(e.InstanceLocation)
		if !ok || n >= len(man.BackgroundTasks) || !mfOwnedElsewhere(e) {
			continue
		}
		i, field, ok := mfTaskPointer(tail)
		bt := man.BackgroundTasks[n]
		if !ok || field != "type" || i >= len(bt.Tasks) {
			continue
		}
		out = append(out, mfTaskTypeFinding(man, bt, bt.Tasks[i]))
	}
	return out
}

func mfTaskTypeFinding(man *manifest.Manifest, bt *manifest.BackgroundTaskExtension, t manifest.Task) Finding {
	v := t.Type.Value
	here := mfQName(t.Element)
	if strings.TrimSpace(v) == "" {
		return AtManifest(metaBG003, man, t.Type.ValuePos, "<%s> has an empty Type; valid types are %s", here, strings.Join(platform.TaskTypes[t.Namespace], ", "))
	}
	// The exact value, allowed on another Task element.
	for _, ns := range platform.SiblingTaskNamespaces(t.Namespace) {
		if ns != t.Namespace && slices.Contains(platform.TaskTypes[ns], v) {
			return AtManifest(metaBG003, man, t.Type.ValuePos, "task type %q is not allowed on <%s>: it needs %s (<%s Type=%q/>)", v, here, "<"+platform.TaskElementName(ns)+">", platform.TaskElementName(ns), v)
		}
	}
	// The same word in another case.
	for _, ns := range platform.SiblingTaskNamespaces(t.Namespace) {
		for _, k := range platform.TaskTypes[ns] {
			if !strings.EqualFold(k, v) {
				continue
			}
			f := AtManifest(metaBG003, man, t.Type.ValuePos, "unknown task type %q; did you mean %q? (task types are case-sensitive)", v, k)
			if ns != t.Namespace {
				f.Message += fmt.Sprintf(" It needs %s.", "<"+platform.TaskElementName(ns)+">")
				return f
			}
			if bt.HasTaskType(k) {
				// Correcting the case would declare k twice: the element
				// is redundant, and removing it is the fix.
				f.Message += fmt.Sprintf(" %q is already declared in this extension.", k)
				f.Fix = mfRemoveElementFix(man, t.Element, fmt.Sprintf("remove <%s Type=%q/>, which repeats %q", here, v, k))
				return f
			}
			f.Fix = mfReplaceValueFix(man, t.Type, k, fmt.Sprintf("change task type %q to %q", v, k))
			return f
		}
	}
	// A close spelling.
	best, bestNS, bestD := "", "", 1<<30
	for _, ns := range platform.SiblingTaskNamespaces(t.Namespace) {
		for _, k := range platform.TaskTypes[ns] {
			if d := editDistance(strings.ToLower(v), strings.ToLower(k)); d < bestD {
				best, bestNS, bestD = k, ns, d
			}
		}
	}
	if bestD <= max(2, len(best)/4) {
		msg := fmt.Sprintf("unknown task type %q; did you mean %q?", v, best)
		if bestNS != t.Namespace {
			msg += fmt.Sprintf(" It needs %s.", "<"+platform.TaskElementName(bestNS)+">")
		}
		return AtManifest(metaBG003, man, t.Type.ValuePos, "%s", msg)
	}
	return AtManifest(metaBG003, man, t.Type.ValuePos, "unknown task type %q; <%s> allows %s", v, here, strings.Join(platform.TaskTypes[t.Namespace], ", "))
}

// mfReplaceValueFix replaces an attribute's value (between the quotes).
func mfReplaceValueFix(man *manifest.Manifest, a manifest.Attr, value, desc string) *Fix {
	if !a.Present || a.End < 1 {
		return nil
	}
	end := man.PosAt(a.End - 1) // the closing quote
	return &Fix{Description: desc, Edits: []Edit{{
		File: man.Path, Line: a.ValuePos.Line, Column: a.ValuePos.Col,
		EndLine: end.Line, EndColumn: end.Col, NewText: mfEscapeAttr(value),
	}}}
}

func mfEscapeAttr(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "'", "&apos;")
	return r.Replace(s)
}
