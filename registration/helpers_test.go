package registration

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sourcesIn lists the scannable files under dir, with Project set to the
// nearest project file of the same directory (enough for fixtures).
func sourcesIn(t testing.TB, dir string) []SourceFile {
	t.Helper()
	var out []SourceFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		lang, ok := LanguageOf(p)
		if !ok {
			return nil
		}
		sf := SourceFile{Path: filepath.ToSlash(p), Language: lang}
		projs, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "*.*proj"))
		if len(projs) > 0 {
			sort.Strings(projs)
			sf.Project = filepath.ToSlash(projs[0])
			if data, err := os.ReadFile(projs[0]); err == nil {
				s := string(data)
				if i := strings.Index(s, "<RootNamespace>"); i >= 0 {
					if j := strings.Index(s[i:], "</RootNamespace>"); j >= 0 {
						sf.RootNamespace = s[i+len("<RootNamespace>") : i+j]
					}
				}
			}
		}
		out = append(out, sf)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkGolden compares facts with dir/facts.golden.json.
func checkGolden(t *testing.T, golden string, facts *Facts) {
	t.Helper()
	got, err := json.MarshalIndent(facts, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("facts differ from %s (run go test -update and review the diff):\n%s", golden, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + func() string { b, _ := json.Marshal(i); return string(b) }())
}

// writeSource writes src to name below dir, making its folders, and
// returns its path with forward slashes.
func writeSource(t testing.TB, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(p)
}

// concurrently runs f(0) … f(n-1) side by side (the race detector's
// ground) and returns their results in order.
func concurrently(n int, f func(i int) string) []string {
	out := make([]string, n)
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(i)
		}()
	}
	wg.Wait()
	return out
}
