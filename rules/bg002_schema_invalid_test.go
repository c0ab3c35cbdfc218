package rules

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/schema"
)

// mfSchemaErrors validates the model without positions when they are all
// ≥ 1. That is exact only while the manifest schema asks nothing of a line
// or column but an integer ≥ 1, and requires them only on problems (which
// keep theirs). This test reads the schema and fails when that changes.
func TestPositionsSchema(t *testing.T) {
	src, err := schema.Source("manifest")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"type": "integer", "minimum": float64(1)}
	seen := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				p := path + "/" + k
				if k == "properties" {
					if props, ok := e.(map[string]any); ok {
						for _, pos := range []string{"line", "column"} {
							if s, ok := props[pos]; ok {
								seen++
								if !reflect.DeepEqual(s, want) {
									t.Errorf("%s/%s is %v, want %v", p, pos, s, want)
								}
							}
						}
					}
				}
				if k == "line" || k == "column" {
					if !strings.HasSuffix(path, "/properties") {
						t.Errorf("%s: a keyword names a position", p)
					}
					continue
				}
				walk(p, e)
			}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok && (s == "line" || s == "column") && path != "/properties/problems/items/required" {
					t.Errorf("%s names %q: only problems may require a position", path, s)
				}
				walk(path, e)
			}
		}
	}
	walk("", doc)
	if seen < 20 {
		t.Errorf("only %d position properties in the schema", seen)
	}
}

// The model without positions, and that model with only the lists the
// schema can fault (schemaRelevant), give the same
// errors as the whole model, on every manifest under testdata/
// (schema-invalid ones included).
func TestSchemaErrorsWithoutPositions(t *testing.T) {
	n, withErrors := 0, 0
	for _, pm := range testfs.ParseManifests(t, filepath.Join("..", "testdata")) {
		p, m := pm.Path, pm.Manifest
		lean, ok := m.JSONModelWithoutPositions()
		if !ok {
			t.Errorf("%s: a position below 1", p)
			continue
		}
		want, err := schema.Validate("manifest", m.JSONModel())
		if err != nil {
			t.Fatal(err)
		}
		got, err := schema.Validate("manifest", lean)
		if err != nil {
			t.Fatal(err)
		}
		if w, g := errorLines(want), errorLines(got); !slices.Equal(w, g) {
			t.Errorf("%s:\nwhole model:\n%s\nwithout positions:\n%s", p, strings.Join(w, "\n"), strings.Join(g, "\n"))
		}
		relevant, err := schema.Validate("manifest", schemaRelevant(lean))
		if err != nil {
			t.Fatal(err)
		}
		if w, g := errorLines(want), errorLines(relevant); !slices.Equal(w, g) {
			t.Errorf("%s:\nwhole model:\n%s\nrelevant lists only:\n%s", p, strings.Join(w, "\n"), strings.Join(g, "\n"))
		}
		n++
		if len(want) > 0 {
			withErrors++
		}
	}
	if n < 100 || withErrors < 10 {
		t.Errorf("%d manifests, %d with schema errors", n, withErrors)
	}
}

// A position below 1 (a Manifest not made by Parse) sends the whole model
// to the schema, which reports it.
func TestSchemaErrorsReportBadPosition(t *testing.T) {
	m, err := manifest.ParseFile(filepath.Join("..", "testdata", "manifests", "ok-real-uwp.appxmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.JSONModelWithoutPositions(); !ok {
		t.Fatal("a parsed manifest has a position below 1")
	}
	m.BackgroundTasks[1].Tasks[0].Element.Pos.Col = 0
	if _, ok := m.JSONModelWithoutPositions(); ok {
		t.Fatal("column 0 not noticed")
	}
	errs := mfSchemaErrors(&Context{Manifest: m})
	const want = "/backgroundTasks/1/backgroundTasks/tasks/0/column"
	if len(errs) != 1 || errs[0].InstanceLocation != want || !strings.HasSuffix(errs[0].KeywordLocation, "/minimum") {
		t.Errorf("errors %+v, want one at %s (minimum)", errs, want)
	}
}

func errorLines(errs []schema.Error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.InstanceLocation + " | " + e.KeywordLocation + " | " + e.Message
	}
	slices.Sort(out)
	return out
}

// BenchmarkManifestSchemaErrors is BG002's validation as the rules run it,
// on the six-declaration manifest of schema's BenchmarkValidateManifest.
func BenchmarkManifestSchemaErrors(b *testing.B) {
	m, err := manifest.ParseFile(filepath.Join("..", "schema", "testdata", "bench-weather.appxmanifest"))
	if err != nil {
		b.Fatal(err)
	}
	if errs := mfSchemaErrors(&Context{Manifest: m}); len(errs) != 0 {
		b.Fatalf("fixture does not validate: %v", errs)
	}
	b.ReportAllocs()
	for b.Loop() {
		mfSchemaErrors(&Context{Manifest: m})
	}
}
