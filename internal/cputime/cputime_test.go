package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Used grows while the process works, and Metric divides what it grew by
// the operations.
func TestUsedGrowsWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	start := Used()
	deadline := time.Now().Add(50 * time.Millisecond)
	x := 0
	for time.Now().Before(deadline) {
		x++
	}
	grew := Used() - start
	if grew < 10*time.Millisecond {
		t.Fatalf("Used grew by %v over 50ms of busy work (x=%d)", grew, x)
	}
	v, unit := Metric(start, 10)
	if unit != "cpu-ns/op" || v < float64(grew)/10 {
		t.Fatalf("Metric = %v %s, want at least %v", v, unit, float64(grew)/10)
	}
	if v, _ := Metric(start, 0); v != 0 {
		t.Fatalf("Metric over 0 operations = %v, want 0", v)
	}
}
