// Package fix applies the edits that rules attach to findings (`check
// --fix`). It edits manifests in any encoding the manifest reader accepts
// (UTF-8 with or without a byte-order mark, UTF-16 LE/BE) and source files
// (UTF-8), keeping every byte outside the edited ranges exactly as it was,
// and it never writes a file that changed since it was read or a manifest
// that would no longer be well-formed.
package fix

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
)

// ErrChanged means a file's content is not what the linter (or the first
// read of the fixer) saw; the fixes for it were not applied. Errors returned
// by Apply wrap it, so callers can tell "re-run" from real failures.
var ErrChanged = errors.New("file changed since it was linted; re-run bgmanifest")

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
// still checked for changes between the fixer's own read and its write.
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
//   - Each file is written atomically (a temporary file in the same directory,
//     synced, with the original's mode, renamed over the original) and only if
//     its size, modification time and content hash are still those it had when
//     it was read.
//
// The count is the number of fixes whose every file was written.
func ApplyWithSnapshots(findings []rules.Finding, seen map[string]Snapshot) (applied int, errs []error) {
	fixes := collectFixes(findings)
	if len(fixes) == 0 {
		return 0, nil
	}
	files, loadErrs := loadFiles(fixes, seen)
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

// loadedFile is a file as the fixer read it.
type loadedFile struct {
	name       string // as in Edit.File
	path       string // on disk, symbolic links resolved
	info       fs.FileInfo
	snap       Snapshot
	text       []byte
	enc        encoding
	lines      *lineIndex
	newline    string
	isManifest bool
	err        error // why the file cannot be fixed
}

func loadFiles(fixes []*pendingFix, seen map[string]Snapshot) (map[string]*loadedFile, []error) {
	files := map[string]*loadedFile{}
	byPath := map[string]*loadedFile{} // two spellings of one file share its state
	var errs []error
	for _, f := range fixes {
		for _, name := range f.files {
			if _, ok := files[name]; ok {
				continue
			}
			lf := loadFile(name, seen)
			if lf.err == nil {
				if first, ok := byPath[lf.path]; ok {
					lf = first
				}
				byPath[lf.path] = lf
			}
			files[name] = lf
			if lf.err != nil {
				errs = append(errs, lf.err)
			}
		}
	}
	return files, errs
}

func loadFile(name string, seen map[string]Snapshot) *loadedFile {
	lf := &loadedFile{name: name}
	fail := func(err error) *loadedFile {
		lf.err = fmt.Errorf("%s: %w", name, err)
		return lf
	}
	if name == "" {
		return fail(errors.New("fix edit names no file"))
	}
	path, err := filepath.EvalSymlinks(filepath.FromSlash(name))
	if err == nil {
		path, err = filepath.Abs(path)
	}
	if err != nil {
		return fail(fmt.Errorf("resolve path: %w", err))
	}
	lf.path = path
	info, data, err := readStable(path)
	if err != nil {
		return fail(err)
	}
	lf.info, lf.snap = info, SnapshotOf(data)
	if want, ok := seen[name]; ok && want != lf.snap {
		return fail(ErrChanged)
	}
	lf.text, lf.enc, err = decode(data)
	if err != nil {
		return fail(err)
	}
	lf.lines = newLineIndex(lf.text)
	lf.newline = textpos.DominantNewline(lf.text)
	lf.isManifest = manifest.IsManifestName(filepath.Base(path)) || manifest.IsManifestName(filepath.Base(name))
	if lf.isManifest {
		if p := firstProblem(name, data); p != nil {
			return fail(fmt.Errorf("%w, not fixing it: %v", ErrNotWellFormed, p))
		}
	}
	return lf
}

// readStable reads a regular file and its metadata.
func readStable(path string) (fs.FileInfo, []byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, errors.New("not a regular file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return info, data, nil
}

// firstProblem parses a manifest and returns its first reading problem as
// "line:col: message", nil when there is none.
func firstProblem(name string, data []byte) error {
	m := manifest.Parse(name, data)
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

// beforeRename runs between writing the temporary file and the final
// unchanged-check; tests use it to change the file at the worst moment.
var beforeRename = func(path string) {}

// writeFile replaces lf's file with data atomically, provided the file still
// has the size, modification time and content it had when it was read.
func writeFile(lf *loadedFile, data []byte) error {
	dir, base := filepath.Split(lf.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".bgmanifest-fix-*")
	if err != nil {
		return fmt.Errorf("%s: create temporary file: %w", lf.name, err)
	}
	tmpName := tmp.Name()
	committed := false
	defer func() {
		if !committed {
			os.Remove(tmpName)
		}
	}()
	if err := writeSynced(tmp, data, lf.info.Mode()); err != nil {
		return fmt.Errorf("%s: write temporary file: %w", lf.name, err)
	}
	beforeRename(lf.path)
	if err := unchangedSince(lf); err != nil {
		return fmt.Errorf("%s: %w", lf.name, err)
	}
	if err := os.Rename(tmpName, lf.path); err != nil {
		return fmt.Errorf("%s: replace file: %w", lf.name, err)
	}
	committed = true
	syncDir(dir)
	return nil
}

func writeSynced(f *os.File, data []byte, mode fs.FileMode) error {
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Chmod(mode & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	}
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// unchangedSince compares the file on disk with what was read: size and
// modification time first (cheap), then the content hash, which also
// catches a change within the file system's timestamp resolution.
func unchangedSince(lf *loadedFile) error {
	info, data, err := readStable(lf.path)
	if err != nil {
		return fmt.Errorf("re-read before writing: %w", err)
	}
	if info.Size() != lf.info.Size() || !info.ModTime().Equal(lf.info.ModTime()) {
		return ErrChanged
	}
	if SnapshotOf(data) != lf.snap {
		return ErrChanged
	}
	return nil
}

// syncDir makes the rename durable where the platform allows it; a failure
// is not an error (the data itself was synced, and Windows cannot sync a
// directory).
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
