package platform

import (
	"sort"
	"strings"
)

// TaskTypeTrigger is one trigger class that a task type satisfies.
type TaskTypeTrigger struct {
	Trigger string
	Info    TriggerInfo
}

// TriggersForTaskType inverts the trigger table: the trigger classes that a
// declared task type satisfies (the language server's hover lists them).
// Triggers whose row is certain come first, then those for which t is the
// preferred type, then the rest; each group is sorted by name. Aliases of one
// trigger (BackgroundTransferCompletionGroup's Trigger property spelled per
// language) are listed once.
func TriggersForTaskType(t string) []TaskTypeTrigger {
	var out []TaskTypeTrigger
	seen := map[string]bool{}
	for name, info := range triggerTable {
		simple := triggerDisplayName(name)
		if seen[simple] {
			continue
		}
		for _, a := range info.Accepted {
			if a == t {
				seen[simple] = true
				out = append(out, TaskTypeTrigger{Trigger: simple, Info: info})
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Info.Certain != b.Info.Certain {
			return a.Info.Certain
		}
		if ap, bp := a.Info.Accepted[0] == t, b.Info.Accepted[0] == t; ap != bp {
			return ap
		}
		return a.Trigger < b.Trigger
	})
	return out
}

// triggerDisplayName folds the spellings of a trigger property
// ("Group.Trigger", "Group::Trigger", "Group->Trigger", "Group.trigger", and
// the scanner's "GroupTrigger") into "Group.Trigger".
func triggerDisplayName(key string) string {
	for _, sep := range []string{"::", "->", "."} {
		if i := strings.LastIndex(key, sep); i > 0 && strings.EqualFold(key[i+len(sep):], "trigger") {
			return key[:i] + ".Trigger"
		}
	}
	if owner, ok := strings.CutSuffix(key, "Trigger"); ok && owner != "" {
		if _, prop := triggerTable[owner+".Trigger"]; prop {
			return owner + ".Trigger"
		}
	}
	return key
}
