package workspace

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

// universeFor returns the Universe of an App whose owner is given (nil for
// a manifest no project owns, found in dir): the projects of the solutions
// that list the owner or, without one, every project of the tree the
// manifest was found in (the directory given, or the repository's search
// root when files were given). Apps of the same solutions or root share
// one. nil when neither is known (a manifest named on its own, outside
// every walk).
func (d *discoverer) universeFor(owner *projectFile, dir string, walkRoot *dirNode) *Universe {
	var slns []string
	if owner != nil {
		slns = append(slns, d.slnOf[d.ix.key(owner.Path)]...)
	}
	if len(slns) > 0 {
		sort.Strings(slns)
		key := "sln\x00" + strings.Join(slns, "\x00")
		if u, ok := d.universes[key]; ok {
			return u
		}
		var paths []string
		for _, sln := range slns {
			paths = append(paths, d.slns[sln].projects...)
		}
		u := d.newUniverse(paths)
		u.Solutions = slns
		if root := d.treeOf(dir, walkRoot); root != nil {
			u.Repository = d.repository(root)
		}
		d.universes[key] = u
		return u
	}
	root := d.treeOf(dir, walkRoot)
	if root == nil {
		return nil
	}
	key := "root\x00" + root.real
	if u, ok := d.universes[key]; ok {
		return u
	}
	var paths []string
	root.collect(func(n *dirNode) { paths = append(paths, n.projects...) })
	u := d.newUniverse(paths)
	d.universes[key] = u
	return u
}

// treeOf is the tree an App's manifest was found in: the walk's root, or
// for a manifest named on its own the repository's search root (nil when
// there is none).
func (d *discoverer) treeOf(dir string, walkRoot *dirNode) *dirNode {
	if walkRoot != nil {
		return walkRoot
	}
	if r := d.searchRoot(d.ix.absPath(dir)); r != "" {
		return d.ix.lookup(r)
	}
	return nil
}

// repository returns (once per tree) every project of the tree that is
// known or was read ahead without error, with its sources: a solution's
// Universe's Repository. It records nothing: a project no App groups,
// read only to look for a class in it, has no Note to give (its Notes are
// recorded when an App uses it, see project), and its references are not
// resolved.
func (d *discoverer) repository(root *dirNode) *Universe {
	if u, ok := d.repositories[root.real]; ok {
		return u
	}
	u := &Universe{Sources: map[string][]registration.SourceFile{}}
	seen := map[*projectFile]bool{}
	root.collect(func(n *dirNode) {
		for _, path := range n.projects {
			p, ok := d.projects[d.ix.key(path)]
			if !ok {
				if pre := d.parsed[path]; pre != nil {
					p = pre.p
				}
			}
			if p == nil || seen[p] {
				continue
			}
			seen[p] = true
			u.Projects = append(u.Projects, p.Project)
			u.Sources[p.Path] = d.projectSources(p)
		}
	})
	if d.repositories == nil {
		d.repositories = map[string]*Universe{}
	}
	d.repositories[root.real] = u
	return u
}

// newUniverse parses (once) the projects at the given paths and lists each
// one's sources. Notes about projects no App uses are not recorded: they
// concern the App that uses them.
func (d *discoverer) newUniverse(paths []string) *Universe {
	u := &Universe{Sources: map[string][]registration.SourceFile{}}
	seen := map[*projectFile]bool{}
	for _, path := range paths {
		p := d.project(path, 0, "")
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		u.Projects = append(u.Projects, p.Project)
	}
	for _, up := range u.Projects {
		p := d.projects[d.ix.key(up.Path)]
		setLinks(p, d.linksOf(p, u))
		u.Sources[p.Path] = d.projectSources(p)
	}
	return u
}

// projectSources lists one project's own sources as a Universe holds them,
// once per project.
func (d *discoverer) projectSources(p *projectFile) []registration.SourceFile {
	if s, ok := d.universeSources[p]; ok {
		return s
	}
	var listed []listedSource
	if l := d.sourcesAhead[p]; l != nil && (!l.readSolutionDir || l.solutionDir == p.solutionDir) {
		listed = l.sources
	} else {
		var discard noteBuffer
		listed = d.ix.describeSources(p.sourcePathsWith(d.ix, &discard, d.ix.tree))
	}
	dir := filepath.Dir(p.Path) + string(filepath.Separator)
	out := make([]registration.SourceFile, 0, len(listed))
	for _, s := range listed {
		if s.excluded {
			continue
		}
		out = append(out, registration.SourceFile{
			Path: s.path, Language: s.lang, Project: p.Path, RootNamespace: p.RootNamespace,
			Linked: !strings.HasPrefix(s.path, dir), Component: p.Kind == KindWinRTComponent,
		})
	}
	if d.universeSources == nil {
		d.universeSources = map[*projectFile][]registration.SourceFile{}
	}
	d.universeSources[p] = out
	return out
}
