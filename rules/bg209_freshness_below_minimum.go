package rules

import "github.com/bgmanifest/bgmanifest/registration"

func init() { Register(freshnessBelowMinimum{}) }

type freshnessBelowMinimum struct{}

// minFreshnessMinutes is the smallest FreshnessTime TimeTrigger and
// MaintenanceTrigger accept.
const minFreshnessMinutes = 15

var metaBG209 = Meta{
	ID:        "BG209",
	Name:      "freshness-below-minimum",
	Severity:  Error,
	Summary:   "TimeTrigger/MaintenanceTrigger with a freshness time under 15 minutes",
	NeedsCode: true,
	Doc: `# BG209 freshness-below-minimum

**What it finds.** A ` + "`TimeTrigger`" + ` or ` + "`MaintenanceTrigger`" + ` created with a
freshness time (its first argument, in minutes) below 15. Values the
scanner cannot compute statically (read from settings, computed at run
time) are not reported.

**Why it fails.** 15 minutes is the shortest interval these triggers
support. The constructor accepts a smaller value, but
` + "`BackgroundTaskBuilder.Register()`" + ` validates the trigger and throws (an
invalid-argument exception), so the task is never registered. When the
exception is swallowed by a ` + "`try`/`catch`" + ` around the registration, the
symptom is a periodic task that silently never runs.

**Bad (C#)**

` + "```csharp" + `
builder.SetTrigger(new TimeTrigger(5, false));
` + "```" + `

**Good (C#)**

` + "```csharp" + `
builder.SetTrigger(new TimeTrigger(15, false));
` + "```" + `

**Bad (C++/WinRT)**

` + "```cpp" + `
builder.SetTrigger(MaintenanceTrigger(10, false));
` + "```" + `

**Good (C++/WinRT)**

` + "```cpp" + `
builder.SetTrigger(MaintenanceTrigger(15, false));
` + "```" + `

**How to fix.** Use a freshness time of at least 15 minutes. For work that
must happen sooner, use another trigger (an ` + "`ApplicationTrigger`" + ` fired by the
app, a push notification) or do the work in the foreground.
`,
}

func (freshnessBelowMinimum) Meta() Meta { return metaBG209 }

func (freshnessBelowMinimum) Check(c *Context) []Finding {
	if c.Facts == nil {
		return nil
	}
	type key struct {
		pos     registration.Pos
		minutes int
	}
	seen := map[key]bool{}
	var out []Finding
	for i := range c.Facts.Registrations {
		r := &c.Facts.Registrations[i]
		if r.MayNotRun() {
			continue // in code a project's own #if symbol turns on
		}
		for _, t := range r.Triggers {
			if !isFreshnessTrigger(t.Class) || t.FreshnessMinutes < 0 || t.FreshnessMinutes >= minFreshnessMinutes || !t.Pos.IsValid() {
				continue
			}
			k := key{t.Pos, t.FreshnessMinutes}
			if seen[k] {
				continue
			}
			seen[k] = true
			f := AtCode(metaBG209, t.Pos, "%s freshness %d minutes is below the %d-minute minimum; Register() throws",
				t.Class, t.FreshnessMinutes, minFreshnessMinutes)
			if len(r.Via) > 0 && r.Via[0].IsValid() && r.Via[0] != t.Pos {
				f.Related = []Related{RelatedCode(r.Via[0], "registered through this call")}
			}
			out = append(out, f)
		}
	}
	return out
}

func isFreshnessTrigger(class string) bool {
	return class == "TimeTrigger" || class == "MaintenanceTrigger"
}
