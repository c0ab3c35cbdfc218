package rules

import (
	"fmt"
	"strings"
)

func init() { Register(existingCheckNameMismatch{}) }

type existingCheckNameMismatch struct{}

var metaBG212 = Meta{
	ID:        "BG212",
	Name:      "existing-check-name-mismatch",
	Severity:  Warning,
	Summary:   "the AllTasks look-up compares with a task name no registration uses, and the registered name is never looked up",
	NeedsCode: true,
	Doc: `# BG212 existing-check-name-mismatch

**What it finds.** A look-up of the tasks already registered
(` + "`BackgroundTaskRegistration.AllTasks`" + ` and equivalents) compares each task's
` + "`Name`" + ` with a name that no ` + "`BackgroundTaskBuilder`" + ` of the App registers, while
a name the App does register is compared by no look-up: typically a
misspelling (` + "`\"GeofenceTask\"`" + ` against ` + "`\"GeoFenceTask\"`" + `) or a task renamed
in one place only. Reported at the compared value, with the registration
whose name is never looked up.

The rule stays silent when some registration's name cannot be resolved
statically (it could be the compared one), and ignores look-ups that
compare with a value the scanner cannot resolve.

**Why it fails.** The look-up never finds the task, so the code believes it
is not registered and registers it again on every run. Registrations
persist and ` + "`Register()`" + ` adds a new one each time: the task ends up
registered many times and runs once per copy on every trigger, doing its
work concurrently with itself.

**Bad (C#)**

` + "```csharp" + `
foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
    if (task.Name == "GeofenceTask")
        return;
var builder = new BackgroundTaskBuilder { Name = "GeoFenceTask", TaskEntryPoint = "Tasks.GeofenceTask" };
builder.SetTrigger(new LocationTrigger(LocationTriggerType.Geofence));
builder.Register();
` + "```" + `

**Good (C#)**

` + "```csharp" + `
const string TaskName = "GeofenceTask";
foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
    if (task.Name == TaskName)
        return;
var builder = new BackgroundTaskBuilder { Name = TaskName, TaskEntryPoint = "Tasks.GeofenceTask" };
builder.SetTrigger(new LocationTrigger(LocationTriggerType.Geofence));
builder.Register();
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
for (auto const& task : BackgroundTaskRegistration::AllTasks())
    if (task.Value().Name() == L"SyncTask") co_return;
BackgroundTaskBuilder builder;
builder.Name(L"Sync");
` + "```" + `

**How to fix.** Spell the name the same way in the look-up and in the
registration; keep it in one constant that both use.
`,
}

func (existingCheckNameMismatch) Meta() Meta { return metaBG212 }

func (existingCheckNameMismatch) Check(c *Context) []Finding {
	if c.Facts == nil || !sourcesComplete(c) {
		return nil
	}
	var out []Finding
	for _, m := range lookUpNameMismatches(c.Facts) {
		r := m.Registered
		f := AtCode(metaBG212, m.Looked.Pos, "the look-up of the registered tasks compares with \"%s\", which no registration uses, "+
			"while the task registered as \"%s\" is never looked up: the look-up never finds it, so it is registered again on every run%s",
			m.Looked.Name, r.Name.Str, bg212Hint(m.Looked.Name, r.Name.Str))
		if p := r.Name.Pos; p.IsValid() && len(r.Via) == 0 {
			f.Related = append(f.Related, RelatedCode(p, fmt.Sprintf("registered as \"%s\" here", r.Name.Str)))
		} else if r.Pos.IsValid() {
			f.Related = append(f.Related, RelatedCode(r.Pos, fmt.Sprintf("registered as \"%s\" here", r.Name.Str)))
		}
		out = append(out, f)
	}
	return out
}

func bg212Hint(looked, registered string) string {
	if strings.EqualFold(looked, registered) {
		return "; task names are compared case-sensitively"
	}
	return fmt.Sprintf("; did you mean \"%s\"?", registered)
}
