// Package schema embeds bgmanifest's JSON Schemas and validates values
// against them with jsonschema v5. Everything jsonschema-specific stays in
// this file so that a move to v6 touches one place.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed *.schema.json
var files embed.FS

// Names lists the embedded schemas ("manifest", "config", "report", ...).
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".schema.json"))
	}
	sort.Strings(out)
	return out
}

// Source returns the text of the named schema.
func Source(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".schema.json")
	if err != nil {
		return nil, fmt.Errorf("unknown schema %q (have %s)", name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Error is one validation failure.
type Error struct {
	// InstanceLocation is the JSON pointer of the failing value ("/applications/0/...").
	InstanceLocation string
	// KeywordLocation is the schema keyword that failed.
	KeywordLocation string
	Message         string
}

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

const baseURL = "https://bgmanifest.invalid/schema/"

// newCompiler returns a draft 2020-12 compiler that never reads files or
// the network: every $ref must point at a resource added to it.
func newCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schema loading disabled: %s", url)
	}
	return c
}

func compile(name string) (*jsonschema.Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[name]; ok {
		return s, nil
	}
	c := newCompiler()
	for _, n := range Names() {
		src, _ := Source(n)
		if err := c.AddResource(baseURL+n+".schema.json", bytes.NewReader(src)); err != nil {
			return nil, fmt.Errorf("schema %s: %w", n, err)
		}
	}
	s, err := c.Compile(baseURL + name + ".schema.json")
	if err != nil {
		return nil, fmt.Errorf("compile schema %s: %w", name, err)
	}
	compiled[name] = s
	return s, nil
}

// Precompile compiles the named schema now, so that a later Validate finds
// it ready. Compiling the embedded schemas is ~20 ms, half of a one-App
// check's CPU profile; the CLI starts it on a second core while the
// workspace is discovered and scanned. An error is left for Validate to
// report.
func Precompile(name string) {
	_, _ = compile(name)
}

// Validate checks v (any Go value) against the named schema and returns the
// leaf errors, sorted by instance location. A value that is already a JSON
// document tree (see instance) is validated as it is; anything else is
// marshalled to JSON and decoded first. A non-nil error means the schema
// itself could not be used.
func Validate(name string, v any) ([]Error, error) {
	s, err := compile(name)
	if err != nil {
		return nil, err
	}
	doc, err := instance(name, v)
	if err != nil {
		return nil, err
	}
	return leafErrors(name, s, doc)
}

// leafErrors validates doc with s and flattens the error tree to its
// leaves, sorted by instance location.
func leafErrors(name string, s *jsonschema.Schema, doc any) ([]Error, error) {
	verr := s.Validate(doc)
	if verr == nil {
		return nil, nil
	}
	ve, ok := verr.(*jsonschema.ValidationError)
	if !ok {
		return nil, fmt.Errorf("validate against schema %s: %w", name, verr)
	}
	var out []Error
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Error{InstanceLocation: e.InstanceLocation, KeywordLocation: e.KeywordLocation, Message: e.Message})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool { return out[i].InstanceLocation < out[j].InstanceLocation })
	return out, nil
}

// instance returns the JSON document the validator is to see for v. The
// manifest model is built as map[string]any, []any, string and int values
// already; a JSON round trip of it (marshal, then decode with UseNumber) was
// a fifth of BG002's cost and gives the validator an equal document, so it
// is skipped for such trees (isDocument says which). Other values take the
// round trip.
func instance(name string, v any) (any, error) {
	if isDocument(v, 0) {
		return v, nil
	}
	return roundTrip(name, v)
}

// roundTrip marshals v and decodes it again, numbers as json.Number.
func roundTrip(name string, v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("marshal value for schema %s: %w", name, err)
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("unmarshal value for schema %s: %w", name, err)
	}
	return doc, nil
}

// maxDocumentDepth bounds the trees isDocument accepts. encoding/json's
// decoder refuses documents nested 10,000 deep; a deeper value takes the
// round trip, so it is refused as before instead of recursing in the
// validator.
const maxDocumentDepth = 1000

// isDocument reports whether v is a value the validator can take as it is
// and that a JSON round trip would give back unchanged, up to the numbers'
// representation (the validator compares numbers by value): nil, bool,
// strings that are valid UTF-8 (Marshal replaces invalid bytes with U+FFFD),
// int, json.Number, non-nil map[string]any and []any of such values (a nil
// map or slice marshals as null). Floats, other integer types, named types
// and structs are left to the round trip.
func isDocument(v any, depth int) bool {
	if depth > maxDocumentDepth {
		return false
	}
	switch v := v.(type) {
	case nil, bool, int:
		return true
	case string:
		return utf8.ValidString(v)
	case json.Number:
		// Marshal writes a json.Number as it is when it is a number
		// literal (and "" as 0, anything else is an error); UseNumber
		// gives the same string back.
		return isNumberLiteral(string(v))
	case map[string]any:
		if v == nil {
			return false
		}
		for k, e := range v {
			if !utf8.ValidString(k) || !isDocument(e, depth+1) {
				return false
			}
		}
		return true
	case []any:
		if v == nil {
			return false
		}
		for _, e := range v {
			if !isDocument(e, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// isNumberLiteral reports whether s is a JSON number literal:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isNumberLiteral(s string) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}
