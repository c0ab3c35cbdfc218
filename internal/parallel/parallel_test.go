package parallel

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, jobs int }{{0, 4}, {1, 4}, {5, 1}, {5, 0}, {7, 3}, {1000, 2}, {3, 8}} {
		counts := make([]atomic.Int32, tc.n)
		For(tc.n, tc.jobs, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d jobs=%d: index %d called %d times", tc.n, tc.jobs, i, c)
			}
		}
	}
}

func TestForUsesSeveralGoroutines(t *testing.T) {
	// two calls that each wait for the other can only finish side by side
	var wg sync.WaitGroup
	wg.Add(2)
	For(2, 2, func(int) { wg.Done(); wg.Wait() })
}

func TestForPanicWaitsForTheOthers(t *testing.T) {
	var running atomic.Int32
	defer func() {
		if recover() == nil {
			t.Fatal("the panic was not raised again")
		}
		if r := running.Load(); r != 0 {
			t.Errorf("%d calls still running after For panicked", r)
		}
	}()
	For(100, 4, func(i int) {
		running.Add(1)
		defer running.Add(-1)
		if i == 0 {
			panic("boom")
		}
	})
}
