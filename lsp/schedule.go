package lsp

import (
	"sync"
	"time"
)

// scheduler debounces App checks. Each App has a generation number: a new
// request bumps it and restarts the App's timer, so a burst of keystrokes
// ends in one check, and a check that finishes after a newer request was
// made throws its result away (the newer one publishes). Checks of one App
// never overlap; checks of different Apps run in parallel.
type scheduler struct {
	run func(key string, gen uint64)

	mu      sync.Mutex
	stopped bool
	gens    map[string]uint64 // also the number of requests per App, which tests read
	timers  map[string]*time.Timer
	locks   map[string]*sync.Mutex
	running sync.WaitGroup // scheduled or running checks
}

func newScheduler(run func(key string, gen uint64)) *scheduler {
	return &scheduler{
		run:    run,
		gens:   map[string]uint64{},
		timers: map[string]*time.Timer{},
		locks:  map[string]*sync.Mutex{},
	}
}

// schedule asks for a check of App key after delay, superseding any check
// of it not yet started.
func (sc *scheduler) schedule(key string, delay time.Duration) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	sc.gens[key]++
	gen := sc.gens[key]
	if t := sc.timers[key]; t != nil && t.Stop() {
		sc.running.Done() // that check will never run
	}
	sc.running.Add(1)
	sc.timers[key] = time.AfterFunc(delay, func() {
		defer sc.running.Done()
		sc.fire(key, gen)
	})
}

func (sc *scheduler) fire(key string, gen uint64) {
	lock := sc.lockFor(key)
	lock.Lock()
	defer lock.Unlock()
	if !sc.current(key, gen) {
		return
	}
	sc.run(key, gen)
}

func (sc *scheduler) lockFor(key string) *sync.Mutex {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	l, ok := sc.locks[key]
	if !ok {
		l = &sync.Mutex{}
		sc.locks[key] = l
	}
	return l
}

// current reports whether gen is still the newest request for key.
func (sc *scheduler) current(key string, gen uint64) bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return !sc.stopped && sc.gens[key] == gen
}

// stop drops every pending check and waits for running ones.
func (sc *scheduler) stop() {
	sc.mu.Lock()
	sc.stopped = true
	for k, t := range sc.timers {
		if t.Stop() {
			sc.running.Done()
		}
		delete(sc.timers, k)
	}
	sc.mu.Unlock()
	sc.running.Wait()
}

// requests returns how many checks of key were ever requested.
func (sc *scheduler) requests(key string) uint64 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.gens[key]
}
