package workspace

import (
	"path/filepath"
	"sync"
	"testing"
)

// TestHandedAppsAreNotWrittenAfterwards: an App handed to OnApp is being
// checked while discovery goes on, so nothing discovery does afterwards
// (result, shortenPaths) may write what a check reads. Readers of every
// handed App's Universe run until Discover returns; under -race (as CI
// runs the tests) a write to the Universe's source map is reported.
func TestHandedAppsAreNotWrittenAfterwards(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "apps", "*"))
	if len(dirs) < 3 {
		t.Fatalf("only %d fixture Apps", len(dirs))
	}
	for _, dir := range dirs {
		done := make(chan struct{})
		var wg sync.WaitGroup
		handed := 0
		res, err := Discover([]string{dir}, Options{OnApp: func(a *App) {
			handed++
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					for _, p := range a.Projects {
						if a.Universe != nil {
							_ = a.Universe.SourcesOf(p.Path)
						}
					}
					_ = a.Unreferenced()
					select {
					case <-done:
						return
					default:
					}
				}
			}()
		}})
		close(done)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if handed == 0 && len(res.Apps) > 0 {
			t.Errorf("%s: no App handed over while discovering", dir)
		}
	}
}
