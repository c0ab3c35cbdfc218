package workspace

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// projectLinks is what one project's reference items resolve to: the
// workspace projects they link (DESIGN.md, "An App is…", item 2), whether
// every reference is one the workspace can account for, and the NuGet
// packages the project uses.
type projectLinks struct {
	links []Link
	// known is false when a reference could bring in classes bgmanifest
	// cannot see: a binary Reference whose HintPath is no workspace
	// project's output nor a NuGet package, a ProjectReference to a
	// missing project, an SDKReference that is not Microsoft's.
	known    bool
	packages []string
	// notes are the Notes resolving the items gave (values that cannot be
	// resolved), recorded when an App uses the project.
	notes []Note
}

// linksOf resolves (once) the reference items of a project. uni, when
// known, is where an output named by a HintPath that lies in no project's
// folder is looked up by name.
func (d *discoverer) linksOf(p *projectFile, uni *Universe) *projectLinks {
	if l := d.linked[p]; l != nil {
		return l
	}
	l := &projectLinks{known: true}
	var notes noteBuffer
	seen := map[string]bool{}
	add := func(path string, via LinkKind, it item) {
		if k := d.ix.key(path); !seen[k] {
			seen[k] = true
			l.links = append(l.links, Link{Path: path, Via: via, Item: it.value, Line: it.line})
		}
	}
	l.packages = append(l.packages, p.packageIDs...)
	for _, it := range p.items {
		switch it.kind {
		case "reference":
			for _, v := range p.valuesNoted(d.ix, &notes, it) {
				if fixed, ok := d.ix.existingPath(v); ok {
					v = fixed
				} else {
					l.known = false
				}
				add(v, LinkProjectReference, it)
			}
		case "binary", "packaged":
			via := LinkHintPath
			if it.kind == "packaged" {
				via = LinkPackaging
			}
			for _, v := range p.lenientValues(d.ix, it) {
				switch {
				case it.kind == "packaged" && isProjectName(v):
					if fixed, ok := d.ix.existingPath(v); ok {
						add(fixed, via, it)
					} else {
						l.known = false
					}
				case !isBinaryPath(v):
					// an image, a page, a text file the package carries
				default:
					if id, ok := nugetPackageID(v); ok {
						l.packages = append(l.packages, id)
					} else if out := d.outputProject(v, uni); out != nil {
						if d.ix.key(out.Path) != d.ix.key(p.Path) {
							add(out.Path, via, it)
						}
					} else if !isPlatformBinary(it.value, v) {
						l.known = false // a vendor's binary: it may define any class
					}
				}
			}
		case "sdk":
			name := strings.ToLower(strings.TrimSpace(it.value))
			if !strings.HasPrefix(name, "microsoft") && !strings.HasPrefix(name, "windows") {
				l.known = false
			}
		}
	}
	l.packages = dedupSorted(l.packages)
	l.notes = notes.notes
	if d.linked == nil {
		d.linked = map[*projectFile]*projectLinks{}
	}
	d.linked[p] = l
	return l
}

// lenientValues resolves the paths of a binary item as values does, with
// each property that cannot be resolved ($(Configuration), $(Platform)
// when the project leaves them to the command line) standing for one
// unknown folder: which project's output the path names does not depend
// on them.
func (p *projectFile) lenientValues(ix *index, it item) []string {
	var out []string
	for _, part := range strings.Split(it.value, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		var b strings.Builder
		rest := part
		for {
			i := strings.Index(rest, "$(")
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := closingParen(rest, i+1)
			if j < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:i])
			if v, err := p.expand(ix, rest[i:j+1], it.file, 0); err == nil {
				b.WriteString(v)
			} else {
				b.WriteString("_")
			}
			rest = rest[j+1:]
		}
		out = append(out, p.itemPath(ix, msbuildUnescape(b.String())))
	}
	return out
}

// setLinks gives a project's public References and Links their value,
// once: a project shared with an App already handed over (Options.OnApp)
// is not written again.
func setLinks(p *projectFile, l *projectLinks) {
	if p.referencesSet {
		return
	}
	p.referencesSet = true
	p.Links = l.links
	p.References = nil
	for _, link := range l.links {
		p.References = append(p.References, link.Path)
	}
}

// outputProject finds the workspace project whose output a binary path
// names (..\Tasks\bin\x86\Debug\Tasks.winmd is Tasks.csproj's): first a
// project with that output name in a folder the path passes through, from
// the nearest up; else the one project of the Universe with that output
// name. nil when there is none, or more than one.
func (d *discoverer) outputProject(binary string, uni *Universe) *projectFile {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(binary), filepath.Ext(binary)))
	dir := filepath.Dir(binary)
	for i := 0; i < 8; i++ {
		if n := d.ix.lookup(dir); n != nil {
			for _, path := range n.projects {
				if p := d.project(path, 0, ""); p != nil && p.producesOutput(d.ix, base) {
					return p
				}
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if uni == nil {
		return nil
	}
	var found *projectFile
	for _, up := range uni.Projects {
		p := d.projects[d.ix.key(up.Path)]
		if p == nil || !p.producesOutput(d.ix, base) {
			continue
		}
		if found != nil && found != p {
			return nil // two candidates: the path does not say which
		}
		found = p
	}
	return found
}

// producesOutput reports whether the project's output is named base
// (lower case, no extension): its AssemblyName or TargetName, else its
// RootNamespace or its file's name.
func (p *projectFile) producesOutput(ix *index, base string) bool {
	for _, prop := range []string{"assemblyname", "targetname"} {
		if def, ok := p.props[prop]; ok {
			if v, err := p.expand(ix, def.value, def.file, 0); err == nil && strings.TrimSpace(v) != "" {
				return strings.EqualFold(strings.TrimSpace(v), base)
			}
		}
	}
	name := filepath.Base(p.Path)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	return strings.EqualFold(name, base) || (p.RootNamespace != "" && strings.EqualFold(p.RootNamespace, base))
}

// platformMarkers are the parts of a path (or of the raw item, before
// its properties are resolved) that place a binary in the Windows SDK or
// .NET's reference assemblies, as desktop projects reference
// Windows.winmd.
var platformMarkers = []string{
	"windows kits", "reference assemblies", "microsoft sdks", "program files",
	"$(programfiles", "$(msbuildprogramfiles32)", "$(windowssdk", "$(frameworksdk", "$(targetplatformsdk",
	"$(uapwinmd", "$(netcoretargetingpackroot", "$(windir)", "$(systemroot)",
}

// isPlatformBinary reports whether a referenced binary is part of the
// platform: a framework or SDK reference, not workspace or vendor code.
func isPlatformBinary(raw, resolved string) bool {
	lower := strings.ToLower(raw + "|" + filepath.ToSlash(resolved))
	for _, m := range platformMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	base := strings.ToLower(filepath.Base(resolved))
	return base == "windows.winmd" || strings.HasPrefix(base, "windows.") || strings.HasPrefix(base, "system.runtime.windowsruntime")
}

// nugetPackageID recognises a path into a NuGet packages folder: the
// solution's packages\Id.1.2.3\lib\… (packages.config) or the global
// …\packages\id\1.2.3\lib\… (PackageReference), and returns the package ID.
func nugetPackageID(path string) (string, bool) {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i := len(parts) - 3; i >= 0; i-- {
		if !strings.EqualFold(parts[i], "packages") {
			continue
		}
		name := parts[i+1]
		if startsWithDigit(parts[i+2]) {
			return name, name != ""
		}
		if id := stripVersion(name); id != name && id != "" {
			return id, true
		}
	}
	return "", false
}

// stripVersion removes the ".1.2.3[-suffix]" that packages.config folders
// append to a package ID.
func stripVersion(name string) string {
	parts := strings.Split(name, ".")
	for i, part := range parts {
		if i > 0 && startsWithDigit(part) {
			return strings.Join(parts[:i], ".")
		}
	}
	return name
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// readPackagesConfig reads the package IDs of a packages.config beside the
// project (the NuGet format before PackageReference), if there is one.
func (p *projectFile) readPackagesConfig(ix *index) {
	path := filepath.Join(p.dir, "packages.config")
	if ix.fileAt(path) == fileMissing {
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	root, err := readXMLTree(decodeText(data))
	if err != nil || root == nil {
		return
	}
	for _, c := range root.children {
		if c.tag == "package" {
			if id := strings.TrimSpace(c.attrValue("id")); id != "" {
				p.packageIDs = append(p.packageIDs, id)
			}
		}
	}
}

// appPackages is the sorted union of the packages of the App's projects.
func appPackages(lists [][]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	if len(out) == 0 {
		return nil
	}
	out = dedupSorted(out)
	sort.Strings(out)
	return out
}
