package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// dirNode is one directory the walker has read. Only the files bgmanifest
// cares about are kept: manifests, project and solution files, sources.
type dirNode struct {
	disp string // path as the user would write it (relative to the working directory, or absolute)
	real string // symlink-free absolute path: the identity used to never walk a directory twice

	manifests []string // display paths, sorted
	projects  []string
	solutions []string
	sources   []string
	children  []*dirNode
	// files are the names of every entry that is not a directory (symbolic
	// links resolved), excluded or not, in name order: whether a listed
	// file exists is answered from here instead of asking the file system
	// once per file (see hasFile).
	files []string
	// complete is false when the directory could not be read in full, so
	// that a name missing from files proves nothing.
	complete bool

	// manifestsBelow counts manifests in this directory and all below it;
	// the directory fallback leaves sibling trees that hold another App out.
	manifestsBelow int
}

// index walks directory trees once and remembers every directory it read,
// so that projects, globs and the fallback all share one walk.
type index struct {
	cwd     string
	exclude []string // patterns, slash-separated; absolute ones start with '/' or a volume
	nodes   map[string]*dirNode
	// byDisp holds each walked node under the (clean) display path it was
	// read by: a lookup by the same path names the same directory, without
	// resolving symbolic links component by component. Another spelling of
	// the directory is not found here and takes the slow way.
	byDisp map[string]*dirNode
	notes  []Note
	// pendingLinks are symlinked directories met during a walk. They are
	// walked after the real trees so that a directory reached both directly
	// and through a link is listed under its real path.
	pendingLinks []pendingLink
	// readDir is fileread.ReadDir; tests replace it to simulate unreadable
	// directories where permissions are not enforced (running as root).
	readDir func(string) ([]os.DirEntry, error)

	// prefetched holds the directories of the tree being walked, read
	// ahead in parallel (see prefetch), by display path.
	prefetched map[string]dirScan

	dbp memo[string, string] // directoryBuildProps by absolute directory

	// existing memoizes existingFile: Apps that share a project list the
	// same missing or wrongly cased paths (every JavaScript sample of
	// Windows-universal-samples names 40 files under \SharedContent), and
	// each answer costs a directory listing per path component.
	existing memo[string, existingAnswer]
	// listings memoizes the entry names of the directories existingFile
	// reads: a look-up that tries the other spellings of a folder goes back
	// up the path, and the paths of a project share their folders.
	listings memo[string, dirListing]

	// stats memoizes index.exists, above index.fileAbove.
	stats memo[string, bool]
	above memo[fileAboveKey, string]

	// bounds are the symlink-free directories the walk may enter: the
	// repository (or search) roots of the paths being linted. A symbolic
	// link or a project glob that leads elsewhere (a link to /, a
	// <Compile Include="/**/*.cs"/>) is noted and not followed, so a pull
	// request cannot make the linter read the whole file system or echo
	// /proc/self/environ. Empty: no bound (a caller that set none).
	bounds []string
}

// addBound lets the walk enter dir and everything below it.
func (ix *index) addBound(dir string) {
	real, err := filepath.EvalSymlinks(ix.absPath(dir))
	if err != nil {
		return
	}
	for _, b := range ix.bounds {
		if b == real {
			return
		}
	}
	ix.bounds = append(ix.bounds, real)
}

// within reports whether the symlink-free path real lies in a bound.
func (ix *index) within(real string) bool {
	if len(ix.bounds) == 0 {
		return true
	}
	for _, b := range ix.bounds {
		if real == b || strings.HasPrefix(real, b) && (strings.HasSuffix(b, string(filepath.Separator)) || strings.HasPrefix(real[len(b):], string(filepath.Separator))) {
			return true
		}
	}
	return false
}

// outside notes a path whose target leaves the bounds; true when it does.
func (ix *index) outside(disp, real string) bool {
	if ix.within(real) {
		return false
	}
	ix.note(disp, 0, "leads outside the linted tree (to %s); not read", real)
	return true
}

type pendingLink struct {
	parent *dirNode
	disp   string
}

func newIndex(cwd string, exclude []string) *index {
	return &index{cwd: cwd, exclude: exclude, nodes: map[string]*dirNode{}, byDisp: map[string]*dirNode{},
		readDir: fileread.ReadDir}
}

// absPath makes a display path absolute without touching the file system.
func (ix *index) absPath(disp string) string {
	if filepath.IsAbs(disp) {
		return filepath.Clean(disp)
	}
	return filepath.Join(ix.cwd, disp)
}

// key is the identity of a display path (see pathKey).
func (ix *index) key(disp string) string { return pathKey(ix.absPath(disp)) }

// excluded reports whether a path matches one of the --exclude / config
// globs. Relative patterns are relative to the working directory.
func (ix *index) excluded(disp string, isDir bool) bool {
	if len(ix.exclude) == 0 {
		return false
	}
	abs := ix.absPath(disp)
	rel, err := filepath.Rel(ix.cwd, abs)
	if err != nil {
		rel = abs
	}
	rel = filepath.ToSlash(rel)
	absSlash := filepath.ToSlash(abs)
	for _, p := range ix.exclude {
		name := rel
		if isAbsPattern(p) {
			name = absSlash
		}
		if doublestar.MatchUnvalidated(p, name) {
			return true
		}
		// "gen/**" names everything below gen: prune the directory itself.
		if isDir && strings.HasSuffix(p, "/**") && doublestar.MatchUnvalidated(strings.TrimSuffix(p, "/**"), name) {
			return true
		}
	}
	return false
}

func isAbsPattern(p string) bool {
	return strings.HasPrefix(p, "/") || filepath.IsAbs(filepath.FromSlash(p))
}

// tree returns the walked directory at disp, walking it first if needed.
// It returns nil when the directory cannot be read (a Note says why).
func (ix *index) tree(disp string) *dirNode {
	disp = filepath.Clean(disp)
	if n := ix.byDisp[disp]; n != nil {
		return n
	}
	real, err := filepath.EvalSymlinks(ix.absPath(disp))
	if err != nil {
		ix.note(disp, 0, "cannot read directory: %v", err)
		return nil
	}
	if n, ok := ix.nodes[real]; ok {
		return n
	}
	if ix.outside(disp, real) {
		return nil
	}
	ix.prefetched = ix.prefetch(disp)
	n := ix.walk(disp, real)
	ix.prefetched = nil
	ix.drainLinks()
	return n
}

// lookup returns the walked node for a directory without walking.
func (ix *index) lookup(disp string) *dirNode {
	if n := ix.byDisp[filepath.Clean(disp)]; n != nil {
		return n
	}
	real, err := filepath.EvalSymlinks(ix.absPath(disp))
	if err != nil {
		return nil
	}
	return ix.nodes[real]
}

func (ix *index) note(path string, line int, format string, args ...any) {
	ix.add(newNote(path, line, format, args...))
}

func (ix *index) add(n Note) { ix.notes = append(ix.notes, n) }

// noter receives Notes: the index, or a noteBuffer for work done ahead of
// its turn whose Notes are recorded when its turn comes.
type noter interface {
	add(Note)
}

type noteBuffer struct{ notes []Note }

func (b *noteBuffer) add(n Note) { b.notes = append(b.notes, n) }

func newNote(path string, line int, format string, args ...any) Note {
	return Note{Path: path, Line: line, Message: fmt.Sprintf(format, args...)}
}

// walk builds the node of one directory and, recursively, of the ones
// below it, from their scans (see scanDir). Entries come sorted from
// os.ReadDir, so every list is in path order.
func (ix *index) walk(disp, real string) *dirNode {
	n := &dirNode{disp: disp, real: real}
	ix.nodes[real] = n
	if ix.byDisp[disp] == nil {
		ix.byDisp[disp] = n
	}
	sc := ix.scanOnce(disp)
	if sc.err != nil {
		// ReadDir may return the entries it read before the error; they
		// are kept.
		ix.note(disp, 0, "cannot read directory: %v", unwrapPathError(sc.err))
	}
	n.complete = sc.err == nil
	for _, l := range sc.fileLinks {
		// a file symlink out of the tree is dropped from what was found
		if real, err := filepath.EvalSymlinks(ix.absPath(l)); err == nil && ix.outside(l, real) {
			sc.drop(l)
		}
	}
	n.manifests, n.projects, n.solutions, n.sources = sc.manifests, sc.projects, sc.solutions, sc.sources
	for _, f := range sc.fragments {
		ix.add(templateFragmentNote(f, "a project"))
	}
	n.files = sc.files
	n.manifestsBelow = len(n.manifests)
	for _, sub := range sc.subdirs {
		if sub.link {
			ix.pendingLinks = append(ix.pendingLinks, pendingLink{parent: n, disp: sub.disp})
			continue
		}
		childReal := joinEntry(real, sub.name)
		child, seen := ix.nodes[childReal]
		if !seen {
			child = ix.walk(sub.disp, childReal)
		}
		n.children = append(n.children, child)
		n.manifestsBelow += child.manifestsBelow
	}
	return n
}

// dirScan is one directory read and sorted out: the files bgmanifest
// cares about, every file name, and the subdirectories to walk, in the
// order of the entries.
type dirScan struct {
	err                                     error
	manifests, projects, solutions, sources []string // display paths
	files                                   []string // see dirNode.files
	subdirs                                 []subdir
	fileLinks                               []string // symbolic links to files, display paths
	// fragments are files with a project's name that are template merge
	// fragments (see templateFragment): no project, noted by walk.
	fragments []string
}

// drop removes a file found by the scan from its lists.
func (sc *dirScan) drop(disp string) {
	for _, list := range []*[]string{&sc.manifests, &sc.projects, &sc.solutions, &sc.sources} {
		*list = slices.DeleteFunc(*list, func(p string) bool { return p == disp })
	}
}

type subdir struct {
	name, disp string
	// link is a symbolic link to a directory: walked after the real trees
	// (see drainLinks).
	link bool
}

// scanDir reads and sorts out one directory. It records nothing in the
// index, so that directories can be scanned in parallel.
func (ix *index) scanDir(disp string) dirScan {
	entries, err := ix.readDir(disp)
	sc := dirScan{err: err}
	for _, e := range entries {
		name := e.Name()
		mode := e.Type()
		if mode.IsRegular() {
			// most entries: joined only when kept (an image, a resource
			// file is only listed)
			sc.files = append(sc.files, name)
			sc.addFile(ix, name, disp)
			continue
		}
		childDisp := joinEntry(disp, name)
		if mode&os.ModeSymlink != 0 {
			info, err := os.Stat(childDisp)
			if err != nil {
				continue // dangling link: nothing to read
			}
			if info.IsDir() {
				if !isSkippedDir(name) && !ix.excluded(childDisp, true) && !ix.nugetFolder(name, childDisp) {
					sc.subdirs = append(sc.subdirs, subdir{name: name, disp: childDisp, link: true})
				}
				continue
			}
			mode = info.Mode().Type()
			sc.fileLinks = append(sc.fileLinks, childDisp)
		}
		if mode.IsDir() {
			if !isSkippedDir(name) && !ix.excluded(childDisp, true) && !ix.nugetFolder(name, childDisp) {
				sc.subdirs = append(sc.subdirs, subdir{name: name, disp: childDisp})
			}
			continue
		}
		sc.files = append(sc.files, name)
		if mode.IsRegular() {
			sc.addFile(ix, name, disp)
		}
	}
	if !sort.StringsAreSorted(sc.files) {
		sort.Strings(sc.files) // os.ReadDir sorts; a replacement may not
	}
	return sc
}

// joinEntry is filepath.Join(dir, name) for a clean dir and the name of
// one of its entries (never empty, ".", ".." nor holding a separator),
// without Join's cleaning pass over the whole path: the walk joins every
// entry of the tree, and the cleaning was the walk's largest cost after
// the system calls.
func joinEntry(dir, name string) string {
	switch {
	case dir == "" || dir == ".":
		return name
	case os.IsPathSeparator(dir[len(dir)-1]):
		return dir + name // a root: "/", `C:\`
	case filepath.VolumeName(dir) == dir:
		return filepath.Join(dir, name) // "C:" names the drive's current directory
	}
	return dir + string(filepath.Separator) + name
}

// nugetFolder reports whether a subdirectory is NuGet's packages folder,
// never read; a packages folder that cannot be listed is passed over too.
func (ix *index) nugetFolder(name, disp string) bool {
	if !strings.EqualFold(name, "packages") {
		return false
	}
	entries, err := ix.readDir(disp)
	return err != nil || isNuGetFolder(entries)
}

// addFile lists the file name of directory dirDisp when it is a
// manifest, a project, a solution or a source file.
func (sc *dirScan) addFile(ix *index, name, dirDisp string) {
	var list *[]string
	switch {
	case isManifestName(name):
		list = &sc.manifests
	case isProjectName(name) && templateFragment(name) != "":
		list = &sc.fragments
	case isProjectName(name):
		list = &sc.projects
	case isSolutionName(name):
		list = &sc.solutions
	default:
		if _, ok := languageOf(name); !ok {
			return
		}
		list = &sc.sources
	}
	if disp := joinEntry(dirDisp, name); !ix.excluded(disp, false) {
		*list = append(*list, disp)
	}
}

// scanOnce returns the directory's scan, made ahead or now.
func (ix *index) scanOnce(disp string) dirScan {
	if sc, ok := ix.prefetched[disp]; ok {
		delete(ix.prefetched, disp)
		return sc
	}
	return ix.scanDir(disp)
}

// prefetch scans the directories below root in parallel, on
// runtime.NumCPU() workers sharing a stack of directories to scan, for walk
// to build its nodes from in order. It descends as walk does, but not
// through symbolic links, which walk follows itself; a directory walk will
// not visit, as one already walked, is scanned for nothing.
func (ix *index) prefetch(root string) map[string]dirScan {
	scans := map[string]dirScan{}
	var mu sync.Mutex
	more := sync.NewCond(&mu) // the stack grew, or the last busy worker finished
	stack := []string{root}
	busy := 0
	worker := func() {
		mu.Lock()
		defer mu.Unlock()
		for {
			for len(stack) == 0 && busy > 0 {
				more.Wait()
			}
			if len(stack) == 0 {
				return // nothing left, and nobody scanning who could add more
			}
			disp := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			busy++
			mu.Unlock()
			sc := ix.scanDir(disp)
			mu.Lock()
			busy--
			scans[disp] = sc
			for _, sub := range sc.subdirs {
				if !sub.link {
					stack = append(stack, sub.disp)
				}
			}
			more.Broadcast()
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker()
		}()
	}
	wg.Wait()
	return scans
}

// drainLinks walks the symlinked directories met so far. A link whose target
// was already walked (directly, through another link, or because it points
// at one of its own ancestors) is not followed again: no loops, no
// duplicates.
func (ix *index) drainLinks() {
	for len(ix.pendingLinks) > 0 {
		l := ix.pendingLinks[0]
		ix.pendingLinks = ix.pendingLinks[1:]
		real, err := filepath.EvalSymlinks(ix.absPath(l.disp))
		if err != nil {
			continue
		}
		if _, seen := ix.nodes[real]; seen {
			continue
		}
		if ix.outside(l.disp, real) {
			continue
		}
		child := ix.walk(l.disp, real)
		l.parent.children = append(l.parent.children, child)
		l.parent.manifestsBelow += child.manifestsBelow
	}
}

// fileState is what the walk knows of a path: a file (anything but a
// directory, as os.Stat sees it), no file, or nothing.
type fileState int

const (
	fileUnknown fileState = iota // not below a walked directory: ask the file system
	fileExists
	fileMissing
)

// fileAt answers from the walk whether a file exists at the display path
// disp. A name that differs only in case from an entry is unknown: a
// case-insensitive file system would find it.
func (ix *index) fileAt(disp string) fileState {
	n := ix.byDisp[filepath.Dir(disp)]
	if n == nil {
		return fileUnknown
	}
	name := filepath.Base(disp)
	i := sort.SearchStrings(n.files, name)
	if i < len(n.files) && n.files[i] == name {
		return fileExists
	}
	if !n.complete {
		return fileUnknown
	}
	for _, f := range n.files {
		if strings.EqualFold(f, name) {
			return fileUnknown
		}
	}
	return fileMissing
}

// fileAtAbs is fileAt for an absolute path, which the walk knows by its
// display path: relative to the working directory when the paths to lint
// were given that way.
func (ix *index) fileAtAbs(abs string) fileState {
	if st := ix.fileAt(abs); st != fileUnknown {
		return st
	}
	if rel, err := filepath.Rel(ix.cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ix.fileAt(rel)
	}
	return fileUnknown
}

// existingPath is existingFile answered from the walk when it knows the
// file.
func (ix *index) existingPath(path string) (string, bool) {
	if ix.fileAt(path) == fileExists {
		return path, true
	}
	fixed, _, ok := ix.existingFile(path)
	return fixed, ok
}

type dirListing struct {
	names []string
	ok    bool
}

// listDir lists a directory's entry names once per discovery.
func (ix *index) listDir(dir string) ([]string, bool) {
	l := ix.listings.get(dir, func() dirListing {
		names, ok := listDir(dir)
		return dirListing{names, ok}
	})
	return l.names, l.ok
}

type existingAnswer struct {
	fixed string
	info  os.FileInfo
	ok    bool
}

// existingFile is existingFile, asked of the file system once per path
// per discovery.
func (ix *index) existingFile(path string) (string, os.FileInfo, bool) {
	a := ix.existing.get(path, func() (a existingAnswer) {
		a.fixed, a.info, a.ok = existingFileIn(path, ix.listDir)
		return a
	})
	return a.fixed, a.info, a.ok
}

// collect calls fn for every node in the tree below (and including) n.
func (n *dirNode) collect(fn func(*dirNode)) {
	seen := map[*dirNode]bool{}
	var rec func(*dirNode)
	rec = func(d *dirNode) {
		if seen[d] {
			return
		}
		seen[d] = true
		fn(d)
		for _, c := range d.children {
			rec(c)
		}
	}
	rec(n)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
