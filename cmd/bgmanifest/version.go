package main

import (
	"runtime/debug"
)

// commit is set by the release build (-ldflags "-X main.commit=...") next to
// version; otherwise it comes from the build information when Go recorded
// it (a build inside a git checkout).
var commit = ""

func init() {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	version, commit = versionFromBuildInfo(version, commit, info)
}

// versionFromBuildInfo fills in what the linker did not stamp: `go install
// …/cmd/bgmanifest@v1.2.3` records v1.2.3 as the main module's version, and
// a build in a git checkout records the commit (and whether the tree had
// changes). "(devel)" and an empty version leave "dev" in place.
func versionFromBuildInfo(version, commit string, info *debug.BuildInfo) (string, string) {
	if version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		version = info.Main.Version
	}
	if commit == "" {
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if commit != "" && modified {
			commit += " (modified)"
		}
	}
	return version, commit
}

// versionText is what `bgmanifest version` prints.
func versionText() string {
	if commit == "" {
		return "bgmanifest " + version
	}
	return "bgmanifest " + version + " (commit " + commit + ")"
}
