// Package lint runs the whole pipeline of DESIGN.md's data flow: discover
// Apps, parse each manifest, scan its sources, run the rules, then apply the
// config and inline suppressions. The CLI and the language server both call
// it; it owns no rule logic and no output format.
package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/schema"
	"github.com/bgmanifest/bgmanifest/suppress"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Options control one lint run.
type Options struct {
	Jobs    int
	Config  *workspace.Config // nil: defaults
	Enable  []string          // rule IDs or names switched on (at their default severity unless the config sets one)
	Disable []string          // rule IDs or names switched off
	// Overlay holds unsaved editor buffers by path; they replace the file on disk.
	Overlay map[string][]byte
	// BaseDir is the directory finding paths are made relative to ("" = the current directory).
	BaseDir string
	// lexed shares linked files' tokens between the Apps of one Run;
	// found the verdicts of the search for declared classes in the
	// projects an App does not reference.
	lexed *registration.LexCache
	found *registration.ElsewhereCache
	// reads shares the first reading of the files several Apps list;
	// shared tells, for each of an App's files, whether another App
	// lists it too (see checkPool).
	reads  *registration.SharedReads
	shared func(files []registration.SourceFile) []bool
}

// Summary counts what was linted.
type Summary struct {
	Apps, Manifests, SourceFiles int
}

// Result is the outcome of a run.
type Result struct {
	Findings []rules.Finding
	Summary  Summary
	// Internal lists internal errors (a recovered panic, a rule that failed):
	// the CLI exits 2 when there is any.
	Internal []error
	// Notes are problems that are not findings (unreadable directories,
	// skipped files); printed to stderr.
	Notes []string
	// Apps are the Apps that were linted (the language server keeps them).
	Apps []*workspace.App
	// Read holds the snapshot of every manifest as it was read, keyed by
	// its path as the findings' fix edits spell it; `check --fix` passes it
	// to fix.ApplyWithSnapshots, which refuses a manifest whose bytes
	// changed since (the findings' positions would point at other text).
	Read map[string]fix.Snapshot
}

// Severities resolves the effective severity of every rule from the config
// and the flags. Unknown rule names are errors.
func Severities(o Options) (map[string]rules.Severity, error) {
	sev := map[string]rules.Severity{}
	for _, r := range rules.All() {
		sev[r.Meta().ID] = r.Meta().Severity
	}
	if o.Config != nil {
		keys := make([]string, 0, len(o.Config.Rules))
		for k := range o.Config.Rules {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			li, _ := o.Config.RulePos(keys[i])
			lj, _ := o.Config.RulePos(keys[j])
			return li < lj || li == lj && keys[i] < keys[j]
		})
		// every unknown key is named at once, as a compiler lists every error
		var problems []string
		for _, k := range keys {
			line, col := o.Config.RulePos(k)
			r, ok := rules.Lookup(k)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s:%d:%d: unknown rule %q (see `bgmanifest rules`)", o.Config.Path, line, col, k))
				continue
			}
			s, err := rules.ParseSeverity(o.Config.Rules[k])
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s:%d:%d: rule %q: %v", o.Config.Path, line, col, k, err))
				continue
			}
			sev[r.Meta().ID] = s
		}
		if len(problems) > 0 {
			return nil, errors.New(strings.Join(problems, "\n"))
		}
	}
	for _, name := range o.Enable {
		r, ok := rules.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("--enable: unknown rule %q (see `bgmanifest rules`)", name)
		}
		if sev[r.Meta().ID] == rules.Off {
			sev[r.Meta().ID] = r.Meta().Severity
		}
	}
	for _, name := range o.Disable {
		r, ok := rules.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("--disable: unknown rule %q (see `bgmanifest rules`)", name)
		}
		sev[r.Meta().ID] = rules.Off
	}
	return sev, nil
}

// Run lints every App under paths.
func Run(paths []string, o Options) (*Result, error) {
	sev, err := Severities(o)
	if err != nil {
		return nil, err
	}
	var exclude []string
	if o.Config != nil {
		exclude = o.Config.ExcludePatterns()
	}
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	o.lexed = registration.NewLexCache()
	o.found = registration.NewElsewhereCache()
	o.reads = registration.NewSharedReads(suppressMarker)
	pool := newCheckPool(o, sev, jobs)
	wopts := workspace.Options{Exclude: exclude}
	if streamable(paths) {
		wopts.OnApp = pool.submit
	}
	disc, err := workspace.Discover(paths, wopts)
	if err != nil {
		pool.abort()
		return nil, err
	}
	res := &Result{Apps: disc.Apps, Read: map[string]fix.Snapshot{}}
	for _, n := range disc.Notes {
		res.Notes = append(res.Notes, n.String())
	}
	if len(disc.Apps) == 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("no app manifest found under %s", strings.Join(paths, ", ")))
	}
	for _, app := range disc.Apps {
		pool.submit(app) // those not handed over while discovering
	}
	outs := pool.wait()
	// Getwd once: filepath.Abs asks for it (two stat calls) on every
	// call, and every App's path is made relative.
	cwd, _ := os.Getwd()
	base := o.BaseDir
	if base == "" {
		base = cwd
	}
	seenSources := map[string]bool{}
	for _, app := range disc.Apps {
		out := outs[app]
		if out.Read != nil {
			res.Read[relPathFrom(cwd, base, app.Manifest)] = *out.Read
		}
		res.Findings = append(res.Findings, out.Findings...)
		res.Internal = append(res.Internal, out.Internal...)
		res.Notes = append(res.Notes, out.Notes...)
		res.Summary.Apps++
		res.Summary.Manifests++
		for _, s := range app.Sources {
			seenSources[s.Path] = true
		}
	}
	res.Summary.SourceFiles = len(seenSources)
	res.Findings = dedupe(res.Findings)
	relativize(res.Findings, cwd, base)
	rules.SortFindings(res.Findings)
	return res, nil
}

// precompileOnce starts BG002's schema compile for the first manifest
// that declares a background task (see CheckApp).
var precompileOnce sync.Once

// AppResult is the outcome of checking one App.
type AppResult struct {
	Manifest *manifest.Manifest
	// Read is the snapshot of the manifest's bytes as they were parsed; nil
	// when it could not be read.
	Read     *fix.Snapshot
	Facts    *registration.Facts
	Findings []rules.Finding // paths as discovered (not yet relative)
	Internal []error
	Notes    []string
}

// CheckApp parses, scans and checks one App and applies severities and
// suppressions.
func CheckApp(app *workspace.App, o Options, sev map[string]rules.Severity, jobs int) AppResult {
	var out AppResult
	defer func() {
		if p := recover(); p != nil {
			out.Internal = append(out.Internal, fmt.Errorf("internal error while checking %s: %v", app.Manifest, p))
		}
	}()
	man, err := loadManifest(app.Manifest, o.Overlay)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// deleted since discovery found it: nothing left to check
			out.Notes = append(out.Notes, err.Error())
		} else {
			// there, and unreadable: never a clean App (exit 2)
			out.Internal = append(out.Internal, err)
		}
		return out
	}
	out.Manifest = man
	if len(man.BackgroundTasks) > 0 {
		// BG002 validates this manifest: its schema compiles (once per
		// process, ~7 ms) on another core while the sources are scanned.
		// A run whose manifests declare no background task never
		// compiles it.
		precompileOnce.Do(func() { go schema.Precompile("manifest") })
	}
	// The manifest's Text encoded back is the bytes that were read, for
	// every manifest a fix may edit (one that decoded without a problem).
	snap := fix.SnapshotOf(man.Encode())
	out.Read = &snap
	ctx := &rules.Context{App: app, Manifest: man}
	if app.SourcesFound {
		files := filterLanguages(app.Sources, o.Config)
		if o.shared != nil {
			files = markShared(files, o.shared(files))
		}
		ctx.SomeLanguagesOff = classLanguagesOff(o.Config)
		out.Facts = registration.ScanWithOverlay(files, o.Overlay, registration.Options{
			Jobs: jobs, Marker: suppressMarker, EntryPoints: DeclaredEntryPoints(man), Mentions: DeclaredNames(man), Lexed: o.lexed, Reads: o.reads,
			ElsewhereFrom: func() [][]registration.SourceFile { return elsewhereSources(app, app.Unreferenced(), o.Config) },
			OutsideFrom:   outsideSources(app, o.Config),
			Found:         o.found,
		})
		ctx.Facts = out.Facts
		for _, n := range out.Facts.Notes {
			if n.Internal || n.Unreadable {
				// both name the file; an unreadable source is no bug of
				// ours, but a check that could not see it is no check:
				// exit 2, as for a manifest that cannot be read
				out.Internal = append(out.Internal, errors.New(n.Message))
				continue
			}
			out.Notes = append(out.Notes, fmt.Sprintf("%s:%d: %s", n.Pos.File, n.Pos.Line, n.Message))
		}
	}
	found, errs := rules.Run(ctx)
	out.Internal = append(out.Internal, errs...)
	kept := found[:0]
	for _, f := range found {
		s, ok := sev[f.Rule]
		if !ok {
			s = f.Severity
		}
		if s == rules.Off {
			continue
		}
		// A rule may lower its own severity for an uncertain case (BG102 on
		// ambiguous triggers); the config can only move the default.
		if meta, ok := rules.Lookup(f.Rule); ok && f.Severity < meta.Meta().Severity && s == meta.Meta().Severity {
			s = f.Severity
		}
		f.Severity = s
		kept = append(kept, f)
	}
	set := suppress.NewSet(func(path string) ([]byte, error) {
		if path == man.Path {
			return man.Text, nil
		}
		if b, ok := o.Overlay[path]; ok {
			return b, nil
		}
		return readSource(path)
	})
	// Suppressions of a rule that is off are not "unused": they wait for the
	// rule to be switched back on.
	set.Enabled = func(id string) bool {
		s, ok := sev[id]
		return !ok || s != rules.Off
	}
	for _, f := range appFiles(app) {
		// A source the scanner read without the marker in it has no
		// suppressions: it is not read a second time.
		if out.Facts != nil && f != man.Path {
			if has, read := out.Facts.Marked[f]; read && !has {
				set.AddFile(f, []byte{})
				continue
			}
		}
		set.AddFile(f, nil)
	}
	out.Findings = set.Apply(kept)
	// BG900 findings follow the configured severity of BG900 too.
	final := out.Findings[:0]
	for _, f := range out.Findings {
		if s, ok := sev[f.Rule]; ok {
			if s == rules.Off {
				continue
			}
			f.Severity = s
		}
		final = append(final, f)
	}
	out.Findings = final
	return out
}

// DeclaredEntryPoints are the classes the manifest names (background
// tasks, app services, update tasks, pre-installed configuration tasks,
// in-process activatable classes):
// the scanner reports them as task classes even when they implement
// nothing, so that BG203 can say so instead of BG103 saying the class does
// not exist, and looks for those the App lacks in the projects it does not
// reference (BG108).
func DeclaredEntryPoints(man *manifest.Manifest) []string {
	var out []string
	for _, bt := range man.BackgroundTasks {
		if v := strings.TrimSpace(bt.EntryPoint.Value); bt.EntryPoint.Present && v != "" {
			out = append(out, v)
		}
	}
	for _, h := range man.HostedExtensions() {
		if v := strings.TrimSpace(h.EntryPoint.Value); h.EntryPoint.Present && v != "" && !h.Executable.Present {
			out = append(out, v)
		}
	}
	// The in-process activatable classes, so that BG305 knows whether the
	// App (or another project of the workspace) defines them.
	for _, ac := range man.ActivatableClasses {
		if v := strings.TrimSpace(ac.ID.Value); ac.InProcess && v != "" && strings.Contains(v, ".") && !strings.ContainsAny(v, `$ /\`) &&
			v != "Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Task" {
			out = append(out, v)
		}
	}
	return out
}

// elsewhereSources are the source files of the given projects (of the
// App's Universe, which the App does not reference), one slice per
// project: where a declared class the App lacks is looked for (the
// scanner asks for them only then).
func elsewhereSources(app *workspace.App, projects []*workspace.Project, cfg *workspace.Config) [][]registration.SourceFile {
	var out [][]registration.SourceFile
	for _, p := range projects {
		if files := filterLanguages(app.Universe.SourcesOf(p.Path), cfg); len(files) > 0 {
			out = append(out, files)
		}
	}
	return out
}

// outsideSources are elsewhereSources for the repository's projects the
// App's solution leaves out, near it: below the folder that holds the
// solution's folder (a component kept out of the solution sits beside
// it, as Tasks/ beside App/ under the repository root). They are read
// only for classes the solution's projects do not define either, and only
// when every reference of the App is known: otherwise no rule speaks of a
// class missing from the App (a reference may supply it). Going through a
// whole repository (Windows-universal-samples: 700 projects, most of them
// other samples) for a class of a library in C++/WRL that no scan
// recognises was a third of a check's time.
func outsideSources(app *workspace.App, cfg *workspace.Config) func() [][]registration.SourceFile {
	u := app.Universe
	if !app.ReferencesKnown || u == nil || u.Repository == nil || len(u.Solutions) == 0 {
		return nil
	}
	return func() [][]registration.SourceFile {
		var near []*workspace.Project
		for _, p := range app.UnreferencedOutside() {
			for _, sln := range u.Solutions {
				if within(p.Path, filepath.Dir(filepath.Dir(sln))) {
					near = append(near, p)
					break
				}
			}
		}
		return elsewhereSources(app, near, cfg)
	}
}

// within reports whether path lies below dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// DeclaredNames are the entry points and script start pages of the
// manifest's background tasks: the scanner records which of them code
// still mentions (BG104 stays silent for those).
func DeclaredNames(man *manifest.Manifest) []string {
	var out []string
	for _, bt := range man.BackgroundTasks {
		for _, a := range []manifest.Attr{bt.EntryPoint, bt.StartPage} {
			if v := strings.TrimSpace(a.Value); a.Present && v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// suppressMarker is the text every inline suppression comment holds.
var suppressMarker = []byte(suppress.Marker)

// readSource reads a file for its suppression comments, refusing one over
// the scanner's size limit (the scanner skipped it with a note already) so a
// huge generated file never lands in memory.
func readSource(path string) ([]byte, error) {
	data, size, err := fileread.Limited(path, registration.MaxFileSize)
	if err != nil {
		return nil, err
	}
	if data == nil && size > registration.MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is over the %d-byte limit", path, size, registration.MaxFileSize)
	}
	return data, nil
}

func appFiles(app *workspace.App) []string {
	files := []string{app.Manifest}
	for _, s := range app.Sources {
		files = append(files, s.Path)
	}
	return files
}

func loadManifest(path string, overlay map[string][]byte) (*manifest.Manifest, error) {
	if b, ok := overlay[path]; ok {
		return manifest.Parse(path, b), nil
	}
	return manifest.ParseFile(path)
}

func filterLanguages(files []registration.SourceFile, cfg *workspace.Config) []registration.SourceFile {
	if cfg == nil || len(cfg.Languages) == 0 {
		return files
	}
	allowed := map[registration.Language]bool{}
	for _, l := range cfg.Languages {
		allowed[l] = true
	}
	var out []registration.SourceFile
	for _, f := range files {
		if allowed[f.Language] {
			out = append(out, f)
		}
	}
	return out
}

// markShared returns files with Shared set as shared says (a copy: the
// App's own list is left as it is).
func markShared(files []registration.SourceFile, shared []bool) []registration.SourceFile {
	if !slices.Contains(shared, true) {
		return files // nothing shared: no copy
	}
	out := slices.Clone(files)
	for i := range out {
		out[i].Shared = shared[i]
	}
	return out
}

// classLanguagesOff reports a config whose languages leave out one that
// defines classes (C#, VB, C++, IDL): a declared class may then be in a
// file nobody read.
func classLanguagesOff(cfg *workspace.Config) bool {
	if cfg == nil || len(cfg.Languages) == 0 {
		return false
	}
	allowed := map[registration.Language]bool{}
	for _, l := range cfg.Languages {
		allowed[l] = true
	}
	for _, l := range []registration.Language{registration.CSharp, registration.VB, registration.CPP, registration.IDL} {
		if !allowed[l] {
			return true
		}
	}
	return false
}

// dedupe drops findings reported twice (two Apps sharing a source file).
func dedupe(fs []rules.Finding) []rules.Finding {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s", f.File, f.Line, f.Column, f.Rule, f.Message)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// relativize rewrites finding paths relative to base, with forward
// slashes, as DESIGN.md's contract says; relative paths are relative to
// cwd.
func relativize(fs []rules.Finding, cwd, base string) {
	rel := func(p string) string { return relPathFrom(cwd, base, p) }
	for i := range fs {
		fs[i].File = rel(fs[i].File)
		for j := range fs[i].Related {
			fs[i].Related[j].File = rel(fs[i].Related[j].File)
		}
		if fs[i].Fix != nil {
			for j := range fs[i].Fix.Edits {
				fs[i].Fix.Edits[j].File = rel(fs[i].Fix.Edits[j].File)
			}
		}
	}
}

var relCache sync.Map

// RelPath makes p relative to base when p lies below it, with forward slashes.
func RelPath(base, p string) string {
	if p == "" {
		return p
	}
	key := base + "\x00" + p
	if v, ok := relCache.Load(key); ok {
		return v.(string)
	}
	cwd := ""
	if !filepath.IsAbs(p) {
		var err error
		if cwd, err = os.Getwd(); err != nil {
			out := filepath.ToSlash(p)
			relCache.Store(key, out)
			return out
		}
	}
	out := relPathFrom(cwd, base, p)
	relCache.Store(key, out)
	return out
}

// relPathFrom is RelPath for a p that is absolute or relative to cwd.
func relPathFrom(cwd, base, p string) string {
	if p == "" {
		return p
	}
	abs := p
	if !filepath.IsAbs(p) {
		abs = filepath.Join(cwd, p)
	}
	out := p
	if r, err := filepath.Rel(base, filepath.Clean(abs)); err == nil && !strings.HasPrefix(r, "..") {
		out = r
	}
	return filepath.ToSlash(out)
}
