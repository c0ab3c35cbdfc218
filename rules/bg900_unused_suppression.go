package rules

func init() { Register(unusedSuppression{}) }

// unusedSuppression is registered for its metadata (rules, explain, SARIF,
// config keys). Its findings come from package suppress, which is the only
// place that knows which suppression comments matched a finding.
type unusedSuppression struct{}

// MetaUnusedSuppression is BG900's metadata; package suppress builds its
// findings with it.
var MetaUnusedSuppression = Meta{
	ID:       "BG900",
	Name:     "unused-suppression",
	Severity: Info,
	Summary:  "a suppression comment that suppresses nothing",
	Doc: `# BG900 unused-suppression

**What it finds.** A ` + "`bgmanifest:ignore`" + ` or ` + "`bgmanifest:ignore-file`" + `
comment that did not hide any finding in this run, or that names a rule
that does not exist (a typo such as ` + "`BG1O4`" + `, or a rule name that was
never part of bgmanifest). It is reported only for files of the Apps that
were linted, at the position of the comment.

**Why it matters.** Suppressions outlive the problems they were written
for. Once the code or the manifest is fixed, a forgotten comment keeps
silencing the rule at that spot, so a later regression there goes
unnoticed. A suppression that names an unknown rule never worked at all:
the finding it was meant to hide is still reported, or the comment is
noise.

**Bad**

` + "```csharp" + `
// bgmanifest:ignore BG101 the entry point is declared by the installer
builder.TaskEntryPoint = "Tasks.TimerTask"; // now declared in the manifest
` + "```" + `

` + "```xml" + `
<!-- bgmanifest:ignore declaration-unsued -->
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask">
` + "```" + `

**Good**

` + "```csharp" + `
builder.TaskEntryPoint = "Tasks.TimerTask";
` + "```" + `

` + "```xml" + `
<!-- bgmanifest:ignore declaration-unused registered by the companion app -->
<Extension Category="windows.backgroundTasks" EntryPoint="Tasks.TimerTask">
` + "```" + `

**How to fix.** Delete the comment when the problem it covered is gone;
correct the rule ID or name when it is misspelt (` + "`bgmanifest rules`" + `
lists them). A comment written for a rule that is turned off in the
configuration is not reported. To keep an intentionally dormant
suppression, silence this rule for the file with
` + "`bgmanifest:ignore-file BG900`" + `.
`,
}

func (unusedSuppression) Meta() Meta { return MetaUnusedSuppression }

// Check reports nothing: see package suppress.
func (unusedSuppression) Check(*Context) []Finding { return nil }
