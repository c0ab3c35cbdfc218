package lsp

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
)

// runCheck checks one App with the open buffers as overlay and publishes
// its diagnostics, unless a newer request for the App arrived meanwhile.
func (s *server) runCheck(key string, gen uint64) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("internal error while checking %s: %v\n%s", key, p, debug.Stack())
		}
	}()
	in, ok := s.ws.input(key)
	if !ok {
		return
	}
	snap := s.snapshot()
	res := lint.CheckApp(in.app, lint.Options{Config: in.cfg, Overlay: snap.overlay}, in.sev, max(1, runtime.NumCPU()))
	for _, n := range res.Notes {
		// The same unreadable file is noted by every check: log it once.
		if _, seen := s.notes.LoadOrStore(n, true); !seen {
			s.log.Print(n)
		}
	}
	for _, e := range res.Internal {
		s.log.Printf("internal error: %v", e)
	}
	if s.opts.OnCheck != nil {
		s.opts.OnCheck(key)
	}
	if !s.sched.current(key, gen) {
		return // superseded: the newer check publishes
	}
	files := s.convert(res, snap)
	// Open files of the App are published even when clean, so the editor
	// always learns which buffer version the diagnostics belong to.
	for _, f := range appFilePaths(in.app) {
		if _, open := snap.overlay[f]; open && files[f] == nil {
			v := snap.versions[f]
			files[f] = &fileDiagnostics{uri: snap.uri(f), version: &v}
		}
	}
	s.diags.replace(key, files, s.publish)
}

// bufferSnapshot is the open buffers by discovered path, with the URI and
// version the client gave each.
type bufferSnapshot struct {
	overlay  map[string][]byte
	uris     map[string]string
	versions map[string]int
}

func (s *server) snapshot() bufferSnapshot {
	docs := s.docs.snapshot()
	snap := bufferSnapshot{
		overlay:  make(map[string][]byte, len(docs)),
		uris:     make(map[string]string, len(docs)),
		versions: make(map[string]int, len(docs)),
	}
	for p, d := range docs {
		cp := s.ws.canonical(p)
		snap.overlay[cp] = d.text
		snap.uris[cp] = d.uri
		snap.versions[cp] = d.version
	}
	return snap
}

// texts serves the text that positions in a file refer to: the buffer when
// open, the checked manifest's decoded text, else the file on disk.
type texts struct {
	snap  bufferSnapshot
	man   *manifest.Manifest
	cache map[string]*text
}

func (t *texts) get(path string) *text {
	if tx, ok := t.cache[path]; ok {
		return tx
	}
	b, open := t.snap.overlay[path]
	switch {
	case open:
	case t.man != nil && t.man.Path == path:
		b = t.man.Text
	default:
		raw, err := fileread.Whole(path, maxDocumentSize, "file")
		if err != nil {
			t.cache[path] = nil
			return nil
		}
		if isManifestFile(path) {
			b = manifest.Parse(path, raw).Text // UTF-16 on disk, UTF-8 in the editor
		} else {
			b = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
	}
	tx := newText(b)
	t.cache[path] = tx
	return tx
}

// uri is the client's URI for an open file, else one made from the path.
func (s *bufferSnapshot) uri(path string) string {
	if u, ok := s.uris[path]; ok {
		return u
	}
	return pathToURI(path)
}

// published is one diagnostic with the quick fix it offers.
type published struct {
	diag   Diagnostic
	action *CodeAction // nil when the finding has no fix
	// basis is the text of each file the action edits, as its edits were
	// computed on; the action is offered only while those texts are
	// unchanged (see codeActions).
	basis []textBasis
}

// textBasis identifies the text of one file an action's edits refer to.
type textBasis struct {
	path string
	sum  [sha256.Size]byte
}

// fileDiagnostics are the diagnostics of one file from one App's check.
type fileDiagnostics struct {
	uri     string
	version *int
	items   []published
}

// convert turns an App's findings into diagnostics grouped by file.
func (s *server) convert(res lint.AppResult, snap bufferSnapshot) map[string]*fileDiagnostics {
	tx := &texts{snap: snap, man: res.Manifest, cache: map[string]*text{}}
	out := map[string]*fileDiagnostics{}
	for _, f := range res.Findings {
		fd := out[f.File]
		if fd == nil {
			fd = &fileDiagnostics{uri: snap.uri(f.File)}
			if v, ok := snap.versions[f.File]; ok {
				fd.version = &v
			}
			out[f.File] = fd
		}
		d := toDiagnostic(f, tx, &snap)
		action, basis := s.toCodeAction(f, d, tx, &snap)
		fd.items = append(fd.items, published{diag: d, action: action, basis: basis})
	}
	return out
}

func severityOf(s rules.Severity) int {
	switch s {
	case rules.Error:
		return SeverityError
	case rules.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}

// findingRange converts a finding's span. Without an end, the word at the
// start is underlined so that the diagnostic is visible.
func findingRange(tx *text, line, col, endLine, endCol int) Range {
	if tx == nil {
		p := Position{Line: max(line-1, 0), Character: max(col-1, 0)}
		return Range{Start: p, End: p}
	}
	start := tx.offsetOf(line, col)
	end := 0
	if endLine > 0 {
		end = tx.offsetOf(endLine, endCol)
	} else {
		end = tx.tokenEnd(start)
	}
	end = max(end, start)
	return Range{Start: tx.positionAt(start), End: tx.positionAt(end)}
}

func toDiagnostic(f rules.Finding, tx *texts, snap *bufferSnapshot) Diagnostic {
	msg := f.Message
	if f.Name != "" {
		msg += " [" + f.Name + "]"
	}
	d := Diagnostic{
		Range:    findingRange(tx.get(f.File), f.Line, f.Column, f.EndLine, f.EndColumn),
		Severity: severityOf(f.Severity),
		Code:     DiagnosticCode(f.Rule),
		Source:   "bgmanifest",
		Message:  msg,
	}
	for _, r := range f.Related {
		d.RelatedInformation = append(d.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: snap.uri(r.File), Range: findingRange(tx.get(r.File), r.Line, r.Column, 0, 0)},
			Message:  r.Message,
		})
	}
	return d
}

// toCodeAction turns a finding's fix into a quick fix. A fix whose edits do
// not apply to the text the editor holds (the buffer moved on, positions
// outside the file, overlapping edits) is not offered.
func (s *server) toCodeAction(f rules.Finding, d Diagnostic, tx *texts, snap *bufferSnapshot) (*CodeAction, []textBasis) {
	if f.Fix == nil || len(f.Fix.Edits) == 0 {
		return nil, nil
	}
	var basis []textBasis
	byFile := map[string][]rules.Edit{}
	var order []string
	for _, e := range f.Fix.Edits {
		if _, ok := byFile[e.File]; !ok {
			order = append(order, e.File)
		}
		byFile[e.File] = append(byFile[e.File], e)
	}
	changes := map[string][]TextEdit{}
	for _, file := range order {
		t := tx.get(file)
		if t == nil {
			s.log.Printf("%s: fix for %s not offered: file unreadable", file, f.Rule)
			return nil, nil
		}
		if _, err := fix.ApplyToText(t.b, byFile[file]); err != nil {
			s.log.Printf("%s: fix for %s not offered: %v", file, f.Rule, err)
			return nil, nil
		}
		basis = append(basis, textBasis{path: file, sum: sha256.Sum256(t.b)})
		nl := textpos.DominantNewline(t.b)
		var edits []TextEdit
		for _, e := range byFile[file] {
			start, end := t.offsetOf(e.Line, e.Column), t.offsetOf(e.EndLine, e.EndColumn)
			edits = append(edits, TextEdit{
				Range:   Range{Start: t.positionAt(start), End: t.positionAt(max(start, end))},
				NewText: withNewlines(e.NewText, nl),
			})
		}
		changes[snap.uri(file)] = edits
	}
	title := f.Fix.Description
	if title == "" {
		title = "Fix " + f.Rule
	}
	return &CodeAction{
		Title: title, Kind: CodeActionQuickFix, IsPreferred: true,
		Diagnostics: []Diagnostic{d},
		Edit:        &WorkspaceEdit{Changes: changes},
	}, basis
}

func withNewlines(s, nl string) string {
	if nl == "\n" || !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", nl)
}

// publish sends one file's diagnostics.
func (s *server) publish(p PublishDiagnosticsParams) {
	if p.Diagnostics == nil {
		p.Diagnostics = []Diagnostic{}
	}
	s.notify("textDocument/publishDiagnostics", p)
}

// clearApp drops an App's diagnostics (the App is gone).
func (s *server) clearApp(key string) {
	s.diags.replace(key, nil, s.publish)
}

// diagStore keeps the diagnostics each App's last check published, by
// file. A file shared by two Apps shows the union of both, so that one
// App's clean check does not clear the other's findings.
type diagStore struct {
	mu    sync.Mutex
	byApp map[string]map[string]*fileDiagnostics
}

func newDiagStore() *diagStore {
	return &diagStore{byApp: map[string]map[string]*fileDiagnostics{}}
}

// replace installs an App's new diagnostics and publishes every file whose
// diagnostics may have changed: those with findings now and those that had
// findings before (which get an empty list, clearing them). Publishing
// happens under the lock so that two Apps sharing a file cannot publish
// its diagnostics out of order.
func (ds *diagStore) replace(key string, files map[string]*fileDiagnostics, send func(PublishDiagnosticsParams)) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	old := ds.byApp[key]
	if len(files) == 0 {
		delete(ds.byApp, key)
	} else {
		ds.byApp[key] = files
	}
	affected := map[string]string{} // path -> uri
	for p, fd := range old {
		affected[p] = fd.uri
	}
	for p, fd := range files {
		affected[p] = fd.uri
	}
	paths := make([]string, 0, len(affected))
	for p := range affected {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		params := PublishDiagnosticsParams{URI: affected[p], Diagnostics: []Diagnostic{}}
		if fd := files[p]; fd != nil {
			params.Version = fd.version
		}
		items := ds.mergedLocked(p)
		for _, it := range items {
			params.Diagnostics = append(params.Diagnostics, it.diag)
		}
		send(params)
	}
}

// mergedLocked is the union of every App's diagnostics for a file.
func (ds *diagStore) mergedLocked(path string) []published {
	var out []published
	seen := map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(ds.byApp)) {
		fd := ds.byApp[k][path]
		if fd == nil {
			continue
		}
		for _, it := range fd.items {
			id := diagKey(it.diag) + "\x00" + it.diag.Message
			if seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, it)
		}
	}
	return out
}

// items returns what is published for a file now.
func (ds *diagStore) items(path string) []published {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.mergedLocked(path)
}

// appKeys lists the Apps that have published diagnostics.
func (ds *diagStore) appKeys() []string {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return slices.Sorted(maps.Keys(ds.byApp))
}

// diagKey identifies a diagnostic across publish and codeAction: the rule
// and the range, which is what a client sends back.
func diagKey(d Diagnostic) string {
	r := d.Range
	return string(d.Code) + "@" + itoa(r.Start.Line) + ":" + itoa(r.Start.Character) + "-" + itoa(r.End.Line) + ":" + itoa(r.End.Character)
}
