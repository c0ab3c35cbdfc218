package schema

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// isNumberLiteral must agree with what encoding/json writes for a
// json.Number: the string itself, and only for a valid literal.
func TestIsNumberLiteral(t *testing.T) {
	for _, s := range []string{
		"0", "-0", "1", "12", "-12", "1.5", "0.5", "1e5", "1E+5", "1e-5", "-1.25e10",
		"", "-", "01", "1.", ".5", "+1", "1e", "1e+", " 1", "1 ", "0x10", "NaN", "1.2.3", "--1", "1_000",
	} {
		b, err := json.Marshal(json.Number(s))
		want := err == nil && string(b) == s
		if got := isNumberLiteral(s); got != want {
			t.Errorf("isNumberLiteral(%q) = %v, encoding/json writes %q (err %v)", s, got, b, err)
		}
	}
}

type namedString string

// A value that skips the JSON round trip must be the document the round
// trip would have given (ints standing for the equal json.Number), and
// values that the round trip would change must take it.
func TestInstanceMatchesRoundTrip(t *testing.T) {
	deep := any("leaf")
	for range maxDocumentDepth + 5 {
		deep = []any{deep}
	}
	tests := []struct {
		name   string
		v      any
		direct bool
	}{
		{"model", map[string]any{"path": "a/b", "line": 3, "tasks": []any{map[string]any{"type": "timer", "ok": true, "none": nil}}}, true},
		{"json.Number", map[string]any{"n": json.Number("-1.5e3")}, true},
		{"HTML characters", map[string]any{"s": "<a & b>"}, true},
		{"empty containers", map[string]any{"a": []any{}, "m": map[string]any{}}, true},
		{"nil slice is null", map[string]any{"a": []any(nil)}, false},
		{"nil map is null", map[string]any{"m": map[string]any(nil)}, false},
		{"invalid UTF-8 value", map[string]any{"s": "a\xffb"}, false},
		{"invalid UTF-8 key", map[string]any{"k\xfe": "v"}, false},
		{"float", map[string]any{"f": 1.5}, false},
		{"int64", map[string]any{"i": int64(7)}, false},
		{"named string", map[string]any{"s": namedString("x")}, false},
		{"typed slice", map[string]any{"s": []string{"x"}}, false},
		{"struct", struct{ A int }{1}, false},
		{"empty json.Number", map[string]any{"n": json.Number("")}, false},
		{"invalid json.Number", map[string]any{"n": json.Number("1x")}, false},
		{"too deep", deep, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isDocument(tt.v, 0); got != tt.direct {
				t.Fatalf("isDocument = %v, want %v", got, tt.direct)
			}
			got, gotErr := instance("test", tt.v)
			want, wantErr := roundTrip("test", tt.v)
			if (gotErr != nil) != (wantErr != nil) {
				t.Fatalf("instance error %v, round trip error %v", gotErr, wantErr)
			}
			if gotErr != nil {
				return
			}
			if n := intsAsNumbers(got); !reflect.DeepEqual(n, want) {
				t.Errorf("instance gives %#v, the round trip %#v", n, want)
			}
		})
	}
}

// The validator sees the same thing in the model and in its round trip:
// same leaf errors (the model below breaks several keywords, including
// integer and minimum on an int).
func TestValidateModelAsRoundTrip(t *testing.T) {
	s, err := compile("manifest")
	if err != nil {
		t.Fatal(err)
	}
	model := map[string]any{
		"path": "p", "encoding": "utf-8", "applications": []any{}, "packageExtensions": []any{},
		"capabilities": []any{map[string]any{"line": 0, "column": 2, "kind": "Capability", "namespace": "n"}},
		"backgroundTasks": []any{map[string]any{
			"line": 3, "column": -1, "level": "package", "namespace": "urn:x", "entryPoint": "Tasks.dll",
			"executable": "a.dll", "resourceGroup": "1x",
			"backgroundTasks": map[string]any{"line": 4, "column": 1, "supportsMultipleInstances": "true", "serverName": "S",
				"tasks": []any{map[string]any{"line": 5, "column": 1, "namespace": "http://schemas.microsoft.com/appx/manifest/uap/windows10", "type": "timer"}}},
		}},
		"comServerClasses": []any{}, "activatableClasses": []any{}, "problems": []any{},
	}
	rt, err := roundTrip("manifest", model)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := leafErrors("manifest", s, model)
	if err != nil {
		t.Fatal(err)
	}
	viaJSON, err := leafErrors("manifest", s, rt)
	if err != nil {
		t.Fatal(err)
	}
	if len(direct) < 8 {
		t.Fatalf("only %d errors: %v", len(direct), direct)
	}
	if a, b := errorSet(direct), errorSet(viaJSON); a != b {
		t.Errorf("model as it is:\n%s\nafter a JSON round trip:\n%s", a, b)
	}
}

func intsAsNumbers(v any) any {
	switch v := v.(type) {
	case int:
		return json.Number(strconv.Itoa(v))
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = intsAsNumbers(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = intsAsNumbers(e)
		}
		return out
	}
	return v
}

// errorSet renders errors one per line, sorted, so that two validations
// can be compared whatever order map iteration visited keywords in.
func errorSet(errs []Error) string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = e.InstanceLocation + " | " + e.KeywordLocation + " | " + e.Message
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
