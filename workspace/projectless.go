package workspace

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

// linkProjectless forms the App of a manifest no project packages (DESIGN.md,
// "An App is…", item 4): the projects of the workspace whose sources
// declare a class the manifest names (an EntryPoint, an
// ActivatableClassId), with their references, plus the sources below the
// manifest's folder; else the folder fallback (the folder and its sibling
// folders). Sibling folders are left out of a linked App: a whole
// repository's code beside an installer folder would be read as the
// App's. It returns OwnerLinked or OwnerFallback.
func (d *discoverer) linkProjectless(app *App, manifest string, walkRoot *dirNode) Ownership {
	if walkRoot == nil {
		return OwnerFallback
	}
	dir := filepath.Dir(manifest)
	if uni := d.universeFor(nil, dir, walkRoot); uni != nil {
		if names := manifestClassNames(manifest); len(names) > 0 {
			var linked []*projectFile
			for _, up := range uni.Projects {
				p := d.projects[d.ix.key(up.Path)]
				if p != nil && d.declaresAny(uni.Sources[up.Path], names) {
					linked = append(linked, p)
				}
			}
			if len(linked) > 0 {
				app.Universe = uni
				d.groupProjects(app, linked)
				// The linked projects are the App's code; its own folder
				// may hold more (a script, a helper), its sibling folders
				// are other code.
				if own := d.ix.lookup(dir); own != nil {
					d.addTreeSources(app, []*dirNode{own})
				}
				return OwnerLinked
			}
		}
	}
	d.fallback(app, dir, walkRoot)
	return OwnerFallback
}

// classAttr finds the class names a manifest declares: extension entry
// points and activatable classes.
var classAttr = regexp.MustCompile(`(?:EntryPoint|ActivatableClassId)\s*=\s*["']([A-Za-z_][A-Za-z0-9_.]*)["']`)

// manifestClassNames returns the classes a manifest names, the app's own
// entry point included (it is the app project's class), as simple name →
// each namespace it is named in.
// Windows.FullTrustApplication is no class of the workspace.
func manifestClassNames(path string) map[string][]string {
	data, _, err := fileread.Limited(path, manifest.MaxFileSize)
	if err != nil || data == nil {
		return nil
	}
	names := map[string][]string{}
	for _, m := range classAttr.FindAllSubmatch(decodeText(data), -1) {
		full := string(m[1])
		dot := strings.LastIndexByte(full, '.')
		if full == "Windows.FullTrustApplication" || dot <= 0 {
			continue
		}
		names[full[dot+1:]] = append(names[full[dot+1:]], full[:dot])
	}
	return names
}

// declarations are the class names and namespace segments a file declares.
type declarations struct {
	classes, namespaces map[string]bool
}

// inNamespace reports whether every segment of the namespace ns is one the
// file declares or its project's RootNamespace holds (VB prefixes a file's
// namespaces with it; C++ nests namespace blocks).
func (decl declarations) inNamespace(ns, rootNamespace string) bool {
	root := strings.Split(rootNamespace, ".")
	for _, seg := range strings.Split(ns, ".") {
		if !decl.namespaces[seg] && !slices.Contains(root, seg) {
			return false
		}
	}
	return true
}

// declaresAny reports whether one of the files declares a class with one
// of the names in its namespace (see inNamespace). What each file declares
// is read once per run.
func (d *discoverer) declaresAny(files []registration.SourceFile, names map[string][]string) bool {
	for _, f := range files {
		decl, ok := d.declared[f.Path]
		if !ok {
			decl = declaredIn(f.Path)
			if d.declared == nil {
				d.declared = map[string]declarations{}
			}
			d.declared[f.Path] = decl
		}
		for class, namespaces := range names {
			if !decl.classes[class] {
				continue
			}
			for _, ns := range namespaces {
				if decl.inNamespace(ns, f.RootNamespace) {
					return true
				}
			}
		}
	}
	return false
}

// declaredIn is a cheap byte search for what a source file declares: the
// identifier after a "class" keyword (C#, C++/CX's ref class, VB's Class,
// any case) or IDL's runtimeclass, and the segments of the names after a
// "namespace" keyword. Comments and strings are not told apart: a false
// match links one project too many.
func declaredIn(path string) declarations {
	decl := declarations{classes: map[string]bool{}, namespaces: map[string]bool{}}
	data, _, err := fileread.Limited(path, registration.MaxFileSize)
	if err != nil || data == nil {
		return decl
	}
	lower := bytes.ToLower(data)
	scan := func(keyword string, word func(i int) bool, add func(string)) {
		for i := 0; ; {
			j := bytes.Index(lower[i:], []byte(keyword))
			if j < 0 {
				return
			}
			at := i + j
			i = at + len(keyword)
			if at > 0 && isIdentByte(lower[at-1]) && !(keyword == "class" && bytes.HasSuffix(lower[:at], []byte("runtime"))) {
				continue
			}
			k := i
			for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
				k++
			}
			if k == i {
				continue
			}
			start := k
			for k < len(data) && word(k) {
				k++
			}
			if k > start {
				add(string(data[start:k]))
			}
		}
	}
	scan("class", func(k int) bool { return isIdentByte(data[k]) }, func(s string) { decl.classes[s] = true })
	scan("namespace", func(k int) bool { return isIdentByte(data[k]) || data[k] == '.' || data[k] == ':' }, func(s string) {
		for _, seg := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ':' }) {
			decl.namespaces[seg] = true
		}
	})
	return decl
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
