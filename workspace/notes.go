package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// noteKind says what a Note that may be said many times over is about;
// a Note of the zero kind is told as it is.
type noteKind uint8

const (
	// noteMissingProject: a solution or project names a project file that
	// does not exist (subject: its path).
	noteMissingProject noteKind = iota + 1
	// noteMissingSource: a project lists a source file that does not
	// exist, or a wildcard under a folder that does not (subject: its
	// path).
	noteMissingSource
	// noteUnresolved: an item's value needs an MSBuild expression that
	// cannot be resolved statically (subject: the expression).
	noteUnresolved
	// noteTemplateFragment: a file with a manifest's or a project's name
	// is a template merge fragment (subject: its kind, see
	// templateFragment).
	noteTemplateFragment
)

// templateFragmentReason is why a template merge fragment is not an App.
const templateFragmentReason = "a template merge fragment: a template engine merges its marked lines into the file of that name in a project it generates; no build reads it"

// templateFragmentNote says that the file at path, a template merge
// fragment, is not what its name makes it look like (what: "an App", "a
// project").
func templateFragmentNote(path, what string) Note {
	kind := templateFragment(filepath.Base(path))
	return newNote(path, 0, "not %s: %s (%s)", what, templateFragmentReason, kind).about(noteTemplateFragment, kind)
}

// about gives a Note its kind and subject.
func (n Note) about(kind noteKind, subject string) Note {
	n.kind, n.subject = kind, subject
	return n
}

// unresolvedExpr is the expression an expansion could not resolve, or the
// error's text.
func unresolvedExpr(err error) string {
	var e *expandError
	if errors.As(err, &e) {
		return e.expr
	}
	return err.Error()
}

// groupNotes tells once what the Notes would say many times over with
// nothing more for the user to learn from the repetition, and keeps every
// other Note as it is. Each group keeps the file and line of its first
// Note (by path, then line) and says how many it stands for:
//   - the projects a solution or project names that do not exist, one Note
//     per naming file (a solution whose projects were never committed);
//     those under a node_modules folder apart, one Note per folder, as npm
//     install puts them there and they are never committed;
//   - the listed source files of one missing folder (a vendored tree that
//     is not in the repository), one Note per folder, whichever projects
//     list them; a missing file in a folder that exists is a problem of
//     its own and keeps its Note;
//   - the items of one file that need the same expression that cannot be
//     resolved (MIDL's dlldata.c, _i.c and _p.c under $(Platform));
//   - the template merge fragments of one kind (Template Studio keeps a
//     Package_postaction.appxmanifest beside each of dozens of
//     templates), one Note per kind, wherever they are.
//
// A missing project or source that lies in a git submodule that is not
// checked out (.gitmodules names it, its folder is missing or empty) says
// so: one Note per naming file already, with the remedy.
func groupNotes(notes []Note) []Note {
	type key struct {
		kind          noteKind
		path, subject string
	}
	groups := map[key][]Note{}
	var order []key
	var out []Note
	missingDir := missingFolders()
	submodule := uncheckedSubmodules()
	for _, n := range notes {
		var k key
		switch n.kind {
		case noteMissingProject:
			k = key{kind: n.kind, path: n.Path, subject: nodeModulesOf(n.subject)}
		case noteMissingSource:
			dir := missingDir(filepath.Dir(n.subject))
			if dir == "" {
				out = append(out, n)
				continue
			}
			k = key{kind: n.kind, subject: dir}
		case noteUnresolved:
			k = key{kind: n.kind, path: n.Path, subject: n.subject}
		case noteTemplateFragment:
			k = key{kind: n.kind, subject: n.subject}
		default:
			out = append(out, n)
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], n)
	}
	for _, k := range order {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b Note) int {
			if c := strings.Compare(a.Path, b.Path); c != 0 {
				return c
			}
			return a.Line - b.Line
		})
		first := g[0]
		inSubmodules := k.kind == noteMissingSource || k.kind == noteMissingProject && k.subject == ""
		switch {
		case k.kind == noteMissingProject && k.subject != "":
			if len(g) == 1 {
				first.Message += "; npm install puts it there (node_modules is never committed)"
			} else {
				first.Message = fmt.Sprintf("%d referenced projects under %s do not exist; npm install puts them there (node_modules is never committed)",
					len(g), k.subject)
			}
		case len(g) == 1:
		case k.kind == noteMissingProject:
			first.Message = fmt.Sprintf("%d referenced projects do not exist: %s", len(g), subjects(g))
		case k.kind == noteMissingSource:
			var listers []string
			for _, n := range g {
				listers = append(listers, filepath.Base(n.Path))
			}
			listers = dedupSorted(listers)
			if len(listers) > 3 {
				listers = append(listers[:3], fmt.Sprintf("%d more", len(listers)-3))
			}
			wildcards := 0
			for _, n := range g {
				if strings.ContainsAny(filepath.ToSlash(n.subject), "*?[{") {
					wildcards++
				}
			}
			if wildcards == 0 {
				first.Message = fmt.Sprintf("folder %s does not exist: %d source files listed under it are missing (listed by %s; the first: %s)",
					k.subject, len(g), strings.Join(listers, ", "), first.subject)
			} else {
				what := count(wildcards, "wildcard")
				if files := len(g) - wildcards; files > 0 {
					what += " and " + count(files, "source file")
				}
				first.Message = fmt.Sprintf("folder %s does not exist: %s listed under it find nothing (listed by %s; the first: %s)",
					k.subject, what, strings.Join(listers, ", "), first.subject)
			}
			if nodeModulesOf(k.subject) != "" {
				first.Message += "; npm install puts them there (node_modules is never committed)"
			}
		case k.kind == noteTemplateFragment:
			what := "projects"
			if isManifestName(filepath.Base(first.Path)) {
				what = "Apps"
			}
			first.Message = fmt.Sprintf("not %s: this file and %d more named %s are template merge fragments: a template engine merges their marked lines into the files of those names in a project it generates; no build reads them",
				what, len(g)-1, k.subject)
		case k.kind == noteUnresolved:
			var lines []string
			for _, n := range g[1:] {
				lines = append(lines, fmt.Sprint(n.Line))
			}
			if len(lines) > 5 {
				lines = append(lines[:5], "…")
			}
			label := "lines"
			if len(lines) == 1 {
				label = "line"
			}
			first.Message += fmt.Sprintf(" (and, for the same reason, %d more of this file: %s %s)", len(g)-1, label, strings.Join(lines, ", "))
		}
		if inSubmodules {
			folder := ""
			if k.kind == noteMissingSource {
				folder = k.subject
			}
			first.Message += submoduleRemark(g, folder, submodule)
		}
		out = append(out, first)
	}
	return out
}

// submoduleRemark says which of a group's missing files lie in git
// submodules that are not checked out ("" when none does): the usual
// reason, and one with a one-line remedy. folder is the missing folder
// the group is about, if any: when it is the submodule, it is named once.
func submoduleRemark(g []Note, folder string, submodule func(string) string) string {
	var names []string
	in := 0
	for _, n := range g {
		if name := submodule(n.subject); name != "" {
			in++
			names = append(names, name)
		}
	}
	if in == 0 {
		return ""
	}
	names = dedupSorted(names)
	if abs, err := filepath.Abs(folder); err == nil && folder != "" && len(names) == 1 && in == len(g) &&
		strings.HasSuffix(filepath.ToSlash(abs), "/"+names[0]) {
		return "; it is a git submodule that is not checked out (git submodule update --init)"
	}
	if len(names) > 3 {
		names = append(names[:3], fmt.Sprintf("and %d more", len(names)-3))
	}
	where := "git submodules that are not checked out: " + strings.Join(names, ", ")
	if len(names) == 1 {
		where = "git submodule " + names[0] + ", which is not checked out"
	}
	switch {
	case len(g) == 1:
		return fmt.Sprintf("; it lies in %s (git submodule update --init)", where)
	case in == len(g):
		return fmt.Sprintf("; they lie in %s (git submodule update --init)", where)
	}
	return fmt.Sprintf("; %d of them lie in %s (git submodule update --init)", in, where)
}

// uncheckedSubmodules returns a function that gives, for a path, the git
// submodule it lies in as .gitmodules names it ("ref/Common"), when that
// submodule is not checked out (its folder is missing or empty); "" else.
// The .gitmodules is the one of the repository that holds the path: the
// nearest above it, up to the folder that holds .git.
func uncheckedSubmodules() func(path string) string {
	type module struct{ name, dir string }
	modules := map[string][]module{} // by the folder of .gitmodules
	found := map[string]string{}     // folder → the folder of its .gitmodules, "" when none
	var repoOf func(dir string) string
	repoOf = func(dir string) string {
		if r, ok := found[dir]; ok {
			return r
		}
		r := ""
		if _, err := os.Stat(filepath.Join(dir, ".gitmodules")); err == nil {
			r = dir
		} else if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
			if parent := filepath.Dir(dir); parent != dir {
				r = repoOf(parent)
			}
		}
		found[dir] = r
		return r
	}
	checkedOut := map[string]bool{}
	return func(path string) string {
		abs, err := filepath.Abs(path)
		if err != nil {
			return ""
		}
		repo := repoOf(filepath.Dir(abs))
		if repo == "" {
			return ""
		}
		list, ok := modules[repo]
		if !ok {
			data, _ := readProjectBytes(filepath.Join(repo, ".gitmodules"))
			for _, line := range strings.Split(string(data), "\n") {
				key, value, ok := strings.Cut(strings.TrimSpace(line), "=")
				if ok && strings.TrimSpace(key) == "path" {
					name := strings.TrimSpace(value)
					list = append(list, module{name: name, dir: filepath.Join(repo, filepath.FromSlash(name))})
				}
			}
			modules[repo] = list
		}
		for _, m := range list {
			if !strings.HasPrefix(abs, m.dir+string(filepath.Separator)) {
				continue
			}
			there, ok := checkedOut[m.dir]
			if !ok {
				entries, _ := os.ReadDir(m.dir)
				there = len(entries) > 0
				checkedOut[m.dir] = there
			}
			if !there {
				return m.name
			}
		}
		return ""
	}
}

// subjects lists the first three subjects of a group, and how many more.
func subjects(g []Note) string {
	var names []string
	for i, n := range g {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(g)-3))
			break
		}
		names = append(names, n.subject)
	}
	return strings.Join(names, ", ")
}

// nodeModulesOf returns the node_modules folder a path passes through (the
// first), or "".
func nodeModulesOf(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, part := range parts {
		if strings.EqualFold(part, "node_modules") {
			return filepath.FromSlash(strings.Join(parts[:i+1], "/"))
		}
	}
	return ""
}

// missingFolders returns a function that gives, for a folder, the
// outermost folder at or above it that does not exist ("" when the folder
// exists): the folder a missing tree of listed files hangs from.
func missingFolders() func(dir string) string {
	exists := map[string]bool{}
	stat := func(dir string) bool {
		ok, done := exists[dir]
		if !done {
			_, err := os.Stat(dir)
			ok = err == nil || !errors.Is(err, os.ErrNotExist)
			exists[dir] = ok
		}
		return ok
	}
	return func(dir string) string {
		if stat(dir) {
			return ""
		}
		for {
			parent := filepath.Dir(dir)
			if parent == dir || stat(parent) {
				return dir
			}
			dir = parent
		}
	}
}
