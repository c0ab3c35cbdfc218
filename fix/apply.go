// Package fix applies the edits that rules attach to findings (`check
// --fix`). It edits manifests in any encoding the manifest reader accepts
// (UTF-8 with or without a byte-order mark, UTF-16 LE/BE) and source files
// (UTF-8), keeping every byte outside the edited ranges exactly as it was,
// and it never writes a file that changed since it was read or a manifest
// that would no longer be well-formed.
package fix

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
)

// ErrChanged means a file's content is not what the linter (or the fixer's
// own read) saw: another program or another fixer changed it in between.
// The fixes for it were not applied; errors returned by Apply wrap it, so
// callers can tell "run again" from real failures.
var ErrChanged = errors.New("changed since it was read; run bgmanifest again")

// ErrNotWellFormed means a manifest was, or would become, unreadable XML.
var ErrNotWellFormed = errors.New("manifest is not well-formed")

// Snapshot identifies a file's content as a reader saw it. The linter (or
// the language server, for an open buffer that was saved) records one per
// file it read, and ApplyWithSnapshots refuses to edit a file whose bytes no
// longer match: the findings' positions would point at other text.
type Snapshot struct {
	Size   int64
	SHA256 [sha256.Size]byte
}

// SnapshotOf is the snapshot of a file's bytes.
func SnapshotOf(data []byte) Snapshot {
	return Snapshot{Size: int64(len(data)), SHA256: sha256.Sum256(data)}
}

// Apply applies the fixes of the findings to the files on disk and returns
// how many fixes were applied; the errors name the file and why a fix or a
// file was skipped. It is ApplyWithSnapshots without snapshots: the file is
// still locked and checked for changes between the fixer's own read and its
// write, but nothing tells the fixer whether the findings were computed on
// that same content. Callers that linted earlier (`check --fix`) pass the
// lint's snapshots to ApplyWithSnapshots instead.
func Apply(findings []rules.Finding) (applied int, errs []error) {
	return ApplyWithSnapshots(findings, nil)
}

// ApplyWithSnapshots is Apply that also checks each file against the
// snapshot of what the linter read, keyed by the finding's file path exactly
// as it appears in Edit.File. Files without an entry are only checked for
// changes during the fix itself.
//
// The rules, in order:
//   - Findings without a Fix (or with no edits) are skipped.
//   - A fix is all or nothing: when any of its edits cannot be applied, none
//     is. A fix whose edits overlap an edit of an earlier fix in the same file
//     is dropped silently (the next lint run reports the finding again).
//   - A manifest (manifest.IsManifestName) that does not parse cleanly is not
//     touched; an edited manifest that would not parse cleanly is not written.
//   - Every file is opened for writing and locked (flock on Unix,
//     LockFileEx on Windows) before it is read, in the order of the resolved
//     paths, and stays locked until Apply returns: concurrent fixers apply a
//     fix once, the later ones find the content changed. A read-only file, a
//     file that is not regular, and one another process keeps locked for
//     lockTimeout are refused.
//   - Right before a file is written, its path must still name the file that
//     was locked and its content must still be what was read (and what the
//     snapshot says); otherwise it is refused with ErrChanged.
//   - A file is written through symbolic links (the link stays, its target
//     changes). A file with one name is replaced atomically (a temporary file
//     with the original's mode and owner, synced, renamed over it); a file
//     with hard links, or whose owner cannot be kept, is overwritten in
//     place. See held.write.
//
// The count is the number of fixes whose every file was written.
func ApplyWithSnapshots(findings []rules.Finding, seen map[string]Snapshot) (applied int, errs []error) {
	fixes := collectFixes(findings)
	if len(fixes) == 0 {
		return 0, nil
	}
	files, loadErrs := loadFiles(fixes, seen)
	defer releaseAll(files)
	errs = append(errs, loadErrs...)

	// Planning may reject a file (its result does not parse); the fixes that
	// touched it are then dropped everywhere and the plan is made again, so a
	// fix that spans files is never half applied. Each round rejects at least
	// one more fix, so this ends.
	rejected := map[int]bool{}
	var plan map[string]*planned
	for {
		var newlyRejected []int
		var planErrs []error
		plan, newlyRejected, planErrs = makePlan(fixes, files, rejected)
		errs = append(errs, planErrs...)
		if len(newlyRejected) == 0 {
			break
		}
		for _, i := range newlyRejected {
			rejected[i] = true
		}
	}

	written := map[string]bool{} // by resolved path
	for _, path := range slices.Sorted(maps.Keys(plan)) {
		p := plan[path]
		if err := writeFile(p.file, p.data); err != nil {
			errs = append(errs, err)
			continue
		}
		written[path] = true
	}
	for _, f := range fixes {
		if f.accepted && allWritten(f, files, written) {
			applied++
		}
	}
	return applied, errs
}

// pendingFix is one finding's fix while it is being planned.
type pendingFix struct {
	finding  *rules.Finding
	edits    []rules.Edit
	files    []string // distinct Edit.File values in first-seen order
	accepted bool
}

func collectFixes(findings []rules.Finding) []*pendingFix {
	var out []*pendingFix
	for i := range findings {
		f := &findings[i]
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		p := &pendingFix{finding: f, edits: f.Fix.Edits}
		seen := map[string]bool{}
		for _, e := range f.Fix.Edits {
			if !seen[e.File] {
				seen[e.File] = true
				p.files = append(p.files, e.File)
			}
		}
		out = append(out, p)
	}
	return out
}

func allWritten(f *pendingFix, files map[string]*loadedFile, written map[string]bool) bool {
	for _, name := range f.files {
		if !written[files[name].path] {
			return false
		}
	}
	return true
}

// loadedFile is a file as the fixer read it, open and locked (see held)
// until Apply returns.
type loadedFile struct {
	name       string // as in Edit.File
	path       string // on disk, symbolic links resolved
	h          *held
	data       []byte // as read, encoded
	snap       Snapshot
	text       []byte
	enc        encoding
	lines      *lineIndex
	newline    string
	isManifest bool
	err        error // why the file cannot be fixed
}

// loadFiles opens, locks and reads every file the fixes edit. Locks are
// taken in the order of the resolved paths, so two fixers never wait for
// each other in a cycle. Spellings of one file (a symbolic link, "./", a
// hard link) share one loadedFile and one lock.
func loadFiles(fixes []*pendingFix, seen map[string]Snapshot) (map[string]*loadedFile, []error) {
	files := map[string]*loadedFile{}
	var errs []error
	fail := func(lf *loadedFile, err error) {
		lf.err = fmt.Errorf("%s: %w", lf.name, err)
		errs = append(errs, lf.err)
	}
	names := map[string][]string{} // resolved path -> names, first-seen order
	for _, f := range fixes {
		for _, name := range f.files {
			if _, ok := files[name]; ok {
				continue
			}
			lf := &loadedFile{name: name}
			files[name] = lf
			path, err := resolve(name)
			if err != nil {
				fail(lf, err)
				continue
			}
			names[path] = append(names[path], name)
		}
	}
	var loaded []*loadedFile
	for _, path := range slices.Sorted(maps.Keys(names)) {
		first := files[names[path][0]]
		first.path = path
		if same := sameFileAs(loaded, path); same != nil {
			first = same
		} else if err := first.load(seen); err != nil {
			fail(first, err)
		} else {
			loaded = append(loaded, first)
		}
		for _, name := range names[path] {
			if files[name] == first {
				continue
			}
			if want, ok := seen[name]; ok && first.err == nil && want != first.snap {
				// This spelling's snapshot is of other bytes: its fixes
				// were computed on another text.
				fail(files[name], ErrChanged)
				continue
			}
			files[name] = first
		}
	}
	return files, errs
}

func resolve(name string) (string, error) {
	if name == "" {
		return "", errors.New("fix edit names no file")
	}
	path, err := filepath.EvalSymlinks(filepath.FromSlash(name))
	if err == nil {
		path, err = filepath.Abs(path)
	}
	if err != nil {
		return "", fmt.Errorf("resolve path: %w", err)
	}
	return path, nil
}

// sameFileAs returns the loaded file that path names under another name (a
// hard link), nil when there is none: locking it twice would wait forever.
func sameFileAs(loaded []*loadedFile, path string) *loadedFile {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, lf := range loaded {
		if os.SameFile(st, lf.h.info) {
			return lf
		}
	}
	return nil
}

// releaseAll drops the locks and closes the files.
func releaseAll(files map[string]*loadedFile) {
	done := map[*loadedFile]bool{}
	for _, lf := range files {
		if lf.h != nil && !done[lf] {
			done[lf] = true
			lf.h.release()
		}
	}
}

// load opens and locks lf.path, reads it and checks it against the
// snapshot the linter recorded under lf.name, if any. A manifest is decoded
// as the manifest reader decodes it, so that the findings' positions mean
// the same text here, and must parse cleanly.
func (lf *loadedFile) load(seen map[string]Snapshot) error {
	h, err := openHeld(lf.path)
	if err != nil {
		return err
	}
	lf.h = h
	data, err := h.read()
	if err != nil {
		return err
	}
	lf.data, lf.snap = data, SnapshotOf(data)
	lf.isManifest = manifest.IsManifestName(filepath.Base(lf.path)) || manifest.IsManifestName(filepath.Base(lf.name))
	if lf.isManifest {
		m := manifest.Parse(lf.name, data)
		if p := problemOf(m); p != nil {
			return fmt.Errorf("%w, not fixing it: %v", ErrNotWellFormed, p)
		}
		lf.text, lf.enc = m.Text, manifestEncoding(m)
		if !bytes.Equal(lf.enc.encode(lf.text), data) {
			return errors.New("the text does not round-trip through its encoding; refusing to rewrite it")
		}
	} else if lf.text, lf.enc, err = decode(data); err != nil {
		return err
	}
	if want, ok := seen[lf.name]; ok && want != lf.snap {
		return ErrChanged
	}
	lf.lines = newLineIndex(lf.text)
	lf.newline = textpos.DominantNewline(lf.text)
	return nil
}

// manifestEncoding is the encoding the manifest reader found.
func manifestEncoding(m *manifest.Manifest) encoding {
	switch m.Encoding {
	case manifest.EncUTF16LE:
		return encoding{"utf-16le", m.HasBOM}
	case manifest.EncUTF16BE:
		return encoding{"utf-16be", m.HasBOM}
	}
	return encoding{"utf-8", m.HasBOM}
}

// firstProblem parses a manifest and returns its first reading problem as
// "line:col: message", nil when there is none.
func firstProblem(name string, data []byte) error {
	return problemOf(manifest.Parse(name, data))
}

func problemOf(m *manifest.Manifest) error {
	if len(m.Problems) == 0 {
		return nil
	}
	p := m.Problems[0]
	return fmt.Errorf("%d:%d: %s", p.Pos.Line, p.Pos.Col, p.Message)
}

// planned is the new content of one file.
type planned struct {
	file *loadedFile
	data []byte // encoded
}

// makePlan accepts fixes in finding order, skipping rejected ones and those
// that overlap an accepted one, then builds each file's new bytes. When a
// manifest would not parse after editing, it returns the fixes to reject
// (see culprits) and only the errors that say so; the caller plans again.
func makePlan(fixes []*pendingFix, files map[string]*loadedFile, rejected map[int]bool) (map[string]*planned, []int, []error) {
	var errs []error
	spans := map[string][]span{} // by resolved path, like byFix and the plan
	byFix := map[int]map[string][]span{}
	for i, f := range fixes {
		f.accepted = false
		if rejected[i] || !filesUsable(f, files) {
			continue
		}
		resolved, err := resolveFix(f, files)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if overlapsAccepted(resolved, spans) {
			continue
		}
		for name, ss := range resolved {
			spans[name] = append(spans[name], ss...)
		}
		byFix[i] = resolved
		f.accepted = true
	}

	plan := map[string]*planned{}
	var reject []int
	var rejectErrs []error
	byPath := map[string]*loadedFile{}
	for _, lf := range files {
		byPath[lf.path] = lf
	}
	for _, path := range slices.Sorted(maps.Keys(spans)) {
		lf := byPath[path]
		data, problem := render(lf, spans[path])
		if problem != nil {
			rejectErrs = append(rejectErrs, fmt.Errorf("%s: %w after the fix, not writing it: %v", lf.name, ErrNotWellFormed, problem))
			reject = append(reject, culprits(lf, byFix)...)
			continue
		}
		plan[path] = &planned{file: lf, data: data}
	}
	if len(reject) > 0 {
		// Errors other than the rejections would be reported again by the
		// next round.
		return nil, reject, rejectErrs
	}
	return plan, nil, errs
}

// render applies spans to a file's text and encodes the result; for a
// manifest it also returns the first reading problem of the result.
func render(lf *loadedFile, ss []span) ([]byte, error) {
	ss = append([]span(nil), ss...)
	sortSpans(ss)
	data := lf.enc.encode(splice(lf.text, ss))
	if lf.isManifest {
		return data, firstProblem(lf.name, data)
	}
	return data, nil
}

// culprits finds the fixes that break a file on their own; when none does
// (only their combination does), every fix with an edit in the file is one.
func culprits(lf *loadedFile, byFix map[int]map[string][]span) []int {
	var alone, all []int
	for _, i := range slices.Sorted(maps.Keys(byFix)) {
		ss, ok := byFix[i][lf.path]
		if !ok {
			continue
		}
		all = append(all, i)
		if _, problem := render(lf, ss); problem != nil {
			alone = append(alone, i)
		}
	}
	if len(alone) > 0 {
		return alone
	}
	return all
}

func filesUsable(f *pendingFix, files map[string]*loadedFile) bool {
	for _, name := range f.files {
		if files[name] == nil || files[name].err != nil {
			return false
		}
	}
	return true
}

// resolveFix resolves a fix's edits per file. An edit position that does not
// exist in the file means the finding is stale; the error says which.
func resolveFix(f *pendingFix, files map[string]*loadedFile) (map[string][]span, error) {
	out := map[string][]span{}
	for _, e := range f.edits {
		lf := files[e.File]
		s, err := lf.lines.resolveOne(e, lf.newline)
		if err != nil {
			return nil, fmt.Errorf("%s:%d:%d: fix for %s not applied: %w", e.File, e.Line, e.Column, f.finding.Rule, err)
		}
		for _, o := range out[lf.path] {
			if conflicts(o, s) {
				return nil, fmt.Errorf("%s:%d:%d: fix for %s not applied: %w", e.File, e.Line, e.Column, f.finding.Rule, ErrOverlap)
			}
		}
		out[lf.path] = append(out[lf.path], s)
	}
	return out, nil
}

func overlapsAccepted(resolved map[string][]span, accepted map[string][]span) bool {
	for name, ss := range resolved {
		for _, s := range ss {
			for _, a := range accepted[name] {
				if conflicts(a, s) {
					return true
				}
			}
		}
	}
	return false
}

// beforeCompare runs after the fixer took the file's lock and planned its
// edits, right before the last comparison with what it read; tests use it
// to change the file at the worst moment, as an editor that takes no lock
// would.
var beforeCompare = func(path string) {}

// writeFile writes data over lf's file, provided the path still names the
// file that was read and locked and its content is still what was read:
// the compare of compare-and-swap. Fixers exclude each other with the lock;
// this comparison catches programs that take no lock (an editor saving).
func writeFile(lf *loadedFile, data []byte) error {
	beforeCompare(lf.path)
	if err := lf.unchanged(); err != nil {
		return fmt.Errorf("%s: %w", lf.name, err)
	}
	if err := lf.h.write(lf.path, data, lf.data); err != nil {
		return fmt.Errorf("%s: %w", lf.name, err)
	}
	return nil
}

func (lf *loadedFile) unchanged() error {
	st, err := os.Stat(lf.path)
	if err != nil {
		return fmt.Errorf("re-read before writing: %w", err)
	}
	if !os.SameFile(st, lf.h.info) {
		return ErrChanged
	}
	data, err := lf.h.read()
	if err != nil {
		return fmt.Errorf("re-read before writing: %w", err)
	}
	if SnapshotOf(data) != lf.snap {
		return ErrChanged
	}
	return nil
}
