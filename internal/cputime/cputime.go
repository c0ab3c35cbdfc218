// Package cputime reports the CPU time the process has used, for
// benchmarks: on a 2-core machine bgmanifest's work is spread over both
// cores, so its wall time per operation says less than the CPU it costs,
// and the CPU figure drifts less with the host's load.
package cputime

import "time"

// Used is the user and system CPU time of the whole process so far; 0
// where the platform does not say (see used_*.go).
func Used() time.Duration { return used() }

// Metric is what a benchmark reports: the CPU time used since start,
// per operation, in the unit Go's benchmark output prints beside ns/op.
func Metric(start time.Duration, ops int) (value float64, unit string) {
	if ops <= 0 {
		return 0, "cpu-ns/op"
	}
	return float64(Used()-start) / float64(ops), "cpu-ns/op"
}
