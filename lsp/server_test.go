package lsp

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
)

// fixture paths inside the copied lsp/testdata/app.
type fixture struct {
	root                       string
	weatherManifest, weatherCS string
	newsManifest, newsCS       string
}

func newFixture(t *testing.T) fixture {
	root := copyTree(t, filepath.Join("testdata", "app"))
	return fixture{
		root:            root,
		weatherManifest: filepath.Join(root, "WeatherApp", "Package.appxmanifest"),
		weatherCS:       filepath.Join(root, "WeatherApp", "BackgroundTaskSetup.cs"),
		newsManifest:    filepath.Join(root, "NewsApp", "Package.appxmanifest"),
		newsCS:          filepath.Join(root, "NewsApp", "TaskSetup.cs"),
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lspPositionOf finds needle in a file and returns its LSP position,
// computed independently of the server (UTF-16 units of the line prefix).
func lspPositionOf(t *testing.T, src, needle string) Position {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in the fixture", needle)
	}
	before := src[:i]
	line := strings.Count(before, "\n")
	lineStart := strings.LastIndex(before, "\n") + 1
	return Position{Line: line, Character: len(utf16.Encode([]rune(before[lineStart:])))}
}

func hasCode(code string) func([]Diagnostic) bool {
	return func(ds []Diagnostic) bool {
		for _, d := range ds {
			if string(d.Code) == code {
				return true
			}
		}
		return false
	}
}

func empty(ds []Diagnostic) bool { return len(ds) == 0 }

func TestInitializeCapabilities(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Version: "1.2.3"})
	res := c.initialize(fx.root)
	caps := res.Capabilities
	if caps.TextDocumentSync.Change != SyncFull || !caps.TextDocumentSync.OpenClose {
		t.Errorf("textDocumentSync = %+v, want full sync with open/close", caps.TextDocumentSync)
	}
	if !caps.HoverProvider {
		t.Error("hoverProvider is false")
	}
	if len(caps.CodeActionProvider.CodeActionKinds) != 1 || caps.CodeActionProvider.CodeActionKinds[0] != "quickfix" {
		t.Errorf("codeActionKinds = %v", caps.CodeActionProvider.CodeActionKinds)
	}
	if caps.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding = %q", caps.PositionEncoding)
	}
	if res.ServerInfo.Name != "bgmanifest" || res.ServerInfo.Version != "1.2.3" {
		t.Errorf("serverInfo = %+v", res.ServerInfo)
	}
}

func TestDiagnosticsQuickFixAndClearing(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 20 * time.Millisecond})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)

	pub := c.diagnostics(csURI, "with BG102", hasCode("BG102"))
	var bg102 Diagnostic
	for _, d := range pub.Diagnostics {
		if d.Code == "BG102" {
			bg102 = d
		}
	}
	cs := readFile(t, fx.weatherCS)
	want := lspPositionOf(t, cs, "new TimeTrigger(30, false)")
	if bg102.Range.Start != want {
		t.Errorf("BG102 starts at %+v, want %+v (the trigger argument)", bg102.Range.Start, want)
	}
	if bg102.Range.End.Line != want.Line || bg102.Range.End.Character <= want.Character {
		t.Errorf("BG102 range %+v should underline text on line %d", bg102.Range, want.Line)
	}
	if bg102.Severity != SeverityError || bg102.Source != "bgmanifest" {
		t.Errorf("BG102 severity %d source %q, want error from bgmanifest", bg102.Severity, bg102.Source)
	}
	if !strings.Contains(bg102.Message, "timer") {
		t.Errorf("BG102 message %q does not name the missing task type", bg102.Message)
	}
	manURI := pathToURI(fx.weatherManifest)
	if len(bg102.RelatedInformation) == 0 || bg102.RelatedInformation[0].Location.URI != manURI {
		t.Errorf("BG102 related information %+v, want a location in %s", bg102.RelatedInformation, manURI)
	}
	if pub.Version == nil || *pub.Version != 1 {
		t.Errorf("publish version = %v, want the open buffer's version 1", pub.Version)
	}

	// The quick fix inserts the missing task type into the manifest.
	var actions []CodeAction
	c.result(c.call("textDocument/codeAction", CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: csURI},
		Range:        bg102.Range,
		Context:      CodeActionContext{Diagnostics: []Diagnostic{bg102}},
	}), &actions)
	if len(actions) != 1 {
		t.Fatalf("got %d code actions, want 1: %+v", len(actions), actions)
	}
	act := actions[0]
	if act.Kind != "quickfix" || act.Edit == nil || len(act.Edit.Changes[manURI]) == 0 {
		t.Fatalf("code action %+v does not edit the manifest", act)
	}
	manText := readFile(t, fx.weatherManifest)
	fixed := applyTextEdits(t, manText, act.Edit.Changes[manURI])
	if !strings.Contains(fixed, `Type="timer"`) || !strings.Contains(fixed, `Type="systemEvent"`) {
		t.Fatalf("the fix should add timer next to systemEvent:\n%s", fixed)
	}

	// Unrelated diagnostics get no action; an "only" filter without
	// quickfix gets none.
	other := bg102
	other.Code = "BG999"
	c.result(c.call("textDocument/codeAction", CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: csURI}, Range: bg102.Range,
		Context: CodeActionContext{Diagnostics: []Diagnostic{other}},
	}), &actions)
	if len(actions) != 0 {
		t.Errorf("a diagnostic the server did not publish got actions: %+v", actions)
	}
	c.result(c.call("textDocument/codeAction", CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: csURI}, Range: bg102.Range,
		Context: CodeActionContext{Diagnostics: []Diagnostic{bg102}, Only: []string{"refactor"}},
	}), &actions)
	if len(actions) != 0 {
		t.Errorf("only=refactor still got quick fixes: %+v", actions)
	}

	// Apply the fix in an unsaved manifest buffer: the code's diagnostic is
	// cleared with an empty list.
	c.open(fx.weatherManifest)
	c.change(manURI, 2, fixed)
	c.diagnostics(csURI, "cleared", empty)
	if got := readFile(t, fx.weatherManifest); got != manText {
		t.Error("the server wrote the manifest on disk")
	}
}

func TestCodeChangeClearsDiagnostics(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 20 * time.Millisecond})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)
	c.diagnostics(csURI, "with BG102", hasCode("BG102"))

	// Typing, several versions in a row: the code switches to a trigger the
	// declared systemEvent satisfies. Intermediate versions do not parse.
	cs := readFile(t, fx.weatherCS)
	fixed := strings.Replace(cs, "new TimeTrigger(30, false)", "new SystemTrigger(SystemTriggerType.TimeZoneChange, false)", 1)
	cut := strings.Index(fixed, "SystemTriggerType.")
	c.change(csURI, 2, fixed[:cut])
	c.change(csURI, 3, fixed[:cut+5])
	c.change(csURI, 4, fixed)
	pub := c.diagnosticsAt(csURI, 4)
	if len(pub.Diagnostics) != 0 {
		t.Errorf("after the fix, diagnostics %+v, want none", pub.Diagnostics)
	}
}

func TestChangeRechecksOnlyTheOwningApp(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(fx.root)
	weatherURI := c.open(fx.weatherCS)
	c.open(fx.newsCS)
	c.waitCheck(fx.weatherManifest, 1)
	c.waitCheck(fx.newsManifest, 1)

	newsRequests := c.srv.sched.requests(fx.newsManifest)
	weatherRequests := c.srv.sched.requests(fx.weatherManifest)
	c.change(weatherURI, 2, readFile(t, fx.weatherCS)+"\n// edited\n")
	// A request is answered only after every earlier notification was
	// handled, so the scheduling decisions for the change are made by now.
	c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: weatherURI}})
	if got := c.srv.sched.requests(fx.weatherManifest); got != weatherRequests+1 {
		t.Errorf("Weather check requests went from %d to %d, want one more", weatherRequests, got)
	}
	if got := c.srv.sched.requests(fx.newsManifest); got != newsRequests {
		t.Errorf("a change to a Weather file requested %d News checks", got-newsRequests)
	}
	c.waitCheck(fx.weatherManifest, 2)
	if n := c.checkCount(fx.newsManifest); n != 1 {
		t.Errorf("News was checked %d times, want only its initial check", n)
	}
}

func TestDebounceSupersedesPendingChecks(t *testing.T) {
	fx := newFixture(t)
	// A long debounce: the burst below must end in one check.
	c := startClient(t, Options{Debounce: 300 * time.Millisecond})
	c.initialize(fx.root)
	uri := c.open(fx.weatherCS)
	c.waitCheck(fx.weatherManifest, 1)
	cs := readFile(t, fx.weatherCS)
	for v := 2; v <= 6; v++ {
		c.change(uri, v, cs+strings.Repeat("\n", v))
	}
	c.diagnosticsAt(uri, 6)
	if n := c.checkCount(fx.weatherManifest); n != 2 {
		t.Errorf("the App was checked %d times, want 2 (open, then one for the whole burst)", n)
	}
}

func TestHoverOnTaskType(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	c.initialize(fx.root)
	uri := c.open(fx.weatherManifest)
	man := readFile(t, fx.weatherManifest)
	pos := lspPositionOf(t, man, `systemEvent"`)
	pos.Character += 3 // inside the value

	var h Hover
	c.result(c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}), &h)
	if h.Contents.Kind != "markdown" {
		t.Errorf("hover kind %q, want markdown", h.Contents.Kind)
	}
	for _, want := range []string{"systemEvent", "`SystemTrigger`", "`ToastNotificationActionTrigger`"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover does not mention %s:\n%s", want, h.Contents.Value)
		}
	}
	for _, wrong := range []string{"`TimeTrigger`", "`PushNotificationTrigger`"} {
		if strings.Contains(h.Contents.Value, wrong) {
			t.Errorf("hover lists %s, which does not accept systemEvent:\n%s", wrong, h.Contents.Value)
		}
	}
	start := lspPositionOf(t, man, `systemEvent"`)
	if h.Range == nil || h.Range.Start != start || h.Range.End.Character != start.Character+len("systemEvent") {
		t.Errorf("hover range %+v, want the attribute value at %+v", h.Range, start)
	}

	// Elsewhere in the manifest, and in code, there is nothing to show.
	for _, p := range []TextDocumentPositionParams{
		{TextDocument: TextDocumentIdentifier{URI: uri}, Position: lspPositionOf(t, man, "<Identity")},
		{TextDocument: TextDocumentIdentifier{URI: pathToURI(fx.weatherCS)}, Position: Position{Line: 3}},
	} {
		resp := c.call("textDocument/hover", p)
		if resp.Error != nil || string(resp.Result) != "null" {
			t.Errorf("hover at %+v = %s %v, want null", p.Position, resp.Result, resp.Error)
		}
	}
}

func TestHoverFollowsUnsavedBuffer(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	c.initialize(fx.root)
	uri := c.open(fx.weatherManifest)
	edited := strings.Replace(readFile(t, fx.weatherManifest), `Type="systemEvent"`, `Type="pushNotification"`, 1)
	c.change(uri, 2, edited)
	pos := lspPositionOf(t, edited, `pushNotification"`)
	var h Hover
	c.result(c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}), &h)
	if !strings.Contains(h.Contents.Value, "`PushNotificationTrigger`") {
		t.Errorf("hover on the edited value:\n%s", h.Contents.Value)
	}
}

func TestLifecycleErrors(t *testing.T) {
	c := startClient(t, Options{})
	resp := c.call("textDocument/hover", map[string]any{})
	if resp.Error == nil || resp.Error.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: %+v, want error %d", resp.Error, codeServerNotInitialized)
	}
	c.initialize(t.TempDir())
	if resp := c.call("initialize", map[string]any{}); resp.Error == nil || resp.Error.Code != codeInvalidRequest {
		t.Errorf("second initialize: %+v, want InvalidRequest", resp.Error)
	}
	if resp := c.call("workspace/symbol", map[string]any{"query": "x"}); resp.Error == nil || resp.Error.Code != codeMethodNotFound {
		t.Errorf("unknown request: %+v, want MethodNotFound", resp.Error)
	}
	if resp := c.call("textDocument/hover", nil); resp.Error == nil || resp.Error.Code != codeInvalidParams {
		t.Errorf("hover without params: %+v, want InvalidParams", resp.Error)
	}
	// Unknown notifications are ignored; malformed JSON gets a parse error.
	c.notify("$/somethingNew", map[string]any{"x": 1})
	c.sendRaw([]byte(`{"jsonrpc":"2.0","id":`))
	parse := c.waitFor("parse error", func(m message) bool { return m.Error != nil && m.Error.Code == codeParseError })
	if string(parse.ID) != "null" {
		t.Errorf("parse error id = %s, want null", parse.ID)
	}
	if resp := c.call("shutdown", nil); resp.Error != nil || string(resp.Result) != "null" {
		t.Errorf("shutdown = %s %v, want a null result", resp.Result, resp.Error)
	}
	if resp := c.call("textDocument/hover", map[string]any{}); resp.Error == nil || resp.Error.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: %+v, want InvalidRequest", resp.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("Serve after shutdown and exit = %v, want nil", err)
		}
		c.done <- err // for the cleanup
	case <-time.After(waitLimit):
		t.Fatal("server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir())
	c.notify("exit", nil)
	err := <-c.done
	if !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("Serve = %v, want ErrExitWithoutShutdown", err)
	}
	c.done <- err
}

func TestPanicBecomesErrorResponse(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir())
	c.srv.handlers["test/panic"] = func(json.RawMessage) (any, error) { panic("boom") }
	resp := c.call("test/panic", map[string]any{})
	if resp.Error == nil || resp.Error.Code != codeInternalError || !strings.Contains(resp.Error.Message, "boom") {
		t.Errorf("panicking handler: %+v, want InternalError mentioning the panic", resp.Error)
	}
	// The server still answers.
	if resp := c.call("shutdown", nil); resp.Error != nil {
		t.Errorf("shutdown after a panic: %v", resp.Error)
	}
	if !strings.Contains(c.stderr.String(), "boom") {
		t.Errorf("the panic was not logged: %q", c.stderr.String())
	}
}

func TestGarbageBetweenMessages(t *testing.T) {
	c := startClient(t, Options{})
	if _, err := c.in.Write([]byte("this is not a header\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	res := c.initialize(t.TempDir())
	if res.ServerInfo.Name != "bgmanifest" {
		t.Errorf("after garbage, initialize = %+v", res)
	}
	if !strings.Contains(c.stderr.String(), "skipping unreadable message") {
		t.Errorf("the bad header was not logged: %q", c.stderr.String())
	}
}

func TestNewManifestOutsideTheRootIsDiscovered(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	// The workspace root is an empty folder; the App lives elsewhere and is
	// found from the file the user opens.
	c.initialize(t.TempDir())
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102", hasCode("BG102"))
}

func TestConfigSetsSeverity(t *testing.T) {
	fx := newFixture(t)
	if err := os.WriteFile(filepath.Join(fx.root, ".bgmanifest.yaml"), []byte("rules:\n  BG102: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, Options{})
	c.initialize(fx.root)
	uri := c.open(fx.weatherCS)
	pub := c.diagnostics(uri, "with BG102", hasCode("BG102"))
	for _, d := range pub.Diagnostics {
		if d.Code == "BG102" && d.Severity != SeverityWarning {
			t.Errorf("BG102 severity %d, want warning (%d) from the config", d.Severity, SeverityWarning)
		}
	}
}

func TestBadConfigIsShownAndIgnored(t *testing.T) {
	fx := newFixture(t)
	if err := os.WriteFile(filepath.Join(fx.root, ".bgmanifest.yaml"), []byte("rules:\n  BG999: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, Options{})
	c.initialize(fx.root)
	msg := c.waitFor("showMessage", func(m message) bool { return m.Method == "window/showMessage" })
	var p logMessageParams
	if err := json.Unmarshal(msg.Params, &p); err != nil {
		t.Fatal(err)
	}
	if p.Type != messageWarning || !strings.Contains(p.Message, "BG999") || !strings.Contains(p.Message, ".bgmanifest.yaml") {
		t.Errorf("showMessage %+v, want a warning naming the file and the unknown rule", p)
	}
	// The defaults apply.
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102 as an error", func(ds []Diagnostic) bool {
		for _, d := range ds {
			if d.Code == "BG102" && d.Severity == SeverityError {
				return true
			}
		}
		return false
	})
}

func TestSavedProjectFileRediscoversTheApp(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	c.initialize(fx.root)
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102", hasCode("BG102"))

	// The registration code leaves the project: the App no longer owns the
	// file, so its diagnostic is cleared.
	proj := filepath.Join(fx.root, "WeatherApp", "WeatherApp.csproj")
	text := readFile(t, proj)
	edited := strings.Replace(text, `<Compile Include="BackgroundTaskSetup.cs" />`, "", 1)
	if edited == text {
		t.Fatal("fixture project has no Compile item for BackgroundTaskSetup.cs")
	}
	if err := os.WriteFile(proj, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: pathToURI(proj)}})
	c.diagnostics(uri, "cleared", empty)
	if owners := c.srv.ws.ownersOf(fx.weatherCS); len(owners) != 0 {
		t.Errorf("after the project change, %s is still owned by %v", fx.weatherCS, owners)
	}
}

func TestDeletedManifestClearsItsApp(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	c.initialize(fx.root)
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102", hasCode("BG102"))
	if err := os.Remove(fx.weatherManifest); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: pathToURI(fx.weatherManifest), Type: FileDeleted}}})
	c.diagnostics(uri, "cleared", empty)
}

func TestWatchersAreRegisteredWhenTheClientCan(t *testing.T) {
	c := startClient(t, Options{})
	c.result(c.call("initialize", map[string]any{
		"rootUri": pathToURI(t.TempDir()),
		"capabilities": map[string]any{"workspace": map[string]any{
			"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true},
		}},
	}), &InitializeResult{})
	c.notify("initialized", map[string]any{})
	req := c.waitFor("client/registerCapability", func(m message) bool { return m.Method == "client/registerCapability" })
	if len(req.ID) == 0 {
		t.Fatal("registerCapability was sent as a notification; it is a request")
	}
	for _, glob := range []string{"**/*.appxmanifest", ".bgmanifest.yaml", "csproj"} {
		if !strings.Contains(string(req.Params), glob) {
			t.Errorf("watchers %s do not cover %s", req.Params, glob)
		}
	}
	// The client's answer is accepted silently.
	c.send(map[string]any{"jsonrpc": "2.0", "id": json.RawMessage(req.ID), "result": nil})
	if resp := c.call("shutdown", nil); resp.Error != nil {
		t.Errorf("shutdown: %v", resp.Error)
	}
}

func TestUnownedFilesAreLookedUpOnlyWhenNew(t *testing.T) {
	fx := newFixture(t)
	// A file no project compiles, present before the server starts: the
	// first discovery saw it, so opening it walks nothing again.
	stray := filepath.Join(fx.root, "WeatherApp", "Scratch.cs")
	if err := os.WriteFile(stray, []byte("class Scratch {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, Options{})
	c.initialize(fx.root)
	csURI := c.open(fx.weatherCS)
	c.diagnostics(csURI, "with BG102", hasCode("BG102"))
	if n := c.srv.ws.discoveryCount(); n != 1 {
		t.Fatalf("%d discoveries after start, want 1", n)
	}
	strayURI := c.open(stray)
	c.change(strayURI, 2, "class Scratch { }\n")
	c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: strayURI}})
	if n := c.srv.ws.discoveryCount(); n != 1 {
		t.Errorf("opening and editing an old unowned file ran %d more discoveries", n-1)
	}

	// A manifest created after the start is looked up (once) and checked.
	newApp := filepath.Join(fx.root, "SportsApp")
	testfs.CopyTree(t, filepath.Join(fx.root, "NewsApp"), newApp)
	manURI := c.open(filepath.Join(newApp, "Package.appxmanifest"))
	c.waitCheck(filepath.Join(newApp, "Package.appxmanifest"), 1)
	if n := c.srv.ws.discoveryCount(); n != 2 {
		t.Errorf("%d discoveries after a new manifest was opened, want 2", n)
	}
	c.change(manURI, 2, readFile(t, filepath.Join(newApp, "Package.appxmanifest"))+"\n")
	c.waitCheck(filepath.Join(newApp, "Package.appxmanifest"), 2)
	if n := c.srv.ws.discoveryCount(); n != 2 {
		t.Errorf("editing the new manifest ran %d more discoveries", n-2)
	}
}

func TestPositionsAreUTF16(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	c.initialize(fx.root)
	// Characters outside the Basic Multilingual Plane before the finding on
	// its line: two UTF-16 units each, one rune, four bytes.
	text := strings.Replace(readFile(t, fx.weatherManifest),
		`<Task Type="systemEvent" />`, `<!-- 𝄞𝄞 --><Task Type="systemEvent" />`, 1)
	uri := pathToURI(fx.weatherManifest)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "xml", "version": 1, "text": text,
	}})
	pub := c.diagnostics(uri, "with BG105", hasCode("BG105"))
	want := lspPositionOf(t, text, `systemEvent"`)
	for _, d := range pub.Diagnostics {
		if d.Code == "BG105" && d.Range.Start != want {
			t.Errorf("BG105 at %+v, want %+v (UTF-16 units)", d.Range.Start, want)
		}
	}
}

func TestCloseWithoutSavingRestoresTheDiskState(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(fx.root)
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102", hasCode("BG102"))
	fixed := strings.Replace(readFile(t, fx.weatherCS), "new TimeTrigger(30, false)", "new SystemTrigger(SystemTriggerType.TimeZoneChange, false)", 1)
	c.change(uri, 2, fixed)
	c.diagnosticsAt(uri, 2)
	// The buffer is discarded: the file on disk still has the problem.
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	c.diagnostics(uri, "with BG102 again", hasCode("BG102"))
}

func TestWorkspaceFoldersAddedAndRemoved(t *testing.T) {
	fx := newFixture(t)
	c := startClient(t, Options{})
	res := c.initialize(t.TempDir())
	if !res.Capabilities.Workspace.WorkspaceFolders.ChangeNotifications {
		t.Error("the server does not announce workspace folder change notifications")
	}
	folder := []WorkspaceFolder{{URI: pathToURI(fx.root), Name: "app"}}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": folder, "removed": []any{}}})
	uri := c.open(fx.weatherCS)
	c.diagnostics(uri, "with BG102", hasCode("BG102"))

	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{}, "removed": folder}})
	c.diagnostics(uri, "cleared with the folder", empty)
	if owners := c.srv.ws.ownersOf(fx.weatherCS); len(owners) != 0 {
		t.Errorf("after the folder was removed, its file is still owned by %v", owners)
	}
}
