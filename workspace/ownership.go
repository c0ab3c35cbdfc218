package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// verdict is what the projects around a manifest say of it (DESIGN.md,
// "An App is…", items 1 and 3): a project owns it, under all or some of
// its solution's configurations; or it is not an App (skip says why); or
// no project has a say (owner nil, skip "").
type verdict struct {
	owner   *projectFile
	configs []string
	skip    string
	// nearby, when no project has a say, says which project above the
	// manifest's folder might have been expected to package it and why it
	// does not: the App falls back to the folder, and a Note says so.
	nearby string
}

// manifestRef is one <AppxManifest Include> of a project, resolved.
type manifestRef struct {
	path string // display path
	cond string
}

// manifestRefs resolves a project's AppxManifest items.
func (p *projectFile) manifestRefs(ix *index) []manifestRef {
	var out []manifestRef
	for _, it := range p.items {
		if it.kind != "manifest" {
			continue
		}
		for _, v := range p.values(ix, it) {
			out = append(out, manifestRef{path: v, cond: it.cond})
		}
	}
	return out
}

// ownership decides who packages the manifest in dir. A project there or
// up to three folders above that names it in <AppxManifest Include> owns
// it, under the configurations its conditions allow. Else a project in
// dir that names no manifest owns a Package.appxmanifest by default (an
// SDK-style, .jsproj or .wapproj project packages its folder's; the
// packaging project first, then an app). A manifest beside (or up to three
// folders below) a project that packages another one is not an App: a
// per-configuration variant, a stale or build-output copy.
func (d *discoverer) ownership(manifest, dir string) verdict {
	want := d.ix.absPath(manifest)
	names := func(r manifestRef) bool { return strings.EqualFold(d.ix.absPath(r.path), want) }
	candidates := d.projectsIn(dir)
	var others []string
	var never string
	try := func(p *projectFile) (verdict, bool) {
		refs := p.manifestRefs(d.ix)
		var mine []manifestRef
		for _, r := range refs {
			if names(r) {
				mine = append(mine, r)
			} else {
				others = append(others, fmt.Sprintf("%s names %s", filepath.Base(p.Path), filepath.Base(r.path)))
			}
		}
		if len(mine) == 0 {
			return verdict{}, false
		}
		configs, ok := d.configurationsFor(p, mine)
		if !ok {
			never = fmt.Sprintf("%s names it only under conditions that none of its configurations (%s) meets", filepath.Base(p.Path), strings.Join(d.pairsOf(p), ", "))
			return verdict{}, false
		}
		return verdict{owner: p, configs: configs}, true
	}
	for _, p := range candidates {
		if v, ok := try(p); ok {
			return v
		}
	}
	up := dir
	for i := 0; i < 3; i++ {
		parent := filepath.Dir(up)
		if parent == up {
			break
		}
		up = parent
		for _, p := range d.projectsIn(up) {
			if v, ok := try(p); ok {
				return v
			}
		}
	}
	if never != "" {
		return verdict{skip: never}
	}
	isDefault := strings.EqualFold(filepath.Base(manifest), "Package.appxmanifest")
	var nearby string
	if isDefault && len(candidates) == 0 {
		var owner *projectFile
		if owner, nearby = d.mauiOwner(dir, names); owner != nil {
			return verdict{owner: owner}
		}
	}
	var defaults []*projectFile
	for _, p := range candidates {
		if len(p.manifestRefs(d.ix)) == 0 {
			defaults = append(defaults, p)
		}
	}
	if len(defaults) > 0 {
		if isDefault {
			for _, want := range []ProjectKind{KindPackaging, KindApp} {
				for _, p := range defaults {
					if p.Kind == want {
						return verdict{owner: p}
					}
				}
			}
			return verdict{owner: defaults[0]}
		}
		if def := d.defaultManifestIn(dir); def != "" && len(others) == 0 {
			others = append(others, fmt.Sprintf("%s packages %s by default", filepath.Base(defaults[0].Path), filepath.Base(def)))
		}
	}
	if len(others) > 0 {
		sort.Strings(others)
		return verdict{skip: "not packaged by any project: " + strings.Join(dedupSorted(others), "; ") + " (a per-configuration variant or a stale copy)"}
	}
	if nearby == "" && len(candidates) == 0 {
		nearby = d.projectAbove(dir)
	}
	return verdict{nearby: nearby}
}

// mauiOwner finds the .NET MAUI single project that packages the
// Package.appxmanifest in dir by default, up to three folders above it.
// The project file names no manifest: MAUI's single-project targets
// (Microsoft.Maui.Controls.SingleProject.Before.targets) set, for
// SingleProject=true, PlatformsProjectFolder to Platforms\ and
// WindowsProjectFolder to $(PlatformsProjectFolder)Windows\ unless the
// project sets them, and for a Windows target framework PackageManifest to
// $(WindowsProjectFolder)Package.appxmanifest when that file exists; the
// Windows App SDK's MSIX tooling packages it (MAUI's Resizetizer fills in
// its placeholders first). A project that sets WindowsPackageType None is
// unpackaged: MAUI removes the AppxManifest item, so it packages nothing.
// Without an owner, the second result says which MAUI project was near
// and why it does not package the manifest (unpackaged, or its Windows
// folder is another), for the Note of the folder fallback.
// Only an application (OutputType Exe or WinExe) with UseMaui and
// SingleProject true and a Windows target framework among its
// TargetFramework(s) definitions counts; a library is never packaged, and
// a project without a Windows target framework builds no Windows package.
func (d *discoverer) mauiOwner(dir string, names func(manifestRef) bool) (*projectFile, string) {
	up := dir
	var other string
	for i := 0; i < 3; i++ {
		parent := filepath.Dir(up)
		if parent == up {
			break
		}
		up = parent
		for _, p := range d.projectsIn(up) {
			if !p.mauiSingleApp(d.ix) {
				continue
			}
			manifest, ok := p.mauiPackageManifest(d.ix)
			if !ok {
				continue
			}
			name := filepath.Base(p.Path)
			if !names(manifestRef{path: manifest}) {
				if rel, err := filepath.Rel(p.dir, manifest); err == nil && other == "" && p.windowsTarget && d.ix.exists(d.ix.absPath(manifest)) {
					other = fmt.Sprintf("%s, a .NET MAUI single project, packages %s instead", name, filepath.ToSlash(rel))
				}
				continue
			}
			switch {
			case !p.windowsTarget:
				return nil, fmt.Sprintf("%s, a .NET MAUI single project, would package it, but none of its target frameworks is a Windows one", name)
			case p.unpackaged:
				return nil, fmt.Sprintf("%s, a .NET MAUI single project, would package it, but it sets WindowsPackageType None (an unpackaged app)", name)
			}
			return p, ""
		}
	}
	return nil, other
}

// mauiSingleApp reports whether p is a .NET MAUI single project that
// builds an application and names no manifest itself (see mauiOwner).
func (p *projectFile) mauiSingleApp(ix *index) bool {
	isTrue := func(name string) bool { return strings.EqualFold(p.props[name].value, "true") }
	return p.Kind == KindApp && p.sdk && isTrue("usemaui") && isTrue("singleproject") && len(p.manifestRefs(ix)) == 0
}

// mauiPackageManifest returns the manifest a .NET MAUI single project
// packages by default: Package.appxmanifest in $(WindowsProjectFolder),
// by default $(PlatformsProjectFolder)Windows\, by default
// Platforms\Windows\ (MAUI's targets add the trailing slash to each);
// false when a folder the project sets cannot be resolved.
func (p *projectFile) mauiPackageManifest(ix *index) (string, bool) {
	withSlash := func(dir string) string {
		if !strings.HasSuffix(dir, `\`) && !strings.HasSuffix(dir, "/") {
			return dir + `\`
		}
		return dir
	}
	platforms := `Platforms\`
	if def := p.props["platformsprojectfolder"]; def.value != "" {
		exp, err := p.expand(ix, def.value, def.file, 0)
		if err != nil {
			return "", false
		}
		platforms = withSlash(exp)
	}
	folder := platforms + `Windows\`
	if def := p.props["windowsprojectfolder"]; def.value != "" {
		raw := strings.ReplaceAll(def.value, "$(PlatformsProjectFolder)", platforms)
		exp, err := p.expand(ix, raw, def.file, 0)
		if err != nil {
			return "", false
		}
		folder = withSlash(exp)
	}
	return p.itemPath(ix, folder+"Package.appxmanifest"), true
}

// projectAbove names the first readable project up to three folders
// above dir, for the Note of an App formed by the folder fallback ("" when
// there is none: a manifest with no project near it needs no word).
func (d *discoverer) projectAbove(dir string) string {
	up := dir
	for i := 0; i < 3; i++ {
		parent := filepath.Dir(up)
		if parent == up {
			break
		}
		up = parent
		if ps := d.projectsIn(up); len(ps) > 0 {
			rel, err := filepath.Rel(dir, ps[0].Path)
			if err != nil {
				rel = ps[0].Path
			}
			return fmt.Sprintf("%s names no <AppxManifest> item, and a project packages by default only the Package.appxmanifest of its own folder", filepath.ToSlash(rel))
		}
	}
	return ""
}

// projectsIn returns the readable projects in a directory, walked or not.
func (d *discoverer) projectsIn(dir string) []*projectFile {
	var out []*projectFile
	if n := d.ix.lookup(dir); n != nil {
		for _, path := range n.projects {
			if p := d.project(path, 0, ""); p != nil {
				out = append(out, p)
			}
		}
		return out
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && isProjectName(e.Name()) && templateFragment(e.Name()) == "" {
			if p := d.project(filepath.Join(dir, e.Name()), 0, ""); p != nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// defaultManifestIn returns the Package.appxmanifest (any case) of a
// walked directory, or "".
func (d *discoverer) defaultManifestIn(dir string) string {
	if n := d.ix.lookup(dir); n != nil {
		for _, m := range n.manifests {
			if strings.EqualFold(filepath.Base(m), "Package.appxmanifest") {
				return m
			}
		}
	}
	return ""
}

// pairsOf returns the Configuration|Platform pairs a project is built in:
// those of the solutions that list it, else those the project lists.
func (d *discoverer) pairsOf(p *projectFile) []string {
	var out []string
	for _, sln := range d.slnOf[d.ix.key(p.Path)] {
		out = append(out, d.slns[sln].configs.pairs...)
	}
	if len(out) == 0 {
		out = append(out, p.configs...)
	}
	return dedupSorted(out)
}

// configurationsFor evaluates the conditions of the items that name a
// manifest for each configuration the project is built in. It returns the
// pairs under which one of them holds (nil when that is all of them, or
// none are known), and false when none does. A condition that cannot be
// evaluated counts as holding.
func (d *discoverer) configurationsFor(p *projectFile, refs []manifestRef) ([]string, bool) {
	conditional := false
	for _, r := range refs {
		conditional = conditional || r.cond != ""
	}
	if !conditional {
		return nil, true
	}
	type build struct{ label, config, platform string }
	var builds []build
	key := d.ix.key(p.Path)
	for _, sln := range d.slnOf[key] {
		info := d.slns[sln]
		for _, pair := range info.configs.pairs {
			proj := info.configs.projectPair(info.guids[key], pair)
			c, pl, _ := strings.Cut(proj, "|")
			builds = append(builds, build{label: pair, config: c, platform: pl})
		}
	}
	if len(builds) == 0 {
		for _, pair := range p.configs {
			c, pl, _ := strings.Cut(pair, "|")
			builds = append(builds, build{label: pair, config: c, platform: pl})
		}
	}
	if len(builds) == 0 {
		return nil, true
	}
	var chosen []string
	seen := map[string]bool{}
	all := true
	for _, b := range builds {
		if seen[b.label] {
			continue
		}
		seen[b.label] = true
		prop := func(name string) (string, bool) {
			switch strings.ToLower(name) {
			case "configuration":
				return b.config, true
			case "platform":
				if strings.EqualFold(b.platform, "Any CPU") {
					return "AnyCPU", true
				}
				return b.platform, true
			}
			return "", false
		}
		holds := false
		for _, r := range refs {
			v, ok := evalCondition(r.cond, prop)
			holds = holds || v || !ok
		}
		if holds {
			chosen = append(chosen, b.label)
		} else {
			all = false
		}
	}
	if len(chosen) == 0 {
		return nil, false
	}
	if all {
		return nil, true
	}
	return chosen, true
}

// notXML returns why a file with a manifest's name is not meant as one
// ("" when it is): it is empty, or after its byte-order mark it does not
// start with '<' (a zip, an encrypted copy, a text note), or it starts
// with '<' but holds NUL bytes or invalid UTF-8 without looking like a
// manifest (no XML declaration, no <Package> root). A file that looks
// like a manifest and is broken is BG001's.
func notXML(path string) string {
	bp := headBufs.Get().(*[]byte)
	defer headBufs.Put(bp)
	n, err := fileread.Head(path, *bp)
	if errors.Is(err, fileread.ErrNotRegular) {
		// refused unopened: a FIFO would block until a writer comes
		return "it is not a regular file (a FIFO, socket or device)"
	}
	if err != nil {
		return "" // the lint reports what it cannot read
	}
	head := (*bp)[:n]
	if n == 0 {
		return "the file is empty"
	}
	if bytes.HasPrefix(head, []byte("<\x00")) {
		return "" // UTF-16 LE without a byte-order mark: BG001 says so
	}
	text := bytes.TrimLeft(decodeText(head), " \t\r\n")
	if len(text) == 0 {
		return "the file holds only white space"
	}
	binary := bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(trimIncompleteRune(text))
	if text[0] != '<' {
		if binary {
			return "a binary file (NUL bytes or invalid UTF-8), not XML"
		}
		return "not XML (it does not start with '<')"
	}
	if bytes.HasPrefix(text, []byte("<?xml")) || bytes.Contains(text, []byte("<Package")) || bytes.Contains(text, []byte(":Package")) {
		return ""
	}
	if binary {
		return "a binary file (NUL bytes or invalid UTF-8), not XML"
	}
	return ""
}

// headBufs holds notXML's buffers: every manifest of the tree is sniffed,
// in parallel.
var headBufs = sync.Pool{New: func() any { b := make([]byte, 4096); return &b }}

// rootElement returns the name (without its prefix) of the first element
// of the XML file at path, read from its first 4 KiB: "" when it cannot
// be told (a file that cannot be read, a comment or declaration longer
// than that, no element at all, text that is not XML).
func rootElement(path string) string {
	bp := headBufs.Get().(*[]byte)
	defer headBufs.Put(bp)
	n, err := fileread.Head(path, *bp)
	if err != nil {
		return "" // a FIFO too: refused unopened
	}
	return rootElementIn(decodeText((*bp)[:n]))
}

// rootElementIn is rootElement on the text itself.
func rootElementIn(text []byte) string {
	for {
		text = bytes.TrimLeft(text, " \t\r\n")
		if len(text) < 2 || text[0] != '<' {
			return ""
		}
		var end []byte
		switch {
		case bytes.HasPrefix(text, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(text, []byte("<!--")):
			end = []byte("-->")
		case text[1] == '!':
			end = []byte(">") // a DOCTYPE without an internal subset
		default:
			name := text[1:]
			i := bytes.IndexAny(name, " \t\r\n/>")
			if i <= 0 {
				return ""
			}
			name = name[:i]
			if colon := bytes.LastIndexByte(name, ':'); colon >= 0 {
				name = name[colon+1:]
			}
			return string(name)
		}
		i := bytes.Index(text, end)
		if i < 0 {
			return ""
		}
		text = text[i+len(end):]
	}
}

// trimIncompleteRune drops a UTF-8 sequence cut at the end of a read.
func trimIncompleteRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}
