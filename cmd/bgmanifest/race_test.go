//go:build race

package main

// raceEnabled: the race detector slows each run about tenfold; the
// concurrency tests run fewer trials under it.
const raceEnabled = true
