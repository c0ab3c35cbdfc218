package lint

import (
	"path/filepath"
	"strings"
	"sync"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// checkPool checks Apps on a fixed set of workers as discovery hands them
// over (workspace.Options.OnApp), so that checking starts while the rest
// of the tree is still being grouped: on a 1 000-App workspace grouping is
// the part of discovery that runs on one core.
//
// The first App is held back until a second one arrives: an App that is
// alone gets every job for its own scan (the pre-commit case), which it
// cannot have once workers are checking whole Apps side by side.
type checkPool struct {
	o    Options
	sev  map[string]rules.Severity
	jobs int

	mu      sync.Mutex
	wake    *sync.Cond
	queue   []*workspace.App
	closed  bool
	held    *workspace.App
	started bool
	seen    map[*workspace.App]bool
	results map[*workspace.App]AppResult
	wg      sync.WaitGroup
	// listed counts the Apps submitted so far that list each source
	// file: a file two of them list is read once for both (SharedReads).
	// An App checked before a later one that shares its files was
	// submitted reads them for itself; the pool holds the first App
	// until a second comes, so the two that start together know.
	listed map[string]int
}

func newCheckPool(o Options, sev map[string]rules.Severity, jobs int) *checkPool {
	p := &checkPool{o: o, sev: sev, jobs: jobs, seen: map[*workspace.App]bool{}, results: map[*workspace.App]AppResult{}, listed: map[string]int{}}
	p.wake = sync.NewCond(&p.mu)
	p.o.shared = func(files []registration.SourceFile) []bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		out := make([]bool, len(files))
		for i, f := range files {
			out[i] = p.listed[f.Path] >= 2
		}
		return out
	}
	return p
}

// submit queues an App for checking, once; it never blocks on the workers.
// Only one goroutine submits (discovery, then Run).
func (p *checkPool) submit(app *workspace.App) {
	if p.seen[app] {
		return
	}
	p.seen[app] = true
	p.mu.Lock()
	for _, s := range app.Sources {
		p.listed[s.Path]++
	}
	p.mu.Unlock()
	if !p.started && p.held == nil {
		p.held = app
		return
	}
	p.mu.Lock()
	if !p.started {
		p.started = true
		p.queue = append(p.queue, p.held)
		p.held = nil
		for w := 0; w < p.jobs; w++ {
			p.wg.Add(1)
			go p.work()
		}
	}
	p.queue = append(p.queue, app)
	p.mu.Unlock()
	p.wake.Signal()
}

func (p *checkPool) work() {
	defer p.wg.Done()
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.closed {
			p.wake.Wait()
		}
		if len(p.queue) == 0 {
			p.mu.Unlock()
			return
		}
		app := p.queue[0]
		p.queue = p.queue[1:]
		p.mu.Unlock()
		r := p.check(app, 1)
		p.mu.Lock()
		p.results[app] = r
		p.mu.Unlock()
	}
}

// check runs CheckApp and drops the App's model and facts: Run reports
// findings only, so the heap holds the Apps being checked rather than
// every App of the workspace.
func (p *checkPool) check(app *workspace.App, jobs int) AppResult {
	r := CheckApp(app, p.o, p.sev, jobs)
	r.Manifest, r.Facts = nil, nil
	return r
}

// wait checks what is still queued or held and returns every result.
func (p *checkPool) wait() map[*workspace.App]AppResult {
	if !p.started {
		if p.held != nil {
			p.results[p.held] = p.check(p.held, p.jobs)
		}
		return p.results
	}
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.wake.Broadcast()
	p.wg.Wait()
	return p.results
}

// abort drops what is queued or held and waits for the Apps being
// checked (Discover failed on a later PATH: nothing is reported).
func (p *checkPool) abort() {
	p.held = nil
	p.mu.Lock()
	p.queue = nil
	p.closed = true
	p.mu.Unlock()
	p.wake.Broadcast()
	p.wg.Wait()
}

// streamable reports whether Apps may be checked while discovery goes
// on: not when a PATH starts with "..", whose Apps' paths discovery
// rewrites into their shortest form once it is done.
func streamable(paths []string) bool {
	for _, p := range paths {
		if c := filepath.Clean(p); c == ".." || strings.HasPrefix(c, ".."+string(filepath.Separator)) {
			return false
		}
	}
	return true
}
