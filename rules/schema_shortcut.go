package rules

import (
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
)

// schemaClean reports whether the manifest schema certainly finds nothing
// in man's model, so that mfSchemaErrors can skip the validator (7 % of a
// 1 000-App workspace's CPU, for manifests nearly all of which are clean).
//
// It is one-sided: true only for the plain shapes it knows the schema
// accepts (ASCII dotted entry points, an .exe Executable, a StartPage,
// declared task types in their own namespace, every position ≥ 1); any
// other value, however valid, answers false and the validator decides.
// So it never hides an error, whatever the schema says of shapes it does
// not know, as long as what it accepts stays valid:
// TestSchemaCleanImpliesNoSchemaErrors and FuzzSchemaClean hold it to
// the validator on every fixture, on mutations of each field it reads and
// on fuzzed manifests.
func schemaClean(man *manifest.Manifest) bool {
	switch man.Encoding {
	case "utf-8", "utf-8-bom", "utf-16le", "utf-16be":
	default:
		return false
	}
	for _, p := range man.Problems {
		if !posOK(p.Pos) {
			return false
		}
	}
	// Positions are all the schema asks of the lists mfSchemaErrors
	// empties (schemaRelevant); one below 1 has the whole model validated.
	if man.Identity != nil && !posOK(man.Identity.Element.Pos) {
		return false
	}
	for _, a := range man.Applications {
		if !posOK(a.Element.Pos) || !extensionsPosOK(a.Extensions) {
			return false
		}
	}
	if !extensionsPosOK(man.PackageExtensions) {
		return false
	}
	for _, c := range man.Capabilities {
		if !posOK(c.Element.Pos) {
			return false
		}
	}
	for _, c := range man.ComServerClasses {
		if !posOK(c.Element.Pos) {
			return false
		}
	}
	for _, c := range man.ActivatableClasses {
		if !posOK(c.Element.Pos) {
			return false
		}
	}
	for _, b := range man.BackgroundTasks {
		if !backgroundTaskClean(b) {
			return false
		}
	}
	return true
}

func posOK(p manifest.Pos) bool { return p.Line >= 1 && p.Col >= 1 }

func extensionsPosOK(xs []manifest.Extension) bool {
	for _, x := range xs {
		if !posOK(x.Element.Pos) {
			return false
		}
	}
	return true
}

// backgroundTaskClean is schemaClean for one windows.backgroundTasks
// extension.
func backgroundTaskClean(b *manifest.BackgroundTaskExtension) bool {
	if b.Level != manifest.LevelApplication || !posOK(b.Element.Pos) {
		return false
	}
	if b.Element.Namespace != platform.NSFoundation && b.Element.Namespace != platform.NS2010 {
		return false
	}
	// Rare attributes, and anything unknown, go to the validator.
	if b.RuntimeType.Present || b.ResourceGroup.Present || b.ServerName.Present || len(b.UnknownAttrs) > 0 || len(b.UnknownChildren) > 0 {
		return false
	}
	if b.EntryPoint.Present && !plainEntryPoint(b.EntryPoint.Value) {
		return false
	}
	if b.Executable.Present && !hasSuffixFold(b.Executable.Value, ".exe") {
		return false
	}
	if b.StartPage.Present && b.StartPage.Value == "" {
		return false
	}
	if b.BackgroundTasks == nil || !posOK(b.BackgroundTasks.Pos) {
		return false
	}
	if smi := b.SupportsMultipleInstances; smi.Present {
		switch smi.Value {
		case "true", "false", "1", "0":
		default:
			return false
		}
	}
	if len(b.Tasks) < 1 || len(b.Tasks) > 17 {
		return false
	}
	for _, t := range b.Tasks {
		if !posOK(t.Element.Pos) || !t.Type.Present || !slices.Contains(platform.TaskTypes[t.Namespace], t.Type.Value) {
			return false
		}
	}
	return true
}

// plainEntryPoint reports whether s is two or more ASCII identifiers
// joined by dots, at most 256 characters long, that does not end in a file
// extension the schema refuses: a subset of what its entryPoint pattern
// accepts (which allows any Unicode letter and $Macro$ parts).
func plainEntryPoint(s string) bool {
	if len(s) > 256 {
		return false
	}
	parts := 0
	for part := range strings.SplitSeq(s, ".") {
		if part == "" || !identStart(part[0]) {
			return false
		}
		for i := 1; i < len(part); i++ {
			if !identStart(part[i]) && (part[i] < '0' || part[i] > '9') {
				return false
			}
		}
		parts++
	}
	if parts < 2 {
		return false
	}
	return !mfHasFileSuffix(s)
}

func identStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
