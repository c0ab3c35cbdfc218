package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bgmanifest/bgmanifest/schema"
)

// Every fixture's JSON model is valid against the schema except in its
// background-task declarations, and the good fixtures are valid throughout.
func TestJSONModelAgainstSchema(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "manifests", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		n++
		m, err := ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		errs, err := schema.Validate("manifest", m.JSONModel())
		if err != nil {
			t.Fatal(err)
		}
		good := strings.HasPrefix(filepath.Base(p), "ok-")
		for _, e := range errs {
			if good || !strings.HasPrefix(e.InstanceLocation, "/backgroundTasks/") {
				t.Errorf("%s: %s: %s", p, e.InstanceLocation, e.Message)
			}
			if _, ok := m.PosOf(e.InstanceLocation); !ok {
				t.Errorf("%s: no position for %s", p, e.InstanceLocation)
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d fixtures", n)
	}
}

// A parsed Manifest is read-only: readers on several goroutines must not
// race (run with -race).
func TestConcurrentReaders(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "manifests", "ok-real-uwp.appxmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	m := Parse("p", data)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 1; j < m.LineCount(); j++ {
				_ = m.Line(j)
				_ = m.PosAt(m.OffsetAt(j, 3))
			}
			_, _ = m.PosOf("/backgroundTasks/1/entryPoint")
			_ = m.JSONModel()
		}()
	}
	wg.Wait()
}
