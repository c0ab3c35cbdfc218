package lsp

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bgmanifest/bgmanifest/internal/hostile"
)

// TestHostileBuffers: an editor buffer holding an entity bomb, an external
// entity, 100 000-deep nesting, a truncated tag, NUL or a lone surrogate is
// reported as BG001 on its line; the server keeps serving, and the App's
// code diagnostics come back once the buffer is valid again.
func TestHostileBuffers(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)
	c.diagnostics(csURI, "with BG102", hasCode("BG102"))
	manURI := c.open(fx.weatherManifest)
	original := readFile(t, fx.weatherManifest)

	const marker = "XXE-MARKER-LSP-41c2"
	secret := t.TempDir() + "/secret.txt"
	writeTestFile(t, secret, marker)
	withTasks := hostile.Manifest(hostile.Extension("Tasks.T", "timer"))
	cases := []struct {
		name string
		text string
		line int // 0-based line of the BG001; -1: any
	}{
		{"billion-laughs", hostile.BillionLaughs(9), 1},
		{"external-entity", hostile.ExternalEntity("file://" + secret), 1},
		{"deep-nesting", hostile.DeepXML(100_000), -1},
		{"truncated", hostile.TruncatedManifest(), strings.Count(hostile.TruncatedManifest(), "\n")},
		{"nul", string(hostile.BadBytes(withTasks, "Tasks.", hostile.NUL)), strings.Count(withTasks[:strings.Index(withTasks, "Tasks.")], "\n")},
		// A lone surrogate cannot travel in JSON; the editor sends U+FFFD.
		{"replacement-char", strings.Replace(withTasks, "Tasks.T", "Tasks.\uFFFDT", 1), strings.Count(withTasks[:strings.Index(withTasks, "Tasks.")], "\n")},
	}
	version := 1
	for _, tc := range cases {
		version++
		c.change(manURI, version, tc.text)
		pub := c.diagnosticsAt(manURI, version)
		for _, d := range pub.Diagnostics {
			if strings.Contains(d.Message, marker) {
				t.Errorf("%s: the external entity's content leaked into a diagnostic", tc.name)
			}
		}
		if tc.name == "replacement-char" {
			continue // U+FFFD is a legal character; BG006 may or may not apply
		}
		found := false
		for _, d := range pub.Diagnostics {
			if d.Code == "BG001" && (tc.line < 0 || d.Range.Start.Line == tc.line) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no BG001 on line %d: %+v", tc.name, tc.line, pub.Diagnostics)
		}
	}
	version++
	c.change(manURI, version, original)
	c.diagnosticsAt(manURI, version)
	c.diagnostics(csURI, "with BG102 after the manifest is valid again", hasCode("BG102"))
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOversizedBufferIsDropped: a buffer over the size the command line
// checks is not kept: the user is told, later changes to it are ignored,
// and the server goes on answering.
func TestOversizedBufferIsDropped(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)
	c.diagnostics(csURI, "with BG102", hasCode("BG102"))
	manURI := c.open(fx.weatherManifest)
	c.change(manURI, 2, strings.Repeat(" ", maxDocumentSize+1))
	msg := c.waitFor("showMessage", func(m message) bool { return m.Method == "window/showMessage" })
	var p logMessageParams
	if err := json.Unmarshal(msg.Params, &p); err != nil {
		t.Fatal(err)
	}
	if p.Type != messageWarning || !strings.Contains(p.Message, "over the") {
		t.Errorf("showMessage %+v, want a warning about the size", p)
	}
	c.change(manURI, 3, "<still too large?/>") // ignored: not an error
	// The disk's manifest is the truth again: BG102 is still reported.
	c.change(csURI, 2, readFile(t, fx.weatherCS)+"\n")
	c.diagnostics(csURI, "with BG102 after the drop", hasCode("BG102"))
}
