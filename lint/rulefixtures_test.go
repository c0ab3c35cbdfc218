package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/rules"
)

// TestRuleFixtures runs the whole pipeline over every fixture App under
// testdata/rules/<ID>/<case>/ and compares the findings of rule <ID> with
// the case's expected.txt (one `RELPATH:LINE:COL` a line; empty for a near
// miss that must stay silent). The expectations are written by hand: they
// are assertions, not golden output, so there is no -update for them.
func TestRuleFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "rules")
	ids, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	covered := map[string]int{}
	for _, id := range ids {
		if !id.IsDir() {
			continue
		}
		rule, ok := rules.Lookup(id.Name())
		if !ok {
			t.Errorf("testdata/rules/%s: no such rule", id.Name())
			continue
		}
		cases, err := os.ReadDir(filepath.Join(root, id.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if !c.IsDir() {
				continue
			}
			dir := filepath.Join(root, id.Name(), c.Name())
			covered[rule.Meta().ID]++
			t.Run(id.Name()+"/"+c.Name(), func(t *testing.T) {
				checkFixture(t, rule.Meta().ID, dir)
			})
		}
	}
	for _, r := range rules.All() {
		if r.Meta().ID == "BG900" || !r.Meta().NeedsCode {
			// Suppressions are tested in package suppress; the manifest-only
			// rules by the golden files of testdata/manifests.
			continue
		}
		if covered[r.Meta().ID] < 2 {
			t.Errorf("rule %s has %d fixture cases under testdata/rules; want at least a bad and a good one", r.Meta().ID, covered[r.Meta().ID])
		}
	}
}

func checkFixture(t *testing.T, id, dir string) {
	t.Helper()
	want, err := readExpected(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run([]string{abs}, lint.Options{Jobs: 2, BaseDir: abs})
	if err != nil {
		t.Fatalf("lint %s: %v", dir, err)
	}
	for _, e := range res.Internal {
		t.Errorf("internal error: %v", e)
	}
	var got []string
	var all []string
	for _, f := range res.Findings {
		all = append(all, fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Line, f.Column, f.Rule, f.Message))
		if f.Rule == id {
			got = append(got, fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column))
		}
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s findings in %s:\n got: %q\nwant: %q\nall findings:\n  %s", id, dir, got, want, strings.Join(all, "\n  "))
	}
}

func readExpected(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("every fixture case needs expected.txt: %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	sort.Strings(out)
	return out, nil
}
