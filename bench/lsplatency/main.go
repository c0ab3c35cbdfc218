// Command lsplatency measures the language server's re-check latency after
// one edit (issue #6): it starts lsp.Serve in-process on a workspace, opens
// one source file, sends didChange edits and times each until the
// publishDiagnostics of that buffer version arrives. It also counts which
// Apps were checked for each edit (lsp.Options.OnCheck), to show that an
// edit re-checks only the App of the edited file.
//
//	go run ./bench/lsplatency -dir /tmp/bench/medium
//	go run ./bench/lsplatency -dir /tmp/bench/medium -file path/to/Registrar.cs -edits 9
//
// The debounce is set to 1 ms so the figure is the check itself, not the
// wait for more typing (lsp.DefaultDebounce is added in an editor).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/bgmanifest/bgmanifest/lsp"
)

func main() {
	dir := flag.String("dir", "", "workspace root (required)")
	file := flag.String("file", "", "source file to edit (default: the first Registrar.cs under -dir)")
	edits := flag.Int("edits", 7, "number of edits to time (the median is reported)")
	flag.Parse()
	if err := run(*dir, *file, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "lsplatency:", err)
		os.Exit(1)
	}
}

func run(dir, file string, edits int) error {
	if dir == "" {
		return errors.New("-dir is required")
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if file == "" {
		if file, err = firstNamed(root, "Registrar.cs"); err != nil {
			return err
		}
	}
	if file, err = filepath.Abs(file); err != nil {
		return err
	}
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	c := start()
	defer c.stop()

	if _, err := c.call("initialize", map[string]any{
		"processId": nil, "rootUri": fileURI(root),
		"workspaceFolders": []map[string]string{{"uri": fileURI(root), "name": filepath.Base(root)}},
		"capabilities":     map[string]any{},
	}); err != nil {
		return err
	}
	c.notify("initialized", map[string]any{})

	uri := fileURI(file)
	t0 := time.Now()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "csharp", "version": 1, "text": string(text),
	}})
	if err := c.waitDiagnostics(uri, 1); err != nil {
		return err
	}
	fmt.Printf("open %s: first diagnostics after %v (%d App checks)\n", rel(root, file), time.Since(t0).Round(time.Millisecond), len(c.takeChecks()))

	var lat []time.Duration
	apps := map[string]bool{}
	checks := 0
	for i := 0; i < edits; i++ {
		v := i + 2
		edited := fmt.Sprintf("%s\n// edit %d\n", text, v)
		t := time.Now()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []map[string]any{{"text": edited}},
		})
		if err := c.waitDiagnostics(uri, v); err != nil {
			return err
		}
		lat = append(lat, time.Since(t))
		for _, m := range c.takeChecks() {
			apps[m] = true
			checks++
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	fmt.Printf("re-check after one edit: median %v, min %v, max %v over %d edits (debounce 1 ms)\n",
		lat[len(lat)/2].Round(100*time.Microsecond), lat[0].Round(100*time.Microsecond), lat[len(lat)-1].Round(100*time.Microsecond), len(lat))
	var names []string
	for m := range apps {
		names = append(names, rel(root, m))
	}
	sort.Strings(names)
	fmt.Printf("Apps re-checked by the edits: %d (%d checks): %v\n", len(apps), checks, names)
	if _, err := c.call("shutdown", nil); err != nil {
		return err
	}
	c.notify("exit", nil)
	return nil
}

// client talks to an in-process server over pipes, as an editor would.
type client struct {
	in     *io.PipeWriter
	msgs   chan message
	done   chan error
	nextID int

	mu     sync.Mutex
	checks []string
}

type message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func start() *client {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{in: inW, msgs: make(chan message, 1024), done: make(chan error, 1)}
	opts := lsp.Options{Version: "bench", Debounce: time.Millisecond, OnCheck: func(m string) {
		c.mu.Lock()
		c.checks = append(c.checks, m)
		c.mu.Unlock()
	}}
	go func() {
		err := lsp.Serve(inR, outW, io.Discard, opts)
		outW.Close()
		c.done <- err
	}()
	go func() {
		r := bufio.NewReader(outR)
		for {
			body, err := lsp.ReadMessage(r)
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if json.Unmarshal(body, &m) == nil {
				c.msgs <- m
			}
		}
	}()
	return c
}

func (c *client) stop() {
	c.in.Close()
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
	}
}

func (c *client) send(v any) {
	body, err := json.Marshal(v)
	if err == nil {
		err = lsp.WriteMessage(c.in, body)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lsplatency: writing to the server:", err)
	}
}

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and waits for its response, dropping anything else.
func (c *client) call(method string, params any) (json.RawMessage, error) {
	c.nextID++
	id := fmt.Sprint(c.nextID)
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	m, err := c.wait("response to "+method, func(m message) bool { return m.Method == "" && string(m.ID) == id })
	if err != nil {
		return nil, err
	}
	if m.Error != nil {
		return nil, fmt.Errorf("%s: %s", method, m.Error.Message)
	}
	return m.Result, nil
}

func (c *client) waitDiagnostics(uri string, version int) error {
	_, err := c.wait(fmt.Sprintf("diagnostics of version %d", version), func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p lsp.PublishDiagnosticsParams
		return json.Unmarshal(m.Params, &p) == nil && p.URI == uri && p.Version != nil && *p.Version == version
	})
	return err
}

// wait reads messages until one matches; a generous limit keeps a broken
// server from hanging the benchmark.
func (c *client) wait(what string, match func(message) bool) (message, error) {
	limit := time.After(2 * time.Minute)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				return message{}, fmt.Errorf("server closed its output while waiting for %s", what)
			}
			if match(m) {
				return m, nil
			}
		case <-limit:
			return message{}, fmt.Errorf("no %s within 2 minutes", what)
		}
	}
}

func (c *client) takeChecks() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.checks
	c.checks = nil
	return out
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func rel(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

var errFound = errors.New("found")

func firstNamed(root, name string) (string, error) {
	var found string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == name {
			found = p
			return errFound
		}
		return nil
	})
	if found != "" {
		return found, nil
	}
	if err == nil {
		err = fmt.Errorf("no %s under %s", name, root)
	}
	return "", err
}
