package manifest

import "strings"

// IsManifestName reports whether a file's base name is an app manifest, in
// any case: Package.appxmanifest (a project's source manifest), any other
// *.appxmanifest (Package.Release.appxmanifest and friends),
// AppxManifest.xml (the generated one in a package layout, or a
// hand-written one for a sparse or MSIX package) and *AppxManifest*.xml
// (Test-AppxManifest.xml, AppxManifest.Store.xml).
func IsManifestName(base string) bool {
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".xml") {
		return strings.Contains(lower[:len(lower)-len(".xml")], "appxmanifest")
	}
	return strings.HasSuffix(lower, ".appxmanifest") && len(lower) > len(".appxmanifest")
}
