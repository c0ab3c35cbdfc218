package workspace

import (
	"path/filepath"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

// skippedDirs are build output, dependency and tool folders: generated
// copies of the manifest (bin/x64/Debug/AppxManifest.xml) and vendored code
// live there, and reading them would report the same App twice.
var skippedDirs = map[string]bool{
	"bin":             true,
	"obj":             true,
	"apppackages":     true,
	"node_modules":    true,
	"packages":        true,
	".git":            true,
	".vs":             true,
	"bundleartifacts": true,
}

// isSkippedDir reports whether a directory name is never descended into.
// Other hidden directories (.github, .vscode, .idea) hold no app code either.
func isSkippedDir(name string) bool {
	return skippedDirs[strings.ToLower(name)] || (len(name) > 1 && name[0] == '.')
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
