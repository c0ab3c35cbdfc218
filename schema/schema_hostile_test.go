package schema

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestRefToNetworkRefused: a $ref to an http URL, a file URL or a path is
// an error; nothing is fetched or read.
func TestRefToNetworkRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Close()
		}
	}()
	local := filepath.Join(t.TempDir(), "local.schema.json")
	if err := os.WriteFile(local, []byte(`{"type": "string"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{
		"http://" + ln.Addr().String() + "/remote.schema.json",
		"https://" + ln.Addr().String() + "/remote.schema.json",
		"file://" + filepath.ToSlash(local),
		local,
	} {
		c := newCompiler()
		doc := `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": ` + quote(ref) + `}`
		if err := c.AddResource("https://bgmanifest.invalid/test.schema.json", strings.NewReader(doc)); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Compile("https://bgmanifest.invalid/test.schema.json"); err == nil || !strings.Contains(err.Error(), "loading disabled") {
			t.Errorf("$ref %s: compiled (err %v), want a refusal", ref, err)
		}
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("the schema compiler connected %d time(s)", n)
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestEmbeddedRefsStayEmbedded: every $ref in the embedded schemas points
// inside them, so compiling them never needs a loader.
func TestEmbeddedRefsStayEmbedded(t *testing.T) {
	for _, name := range Names() {
		src, err := Source(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(src, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if ref, ok := x.(string); ok && (k == "$ref" || k == "$dynamicRef") {
						inside := strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, baseURL) ||
							(!strings.Contains(ref, ":") && !strings.Contains(ref, "/") && strings.HasSuffix(strings.SplitN(ref, "#", 2)[0], ".schema.json"))
						if !inside {
							t.Errorf("%s: %s %q leaves the embedded schemas", name, k, ref)
						}
					}
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(doc)
		if _, err := compile(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
