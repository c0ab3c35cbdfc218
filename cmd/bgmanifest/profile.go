package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes CPU and heap profiles when BGMANIFEST_CPUPROFILE /
// BGMANIFEST_MEMPROFILE name files. It is how the performance work of
// bench/run is done with pprof rather than guesses; it is an environment
// variable, not a flag, so that the command-line contract stays as
// DESIGN.md has it.
func startProfiles(stderr io.Writer) (stop func()) {
	stop = func() {}
	if os.Getenv("BGMANIFEST_MEMPROFILE") == "" {
		// Without a heap profile to write, the runtime's sampling of
		// allocations (one stack walk every 512 KB) is 2 % of a
		// workspace check for nothing.
		runtime.MemProfileRate = 0
	}
	if path := os.Getenv("BGMANIFEST_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(stderr, "bgmanifest: cpu profile: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "bgmanifest: cpu profile: %v\n", err)
			f.Close()
		} else {
			stop = func() { pprof.StopCPUProfile(); f.Close() }
		}
	}
	if path := os.Getenv("BGMANIFEST_MEMPROFILE"); path != "" {
		prev := stop
		stop = func() {
			prev()
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(stderr, "bgmanifest: heap profile: %v\n", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintf(stderr, "bgmanifest: heap profile: %v\n", err)
			}
		}
	}
	return stop
}
