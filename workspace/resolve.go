package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// expandError names the MSBuild property or item expression that cannot be
// resolved statically.
type expandError struct{ expr string }

func (e *expandError) Error() string { return fmt.Sprintf("cannot resolve %s", e.expr) }

// expand replaces $(Property) references in an item value. Directory
// properties become absolute paths with a trailing separator, as MSBuild
// defines them; the project's own simple properties are substituted
// (recursively, with a depth limit against self-references).
func (p *projectFile) expand(ix *index, value, file string, depth int) (string, error) {
	if strings.Contains(value, "%(") || strings.Contains(value, "@(") {
		return "", &expandError{expr: value}
	}
	if depth > 8 {
		return "", &expandError{expr: value}
	}
	if !strings.Contains(value, "$(") {
		return value, nil // most items name a file plainly
	}
	var b strings.Builder
	for {
		i := strings.Index(value, "$(")
		if i < 0 {
			b.WriteString(value)
			return b.String(), nil
		}
		j := closingParen(value, i+1)
		if j < 0 {
			return "", &expandError{expr: value[i:]}
		}
		b.WriteString(value[:i])
		inner := strings.TrimSpace(value[i+2 : j])
		var v string
		var err error
		if strings.HasPrefix(inner, "[") {
			v, err = p.propertyFunction(ix, inner, file, depth)
		} else {
			v, err = p.property(ix, inner, file, depth)
		}
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		value = value[j+1:]
	}
}

// closingParen returns the index of the ')' matching the '(' at open,
// skipping '…'-quoted arguments; -1 when there is none.
func closingParen(s string, open int) int {
	depth := 0
	quoted := false
	for i := open; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// propertyFunction evaluates the static property functions projects use to
// locate shared folders, e.g. the Windows samples'
// $([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory), LICENSE)).
// Anything else (string methods, registry look-ups, chained calls) cannot
// be resolved.
func (p *projectFile) propertyFunction(ix *index, inner, file string, depth int) (string, error) {
	unresolved := &expandError{expr: "$(" + inner + ")"}
	end := strings.IndexByte(inner, ']')
	if end < 0 || !strings.HasPrefix(inner[end+1:], "::") {
		return "", unresolved
	}
	typ := strings.ToLower(strings.TrimSpace(inner[1:end]))
	rest := inner[end+3:]
	open := strings.IndexByte(rest, '(')
	if open < 0 {
		return "", unresolved
	}
	method := strings.ToLower(strings.TrimSpace(rest[:open]))
	closeAt := closingParen(rest, open)
	if closeAt < 0 || strings.TrimSpace(rest[closeAt+1:]) != "" {
		return "", unresolved
	}
	var args []string
	for _, raw := range splitArgs(rest[open+1 : closeAt]) {
		v, err := p.expand(ix, raw, file, depth+1)
		if err != nil {
			return "", err
		}
		args = append(args, filepath.FromSlash(strings.ReplaceAll(v, `\`, "/")))
	}
	sep := string(filepath.Separator)
	join := func(parts []string) string {
		if len(parts) == 0 {
			return ""
		}
		return filepath.Join(parts...)
	}
	switch typ + "::" + method {
	case "msbuild::getdirectorynameoffileabove":
		if len(args) == 2 {
			return ix.fileAbove(ix.absPath(args[0]), args[1], false), nil
		}
	case "msbuild::getpathoffileabove":
		start := ix.absPath(filepath.Dir(file))
		if len(args) == 2 {
			start = ix.absPath(args[1])
		}
		if len(args) == 1 || len(args) == 2 {
			return ix.fileAbove(start, args[0], true), nil
		}
	case "msbuild::normalizedirectory", "msbuild::ensuretrailingslash":
		return strings.TrimSuffix(join(args), sep) + sep, nil
	case "msbuild::normalizepath", "system.io.path::combine":
		return join(args), nil
	}
	return "", unresolved
}

// splitArgs splits a property function's argument list at top-level commas
// and removes the quotes around each argument.
func splitArgs(s string) []string {
	var out []string
	depth, start := 0, 0
	quoted := false
	flush := func(end int) {
		a := strings.TrimSpace(s[start:end])
		if len(a) >= 2 && a[0] == '\'' && a[len(a)-1] == '\'' {
			a = a[1 : len(a)-1]
		}
		out = append(out, a)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			flush(i)
			start = i + 1
		}
	}
	if strings.TrimSpace(s) != "" {
		flush(len(s))
	}
	return out
}

// fileAbove looks for name in dir and its parents, as MSBuild's
// GetDirectoryNameOfFileAbove / GetPathOfFileAbove do: the directory (or the
// file's path) when found, "" when not.
func (ix *index) fileAbove(dir, name string, wantPath bool) string {
	// every project of a repository asks the same question, once per
	// item that spells the property: remembered per directory and name
	return ix.above.get(fileAboveKey{dir, name, wantPath}, func() string { return ix.findAbove(dir, name, wantPath) })
}

type fileAboveKey struct {
	dir, name string
	wantPath  bool
}

func (ix *index) findAbove(dir, name string, wantPath bool) string {
	for {
		candidate := filepath.Join(dir, name)
		if ix.exists(candidate) {
			if wantPath {
				return candidate
			}
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// exists reports whether a file is at path, from the walk when it knows
// the directory, else from os.Stat, asked once per path per discovery:
// every project of Windows-universal-samples
// looks for the LICENSE above it, four directories up, which was a third
// of the run's failed stat calls.
func (ix *index) exists(path string) bool {
	switch ix.fileAtAbs(path) {
	case fileExists:
		return true
	case fileMissing:
		return false // (MSBuild looks for a file: a directory would not do either)
	}
	return ix.stats.get(path, func() bool {
		_, err := os.Stat(path)
		return err == nil
	})
}

func (p *projectFile) property(ix *index, name, file string, depth int) (string, error) {
	lower := strings.ToLower(strings.TrimSpace(name))
	if depth > 0 || p.listing == nil {
		return p.propertyNow(ix, lower, name, file, depth)
	}
	key := propertyKey{lower, file}
	if r, ok := p.listing[key]; ok {
		return r.value, r.err
	}
	v, err := p.propertyNow(ix, lower, name, file, depth)
	p.listing[key] = propertyResult{v, err}
	return v, err
}

// propertyKey and propertyResult memoise the properties an item of the
// project's source list names (see sourcePathsWith): Visual Studio's
// shared items all start with $(MSBuildThisFileDirectory), and a C++
// project's with $(ProjectDir) or $(SolutionDir).
type propertyKey struct{ lower, file string }

type propertyResult struct {
	value string
	err   error
}

// propertyNow is property without the memo; lower is the name in lower
// case.
func (p *projectFile) propertyNow(ix *index, lower, name, file string, depth int) (string, error) {
	withSep := func(disp string) string { return ix.absPath(disp) + string(filepath.Separator) }
	switch lower {
	case "msbuildthisfiledirectory":
		return withSep(filepath.Dir(file)), nil
	case "msbuildprojectdirectory":
		return ix.absPath(p.dir), nil
	case "projectdir":
		return withSep(p.dir), nil
	case "solutiondir":
		p.solutionDirRead = true
		if p.solutionDir != "" {
			return withSep(p.solutionDir), nil
		}
	case "msbuildprojectname", "projectname":
		base := filepath.Base(p.Path)
		return strings.TrimSuffix(base, filepath.Ext(base)), nil
	default:
		if v, ok := p.props[lower]; ok {
			return p.expand(ix, v.value, v.file, depth+1)
		}
	}
	return "", &expandError{expr: "$(" + name + ")"}
}

// itemPath turns an expanded item value into a display path: relative
// values are relative to the project directory; absolute ones (from
// directory properties) are made relative to the working directory again
// when the user gave relative paths.
func (p *projectFile) itemPath(ix *index, expanded string) string {
	v := filepath.FromSlash(strings.ReplaceAll(strings.TrimSpace(expanded), `\`, "/"))
	if !filepath.IsAbs(v) {
		return filepath.Join(p.dir, v)
	}
	if filepath.IsAbs(p.dir) {
		return filepath.Clean(v)
	}
	if rel, err := filepath.Rel(ix.cwd, v); err == nil {
		return rel
	}
	return filepath.Clean(v)
}

// values splits an item attribute into its ';'-separated parts and resolves
// each to a display path; parts that cannot be resolved become Notes.
func (p *projectFile) values(ix *index, it item) []string { return p.valuesNoted(ix, ix, it) }

// valuesNoted is values with the Notes going to n.
func (p *projectFile) valuesNoted(ix *index, n noter, it item) []string {
	var out []string
	for rest, more := it.value, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, ";")
		if strings.TrimSpace(part) == "" {
			continue
		}
		if generatedOutput(part) {
			continue // build output (module.g.cpp, XamlTypeInfo.g.cs): not in the tree, not the user's code
		}
		exp, err := p.expand(ix, part, it.file, 0)
		if err != nil {
			n.add(newNote(it.file, it.line, "%v in %q; item skipped", err, part).about(noteUnresolved, unresolvedExpr(err)))
			continue
		}
		out = append(out, p.itemPath(ix, msbuildUnescape(exp)))
	}
	return out
}

// msbuildUnescape decodes MSBuild's %XX escapes (two hex digits) in an
// item's value, as MSBuild does when it uses the value as a path: Visual
// Studio writes "Template10 (Library).csproj" as "Template10
// %28Library%29.csproj". The value is split at ';' first, so an escaped
// %3B stays inside its part. A '%' not followed by two hex digits stays.
func msbuildUnescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if hi, lo := unhex(s[i+1]), unhex(s[i+2]); hi >= 0 && lo >= 0 {
				b.WriteByte(byte(hi<<4 | lo))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// buildOutputProps are MSBuild properties that point into build output.
var buildOutputProps = []string{"$(generatedfilesdir)", "$(intdir)", "$(outdir)", "$(intermediateoutputpath)", "$(baseintermediateoutputpath)", "$(outputpath)"}

// generatedOutput reports an item in build output: under one of
// buildOutputProps, or under C++/WinRT's "Generated Files" folder
// (GeneratedFilesDir's default), which projects also spell literally
// (<ClCompile Include="Generated Files\module.g.cpp"/>). The build
// writes those files; a checkout does not have them.
func generatedOutput(value string) bool {
	trimmed := strings.TrimSpace(value)
	if hasFolderFold(trimmed, "generated files") {
		return true
	}
	if !strings.HasPrefix(trimmed, "$(") {
		return false
	}
	for _, p := range buildOutputProps {
		if len(trimmed) >= len(p) && equalFoldASCII(trimmed[:len(p)], p) {
			return true
		}
	}
	return false
}

// hasFolderFold reports whether path (either separator) has a folder
// named word (lower-case ASCII), its ASCII letters in any case, followed
// by a separator. Every project item is asked, so nothing is lower-cased
// or copied. Only ASCII letters fold, as in MSBuild's property names and
// Windows' folder names: "FİLES" (a dotted capital I) is not "files",
// though Go's strings.ToLower would make it so.
func hasFolderFold(path, word string) bool {
	for i := 0; i+len(word) < len(path); i++ {
		if (i == 0 || isSlash(path[i-1])) && isSlash(path[i+len(word)]) && equalFoldASCII(path[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

// equalFoldASCII reports whether s equals lower (lower-case ASCII) with
// ASCII letters of s in any case.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// loadImports reads the files the project imports that belong to the
// repository: shared-project item files (.projitems), .props and .targets
// with items or properties, and the Directory.Build.props MSBuild imports
// implicitly. Imports of the build tools ($(VCTargetsPath)…, SDK targets)
// cannot be resolved and are passed over silently; a shared project that
// cannot be read is a Note, since its sources are missing from the App.
// The Notes are returned, not recorded: projects are read in parallel, and
// their Notes join the index when the project is first used.
func (p *projectFile) loadImports(ix *index) []Note {
	var notes []Note
	note := func(path string, line int, format string, args ...any) {
		notes = append(notes, newNote(path, line, format, args...))
	}
	p.readPackagesConfig(ix)
	seen := map[string]bool{ix.key(p.Path): true}
	if dbp := ix.directoryBuildProps(ix.absPath(p.dir)); dbp != "" {
		// First, as MSBuild imports it before the project body: the
		// project's other imports may use its properties.
		p.items = append([]item{{kind: "import", value: dbp, file: p.Path}}, p.items...)
	}
	for i := 0; i < len(p.items); i++ {
		it := p.items[i]
		if it.kind != "import" {
			continue
		}
		shared := strings.HasSuffix(strings.ToLower(it.value), ".projitems")
		exp, err := p.expand(ix, it.value, it.file, 0)
		if err != nil || strings.ContainsAny(exp, "*?") {
			if shared {
				note(it.file, it.line, "%v in %q; shared project skipped", err, it.value)
			}
			continue
		}
		if strings.TrimSpace(exp) == "" {
			// The value evaluates to nothing (a GetDirectoryNameOfFileAbove
			// that finds no file): MSBuild would fail on such an import, so
			// the Condition, which is not evaluated here, keeps it out.
			continue
		}
		path := p.itemPath(ix, exp)
		fixed, ok := ix.existingPath(path)
		if !ok {
			if shared {
				note(it.file, it.line, "imported shared project %s does not exist", path)
			}
			continue
		}
		if seen[ix.key(fixed)] {
			continue
		}
		seen[ix.key(fixed)] = true
		p.imports = append(p.imports, fixed)
		data, err := readProjectBytes(fixed)
		if err != nil {
			note(it.file, it.line, "cannot read imported %s: %v", path, unwrapPathError(err))
			continue
		}
		if err := p.readImport(fixed, data); err != nil {
			note(fixed, lineOf(err), "malformed project file: %v", err)
		}
	}
	// every property is read now
	p.windowsTarget = p.windowsTarget || p.windowsTargetNamed()
	return notes
}

// directoryBuildProps finds the Directory.Build.props MSBuild imports into
// every project below it: the nearest one at or above dir (absolute). The
// answer is remembered per directory: sibling projects share their parents.
func (ix *index) directoryBuildProps(dir string) string {
	return ix.dbp.get(dir, func() string {
		candidate := filepath.Join(dir, "Directory.Build.props")
		switch ix.fileAtAbs(candidate) {
		case fileExists:
			return candidate
		case fileUnknown:
			if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
				return candidate
			}
		}
		if parent := filepath.Dir(dir); parent != dir {
			return ix.directoryBuildProps(parent)
		}
		return ""
	})
}

func (p *projectFile) readImport(path string, data []byte) error {
	root, release, err := readXMLTreeReuse(decodeText(data))
	defer release() // readElements keeps strings, no element
	if err != nil {
		return err
	}
	if root == nil {
		return &lineError{line: 1, err: fmt.Errorf("no root element")}
	}
	var mp msbuildProps
	p.readElements(root, path, &mp)
	return nil
}

func lineOf(err error) int {
	if le, ok := err.(*lineError); ok {
		return le.line
	}
	return 0
}

// sourcePaths lists the project's source files: the SDK default globs
// minus Compile Remove, plus every explicit source item (links outside the
// project directory and wildcards included).
func (p *projectFile) sourcePaths(ix *index) []string { return p.sourcePathsWith(ix, ix, ix.tree) }

// sourcePathsWith is sourcePaths with the Notes going to n and the walked
// directories coming from tree.
func (p *projectFile) sourcePathsWith(ix *index, n noter, tree func(string) *dirNode) []string {
	// The project's properties are final here: what an item's
	// $(Property) expands to can be kept for the next item.
	p.listing = map[propertyKey]propertyResult{}
	defer func() { p.listing = nil }()
	seen := map[string]bool{}
	var out []string
	add := func(path string) {
		if _, ok := languageOf(path); !ok || seen[path] {
			return
		}
		seen[path] = true
		out = append(out, path)
	}
	var removes []string
	for _, it := range p.items {
		if it.kind == "remove" && p.removeApplies(ix, it) {
			removes = append(removes, p.valuesNoted(ix, n, it)...)
		}
	}
	removed := func(path string) bool {
		for _, r := range removes {
			if matchPath(r, path) {
				return true
			}
		}
		return false
	}
	if p.defaultSrc {
		ext := ".cs"
		if p.Language == "vb" {
			ext = ".vb"
		}
		if root := tree(p.dir); root != nil {
			root.collect(func(d *dirNode) {
				for _, s := range d.sources {
					if strings.EqualFold(filepath.Ext(s), ext) && !removed(s) {
						add(s)
					}
				}
			})
		}
	}
	for _, it := range p.items {
		if it.kind != "source" {
			continue
		}
		var excludes []string
		if it.exclude != "" {
			excludes = p.valuesNoted(ix, n, item{value: it.exclude, file: it.file, line: it.line})
		}
		for _, v := range p.valuesNoted(ix, n, it) {
			for _, path := range p.expandWildcard(ix, n, tree, v, it) {
				if !removed(path) && !matchesAny(excludes, path) {
					add(path)
				}
			}
		}
	}
	return out
}

// expandWildcard returns path itself when it has no wildcard (and exists),
// else the walked source files that match it.
func (p *projectFile) expandWildcard(ix *index, n noter, tree func(string) *dirNode, path string, it item) []string {
	slash := filepath.ToSlash(path)
	if !strings.ContainsAny(slash, "*?[{") {
		if _, ok := languageOf(path); !ok {
			// an image, a page, a style sheet: never read, so neither
			// looked for nor noted when missing (a JavaScript sample's
			// project lists dozens of them from a shared folder)
			return nil
		}
		if ix.fileAt(path) == fileExists {
			return []string{path}
		}
		fixed, info, ok := ix.existingFile(path)
		if !ok || info == nil || info.IsDir() {
			if !p.existsGuarded(ix, it, path) {
				n.add(newNote(it.file, it.line, "source file %s listed in the project does not exist", path).about(noteMissingSource, path))
			}
			return nil
		}
		return []string{fixed}
	}
	base, _ := doublestar.SplitPattern(slash)
	baseDir := filepath.FromSlash(base)
	if _, err := os.Stat(baseDir); err != nil {
		// Windows finds backgroundtasks\*.cs in a folder BackgroundTasks:
		// so does the walk, on a case-sensitive checkout too
		if fixed, info, ok := ix.existingFile(baseDir); ok && info != nil && info.IsDir() {
			baseDir = fixed
		} else if errors.Is(err, fs.ErrNotExist) {
			// a folder that is not there (a git submodule not checked
			// out): told as missing files are, at the item's line
			if !p.existsGuarded(ix, it, path) {
				n.add(newNote(it.file, it.line, "wildcard %s listed in the project finds nothing: folder %s does not exist", path, baseDir).about(noteMissingSource, path))
			}
			return nil
		}
	}
	root := tree(baseDir)
	if root == nil {
		return nil
	}
	var out []string
	pattern := normPath(path) // once, not once per source file
	root.collect(func(d *dirNode) {
		for _, s := range d.sources {
			if matchNormalized(pattern, s) {
				out = append(out, s)
			}
		}
	})
	return out
}

// matchPath matches an MSBuild pattern (already a display path) against a
// display path. MSBuild compares paths case-insensitively on Windows, where
// these projects are built, so case is ignored.
func matchPath(pattern, path string) bool {
	return matchNormalized(normPath(pattern), path)
}

// normPath is the form matchPath compares: clean, forward slashes, lower case.
func normPath(p string) string {
	return strings.ToLower(filepath.ToSlash(filepath.Clean(p)))
}

// matchNormalized is matchPath with the pattern already through normPath.
func matchNormalized(p, path string) bool {
	s := normPath(path)
	if p == s {
		return true
	}
	ok, err := doublestar.Match(p, s)
	return err == nil && ok
}

func matchesAny(patterns []string, path string) bool {
	for _, p := range patterns {
		if matchPath(p, path) {
			return true
		}
	}
	return false
}
