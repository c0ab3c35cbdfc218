package workspace

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

	"github.com/bmatcuk/doublestar/v4"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/internal/parallel"
	"github.com/bgmanifest/bgmanifest/registration"
)

// Options tune Discover.
type Options struct {
	// Exclude are doublestar globs ("**/Generated/**", "legacy/*"), relative
	// to the current directory or absolute. Matching files and directories
	// are neither read nor reported.
	Exclude []string
	// OnApp, when set, is called with each App of a directory argument as
	// soon as it is formed, before Discover returns, so that a caller can
	// start checking it while the rest of the tree is grouped. Discover
	// never changes an App after handing it over (see shortenPaths and
	// result). Apps found only as owners of file arguments are not handed
	// over: Result.Apps has every App either way.
	OnApp func(*App)
}

// Note is a problem met while discovering (an unreadable directory, a
// malformed project file, an MSBuild property that cannot be resolved). The
// walk goes on; the App is formed from what could be read.
type Note struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	// kind and subject say what a Note that may be said many times over
	// is about (a missing project or source file, its path; an
	// expression that cannot be resolved), so that such Notes are told
	// once (see groupNotes).
	kind    noteKind
	subject string
}

func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", n.Path, n.Line, n.Message)
	}
	return fmt.Sprintf("%s: %s", n.Path, n.Message)
}

// Result is what Discover found.
type Result struct {
	Apps  []*App `json:"apps"`
	Notes []Note `json:"notes,omitempty"`
	// SkippedManifests are files with a manifest's name that are not Apps
	// (DESIGN.md, "An App is…", item 3), each with the reason.
	SkippedManifests []SkippedManifest `json:"skippedManifests,omitempty"`
	// Skipped are files given on the command line that belong to no App.
	Skipped []string `json:"skipped,omitempty"`
}

// SkippedManifest is a file with a manifest's name that is not an App.
type SkippedManifest struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Discover finds the Apps for the given paths. A PATH may be a directory
// (every manifest below it), a manifest, or a source or project file (the
// Apps that own it, each linted whole, as a pre-commit hook wants). The
// error is reserved for usage problems: a PATH that does not exist, or a
// malformed exclude pattern. Everything else is a Note.
func Discover(paths []string, opts Options) (*Result, error) {
	return discover(paths, opts, fileread.ReadDir)
}

func discover(paths []string, opts Options, readDir func(string) ([]os.DirEntry, error)) (*Result, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("cannot determine the current directory: %w", err)
	}
	exclude, err := normalizeExcludes(opts.Exclude)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &discoverer{
		ix:               newIndex(cwd, exclude),
		projects:         map[string]*projectFile{},
		parsed:           map[string]*preparsed{},
		solutions:        map[string]*readSolution{},
		sourcesAhead:     map[*projectFile]*sourceList{},
		apps:             map[string]*App{},
		formed:           map[string]*App{},
		rootApps:         map[string][]*App{},
		slns:             map[string]*slnInfo{},
		slnOf:            map[string][]string{},
		universes:        map[string]*Universe{},
		skippedManifests: map[string]SkippedManifest{},
		onApp:            opts.OnApp,
	}
	d.ix.readDir = readDir
	for _, p := range paths {
		if err := d.add(p); err != nil {
			return nil, err
		}
	}
	return d.result(), nil
}

func normalizeExcludes(patterns []string) ([]string, error) {
	var out []string
	for _, p := range patterns {
		slash := filepath.ToSlash(strings.TrimSpace(p))
		slash = strings.TrimPrefix(slash, "./")
		if slash == "" {
			continue
		}
		if !doublestar.ValidatePattern(slash) {
			return nil, fmt.Errorf("invalid exclude pattern %q", p)
		}
		out = append(out, slash)
	}
	return out, nil
}

type discoverer struct {
	ix       *index
	projects map[string]*projectFile // by absolute path; nil value: unreadable
	// parsed and solutions are the project and solution files of the
	// walked trees, read ahead in parallel (see preparse), by display path.
	parsed    map[string]*preparsed
	solutions map[string]*readSolution
	// sourcesAhead are projects' sources worked out in parallel before
	// grouping (see listSourcesAhead).
	sourcesAhead map[*projectFile]*sourceList
	apps         map[string]*App   // the result, by absolute manifest path
	formed       map[string]*App   // every App grouped so far, by absolute manifest path
	rootApps     map[string][]*App // Apps of each walked root, by absolute root
	skipped      []string
	appFiles     map[*App]map[string]bool // see owns
	roots        map[string]string        // searchRoot by absolute directory
	// wholeTree is set when a directory was given: every Note of the walk
	// is the user's business. For files alone, only the Notes about the
	// Apps that own them are (see relevantNotes).
	wholeTree bool
	// linked are the projects' reference items resolved (see linksOf).
	linked map[*projectFile]*projectLinks
	// slns are the solutions read, by path; slnOf the solutions that list
	// a project, by its key.
	slns  map[string]*slnInfo
	slnOf map[string][]string
	// universes are shared by the Apps of one solution (or root), by key
	// (see universeFor); universeSources are each project's sources as a
	// Universe holds them.
	universes       map[string]*Universe
	universeSources map[*projectFile][]registration.SourceFile
	// repositories are the Universes' Repositories, by the tree's real
	// path (see repository).
	repositories map[string]*Universe
	// skippedManifests are the manifests that are not Apps, by key;
	// contentChecked the verdicts of notXML worked out ahead, by key.
	skippedManifests map[string]SkippedManifest
	contentChecked   map[string]string
	// declared are the classes each source file declares, by path (see
	// declaresAny).
	declared map[string]declarations
	// onApp is Options.OnApp; handed are the Apps given to it.
	onApp  func(*App)
	handed map[*App]bool
}

// hand gives a kept App to Options.OnApp, once.
func (d *discoverer) hand(app *App) {
	if d.onApp == nil || d.handed[app] {
		return
	}
	if d.handed == nil {
		d.handed = map[*App]bool{}
	}
	d.handed[app] = true
	d.onApp(app)
}

func (d *discoverer) add(path string) error {
	disp := filepath.Clean(path)
	info, err := os.Stat(disp)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file or directory", path)
		}
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	// The walk stays inside what the user asked for: the path itself and
	// the repository (or solution tree) that holds it.
	dir := disp
	if !info.IsDir() {
		dir = filepath.Dir(disp)
	}
	d.ix.addBound(dir)
	if root := d.searchRoot(d.ix.absPath(dir)); root != "" {
		d.ix.addBound(root)
	}
	if info.IsDir() {
		if d.ix.excluded(disp, true) {
			return nil
		}
		d.wholeTree = true
		if len(d.appsUnder(disp, true)) == 0 {
			d.addOwnersOfDir(disp)
		}
		return nil
	}
	if d.ix.excluded(disp, false) {
		d.skipped = append(d.skipped, disp)
		return nil
	}
	return d.addFile(disp)
}

// addOwnersOfDir handles a directory that holds no manifest (src/Tasks, a
// component's folder): the Apps that own any file below it are linted.
func (d *discoverer) addOwnersOfDir(disp string) {
	abs := d.ix.absPath(disp)
	prefix := pathKey(abs) + string(filepath.Separator)
	inside := func(path string) bool { return strings.HasPrefix(d.ix.key(path), prefix) }
	for _, app := range d.appsAbove(disp, abs) {
		owned := false
		for _, p := range app.Projects {
			owned = owned || inside(p.Path)
		}
		for _, s := range app.Sources {
			owned = owned || inside(s.Path)
		}
		if owned {
			d.apps[d.ix.key(app.Manifest)] = app
		}
	}
}

// appsAbove discovers the Apps of the tree that holds the path at abs (see
// searchRoot), with display paths in the form the user gave disp.
func (d *discoverer) appsAbove(disp, abs string) []*App {
	root := d.searchRoot(abs)
	if root == "" {
		return nil
	}
	rootDisp := root
	if !filepath.IsAbs(disp) {
		if rel, err := filepath.Rel(d.ix.cwd, root); err == nil {
			rootDisp = rel
		}
	}
	return d.appsUnder(rootDisp, false)
}

// addFile finds the Apps that own a file: the tree from the repository root
// (or the outermost directory above it that holds a manifest, project or
// solution) is discovered, and every App whose manifest, projects or
// sources include the file is linted.
func (d *discoverer) addFile(disp string) error {
	abs := d.ix.absPath(disp)
	match := func(app *App) bool { return d.owns(app, pathKey(abs)) }
	if isSolutionName(disp) {
		match = d.solutionMatcher(disp)
	}
	var owners []*App
	for _, app := range d.appsAbove(disp, filepath.Dir(abs)) {
		if match(app) {
			owners = append(owners, app)
		}
	}
	if len(owners) == 0 && isManifestName(filepath.Base(disp)) {
		// A manifest named explicitly that no walk made an App (one in
		// bin/, a variant no project packages, a file that is not XML) is
		// still linted.
		owners = append(owners, d.appFor(disp, nil, true))
	}
	if len(owners) == 0 {
		d.skipped = append(d.skipped, disp)
		return nil
	}
	for _, a := range owners {
		d.apps[d.ix.key(a.Manifest)] = a
	}
	return nil
}

// solutionMatcher matches the Apps that hold a project the solution lists.
func (d *discoverer) solutionMatcher(sln string) func(*App) bool {
	listed := map[string]bool{}
	if data, err := readProjectBytes(sln); err == nil {
		for _, e := range parseSolution(data) {
			path := filepath.Join(filepath.Dir(sln), filepath.FromSlash(strings.ReplaceAll(e.path, `\`, "/")))
			if fixed, ok := d.ix.existingPath(path); ok {
				path = fixed
			}
			listed[d.ix.key(path)] = true
		}
	}
	return func(app *App) bool {
		for _, p := range app.Projects {
			if listed[d.ix.key(p.Path)] {
				return true
			}
		}
		return false
	}
}

// owns reports whether the file with the given key is the App's manifest,
// one of its projects or one of its sources. The set of keys is built once
// per App: a pre-commit hook may pass hundreds of files.
func (d *discoverer) owns(app *App, key string) bool {
	set, ok := d.appFiles[app]
	if !ok {
		set = map[string]bool{d.ix.key(app.Manifest): true}
		for _, p := range app.Projects {
			set[d.ix.key(p.Path)] = true
		}
		for _, s := range app.Sources {
			set[d.ix.key(s.Path)] = true
		}
		if d.appFiles == nil {
			d.appFiles = map[*App]map[string]bool{}
		}
		d.appFiles[app] = set
	}
	return set[key]
}

// searchRoot walks up from dir: the first directory holding .git is the
// root; without one, the outermost directory of the unbroken run of
// directories that directly hold a manifest, project or solution file,
// starting from the nearest one. "" when there is none.
func (d *discoverer) searchRoot(dir string) string {
	if root, ok := d.roots[dir]; ok {
		return root
	}
	root := d.findSearchRoot(dir)
	if d.roots == nil {
		d.roots = map[string]string{}
	}
	d.roots[dir] = root
	return root
}

func (d *discoverer) findSearchRoot(dir string) string {
	outermost := ""
	shared := sharedDirs()
	for {
		entries, _ := os.ReadDir(dir)
		holds := false
		for _, e := range entries {
			name := e.Name()
			if name == ".git" {
				return dir
			}
			if isManifestName(name) || isProjectName(name) || isSolutionName(name) {
				// A manifest or project dropped straight into the temp
				// or home directory roots no solution: every file
				// checked below it would join one App with everything
				// else there.
				holds = !shared[filepath.Clean(dir)]
			}
		}
		if holds {
			outermost = dir
		} else if outermost != "" {
			// Outside a git repository the solution ends at the first
			// directory above it that holds no manifest, project or
			// solution: a stray manifest in a home or temp directory higher
			// up must not make a pre-commit run walk the whole disk.
			return outermost
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return outermost
		}
		dir = parent
	}
}

// sharedDirs are the directories many unrelated trees live in: the
// temporary directory and the user's home.
func sharedDirs() map[string]bool {
	out := map[string]bool{filepath.Clean(os.TempDir()): true}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		out[filepath.Clean(home)] = true
	}
	return out
}

// appsUnder discovers every App whose manifest lies below root. When keep is
// true they join the result.
func (d *discoverer) appsUnder(rootDisp string, keep bool) []*App {
	key := d.ix.key(rootDisp)
	apps, done := d.rootApps[key]
	if !done {
		tree := d.ix.tree(rootDisp)
		if tree != nil {
			d.preparse(tree)
			d.addNamedManifests(tree)
			d.readSolutions(tree)
			d.listSourcesAhead()
			d.checkContentAhead(tree)
			tree.collect(func(n *dirNode) {
				for _, m := range n.manifests {
					app := d.appFor(m, tree, false)
					if app == nil {
						continue
					}
					apps = append(apps, app)
					if keep {
						d.hand(app)
					}
				}
			})
		}
		d.rootApps[key] = apps
	}
	if keep {
		for _, a := range apps {
			d.apps[d.ix.key(a.Manifest)] = a
			d.hand(a)
		}
	}
	return apps
}

// addNamedManifests adds to the tree's directories the manifests their
// projects name in <AppxManifest Include> under a name the walk does not
// take for a manifest ("AppManifest.xml"): the project says what it
// packages, whatever the file is called.
func (d *discoverer) addNamedManifests(tree *dirNode) {
	var discard noteBuffer // the App that uses the project notes its items
	tree.collect(func(n *dirNode) {
		for _, path := range n.projects {
			p := d.projects[d.ix.key(path)]
			if pre := d.parsed[path]; p == nil && pre != nil {
				p = pre.p
			}
			if p == nil {
				continue
			}
			for _, it := range p.items {
				if it.kind != "manifest" {
					continue
				}
				for _, v := range p.valuesNoted(d.ix, &discard, it) {
					base := filepath.Base(v)
					if isManifestName(base) || !strings.EqualFold(filepath.Ext(base), ".xml") {
						continue
					}
					node := d.ix.byDisp[filepath.Dir(v)]
					if node == nil || !slices.Contains(node.files, base) || slices.Contains(node.manifests, v) {
						continue
					}
					node.manifests = append(node.manifests, v)
					node.manifestsBelow++
				}
			}
		}
	})
}

// checkContentAhead runs notXML, in parallel, on the tree's manifests.
func (d *discoverer) checkContentAhead(tree *dirNode) {
	var manifests []string
	tree.collect(func(n *dirNode) { manifests = append(manifests, n.manifests...) })
	verdicts := make([]string, len(manifests))
	parallel.For(len(manifests), runtime.NumCPU(), func(i int) { verdicts[i] = notXML(manifests[i]) })
	if d.contentChecked == nil {
		d.contentChecked = map[string]string{}
	}
	for i, m := range manifests {
		d.contentChecked[d.ix.key(m)] = verdicts[i]
	}
}

// readSolutions records, for every project a .sln lists, the solution's
// directory ($(SolutionDir)) and parses the project so that projects the
// solution keeps outside the walked tree are known too.
func (d *discoverer) readSolutions(tree *dirNode) {
	tree.collect(func(n *dirNode) {
		for _, sln := range n.solutions {
			if _, done := d.slns[sln]; done {
				continue
			}
			entries, configs, err := d.solution(sln)
			if err != nil {
				d.ix.note(sln, 0, "cannot read solution: %v", unwrapPathError(err))
				continue
			}
			info := &slnInfo{configs: configs, guids: map[string]string{}}
			for _, e := range entries {
				path := filepath.Join(filepath.Dir(sln), filepath.FromSlash(strings.ReplaceAll(e.path, `\`, "/")))
				if !isProjectName(path) {
					continue
				}
				p := d.project(path, e.line, sln)
				if p == nil {
					continue
				}
				if p.solutionDir == "" {
					p.solutionDir = filepath.Dir(sln)
				}
				info.projects = append(info.projects, p.Path)
				k := d.ix.key(p.Path)
				info.guids[k] = e.guid
				d.slnOf[k] = append(d.slnOf[k], sln)
			}
			d.slns[sln] = info
		}
	})
}

// slnInfo is what grouping keeps of a solution: the projects it lists,
// their GUIDs (by project key) and its configurations.
type slnInfo struct {
	projects []string
	guids    map[string]string
	configs  slnConfigs
}

// solution returns the entries and configurations of a solution file,
// read ahead or now.
func (d *discoverer) solution(sln string) ([]slnEntry, slnConfigs, error) {
	if r := d.solutions[sln]; r != nil {
		return r.entries, r.configs, r.err
	}
	data, err := readProjectBytes(sln)
	if err != nil {
		return nil, slnConfigs{}, err
	}
	return parseSolution(data), parseSolutionConfigs(data), nil
}

// project parses (once) the project at disp; from/line say who pointed at
// it, for the Note when it is missing.
func (d *discoverer) project(disp string, line int, from string) *projectFile {
	key := d.ix.key(disp)
	if p, ok := d.projects[key]; ok {
		return p
	}
	p, importNotes, err := d.readOrTake(disp)
	if errors.Is(err, fs.ErrNotExist) {
		if fixed, ok := d.ix.existingPath(disp); ok {
			if p, ok := d.projects[d.ix.key(fixed)]; ok {
				d.projects[key] = p
				return p
			}
			// read ahead under the path the walk found it by (a
			// solution that spells it in another case)
			disp = fixed
			p, importNotes, err = d.readOrTake(disp)
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && from != "" {
			d.ix.add(newNote(from, line, "referenced project %s does not exist", disp).about(noteMissingProject, disp))
		} else if le, ok := err.(*lineError); ok {
			d.ix.note(disp, le.line, "malformed project file: %v", le.err)
		} else {
			d.ix.note(disp, 0, "cannot read project file: %v", err)
		}
		d.projects[key] = nil
		return nil
	}
	d.projects[key] = p
	d.projects[d.ix.key(disp)] = p
	d.ix.notes = append(d.ix.notes, importNotes...)
	return p
}

// readOrTake is the project read ahead by the display path disp (see
// takeParsed), or read and parsed now, with its imports' Notes.
func (d *discoverer) readOrTake(disp string) (*projectFile, []Note, error) {
	if pre, ok := d.takeParsed(disp); ok {
		return pre.p, pre.notes, pre.err
	}
	p, err := readProjectFile(disp)
	if err != nil {
		return nil, nil, err
	}
	return p, p.loadImports(d.ix), nil
}

// appFor groups one manifest with its project(s) and sources, or returns
// nil when the manifest is not an App (see ownership and notXML; the
// reason is a Note and a SkippedManifest). walkRoot is the tree the
// manifest was found in (nil for a manifest named on its own). A manifest
// named explicitly (explicit) is always an App.
func (d *discoverer) appFor(manifest string, walkRoot *dirNode, explicit bool) *App {
	key := d.ix.key(manifest)
	if a, ok := d.formed[key]; ok {
		return a
	}
	if _, skipped := d.skippedManifests[key]; skipped && !explicit {
		return nil
	}
	if !explicit && templateFragment(filepath.Base(manifest)) != "" {
		d.skipManifestNoted(manifest, templateFragmentReason, templateFragmentNote(manifest, "an App"))
		return nil
	}
	dir := filepath.Dir(manifest)
	var v verdict
	if reason, ok := d.contentChecked[key]; ok {
		v.skip = reason
	} else {
		v.skip = notXML(manifest)
	}
	if v.skip == "" {
		v = d.ownership(manifest, dir)
	}
	if v.skip == "" && v.owner == nil {
		// No project packages it, so nothing but its name says it is an
		// app manifest; a root other than <Package> says it is not (a
		// fragment merged into one, another tool's XML). A project that
		// packages such a file fails to build: that is BG001's.
		if root := rootElement(manifest); root != "" && root != "Package" {
			v.skip = fmt.Sprintf("its root element is <%s>, not <Package>, and no project packages it", root)
		} else if recipe := d.buildRecipeBeside(dir); recipe != "" {
			v.skip = fmt.Sprintf("a copy a build generated: its folder holds %s, the layout recipe Visual Studio writes beside the manifest it builds, and no project packages it", recipe)
		}
	}
	if v.skip != "" && !explicit {
		d.skipManifest(manifest, v.skip)
		return nil
	}
	app := &App{Manifest: manifest}
	d.formed[key] = app
	if v.skip != "" {
		// named on the command line: linted with the project beside it, if any
		app.Owner = OwnerExplicit
		v = verdict{owner: d.besideProject(dir)}
	}
	switch {
	case v.owner != nil:
		if app.Owner == "" {
			app.Owner = OwnerProject
		}
		app.Configurations = v.configs
		if len(v.configs) > 0 {
			d.ix.note(manifest, 0, "packaged by %s only under %s", filepath.Base(v.owner.Path), strings.Join(v.configs, ", "))
		}
		app.Universe = d.universeFor(v.owner, dir, walkRoot)
		app.Project = v.owner.Path
		d.groupProjects(app, []*projectFile{v.owner})
	default:
		if walkRoot == nil && explicit {
			if root := d.searchRoot(d.ix.absPath(dir)); root != "" {
				walkRoot = d.ix.lookup(root)
			}
		}
		owner := d.linkProjectless(app, manifest, walkRoot)
		if app.Owner == "" {
			app.Owner = owner
		}
		if owner == OwnerFallback && v.nearby != "" {
			// A project close above the manifest and yet none packages it:
			// the App is only the files around the manifest, which the
			// user may not expect (a project layout bgmanifest does not know).
			d.ix.note(manifest, 0, "no project packages this manifest: %s; it is linted only with the %s of its folder and the folders beside it",
				v.nearby, count(len(app.Sources), "source file"))
		}
	}
	sortSources(app.Sources)
	app.SourcesFound = len(app.Sources) > 0
	if app.Projects == nil {
		app.Projects = []*Project{}
	}
	return app
}

// besideProject picks, for a manifest named on the command line that no
// project packages, the project in its folder to lint it with: the
// packaging project, else an app, else the first; nil when there is none.
func (d *discoverer) besideProject(dir string) *projectFile {
	candidates := d.projectsIn(dir)
	for _, want := range []ProjectKind{KindPackaging, KindApp} {
		for _, p := range candidates {
			if p.Kind == want {
				return p
			}
		}
	}
	if len(candidates) > 0 {
		return candidates[0]
	}
	return nil
}

// buildRecipeBeside returns the name of a *.appxrecipe file in dir, "" when
// there is none. Visual Studio writes one beside each manifest it
// generates; C++ projects build into $(SolutionDir)$(Configuration)\Name\,
// a folder no name marks as build output (audit 26: andiwi/wallpaperchangeApp
// commits Debug\WallpaperChangeApp\AppxManifest.xml).
func (d *discoverer) buildRecipeBeside(dir string) string {
	n := d.ix.lookup(dir)
	if n == nil {
		return ""
	}
	for _, f := range n.files {
		if len(f) > len(".appxrecipe") && strings.EqualFold(f[len(f)-len(".appxrecipe"):], ".appxrecipe") {
			return f
		}
	}
	return ""
}

// skipManifest records a manifest that is not an App, and why.
func (d *discoverer) skipManifest(manifest, reason string) {
	d.skipManifestNoted(manifest, reason, newNote(manifest, 0, "not an App: %s", reason))
}

// skipManifestNoted is skipManifest with the Note to give.
func (d *discoverer) skipManifestNoted(manifest, reason string, n Note) {
	key := d.ix.key(manifest)
	if _, done := d.skippedManifests[key]; done {
		return
	}
	d.skippedManifests[key] = SkippedManifest{Path: manifest, Reason: reason}
	d.ix.add(n)
}

// groupProjects adds the owner and every project it links, transitively
// (breadth first, each once), with their sources; the App's references
// are known when every project's are, and its packages are theirs.
func (d *discoverer) groupProjects(app *App, roots []*projectFile) {
	app.ReferencesKnown = true
	var packages [][]string
	seenProject := map[string]bool{}
	// The sources are added once every project is listed: the App's list
	// is then allocated once, at its size, instead of doubling through a
	// thousand Apps.
	type listed struct {
		p       *projectFile
		dir     string
		sources []listedSource
	}
	var lists []listed
	total := len(app.Sources)
	queue := append([]*projectFile(nil), roots...)
	for _, r := range roots {
		seenProject[d.ix.key(r.Path)] = true
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		l := d.linksOf(p, app.Universe)
		d.ix.notes = append(d.ix.notes, l.notes...)
		setLinks(p, l)
		app.ReferencesKnown = app.ReferencesKnown && l.known
		packages = append(packages, l.packages)
		app.Projects = append(app.Projects, p.Project)
		sources, missing := d.sourcePaths(p)
		app.MissingSources += missing
		lists = append(lists, listed{p, filepath.Dir(p.Path) + string(filepath.Separator), sources})
		total += len(sources)
		for _, link := range l.links {
			abs := d.ix.key(link.Path)
			if seenProject[abs] {
				continue
			}
			seenProject[abs] = true
			if rp := d.project(link.Path, link.Line, p.Path); rp != nil {
				if rp.solutionDir == "" {
					rp.solutionDir = p.solutionDir
				}
				queue = append(queue, rp)
			} else {
				app.ReferencesKnown = false
			}
		}
	}
	seenSource := make(map[string]bool, total)
	for _, s := range app.Sources {
		seenSource[d.ix.key(s.Path)] = true
	}
	app.Sources = slices.Grow(app.Sources, total-len(app.Sources))
	for _, l := range lists {
		for _, s := range l.sources {
			if seenSource[s.key] || s.excluded {
				continue
			}
			seenSource[s.key] = true
			app.Sources = append(app.Sources, registration.SourceFile{
				Path: s.path, Language: s.lang, Project: l.p.Path, RootNamespace: l.p.RootNamespace,
				Linked: !strings.HasPrefix(s.path, l.dir), Component: l.p.Kind == KindWinRTComponent,
			})
		}
	}
	app.Packages = appPackages(packages)
}

// fallback forms an App without project files: the manifest's directory
// and its sibling directories (App/ beside Tasks/), leaving out sibling
// trees that hold another manifest (they are Apps of their own). A manifest
// at the walk root has no siblings in the walk: its own tree is the App.
func (d *discoverer) fallback(app *App, dir string, walkRoot *dirNode) {
	own := d.ix.lookup(dir)
	if own == nil {
		return
	}
	var trees []*dirNode
	parent := d.ix.lookup(filepath.Dir(dir))
	if own == walkRoot || parent == nil || dir == filepath.Dir(dir) {
		trees = []*dirNode{own}
	} else {
		for _, sib := range parent.children {
			if sib == own || sib.manifestsBelow == 0 {
				trees = append(trees, sib)
			}
		}
	}
	d.addTreeSources(app, trees)
}

// addTreeSources adds the source files below the trees that the App does
// not have yet, without a project.
func (d *discoverer) addTreeSources(app *App, trees []*dirNode) {
	seen := map[string]bool{}
	for _, s := range app.Sources {
		seen[s.Path] = true // linked by a project already
	}
	for _, t := range trees {
		t.collect(func(n *dirNode) {
			for _, s := range n.sources {
				if seen[s] {
					continue
				}
				seen[s] = true
				lang, _ := languageOf(s)
				app.Sources = append(app.Sources, registration.SourceFile{Path: s, Language: lang})
			}
		})
	}
}

// relevantNote filters the Notes when only files were given: the whole
// repository was discovered to find their owners, but only the Notes about
// the owning Apps' manifests, projects and imported project files concern
// the user.
func (d *discoverer) relevantNote() func(Note) bool {
	if d.wholeTree {
		return func(Note) bool { return true }
	}
	related := map[string]bool{}
	for _, a := range d.apps {
		related[d.ix.key(a.Manifest)] = true
		// A project beside the manifest that could not be parsed explains
		// why the App fell back to its directory.
		related[d.ix.key(filepath.Dir(a.Manifest))] = true
		for _, p := range a.Projects {
			related[d.ix.key(p.Path)] = true
			if pf := d.projects[d.ix.key(p.Path)]; pf != nil {
				for _, imp := range pf.imports {
					related[d.ix.key(imp)] = true
				}
			}
		}
	}
	return func(n Note) bool { return related[d.ix.key(n.Path)] || related[d.ix.key(filepath.Dir(n.Path))] }
}

// shorten rewrites a relative path into its shortest form from the
// working directory: walking from the repository root above it gives
// "../../app/App.csproj" where "App.csproj" names the same file.
func (d *discoverer) shorten(p string) string {
	if p == "" || filepath.IsAbs(p) || !strings.HasPrefix(p, "..") {
		return p
	}
	if rel, err := filepath.Rel(d.ix.cwd, filepath.Join(d.ix.cwd, p)); err == nil {
		return rel
	}
	return p
}

// shortenPaths applies shorten to every path of the result.
func (d *discoverer) shortenPaths(r *Result) {
	// An App may be in a caller's hands already (Options.OnApp): a path is
	// written only when it changes, and it changes only for walks from
	// above the working directory, whose Apps are not handed over early
	// (lint streams directory arguments that do not start with "..").
	shorten := func(p *string) {
		if s := d.shorten(*p); s != *p {
			*p = s
		}
	}
	done := map[*Project]bool{}
	shortenProject := func(p *Project) {
		if done[p] {
			return
		}
		done[p] = true
		shorten(&p.Path)
		for i := range p.References {
			shorten(&p.References[i])
		}
		for i := range p.Links {
			shorten(&p.Links[i].Path)
		}
	}
	shortenSources := func(s []registration.SourceFile) {
		for i := range s {
			shorten(&s[i].Path)
			shorten(&s[i].Project)
		}
	}
	universes := map[*Universe]bool{}
	for _, a := range r.Apps {
		shorten(&a.Manifest)
		shorten(&a.Project)
		for _, p := range a.Projects {
			shortenProject(p)
		}
		shortenSources(a.Sources)
		for _, u := range []*Universe{a.Universe, a.Universe.repository()} {
			if u == nil || universes[u] {
				continue
			}
			universes[u] = true
			renamed := false
			for path, s := range u.Sources {
				shortenSources(s)
				renamed = renamed || d.shorten(path) != path
			}
			if renamed {
				// a new map only when a key changes: the checks of Apps
				// handed over already read this one (SourcesOf)
				sources := make(map[string][]registration.SourceFile, len(u.Sources))
				for path, s := range u.Sources {
					sources[d.shorten(path)] = s
				}
				u.Sources = sources
			}
			for _, p := range u.Projects {
				shortenProject(p)
			}
		}
	}
	for i := range r.Notes {
		r.Notes[i].Path = d.shorten(r.Notes[i].Path)
	}
	for i := range r.Skipped {
		r.Skipped[i] = d.shorten(r.Skipped[i])
	}
	for i := range r.SkippedManifests {
		r.SkippedManifests[i].Path = d.shorten(r.SkippedManifests[i].Path)
	}
}

func (d *discoverer) result() *Result {
	r := &Result{Apps: []*App{}}
	for _, a := range d.apps {
		r.Apps = append(r.Apps, a)
	}
	sort.Slice(r.Apps, func(i, j int) bool { return r.Apps[i].Manifest < r.Apps[j].Manifest })
	seen := map[Note]bool{}
	relevant := d.relevantNote()
	for _, n := range d.ix.notes {
		if !seen[n] && relevant(n) {
			seen[n] = true
			r.Notes = append(r.Notes, n)
		}
	}
	r.Notes = groupNotes(r.Notes)
	r.Skipped = dedupSorted(d.skipped)
	relevantManifest := d.relevantNote()
	for _, s := range d.skippedManifests {
		if relevantManifest(Note{Path: s.Path}) {
			r.SkippedManifests = append(r.SkippedManifests, s)
		}
	}
	d.shortenPaths(r)
	sort.Slice(r.Apps, func(i, j int) bool { return r.Apps[i].Manifest < r.Apps[j].Manifest })
	sort.Slice(r.SkippedManifests, func(i, j int) bool { return r.SkippedManifests[i].Path < r.SkippedManifests[j].Path })
	sort.SliceStable(r.Notes, func(i, j int) bool {
		if r.Notes[i].Path != r.Notes[j].Path {
			return r.Notes[i].Path < r.Notes[j].Path
		}
		return r.Notes[i].Line < r.Notes[j].Line
	})
	for _, a := range r.Apps {
		// sorted when formed; sorting again would write to an App a
		// caller may be reading (Options.OnApp)
		if !sourcesSorted(a.Sources) {
			sortSources(a.Sources)
		}
	}
	return r
}

// sortSources orders an App's sources by path. Their paths are distinct
// (grouping keeps one per file), so no order among equals is at stake.
func sortSources(s []registration.SourceFile) {
	slices.SortFunc(s, func(a, b registration.SourceFile) int { return strings.Compare(a.Path, b.Path) })
}

func sourcesSorted(s []registration.SourceFile) bool {
	return slices.IsSortedFunc(s, func(a, b registration.SourceFile) int { return strings.Compare(a.Path, b.Path) })
}

// count writes "1 source file", "3 source files".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func dedupSorted(s []string) []string {
	sort.Strings(s)
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
