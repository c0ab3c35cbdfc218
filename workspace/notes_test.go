package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGroupNotes pins which repeated Notes are told once, and that every
// Note naming a problem of its own stays.
func TestGroupNotes(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lib", "present"), 0o755); err != nil {
		t.Fatal(err)
	}
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	// two submodules that were never checked out, and one that was
	gitmodules := "[submodule \"ext/zlib\"]\n\tpath = ext/zlib\n\turl = https://example.invalid/zlib.git\n" +
		"[submodule \"ext/json\"]\n\tpath = ext/json\n[submodule \"ext/here\"]\n\tpath = ext/here\n"
	if err := os.WriteFile(at(".gitmodules"), []byte(gitmodules), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(at("ext/json"), 0o755); err != nil { // empty: not checked out
		t.Fatal(err)
	}
	if err := os.MkdirAll(at("ext/here/src"), 0o755); err != nil {
		t.Fatal(err)
	}
	missingProject := func(from string, line int, project string) Note {
		return newNote(at(from), line, "referenced project %s does not exist", at(project)).about(noteMissingProject, at(project))
	}
	missingSource := func(from string, line int, file string) Note {
		return newNote(at(from), line, "source file %s listed in the project does not exist", at(file)).about(noteMissingSource, at(file))
	}
	unresolved := func(from string, line int, expr string) Note {
		return newNote(at(from), line, "cannot resolve %s in %q; item skipped", expr, expr+`\x.c`).about(noteUnresolved, expr)
	}
	notes := []Note{
		// a solution whose projects were never committed
		missingProject("Front.sln", 12, "Front/B/B.csproj"),
		missingProject("Front.sln", 8, "Front/A/A.csproj"),
		missingProject("Front.sln", 16, "Front/C/C.csproj"),
		missingProject("Front.sln", 20, "Front/D/D.csproj"),
		// projects npm installs, beside one that is simply missing
		missingProject("app/windows/app.sln", 10, "app/node_modules/rnw/Folly/Folly.vcxproj"),
		missingProject("app/windows/app.sln", 14, "app/node_modules/rnw/fmt/fmt.vcxproj"),
		missingProject("app/windows/app.sln", 18, "app/windows/Extra/Extra.csproj"),
		// a vendored tree that is not in the repository, listed by two projects
		missingSource("lib/core/core.vcxproj", 41, "lib/vendor/core/a.h"),
		missingSource("lib/core/core.vcxproj", 42, "lib/vendor/core/b.h"),
		missingSource("lib/js/js.vcxproj", 80, "lib/vendor/js/c.h"),
		// missing files of folders that exist: each a problem of its own
		missingSource("lib/core/core.vcxproj", 50, "lib/present/gone.cpp"),
		missingSource("lib/core/core.vcxproj", 51, "lib/present/gone.h"),
		// one folder alone
		missingSource("lib/js/js.vcxproj", 95, "lib/other/d.h"),
		// a package npm installs
		missingSource("lib/js/js.vcxproj", 120, "node_modules/folly/a.h"),
		missingSource("lib/js/js.vcxproj", 121, "node_modules/folly/b.h"),
		// MIDL's three outputs under one unresolved property
		unresolved("proxy/proxy.vcxproj", 252, "$(Platform)"),
		unresolved("proxy/proxy.vcxproj", 236, "$(Platform)"),
		unresolved("proxy/proxy.vcxproj", 244, "$(Platform)"),
		unresolved("proxy/proxy.vcxproj", 300, "$(Other)"),
		newNote(at("App/Package.appxmanifest"), 0, "not an App: a binary file"),
		// projects and sources of submodules not checked out
		missingProject("Tools.sln", 5, "ext/zlib/contrib/zlib.vcxproj"),
		missingProject("Tools.sln", 9, "ext/json/json.vcxproj"),
		missingProject("Tools.sln", 13, "tools/Gone/Gone.csproj"),
		missingProject("Lone.sln", 3, "ext/zlib/zlib.vcxproj"),
		missingSource("tools/zip/zip.csproj", 7, "ext/zlib/src/*.c"),
		missingSource("tools/zip/zip.csproj", 8, "ext/zlib/inflate.c"),
		// a file missing from a submodule that is there is no news of it
		missingSource("tools/zip/zip.csproj", 9, "ext/here/src/gone.c"),
	}
	var got []string
	for _, n := range groupNotes(notes) {
		rel, _ := filepath.Rel(dir, n.Path)
		n.Path = filepath.ToSlash(rel)
		got = append(got, n.String())
	}
	slices.Sort(got)
	p := func(rel string) string { return at(rel) }
	want := []string{
		"App/Package.appxmanifest: not an App: a binary file",
		"Front.sln:8: 4 referenced projects do not exist: " + p("Front/A/A.csproj") + ", " + p("Front/B/B.csproj") + ", " + p("Front/C/C.csproj") + ", and 1 more",
		"app/windows/app.sln:10: 2 referenced projects under " + p("app/node_modules") + " do not exist; npm install puts them there (node_modules is never committed)",
		"app/windows/app.sln:18: referenced project " + p("app/windows/Extra/Extra.csproj") + " does not exist",
		"lib/core/core.vcxproj:41: folder " + p("lib/vendor") + " does not exist: 3 source files listed under it are missing (listed by core.vcxproj, js.vcxproj; the first: " + p("lib/vendor/core/a.h") + ")",
		"lib/core/core.vcxproj:50: source file " + p("lib/present/gone.cpp") + " listed in the project does not exist",
		"lib/core/core.vcxproj:51: source file " + p("lib/present/gone.h") + " listed in the project does not exist",
		"lib/js/js.vcxproj:95: source file " + p("lib/other/d.h") + " listed in the project does not exist",
		"lib/js/js.vcxproj:120: folder " + p("node_modules") + " does not exist: 2 source files listed under it are missing (listed by js.vcxproj; the first: " +
			p("node_modules/folly/a.h") + "); npm install puts them there (node_modules is never committed)",
		`proxy/proxy.vcxproj:236: cannot resolve $(Platform) in "$(Platform)\\x.c"; item skipped (and, for the same reason, 2 more of this file: lines 244, 252)`,
		`proxy/proxy.vcxproj:300: cannot resolve $(Other) in "$(Other)\\x.c"; item skipped`,
		"Tools.sln:5: 3 referenced projects do not exist: " + p("ext/zlib/contrib/zlib.vcxproj") + ", " + p("ext/json/json.vcxproj") + ", " + p("tools/Gone/Gone.csproj") +
			"; 2 of them lie in git submodules that are not checked out: ext/json, ext/zlib (git submodule update --init)",
		"Lone.sln:3: referenced project " + p("ext/zlib/zlib.vcxproj") + " does not exist; it lies in git submodule ext/zlib, which is not checked out (git submodule update --init)",
		"tools/zip/zip.csproj:7: folder " + p("ext/zlib") + " does not exist: 1 wildcard and 1 source file listed under it find nothing (listed by zip.csproj; the first: " + p("ext/zlib/src/*.c") +
			"); it is a git submodule that is not checked out (git submodule update --init)",
		"tools/zip/zip.csproj:9: source file " + p("ext/here/src/gone.c") + " listed in the project does not exist",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("grouped Notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
