package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/registration"
)

func TestLoadConfigValid(t *testing.T) {
	path := filepath.Join("testdata", "config", "valid.yaml")
	c, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	wantRules := map[string]string{"BG104": "off", "task-type-unused": "warning", "bg209": "error"}
	if !reflect.DeepEqual(c.Rules, wantRules) {
		t.Errorf("rules %v, want %v", c.Rules, wantRules)
	}
	if line, col := c.RulePos("task-type-unused"); line != 4 || col != 3 {
		t.Errorf("RulePos = %d:%d, want 4:3", line, col)
	}
	if line, _ := c.RulePos("BG999"); line != 0 {
		t.Errorf("RulePos of an absent key = %d, want 0", line)
	}
	if want := []string{"legacy/**", "**/Generated/*.cs"}; !reflect.DeepEqual(c.Exclude, want) {
		t.Errorf("exclude %v, want %v", c.Exclude, want)
	}
	if want := []string{"testdata/config/legacy/**", "**/Generated/*.cs"}; !reflect.DeepEqual(c.ExcludePatterns(), want) {
		t.Errorf("ExcludePatterns %v, want %v", c.ExcludePatterns(), want)
	}
	if want := []registration.Language{registration.CSharp, registration.CPP, registration.IDL}; !reflect.DeepEqual(c.Languages, want) {
		t.Errorf("languages %v, want %v", c.Languages, want)
	}
}

func TestLoadConfigEmpty(t *testing.T) {
	c, err := LoadConfig(filepath.Join("testdata", "config", "empty.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules) != 0 || len(c.Exclude) != 0 || len(c.Languages) != 0 {
		t.Errorf("empty config configures nothing, got %+v", c)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string // each error line, after the file name
	}{
		{"unknown-key.yaml", []string{`:3:1: unknown key (key "exlude")`}},
		{"bad-severity.yaml", []string{`:3:10: value must be one of "off", "info", "warning", "error" (key "rules.BG104")`}},
		{"syntax-error.yaml", []string{`:3:1: invalid YAML: mapping values are not allowed in this context`}},
		{"bad-language.yaml", []string{`:3:5: value must be one of "csharp", "vb", "cpp", "idl", "javascript" (key "languages[1]")`}},
		{"bad-rule-key.yaml", []string{`:2:3: not a rule ID (BG102) or rule name (trigger-type-not-declared) (key "rules.Trigger Type")`}},
		{"wrong-type.yaml", []string{
			`:1:8: expected object, but got string (key "rules")`,
			`:2:10: expected array, but got string (key "exclude")`,
		}},
		{"duplicate.yaml", []string{`:3:3: duplicate key (first at line 2) (key "rules.BG104")`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "config", tt.file)
			_, err := LoadConfig(path)
			if err == nil {
				t.Fatal("want an error")
			}
			es, ok := AsConfigErrors(err)
			if !ok {
				t.Fatalf("want ConfigErrors, got %T: %v", err, err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, path+w)
			}
			if got := strings.Split(es.Error(), "\n"); !reflect.DeepEqual(got, want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestLoadConfigMissing(t *testing.T) {
	if _, err := LoadConfig(filepath.Join("testdata", "config", "nope.yaml")); err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("want an error naming the file, got %v", err)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "repo", "src", "App")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Above the repository root: must not be found.
	writeFile(t, filepath.Join(root, ConfigNames[0]), "rules: {}\n")
	if p, ok := FindConfig(deep); ok {
		t.Fatalf("found %s above the repository root", p)
	}
	want := filepath.Join(root, "repo", "src", ConfigNames[0])
	writeFile(t, want, "rules: {}\n")
	if p, ok := FindConfig(deep); !ok || p != want {
		t.Fatalf("FindConfig = %q, %v; want %q", p, ok, want)
	}
	t.Chdir(deep)
	if p, ok := FindConfig("."); !ok || p != filepath.Join("..", ConfigNames[0]) {
		t.Fatalf("FindConfig(.) = %q, %v; want ../%s", p, ok, ConfigNames[0])
	}
}

func TestParseConfigAliases(t *testing.T) {
	tests := []struct{ src, want string }{
		{"&a [*a]\n", `c.yaml:1:5: alias refers to itself (key "[0]")`},
		{"sev: &s off\n", `c.yaml:1:1: unknown key (key "sev")`},
	}
	for _, tt := range tests {
		_, err := ParseConfig("c.yaml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: got %v, want %s", tt.src, err, tt.want)
		}
	}
	// An alias used as intended works.
	c, err := ParseConfig("c.yaml", []byte("rules:\n  BG104: &quiet off\n  BG105: *quiet\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules["BG105"] != "off" {
		t.Errorf("alias not followed: %v", c.Rules)
	}
}

// TestFindConfigYml: .bgmanifest.yml is found as .bgmanifest.yaml is, and
// a file path starts the search in its directory.
func TestFindConfigYml(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(root, "App")
	writeFile(t, filepath.Join(app, "Package.appxmanifest"), "<Package/>")
	want := filepath.Join(root, ".bgmanifest.yml")
	writeFile(t, want, "rules: {}\n")
	for _, start := range []string{app, filepath.Join(app, "Package.appxmanifest")} {
		if p, ok := FindConfig(start); !ok || p != want {
			t.Errorf("FindConfig(%s) = %q, %v; want %q", start, p, ok, want)
		}
	}
}

// TestParseConfigLongExcludeList: a generated exclude list of 200 000
// globs loads (only values reached through aliases are bounded), and an
// alias bomb is still refused.
func TestParseConfigLongExcludeList(t *testing.T) {
	var b strings.Builder
	b.WriteString("exclude:\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, "  - \"gen/d%d/**\"\n", i)
	}
	cfg, err := ParseConfig("c.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("200 000 excludes: %v", err)
	}
	if n := len(cfg.Exclude); n != 200000 {
		t.Errorf("loaded %d excludes, want 200000", n)
	}
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nexclude: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	if _, err := ParseConfig("c.yaml", []byte(bomb)); err == nil || !strings.Contains(err.Error(), "aliases expand") {
		t.Errorf("alias bomb: %v", err)
	}
}
