package workspace

import (
	"os"
	"runtime"
	"sync"
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
	parallel(len(projects)+len(solutions), func(i int) {
		if i < len(projects) {
			parsed[i] = d.parseAhead(projects[i])
			return
		}
		i -= len(projects)
		data, err := os.ReadFile(solutions[i])
		if err != nil {
			slns[i] = readSolution{err: err}
			return
		}
		slns[i] = readSolution{entries: parseSolution(data)}
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

// parallel calls work(0) … work(n-1) on runtime.NumCPU() goroutines and
// returns when all calls have.
func parallel(n int, work func(i int)) {
	workers := min(runtime.NumCPU(), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			work(i)
		}
		return
	}
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				work(i)
			}
		}()
	}
	wg.Wait()
}
