package manifest

import "strings"

// IsManifestName reports whether a file's base name is an app manifest:
// Package.appxmanifest (the project's source manifest, any case),
// AppxManifest.xml (the generated one in a package layout, any case) or any
// other *.appxmanifest (Package.Release.appxmanifest and friends).
func IsManifestName(base string) bool {
	lower := strings.ToLower(base)
	if lower == "appxmanifest.xml" {
		return true
	}
	return strings.HasSuffix(lower, ".appxmanifest") && len(lower) > len(".appxmanifest")
}
