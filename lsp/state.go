package lsp

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// workspaceState is what the server knows about the workspace: the Apps
// discovered under the roots, which App owns which file, and the config.
// Discovery runs once at start and again only when the shape of the
// workspace changes (a project file, a new manifest, an unknown file).
type workspaceState struct {
	log *log.Logger

	mu    sync.Mutex
	roots []string
	ready bool
	// pending run once the first discovery has finished.
	pending []func()

	cfg        *workspace.Config
	cfgLoaded  bool
	sev        map[string]rules.Severity
	configNote string // the last config problem, shown to the user once

	apps   map[string]*workspace.App // by manifest path
	owners map[string][]string       // file path -> manifests of the Apps that own it
	alias  map[string]string         // symlink-free path -> path as discovered
	probed map[string]bool           // unowned files already looked up
	// discoveredAt is when the first discovery started: a file under a root
	// that is older and unowned then is unowned for good.
	discoveredAt time.Time
	discoveries  int // Discover calls made (tests read it)

	busy sync.WaitGroup // discovery goroutines
}

func newWorkspaceState(l *log.Logger) *workspaceState {
	return &workspaceState{
		log:    l,
		apps:   map[string]*workspace.App{},
		owners: map[string][]string{},
		alias:  map[string]string{},
		probed: map[string]bool{},
	}
}

// start discovers the Apps under roots in the background and then runs
// whatever waited for it.
func (w *workspaceState) start(roots []string, after func()) {
	w.mu.Lock()
	w.roots = roots
	w.mu.Unlock()
	if len(roots) > 0 {
		w.loadConfig(roots[0])
	}
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		if len(roots) > 0 {
			w.mu.Lock()
			w.discoveredAt = time.Now()
			w.mu.Unlock()
			w.discover(roots, nil)
		}
		w.mu.Lock()
		w.ready = true
		pending := w.pending
		w.pending = nil
		w.mu.Unlock()
		for _, fn := range pending {
			fn()
		}
		if after != nil {
			after()
		}
	}()
}

// whenReady runs fn now if the first discovery is done, else after it.
func (w *workspaceState) whenReady(fn func()) {
	w.mu.Lock()
	if !w.ready {
		w.pending = append(w.pending, fn)
		w.mu.Unlock()
		return
	}
	w.mu.Unlock()
	fn()
}

// waitIdle waits for discovery goroutines to finish.
func (w *workspaceState) waitIdle() { w.busy.Wait() }

// loadConfig finds .bgmanifest.yaml from dir upward and loads it. Problems
// are remembered for the user and the defaults are used.
func (w *workspaceState) loadConfig(dir string) {
	var cfg *workspace.Config
	var note string
	if found, ok := workspace.FindConfig(dir); ok {
		c, err := workspace.LoadConfig(found)
		if err != nil {
			note = fmt.Sprintf("bgmanifest: config ignored: %v", err)
		} else {
			cfg = c
		}
	}
	sev, err := lint.Severities(lint.Options{Config: cfg})
	if err != nil {
		note = fmt.Sprintf("bgmanifest: config ignored: %v", err)
		cfg = nil
		sev, _ = lint.Severities(lint.Options{})
	}
	if note != "" {
		w.log.Print(note)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cfg, w.sev, w.cfgLoaded = cfg, sev, true
	w.configNote = note
}

// ensureConfig loads the config from dir when no root gave one.
func (w *workspaceState) ensureConfig(dir string) {
	w.mu.Lock()
	loaded := w.cfgLoaded
	w.mu.Unlock()
	if !loaded {
		w.loadConfig(dir)
	}
}

// takeConfigNote returns a config problem not yet shown to the user.
func (w *workspaceState) takeConfigNote() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := w.configNote
	w.configNote = ""
	return n
}

// excludes are the config's exclude globs, rebased on the config's
// directory (Discover would resolve relative ones against the current
// directory, which for a language server is wherever the editor started).
func (w *workspaceState) excludes() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cfg == nil {
		return nil
	}
	return w.cfg.ExcludePatterns()
}

// discover runs workspace.Discover on paths and installs the Apps it finds.
// replace lists Apps (by manifest) to drop first: the Apps being
// re-discovered. It returns the manifests of the Apps found.
func (w *workspaceState) discover(paths []string, replace []string) []string {
	abs := make([]string, 0, len(paths))
	for _, p := range paths {
		if a, err := filepath.Abs(p); err == nil {
			abs = append(abs, a)
		}
	}
	w.mu.Lock()
	w.discoveries++
	w.mu.Unlock()
	res, err := workspace.Discover(abs, workspace.Options{Exclude: w.excludes()})
	if err != nil {
		w.log.Printf("discovering Apps in %s: %v", strings.Join(abs, ", "), err)
		return nil
	}
	for _, n := range res.Notes {
		w.log.Print(n.String())
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, key := range replace {
		w.removeLocked(key)
	}
	var keys []string
	for _, app := range res.Apps {
		w.removeLocked(app.Manifest)
		w.addLocked(app)
		keys = append(keys, app.Manifest)
	}
	if len(replace) > 0 {
		// The shape changed: a file that was unowned may belong to an App now.
		w.probed = map[string]bool{}
	}
	return keys
}

// discoverAsync runs discover in the background and hands the result on.
func (w *workspaceState) discoverAsync(paths, replace []string, then func(keys []string)) {
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		defer func() {
			if p := recover(); p != nil {
				w.log.Printf("internal error while discovering %s: %v", strings.Join(paths, ", "), p)
			}
		}()
		keys := w.discover(paths, replace)
		if then != nil {
			then(keys)
		}
	}()
}

func appFilePaths(app *workspace.App) []string {
	files := []string{app.Manifest}
	for _, p := range app.Projects {
		files = append(files, p.Path)
	}
	for _, s := range app.Sources {
		files = append(files, s.Path)
	}
	return files
}

func (w *workspaceState) addLocked(app *workspace.App) {
	w.apps[app.Manifest] = app
	for _, f := range appFilePaths(app) {
		w.owners[f] = appendUnique(w.owners[f], app.Manifest)
		if real, err := filepath.EvalSymlinks(f); err == nil && real != f {
			w.alias[real] = f
		}
	}
}

func (w *workspaceState) removeLocked(key string) {
	app, ok := w.apps[key]
	if !ok {
		return
	}
	delete(w.apps, key)
	for _, f := range appFilePaths(app) {
		keys := removeString(w.owners[f], key)
		if len(keys) == 0 {
			delete(w.owners, f)
		} else {
			w.owners[f] = keys
		}
	}
}

// remove forgets an App (its manifest was deleted).
func (w *workspaceState) remove(key string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.removeLocked(key)
}

// setRoots adds and removes workspace roots and forgets the Apps whose
// manifest lies under a removed root (returned, so their diagnostics can be
// cleared).
func (w *workspaceState) setRoots(added, removed []string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var roots []string
	for _, r := range w.roots {
		if !slices.Contains(removed, r) {
			roots = append(roots, r)
		}
	}
	for _, r := range added {
		roots = appendUnique(roots, r)
	}
	w.roots = roots
	var dropped []string
	for key := range w.apps {
		for _, r := range removed {
			if within(r, key) && !w.underRootLocked(key) {
				dropped = append(dropped, key)
				break
			}
		}
	}
	for _, k := range dropped {
		w.removeLocked(k)
	}
	return dropped
}

func (w *workspaceState) underRootLocked(path string) bool {
	for _, r := range w.roots {
		if within(r, path) {
			return true
		}
	}
	return false
}

// within reports whether path is root or lies below it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// canonical maps a path as the client names it to the path as discovered
// (they differ when the client resolved a symbolic link the walk kept, or
// the other way round).
func (w *workspaceState) canonical(path string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.canonicalLocked(path)
}

func (w *workspaceState) canonicalLocked(path string) string {
	if _, ok := w.owners[path]; ok {
		return path
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if p, ok := w.alias[real]; ok {
			return p
		}
		if _, ok := w.owners[real]; ok {
			return real
		}
	}
	return path
}

// ownersOf returns the manifests of the Apps that own path.
func (w *workspaceState) ownersOf(path string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.owners[w.canonicalLocked(path)]...)
}

// needsProbe reports whether an unowned file should be looked up with a
// fresh Discover, and records that it was. The first discovery saw every
// file under the roots that existed then, so only files outside the roots,
// manifests (an App of their own), and files created or changed since are
// worth a walk.
func (w *workspaceState) needsProbe(path string) bool {
	info, err := os.Stat(path)
	if err != nil || info.IsDir() {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.probed[path] {
		return false
	}
	if w.underRootLocked(path) && !isManifestFile(path) && !info.ModTime().After(w.discoveredAt) {
		return false
	}
	w.probed[path] = true
	return true
}

// checkInput is what one App check needs.
type checkInput struct {
	app *workspace.App
	cfg *workspace.Config
	sev map[string]rules.Severity
}

func (w *workspaceState) input(key string) (checkInput, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	app, ok := w.apps[key]
	if !ok {
		return checkInput{}, false
	}
	sev := w.sev
	if sev == nil {
		sev, _ = lint.Severities(lint.Options{})
	}
	return checkInput{app: app, cfg: w.cfg, sev: sev}, true
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func removeString(s []string, v string) []string {
	out := s[:0]
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// fileExists reports whether path is a regular file on disk.
func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

func (w *workspaceState) discoveryCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.discoveries
}
