package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/schema"
)

func init() { Register(schemaInvalid{}) }

type schemaInvalid struct{}

var metaBG002 = Meta{
	ID:       "BG002",
	Name:     "schema-invalid",
	Severity: Error,
	Summary:  "a background-task declaration breaks the manifest schema: missing BackgroundTasks/Task, a Task without Type, attributes or elements that do not belong",
	Doc: `# BG002 schema-invalid

**What it finds.** A ` + "`windows.backgroundTasks`" + ` declaration whose shape the
manifest schema rejects:

- the Extension has no ` + "`<BackgroundTasks>`" + `, or ` + "`<BackgroundTasks>`" + ` has no ` + "`<Task>`" + `;
- a ` + "`<Task>`" + ` without a ` + "`Type`" + `;
- an attribute or child element that does not belong (a misspelt
  ` + "`Entrypoint`" + `, ` + "`SupportsMultipleInstances`" + ` without its ` + "`uap4:`" + ` prefix, a
  stray element inside ` + "`<BackgroundTasks>`" + `);
- the category on a ` + "`<uap:Extension>`" + ` (only the foundation ` + "`<Extension>`" + `,
  written without a prefix, can declare background tasks) or at package level
  (` + "`<Package><Extensions>`" + ` takes activatable classes, not tasks);
- ` + "`Executable`" + ` that is not an .exe, ` + "`ResourceGroup`" + ` or ` + "`ServerName`" + ` that is not
  a dotted name of letters and digits;
- ` + "`uap4:SupportsMultipleInstances=\"true\"`" + ` together with ` + "`ResourceGroup`" + ` or
  ` + "`ServerName`" + `, which the platform documents as incompatible.

These checks live in bgmanifest's JSON Schema for the manifest model
(` + "`bgmanifest schema manifest`" + `); task types are BG003 and entry points BG006.

**Why it fails.** The build validates the manifest against Microsoft's XSDs;
a declaration that breaks them stops packaging with an "App manifest
validation error" at that line. Misplaced declarations that slip through
(an ignored namespace, a hand-edited AppxManifest.xml) are simply not seen
by the platform: ` + "`BackgroundTaskBuilder.Register()`" + ` then throws because the
entry point is not declared.

**Bad**

` + "```xml" + `
<uap:Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks ServerName="Sync" SupportsMultipleInstances="true">
    <Task/>
  </BackgroundTasks>
</uap:Extension>
` + "```" + `

**Good**

` + "```xml" + `
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.SyncTask">
  <BackgroundTasks uap4:SupportsMultipleInstances="true">
    <Task Type="timer"/>
  </BackgroundTasks>
</Extension>
` + "```" + `

**How to fix.** Follow the message: add the missing element or attribute,
remove or correct the one that does not belong, move the declaration into
the foundation ` + "`<Extension>`" + ` under ` + "`<Application><Extensions>`" + `.
`,
}

func (schemaInvalid) Meta() Meta { return metaBG002 }

func (schemaInvalid) Check(c *Context) []Finding {
	man := c.Manifest
	if man == nil || len(man.BackgroundTasks) == 0 {
		return nil
	}
	var out []Finding
	seen := map[string]bool{}
	for _, e := range mfSchemaErrors(c) {
		if mfOwnedElsewhere(e) {
			continue
		}
		msg := mfSchemaMessage(man, e)
		key := e.InstanceLocation + "\x00" + msg
		if seen[key] {
			continue
		}
		seen[key] = true
		pos, _ := man.PosOf(e.InstanceLocation)
		out = append(out, AtManifest(metaBG002, man, pos, "%s", msg))
	}
	return out
}

// mfSchemaErrors validates the manifest's JSON model against the embedded
// manifest schema, once per Context. A schema that cannot be used is a
// programming error that every test run catches, so it panics (rules.Run
// turns that into an error).
//
// The model is validated without its elements' line and column when they
// are all ≥ 1: the schema asks nothing else of them (TestPositionsSchema
// holds it to that), so they cannot add an error, and they were a third of
// the validation's cost. A position below 1 brings them all back, for the
// schema to report.
func mfSchemaErrors(c *Context) []schema.Error {
	if c.schemaErrsDone {
		return c.schemaErrs
	}
	if schemaClean(c.Manifest) {
		c.schemaErrsDone = true
		return nil
	}
	model, ok := c.Manifest.JSONModelWithoutPositions()
	if ok {
		model = schemaRelevant(model)
	} else {
		model = c.Manifest.JSONModel()
	}
	errs, err := schema.Validate("manifest", model)
	if err != nil {
		panic(fmt.Sprintf("manifest schema: %v", err))
	}
	c.schemaErrs, c.schemaErrsDone = errs, true
	return errs
}

// unvalidatedLists are the model's lists in which the schema can find
// nothing once positions are gone: their items are objects of strings the
// model always fills, and enums (an extension's level) it only ever
// writes valid. A manifest of a large app has dozens of capabilities and
// extensions that the validator walked for nothing.
var unvalidatedLists = []string{"applications", "packageExtensions", "capabilities", "comServerClasses", "activatableClasses"}

// schemaRelevant is a position-free model with those lists emptied (a
// copy: the model's own map is left as it is). TestSchemaErrorsOfTheRelevantModel
// holds it to the whole model's errors.
func schemaRelevant(model map[string]any) map[string]any {
	out := make(map[string]any, len(model))
	for k, v := range model {
		out[k] = v
	}
	for _, k := range unvalidatedLists {
		if _, ok := out[k]; ok {
			out[k] = []any{}
		}
	}
	return out
}

// mfBgPointer splits "/backgroundTasks/N/rest" into N and rest.
func mfBgPointer(ptr string) (int, string, bool) {
	rest, ok := strings.CutPrefix(ptr, "/backgroundTasks/")
	if !ok {
		return 0, "", false
	}
	num, tail, _ := strings.Cut(rest, "/")
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	return n, tail, true
}

// mfTaskPointer matches "backgroundTasks/tasks/N/..." (the tail after the extension).
func mfTaskPointer(tail string) (int, string, bool) {
	rest, ok := strings.CutPrefix(tail, "backgroundTasks/tasks/")
	if !ok {
		return 0, "", false
	}
	num, field, _ := strings.Cut(rest, "/")
	n, err := strconv.Atoi(num)
	return n, field, err == nil
}

// mfOwnedElsewhere reports schema errors that BG003 (task types) and BG006
// (entry points) report with their own explanations.
func mfOwnedElsewhere(e schema.Error) bool {
	_, tail, ok := mfBgPointer(e.InstanceLocation)
	if !ok {
		return false
	}
	if tail == "entryPoint" {
		return true
	}
	_, field, ok := mfTaskPointer(tail)
	return ok && field == "type" && strings.HasSuffix(e.KeywordLocation, "/enum")
}

// mfSchemaMessage explains a schema error in the manifest's terms.
func mfSchemaMessage(man *manifest.Manifest, e schema.Error) string {
	n, tail, ok := mfBgPointer(e.InstanceLocation)
	if !ok || n >= len(man.BackgroundTasks) {
		return fmt.Sprintf("%s: %s", e.InstanceLocation, e.Message)
	}
	bt := man.BackgroundTasks[n]
	kw := e.KeywordLocation
	switch {
	case tail == "" && strings.HasSuffix(kw, "/required"):
		return "the windows.backgroundTasks extension has no <BackgroundTasks> element listing its task types"
	case tail == "level":
		return "windows.backgroundTasks is declared at package level; background tasks are declared in an <Application>'s <Extensions>"
	case tail == "namespace":
		return fmt.Sprintf("windows.backgroundTasks is declared on <%s>; only the foundation <Extension> (no namespace prefix) can declare background tasks", mfQName(bt.Element))
	case tail == "executable":
		return fmt.Sprintf("Executable %q must name an .exe file", bt.Executable.Value)
	case tail == "resourceGroup" && strings.Contains(kw, "/then/"):
		return `ResourceGroup cannot be combined with uap4:SupportsMultipleInstances="true"; remove one of them`
	case tail == "resourceGroup":
		return fmt.Sprintf("ResourceGroup %q must be dot-separated names of ASCII letters and digits, each starting with a letter (at most 255 characters)", bt.ResourceGroup.Value)
	case tail == "backgroundTasks/serverName" && strings.Contains(kw, "/dependentSchemas/"):
		return `ServerName cannot be combined with uap4:SupportsMultipleInstances="true"; remove one of them`
	case tail == "backgroundTasks/serverName":
		return fmt.Sprintf("ServerName %q must be dot-separated names of ASCII letters and digits, each starting with a letter (at most 255 characters)", bt.ServerName.Value)
	case tail == "backgroundTasks/supportsMultipleInstances":
		return fmt.Sprintf("uap4:SupportsMultipleInstances is %q; it must be \"true\" or \"false\"", bt.SupportsMultipleInstances.Value)
	case tail == "runtimeType":
		return fmt.Sprintf("RuntimeType %q is not an activatable class ID", bt.RuntimeType.Value)
	case tail == "startPage":
		return "StartPage is empty; name the JavaScript file that runs the task"
	case tail == "backgroundTasks/tasks" && strings.HasSuffix(kw, "/minItems"):
		return "<BackgroundTasks> declares no <Task>; list the task type of every trigger this entry point is registered with"
	case tail == "backgroundTasks/tasks" && strings.HasSuffix(kw, "/maxItems"):
		return "<BackgroundTasks> declares more than 17 tasks, the most the schema allows"
	case tail == "backgroundTasks" && strings.HasSuffix(kw, "/required"):
		return "<BackgroundTasks> declares no <Task>"
	}
	if i, field, ok := mfTaskPointer(tail); ok && i < len(bt.Tasks) && field == "" && strings.HasSuffix(kw, "/required") {
		return fmt.Sprintf("<%s> has no Type attribute", mfQName(bt.Tasks[i].Element))
	}
	if rest, ok := strings.CutPrefix(tail, "unknownAttributes/"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i < len(bt.UnknownAttrs) {
			return mfUnknownAttrMessage(bt.UnknownAttrs[i])
		}
	}
	if rest, ok := strings.CutPrefix(tail, "unknownChildren/"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i < len(bt.UnknownChildren) {
			return mfUnknownChildMessage(bt, bt.UnknownChildren[i])
		}
	}
	return fmt.Sprintf("%s: %s", e.InstanceLocation, e.Message)
}

func mfQName(e manifest.Element) string {
	if e.Prefix == "" {
		return e.Name
	}
	return e.Prefix + ":" + e.Name
}

// mfKnownAttrs are the attributes each element may carry, for "did you mean".
var mfKnownAttrs = map[string][]string{
	"Extension":       {"Category", "EntryPoint", "Executable", "StartPage", "RuntimeType", "ResourceGroup"},
	"BackgroundTasks": {"ServerName"},
	"Task":            {"Type"},
}

func mfUnknownAttrMessage(a manifest.UnknownAttr) string {
	name := a.Name
	if strings.HasPrefix(name, "{") {
		ns, local, _ := strings.Cut(name[1:], "}")
		return fmt.Sprintf("attribute %s (namespace %s) does not belong on <%s>", local, ns, a.Element)
	}
	msg := fmt.Sprintf("attribute %s does not belong on <%s>", name, a.Element)
	if a.Element == "BackgroundTasks" && strings.EqualFold(name, "SupportsMultipleInstances") {
		return msg + `; it is uap4:SupportsMultipleInstances, with xmlns:uap4="http://schemas.microsoft.com/appx/manifest/uap/windows10/4" declared`
	}
	for _, k := range mfKnownAttrs[a.Element] {
		if strings.EqualFold(k, name) {
			return msg + fmt.Sprintf("; did you mean %s? (attribute names are case-sensitive)", k)
		}
	}
	return msg
}

func mfUnknownChildMessage(bt *manifest.BackgroundTaskExtension, c manifest.Element) string {
	parent := "<" + mfQName(bt.Element) + ">"
	if bt.BackgroundTasks != nil && c.Pos.Offset > bt.BackgroundTasks.Pos.Offset && c.Pos.Offset < bt.BackgroundTasks.End {
		parent = "<BackgroundTasks>"
		for _, t := range bt.Tasks {
			if c.Pos.Offset > t.Element.Pos.Offset && c.Pos.Offset < t.Element.End {
				parent = "<" + mfQName(t.Element) + ">"
			}
		}
	}
	msg := fmt.Sprintf("element <%s> does not belong in %s", mfQName(c), parent)
	switch {
	case c.Name == "Task":
		msg += fmt.Sprintf("; a Task in namespace %q declares nothing: use <Task>, <uap:Task> or <iot:Task>", c.Namespace)
	case c.Name == "BackgroundTasks":
		msg += "; an extension has one <BackgroundTasks>: merge their tasks"
	}
	return msg
}
