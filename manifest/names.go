package manifest

import "strings"

// IsManifestName reports whether a file's base name is an app manifest, in
// any case: Package.appxmanifest (a project's source manifest), any other
// *.appxmanifest (Package.Release.appxmanifest and friends),
// AppxManifest.xml (the generated one in a package layout, or a
// hand-written one for a sparse or MSIX package) and *AppxManifest*.xml
// (Test-AppxManifest.xml, AppxManifest.Store.xml).
func IsManifestName(base string) bool {
	if isASCII(base) {
		// the walk asks for every file of the tree: no lower-cased copy
		if hasSuffixFold(base, ".xml") {
			return containsFold(base[:len(base)-len(".xml")], "appxmanifest")
		}
		return hasSuffixFold(base, ".appxmanifest") && len(base) > len(".appxmanifest")
	}
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".xml") {
		return strings.Contains(lower[:len(lower)-len(".xml")], "appxmanifest")
	}
	return strings.HasSuffix(lower, ".appxmanifest") && len(lower) > len(".appxmanifest")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasSuffixFold and containsFold compare ASCII text, ignoring case, with
// a lower-case ASCII word.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
