package rules

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
)

// How findings name the manifest, a registration's task and the task
// types a trigger needs.

// manifestName is the manifest's file name, used in messages (the full
// path is the finding's or related location's file).
func manifestName(man *manifest.Manifest) string {
	if man == nil || man.Path == "" {
		return "the manifest"
	}
	return filepath.Base(man.Path)
}

// taskTypeFor names the task type(s) a trigger needs, for messages:
// `<Task Type="timer"/>` or `<uap:Task Type="mediaProcessing"/>`; the
// documented one for a certain trigger, every accepted one joined with "or"
// for an ambiguous trigger.
func taskTypeFor(info platform.TriggerInfo) string {
	if info.Certain && len(info.Accepted) > 1 {
		info.Accepted = info.Accepted[:1]
	}
	prefix := ""
	if info.Namespace == platform.NSUap {
		prefix = "uap:"
	}
	parts := make([]string, len(info.Accepted))
	for i, t := range info.Accepted {
		parts[i] = "<" + prefix + `Task Type="` + t + `"/>`
	}
	return strings.Join(parts, " or ")
}

// taskLabel names a registration's task for the start of a message.
func taskLabel(r *registration.Registration) string {
	if r.Name.Resolved && r.Name.Str != "" {
		return fmt.Sprintf("background task \"%s\"", r.Name.Str)
	}
	return "a background task"
}

// taskNameSuffix is the registration's task name for messages ("" when unknown).
func taskNameSuffix(r *registration.Registration) string {
	if r.Name.Resolved && r.Name.Str != "" {
		return fmt.Sprintf(" (task \"%s\")", r.Name.Str)
	}
	return ""
}
