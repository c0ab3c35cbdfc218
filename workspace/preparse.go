package workspace

import (
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/parallel"
	"github.com/bgmanifest/bgmanifest/registration"
)

// preparsed is a project file read ahead of its use: grouping asks for
// projects one at a time, in an order that decides the order of the Notes,
// but reading and parsing them is independent work that can run on every
// core first.
type preparsed struct {
	p     *projectFile
	err   error  // as readProjectFile returns it
	notes []Note // loadImports' Notes, recorded when the project is first used
}

// readSolution is a solution file read ahead of readSolutions.
type readSolution struct {
	entries []slnEntry
	configs slnConfigs
	err     error
}

// preparse reads and parses, in parallel, every project and solution file
// of a walked tree that is not known yet. The results are kept by display
// path: discoverer.project takes a project from there only when asked for
// it by the very path it was read by, so the project (its Path, its items'
// files) is the one it would have parsed itself.
func (d *discoverer) preparse(tree *dirNode) {
	var projects, solutions []string
	tree.collect(func(n *dirNode) {
		for _, path := range n.projects {
			if _, known := d.projects[d.ix.key(path)]; !known && d.parsed[path] == nil {
				projects = append(projects, path)
			}
		}
		for _, path := range n.solutions {
			if d.solutions[path] == nil {
				solutions = append(solutions, path)
			}
		}
	})
	parsed := make([]preparsed, len(projects))
	slns := make([]readSolution, len(solutions))
	// loadImports reads the index (walked directories, the
	// Directory.Build.props cache is locked) but nothing walks while the
	// workers run.
	parallel.For(len(projects)+len(solutions), runtime.NumCPU(), func(i int) {
		if i < len(projects) {
			parsed[i] = d.parseAhead(projects[i])
			return
		}
		i -= len(projects)
		data, err := readProjectBytes(solutions[i])
		if err != nil {
			slns[i] = readSolution{err: err}
			return
		}
		slns[i] = readSolution{entries: parseSolution(data), configs: parseSolutionConfigs(data)}
	})
	for i, path := range projects {
		d.parsed[path] = &parsed[i]
	}
	for i, path := range solutions {
		d.solutions[path] = &slns[i]
	}
}

// parseAhead is what discoverer.project does for a project it has not
// seen, minus recording anything.
func (d *discoverer) parseAhead(path string) preparsed {
	p, err := readProjectFile(path)
	if err != nil {
		return preparsed{err: err}
	}
	return preparsed{p: p, notes: p.loadImports(d.ix)}
}

// takeParsed returns (and forgets: a project is used once, then it is
// known by key) the project read ahead by the display path disp.
func (d *discoverer) takeParsed(disp string) (*preparsed, bool) {
	pre, ok := d.parsed[disp]
	if ok {
		delete(d.parsed, disp)
	}
	return pre, ok
}

// sourceList is a project's sourcePaths worked out ahead. If it read
// $(SolutionDir), it is valid while the project's is the one it was worked
// out with (grouping passes a solution's directory on to the projects a
// listed project references).
type sourceList struct {
	solutionDir     string
	readSolutionDir bool
	sources         []listedSource
	notes           []Note
}

// listedSource is one of sourcePaths' paths with what grouping asks of it.
type listedSource struct {
	path, key string
	lang      registration.Language
	excluded  bool
}

// describeSources gives each path its key, language and exclusion: pure
// work on strings, done by the workers for the sources worked out ahead.
func (ix *index) describeSources(paths []string) []listedSource {
	out := make([]listedSource, len(paths))
	for i, path := range paths {
		lang, _ := languageOf(path)
		out[i] = listedSource{path: path, key: ix.key(path), lang: lang, excluded: ix.excluded(path, false)}
	}
	return out
}

// listSourcesAhead works out, in parallel, the sources of every project
// read so far (see preparse), before grouping asks for them one App at a
// time. A project whose sources lie in a directory not walked yet is left
// to grouping: walking changes the index, which the workers share.
func (d *discoverer) listSourcesAhead() {
	var projects []*projectFile
	seen := map[*projectFile]bool{}
	keep := func(p *projectFile) {
		if p != nil && !seen[p] && d.sourcesAhead[p] == nil {
			seen[p] = true
			projects = append(projects, p)
		}
	}
	for _, p := range d.projects {
		keep(p)
	}
	for _, pre := range d.parsed {
		keep(pre.p)
	}
	lists := make([]*sourceList, len(projects))
	parallel.For(len(projects), runtime.NumCPU(), func(i int) {
		p := projects[i]
		walked := true
		tree := func(disp string) *dirNode {
			n := d.ix.byDisp[filepath.Clean(disp)]
			walked = walked && n != nil
			return n
		}
		var notes noteBuffer
		p.solutionDirRead = false
		paths := p.sourcePathsWith(d.ix, &notes, tree)
		if walked {
			lists[i] = &sourceList{solutionDir: p.solutionDir, readSolutionDir: p.solutionDirRead,
				sources: d.ix.describeSources(paths), notes: notes.notes}
		}
	})
	for i, p := range projects {
		if lists[i] != nil {
			d.sourcesAhead[p] = lists[i]
		}
	}
}

// sourcePaths is p.sourcePaths, worked out ahead when it could be.
//
// missing counts the source files the project lists that do not exist:
// the App's code is then incomplete, and what no file of it does may be
// done in one of those.
func (d *discoverer) sourcePaths(p *projectFile) (sources []listedSource, missing int) {
	if l := d.sourcesAhead[p]; l != nil && (!l.readSolutionDir || l.solutionDir == p.solutionDir) {
		d.ix.notes = append(d.ix.notes, l.notes...)
		return l.sources, countMissingSources(l.notes)
	}
	before := len(d.ix.notes)
	sources = d.ix.describeSources(p.sourcePaths(d.ix))
	return sources, countMissingSources(d.ix.notes[before:])
}

// countMissingSources counts the missing files that can hold statements.
// Headers and IDL files are left out: a missing one is most often
// generated by the build (MIDL's Kitchen.h) or comes from an SDK outside
// the repository, and neither registers tasks nor requests access;
// counting them silenced true findings in four of five repositories.
func countMissingSources(notes []Note) int {
	n := 0
	for _, note := range notes {
		if note.kind == noteMissingSource && holdsStatements(note.subject) {
			n++
		}
	}
	return n
}

func holdsStatements(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".h", ".hh", ".hpp", ".hxx", ".idl":
		return false
	}
	return true
}
