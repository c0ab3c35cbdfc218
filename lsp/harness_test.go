package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// waitLimit bounds every wait for the server, so that a broken server fails
// the test instead of hanging it. It is not a timing assertion.
const waitLimit = 20 * time.Second

// testClient drives a server over in-memory pipes, as an editor would.
type testClient struct {
	t      *testing.T
	srv    *server
	in     *io.PipeWriter
	msgs   chan message
	done   chan error
	nextID int
	// queued are messages read while waiting for something else.
	queued []message
	stderr *lockedBuffer

	mu     sync.Mutex
	checks []string // manifests, in the order their checks finished
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startClient(t *testing.T, o Options) *testClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &testClient{t: t, in: inW, msgs: make(chan message, 1024), done: make(chan error, 1), stderr: &lockedBuffer{}}
	user := o.OnCheck
	o.OnCheck = func(m string) {
		c.mu.Lock()
		c.checks = append(c.checks, m)
		c.mu.Unlock()
		if user != nil {
			user(m)
		}
	}
	c.srv = newServer(outW, c.stderr, o)
	go func() {
		err := c.srv.serve(inR)
		outW.Close()
		c.done <- err
	}()
	go func() {
		r := bufio.NewReader(outR)
		for {
			body, err := ReadMessage(r)
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server wrote invalid JSON %q: %v", body, err)
				continue
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.done:
		case <-time.After(waitLimit):
			t.Errorf("server did not stop after its input closed")
		}
		if t.Failed() {
			t.Logf("server stderr:\n%s", c.stderr.String())
		}
	})
	return c
}

func (c *testClient) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(body)
}

func (c *testClient) sendRaw(body []byte) {
	c.t.Helper()
	if err := WriteMessage(c.in, body); err != nil {
		c.t.Fatalf("writing to the server: %v", err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and returns its response.
func (c *testClient) call(method string, params any) message {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	return c.waitFor(fmt.Sprintf("response to %s", method), func(m message) bool {
		return m.isResponse() && string(m.ID) == fmt.Sprint(id)
	})
}

// result decodes a successful response's result.
func (c *testClient) result(m message, v any) {
	c.t.Helper()
	if m.Error != nil {
		c.t.Fatalf("response is an error: %v", m.Error)
	}
	if err := json.Unmarshal(m.Result, v); err != nil {
		c.t.Fatalf("decoding result %s: %v", m.Result, err)
	}
}

// waitFor returns the first message (queued or new) that matches.
func (c *testClient) waitFor(what string, match func(message) bool) message {
	c.t.Helper()
	for i, m := range c.queued {
		if match(m) {
			c.queued = append(c.queued[:i:i], c.queued[i+1:]...)
			return m
		}
	}
	deadline := time.After(waitLimit)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("server closed its output while waiting for %s", what)
			}
			if match(m) {
				return m
			}
			c.queued = append(c.queued, m)
		case <-deadline:
			c.t.Fatalf("no %s within %v", what, waitLimit)
		}
	}
}

// diagnostics waits for a publishDiagnostics for uri that satisfies ok.
func (c *testClient) diagnostics(uri string, what string, ok func([]Diagnostic) bool, version ...int) PublishDiagnosticsParams {
	c.t.Helper()
	var p PublishDiagnosticsParams
	c.waitFor("diagnostics for "+filepath.Base(uri)+" "+what, func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var q PublishDiagnosticsParams
		if json.Unmarshal(m.Params, &q) != nil || q.URI != uri || !ok(q.Diagnostics) {
			return false
		}
		if len(version) > 0 && (q.Version == nil || *q.Version != version[0]) {
			return false
		}
		p = q
		return true
	})
	return p
}

// diagnosticsAt waits for the diagnostics of uri computed from buffer
// version v.
func (c *testClient) diagnosticsAt(uri string, v int) PublishDiagnosticsParams {
	c.t.Helper()
	return c.diagnostics(uri, fmt.Sprintf("at version %d", v), func([]Diagnostic) bool { return true }, v)
}

// waitCheck waits until the server has finished n checks of manifest.
func (c *testClient) waitCheck(manifest string, n int) {
	c.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for c.checkCount(manifest) < n {
		if time.Now().After(deadline) {
			c.t.Fatalf("%s was checked %d times, want %d", manifest, c.checkCount(manifest), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (c *testClient) checkCount(manifest string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, m := range c.checks {
		if m == manifest {
			n++
		}
	}
	return n
}

func (c *testClient) initialize(root string) InitializeResult {
	c.t.Helper()
	uri := pathToURI(root)
	var res InitializeResult
	c.result(c.call("initialize", map[string]any{
		"processId": nil, "rootUri": uri,
		"workspaceFolders": []map[string]string{{"uri": uri, "name": filepath.Base(root)}},
		"capabilities":     map[string]any{},
	}), &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *testClient) open(path string) string {
	c.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	uri := pathToURI(path)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageIDOf(path), "version": 1, "text": string(b),
	}})
	return uri
}

func (c *testClient) change(uri string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

func languageIDOf(path string) string {
	switch filepath.Ext(path) {
	case ".cs":
		return "csharp"
	case ".appxmanifest", ".xml":
		return "xml"
	}
	return "plaintext"
}

// copyTree copies a fixture to a temporary directory so that paths are
// absolute and nothing above it (the repository) is discovered.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	testfs.CopyTree(t, src, dst)
	return dst
}

// applyTextEdits applies LSP edits to a text as a client does, so tests
// can check what a quick fix produces.
func applyTextEdits(t *testing.T, src string, edits []TextEdit) string {
	t.Helper()
	tx := newText([]byte(src))
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{tx.offsetAt(e.Range.Start), tx.offsetAt(e.Range.End), e.NewText})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := src
	// Apply from the end so earlier offsets stay valid.
	for i := len(spans) - 1; i >= 0; i-- {
		s := spans[i]
		out = out[:s.start] + s.text + out[s.end:]
	}
	return out
}
