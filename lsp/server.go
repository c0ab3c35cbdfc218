// Package lsp is bgmanifest's language server (`bgmanifest lsp`). It speaks
// LSP 3.17 over stdio with its own small JSON-RPC layer, checks the App that
// owns an edited file (manifest or source) with the unsaved buffers as an
// overlay, publishes the findings as diagnostics, offers the manifest fixes
// as quick fixes, and explains task types on hover.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Options configure the server.
type Options struct {
	// Version is reported in serverInfo.
	Version string
	// Debounce is how long a didChange waits for more typing before the App
	// is checked (0: DefaultDebounce). A newer change restarts the wait.
	Debounce time.Duration
	// OnCheck, when set, is called after every App check with the App's
	// manifest path, before its diagnostics are published. Tests use it to
	// count which Apps were re-checked.
	OnCheck func(manifest string)
}

// DefaultDebounce is the wait after a keystroke before a check starts.
const DefaultDebounce = 200 * time.Millisecond

// ErrExitWithoutShutdown is returned by Serve when the client sent exit
// without shutdown first, or closed the stream without either; the
// specification asks for exit code 1 then.
var ErrExitWithoutShutdown = errors.New("lsp: exit without a prior shutdown request")

// maxConsecutiveFramingErrors bounds how long the server tries to find the
// next message in a stream that keeps sending garbage.
const maxConsecutiveFramingErrors = 16

// Serve runs the language server until the client sends exit or closes
// stdin. It returns nil after a clean shutdown and exit.
func Serve(stdin io.Reader, stdout, stderr io.Writer, o Options) error {
	s := newServer(stdout, stderr, o)
	return s.serve(stdin)
}

// server state. Lifecycle fields are touched only by the reading goroutine;
// everything that checks run in the background uses is behind its own lock.
type server struct {
	opts Options
	log  *log.Logger

	outMu  sync.Mutex
	out    io.Writer
	closed bool // no writes after exit

	initialized  bool // initialize answered
	shuttingDown bool // shutdown answered

	docs  *documents
	ws    *workspaceState
	sched *scheduler
	diags *diagStore

	handlers map[string]func(json.RawMessage) (any, error)

	notes sync.Map // check notes already logged

	watchDynamic bool // the client can register file watchers
	nextReqID    int
}

func newServer(stdout, stderr io.Writer, o Options) *server {
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	s := &server{
		opts:  o,
		log:   log.New(stderr, "bgmanifest lsp: ", log.LstdFlags),
		out:   stdout,
		docs:  newDocuments(),
		diags: newDiagStore(),
	}
	s.ws = newWorkspaceState(s.log)
	s.sched = newScheduler(s.runCheck)
	s.handlers = s.requestHandlers()
	return s
}

func (s *server) serve(stdin io.Reader) error {
	r := bufio.NewReaderSize(stdin, 64<<10)
	defer s.stop()
	framingErrors := 0
	for {
		body, err := ReadMessage(r)
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				if s.shuttingDown {
					return nil
				}
				return fmt.Errorf("%w (input closed)", ErrExitWithoutShutdown)
			}
			framingErrors++
			s.log.Printf("skipping unreadable message: %v", err)
			if framingErrors >= maxConsecutiveFramingErrors {
				return fmt.Errorf("lsp: giving up after %d unreadable messages: %w", framingErrors, err)
			}
			continue
		}
		framingErrors = 0
		if exit := s.handle(body); exit {
			if s.shuttingDown {
				return nil
			}
			return ErrExitWithoutShutdown
		}
	}
}

// stop ends background work: pending checks are dropped, running ones are
// waited for, and nothing is written after Serve returns.
func (s *server) stop() {
	s.sched.stop()
	s.ws.waitIdle()
	s.outMu.Lock()
	s.closed = true
	s.outMu.Unlock()
}

// handle processes one message body and reports whether it was exit.
func (s *server) handle(body []byte) (exit bool) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		s.replyError(json.RawMessage("null"), codeParseError, "parse error: "+err.Error())
		return false
	}
	switch {
	case m.isResponse():
		if m.Error != nil {
			s.log.Printf("client answered request %s with an error: %v", m.ID, m.Error)
		}
		return false
	case m.Method == "":
		s.replyError(json.RawMessage("null"), codeInvalidRequest, "message has neither a method nor an id")
		return false
	case m.Method == "exit":
		return true
	case len(m.ID) > 0 && !validID(m.ID):
		s.replyError(json.RawMessage("null"), codeInvalidRequest, "request id must be a string or a number")
		return false
	}
	if m.isRequest() {
		s.handleRequest(&m)
	} else {
		s.handleNotification(&m)
	}
	return false
}

func (s *server) handleRequest(m *message) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic while handling %s: %v\n%s", m.Method, p, debug.Stack())
			s.replyError(m.ID, codeInternalError, fmt.Sprintf("internal error in %s: %v", m.Method, p))
		}
	}()
	switch {
	case m.Method == "initialize":
		if s.initialized {
			s.replyError(m.ID, codeInvalidRequest, "initialize was already received")
			return
		}
	case !s.initialized:
		s.replyError(m.ID, codeServerNotInitialized, "the server has not been initialized")
		return
	case s.shuttingDown:
		s.replyError(m.ID, codeInvalidRequest, "the server is shutting down")
		return
	}
	result, err := s.dispatchRequest(m.Method, m.Params)
	if err != nil {
		var re *responseError
		if errors.As(err, &re) {
			s.replyError(m.ID, re.Code, re.Message)
		} else {
			s.replyError(m.ID, codeInternalError, err.Error())
		}
		return
	}
	s.reply(m.ID, result)
}

// requestHandlers maps each request method to its handler. shutdown and
// initialize are special-cased by handleRequest's lifecycle checks.
func (s *server) requestHandlers() map[string]func(json.RawMessage) (any, error) {
	return map[string]func(json.RawMessage) (any, error){
		"initialize": s.initialize,
		"shutdown": func(json.RawMessage) (any, error) {
			s.shuttingDown = true
			s.sched.stop()
			return nil, nil
		},
		"textDocument/codeAction": func(raw json.RawMessage) (any, error) {
			var p CodeActionParams
			if err := decodeParams(raw, &p); err != nil {
				return nil, err
			}
			return s.codeActions(p), nil
		},
		"textDocument/hover": func(raw json.RawMessage) (any, error) {
			var p TextDocumentPositionParams
			if err := decodeParams(raw, &p); err != nil {
				return nil, err
			}
			h, err := s.hover(p)
			if h == nil || err != nil {
				return nil, err // JSON null: nothing to show
			}
			return h, nil
		},
	}
}

func (s *server) dispatchRequest(method string, params json.RawMessage) (any, error) {
	if h, ok := s.handlers[method]; ok {
		return h(params)
	}
	return nil, &responseError{Code: codeMethodNotFound, Message: "method not found: " + method}
}

func (s *server) handleNotification(m *message) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic while handling %s: %v\n%s", m.Method, p, debug.Stack())
		}
	}()
	if !s.initialized || s.shuttingDown {
		return // the specification says to drop notifications then
	}
	var err error
	switch m.Method {
	case "initialized":
		s.registerWatchers()
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err = decodeParams(m.Params, &p); err == nil {
			err = s.didOpen(p)
		}
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err = decodeParams(m.Params, &p); err == nil {
			err = s.didChange(p)
		}
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err = decodeParams(m.Params, &p); err == nil {
			err = s.didSave(p)
		}
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err = decodeParams(m.Params, &p); err == nil {
			err = s.didClose(p)
		}
	case "workspace/didChangeWatchedFiles":
		var p DidChangeWatchedFilesParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.didChangeWatchedFiles(p)
		}
	case "workspace/didChangeWorkspaceFolders":
		var p DidChangeWorkspaceFoldersParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.foldersChanged(p)
		}
	default:
		// $/cancelRequest, $/setTrace, workspace/didChangeConfiguration, …:
		// nothing to do (requests are answered synchronously, so there is
		// never one to cancel).
	}
	if err != nil {
		s.log.Printf("%s: %v", m.Method, err)
	}
}

// initialize records the client's workspace roots and starts discovering
// Apps in the background, so that the answer is immediate even in a large
// workspace; checks wait for the discovery.
func (s *server) initialize(raw json.RawMessage) (any, error) {
	var p InitializeParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	s.initialized = true
	s.watchDynamic = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	roots := s.rootsOf(p)
	if len(roots) == 0 {
		s.log.Printf("no workspace root given; Apps are discovered from the files that are opened")
	}
	s.ws.start(roots, s.afterDiscovery)
	return InitializeResult{
		Capabilities: ServerCapabilities{
			PositionEncoding: "utf-16",
			TextDocumentSync: TextDocumentSyncOptions{
				OpenClose: true, Change: SyncFull, Save: SaveOptions{IncludeText: false},
			},
			CodeActionProvider: CodeActionOptions{CodeActionKinds: []string{CodeActionQuickFix}},
			HoverProvider:      true,
			Workspace: WorkspaceCapabilities{WorkspaceFolders: WorkspaceFoldersServerCapabilities{
				Supported: true, ChangeNotifications: true,
			}},
		},
		ServerInfo: ServerInfo{Name: "bgmanifest", Version: s.opts.Version},
	}, nil
}

// rootsOf lists the workspace roots: every workspace folder, else rootUri,
// else the deprecated rootPath.
func (s *server) rootsOf(p InitializeParams) []string {
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path, err := uriToPath(f.URI); err == nil {
			roots = append(roots, path)
		} else {
			s.log.Printf("workspace folder: %v", err)
		}
	}
	if len(roots) == 0 && p.RootURI != nil && *p.RootURI != "" {
		if path, err := uriToPath(*p.RootURI); err == nil {
			roots = append(roots, path)
		} else {
			s.log.Printf("rootUri: %v", err)
		}
	}
	if len(roots) == 0 && p.RootPath != nil && *p.RootPath != "" {
		roots = append(roots, *p.RootPath)
	}
	return roots
}

// registerWatchers asks the client to report created, changed and deleted
// manifests, project files, sources and the config file, so that Apps are
// re-discovered when their shape changes outside the editor.
func (s *server) registerWatchers() {
	if !s.watchDynamic {
		return
	}
	var watchers []fileSystemWatcher
	for _, g := range watchedGlobs {
		watchers = append(watchers, fileSystemWatcher{GlobPattern: g})
	}
	s.request("client/registerCapability", registrationParams{Registrations: []capabilityRegistration{{
		ID: "bgmanifest-watchers", Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: didChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}})
}

var watchedGlobs = []string{
	"**/*.appxmanifest", "**/[Aa]ppx[Mm]anifest.xml",
	"**/*.{csproj,vbproj,vcxproj,jsproj,wapproj,sln}",
	"**/*.{cs,vb,cpp,cc,cxx,h,hpp,hxx,inl,idl,js}",
	"**/.bgmanifest.yaml",
}

// ---- writing ----

func (s *server) write(v any) {
	body, err := json.Marshal(v)
	if err != nil {
		s.log.Printf("cannot encode a message: %v", err)
		return
	}
	s.outMu.Lock()
	defer s.outMu.Unlock()
	if s.closed {
		return
	}
	if err := WriteMessage(s.out, body); err != nil {
		s.log.Printf("cannot write to the client: %v", err)
	}
}

func (s *server) reply(id json.RawMessage, result any) {
	s.write(response{JSONRPC: "2.0", ID: id, Result: result})
}

func (s *server) replyError(id json.RawMessage, code int, msg string) {
	s.write(errorResponse{JSONRPC: "2.0", ID: id, Error: &responseError{Code: code, Message: msg}})
}

func (s *server) notify(method string, params any) {
	s.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}

func (s *server) request(method string, params any) {
	s.nextReqID++
	s.write(outgoingRequest{JSONRPC: "2.0", ID: fmt.Sprintf("bgmanifest-%d", s.nextReqID), Method: method, Params: params})
}

// showMessage tells the user about a problem they must fix (a bad config).
func (s *server) showMessage(typ int, msg string) {
	s.notify("window/showMessage", logMessageParams{Type: typ, Message: msg})
}

// Message types of window/showMessage.
const (
	messageError   = 1
	messageWarning = 2
)

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
