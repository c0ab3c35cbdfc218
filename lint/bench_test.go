package lint

import (
	"os"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/cputime"
)

// BenchmarkRunRepo lints the real checkout BGMANIFEST_BENCH_REPO names
// (skipped without it) the way `bgmanifest check` does, so that the
// profile of a real repository can be taken over many runs with
// `go test -bench RunRepo -cpuprofile`: one run of a small repository is
// too short for the profiler to sample. It reports CPU per run beside the
// wall time: the work is spread over every core.
func BenchmarkRunRepo(b *testing.B) {
	root := os.Getenv("BGMANIFEST_BENCH_REPO")
	if root == "" {
		b.Skip("set BGMANIFEST_BENCH_REPO to a checkout")
	}
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		if _, err := Run([]string{root}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(cputime.Metric(start, b.N))
}
