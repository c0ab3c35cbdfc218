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

// Validate checks v (any Go value; it is marshalled to JSON first) against
// the named schema and returns the leaf errors, sorted by instance location.
// A non-nil error means the schema itself could not be used.
func Validate(name string, v any) ([]Error, error) {
	s, err := compile(name)
	if err != nil {
		return nil, err
	}
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
