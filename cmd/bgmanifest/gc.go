package main

import (
	"os"
	"runtime/debug"
)

// Garbage-collector settings for a check, from the CPU profile of a
// 100-App workspace: allocation and marking (runtime.mallocgc,
// gcBgMarkWorker, gcAssistAlloc) were a quarter of the samples with the
// default GOGC=100, while the live heap stays small (the token arrays of the
// Apps being checked). Collecting less often with a soft memory limit keeps
// peak memory bounded (issue #6: under 200 MB on the largest workspace).
const (
	gcPercent   = 300
	memoryLimit = 128 << 20
)

// tuneGC applies those settings unless the user set GOGC or GOMEMLIMIT,
// which the runtime has already applied and which win.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
}
