package workspace

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

// skippedDirs are build output, dependency and tool folders: generated
// copies of the manifest (bin/x64/Debug/AppxManifest.xml) and vendored code
// live there, and reading them would report the same App twice. A folder
// named packages is skipped only when it is NuGet's (see isNuGetFolder): a
// yarn or lerna monorepo keeps its apps in one.
var skippedDirs = map[string]bool{
	"bin":             true,
	"obj":             true,
	"apppackages":     true,
	"appx":            true,
	"node_modules":    true,
	".git":            true,
	".vs":             true,
	"bundleartifacts": true,
}

// isSkippedDir reports whether a directory name is never descended into.
// Other hidden directories (.github, .vscode, .idea) hold no app code either.
func isSkippedDir(name string) bool {
	return skippedDirs[strings.ToLower(name)] || (len(name) > 1 && name[0] == '.')
}

// isNuGetFolder reports whether the entries of a folder named packages are
// NuGet's: a *.nupkg file, repositories.config, or an Id.Version folder
// (Newtonsoft.Json.13.0.1) as packages.config restores them.
func isNuGetFolder(entries []os.DirEntry) bool {
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		if strings.HasSuffix(name, ".nupkg") || name == "repositories.config" {
			return true
		}
		if e.IsDir() && isVersionedName(name) {
			return true
		}
	}
	return false
}

// isVersionedName reports whether a folder name ends in a NuGet version of
// at least two numeric parts: Id.1.2, Id.1.2.3-beta.
func isVersionedName(name string) bool {
	parts := strings.Split(name, ".")
	for i := 1; i < len(parts); i++ {
		if !startsWithDigit(parts[i]) {
			continue
		}
		rest := parts[i:]
		if len(rest) < 2 {
			return false
		}
		for j, p := range rest {
			if j == len(rest)-1 {
				p, _, _ = strings.Cut(p, "-")
			}
			if strings.Trim(p, "0123456789") != "" {
				return j > 1 // 1.2.3-beta.4: the pre-release label may hold dots
			}
		}
		return true
	}
	return false
}

// isManifestName reports whether a file name is an app package manifest
// (Package.appxmanifest, AppxManifest.xml, *.appxmanifest, any case).
func isManifestName(name string) bool { return manifest.IsManifestName(name) }

// projectExts are the project files that can own a manifest or sources.
var projectExts = map[string]registration.Language{
	".csproj":  registration.CSharp,
	".vbproj":  registration.VB,
	".vcxproj": registration.CPP,
	".jsproj":  registration.JavaScript,
	".wapproj": "",
}

func isProjectName(name string) bool {
	_, ok := projectExts[strings.ToLower(filepath.Ext(name))]
	return ok
}

// isSolutionName: classic .sln files and the XML .slnx format of newer
// Visual Studio versions.
func isSolutionName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".sln" || ext == ".slnx"
}

// languageOf maps a source file's extension to its language; ok is false
// for files no scanner reads. The scanner's own table decides, so that
// discovery lists exactly the files it can read.
func languageOf(path string) (registration.Language, bool) { return registration.LanguageOf(path) }

// templateFragmentSuffixes end the base names of the merge fragments that
// Windows Template Studio (and the templates built on its engine) keeps
// beside each template: Package_postaction.appxmanifest,
// Param_ProjectName_searchreplace.csproj. The engine merges the lines
// between their <!--{[{--> and <!--}]}--> markers into the generated
// project's file of the same name; the fragment itself is no manifest
// and no project (markers inside a start tag, a root such as
// <Applications> or <TargetFramework>, prefixes declared only in the
// target), and no build reads it. _gpostaction must come before
// _postaction, which it ends with.
var templateFragmentSuffixes = []string{"_gpostaction", "_postaction", "_searchreplace"}

// templateFragment returns the kind of template merge fragment a file
// name is ("*_postaction.appxmanifest", "*_searchreplace.csproj": the
// suffix and the extension, lower case), or "" when it is none. A
// numbered variant (Param_ProjectName_searchreplace.1.vbproj, the second
// fragment for one target) is the same kind.
func templateFragment(name string) string {
	lower := strings.ToLower(name)
	ext := filepath.Ext(lower)
	base := strings.TrimSuffix(lower, ext)
	if dot := strings.LastIndexByte(base, '.'); dot >= 0 && dot+1 < len(base) && strings.Trim(base[dot+1:], "0123456789") == "" {
		base = base[:dot]
	}
	for _, s := range templateFragmentSuffixes {
		if strings.HasSuffix(base, s) {
			return "*" + s + ext
		}
	}
	return ""
}
