// Package workspace finds manifests and project files and groups each
// manifest with the source files of the project that owns it and of every
// project it references: an App. It also finds and loads the config file.
package workspace

import "github.com/bgmanifest/bgmanifest/registration"

// ProjectKind classifies a project by what it builds.
type ProjectKind string

const (
	KindApp            ProjectKind = "app"             // a UWP / packaged app (AppContainerExe, WinExe with a manifest)
	KindWinRTComponent ProjectKind = "winrt-component" // winmdobj, CsWinRTComponent, vcxproj WindowsRuntimeComponent
	KindClassLibrary   ProjectKind = "class-library"   // a plain library: classes there are not activatable
	KindPackaging      ProjectKind = "packaging"       // .wapproj
	KindUnknown        ProjectKind = "unknown"
)

// Project is one project file.
type Project struct {
	Path          string                `json:"path"`
	Kind          ProjectKind           `json:"kind"`
	Language      registration.Language `json:"language"`
	RootNamespace string                `json:"rootNamespace,omitempty"`
	// References are the paths of the workspace projects this one links
	// into its output (see Links).
	References []string `json:"references,omitempty"`
	// Links say, for each of References, which item links it.
	Links []Link `json:"links,omitempty"`
}

// Link is one item of a project that brings another workspace project's
// output into the build.
type Link struct {
	Path string `json:"path"` // the linked project
	// Via is the kind of item: LinkProjectReference, LinkHintPath (a
	// Reference to the project's .winmd or assembly) or LinkPackaging (a
	// .wapproj's Content, None or Application item naming the project or
	// its output).
	Via  LinkKind `json:"via"`
	Item string   `json:"item"` // the item's value as written
	Line int      `json:"line,omitempty"`
}

// LinkKind is how one project links another.
type LinkKind string

const (
	LinkProjectReference LinkKind = "ProjectReference"
	LinkHintPath         LinkKind = "HintPath"
	LinkPackaging        LinkKind = "packaging"
)

// App is one manifest plus the sources of the project that owns it and of
// the projects it references (transitively).
type App struct {
	Manifest string `json:"manifest"`
	// Project is the owning project's path; "" when the App was formed by the
	// directory fallback.
	Project  string                    `json:"project"`
	Projects []*Project                `json:"projects"`
	Sources  []registration.SourceFile `json:"-"`
	// SourcesFound is true when project files (or the directory fallback)
	// produced at least one source file, so "no class X in the sources" is a
	// meaningful statement.
	SourcesFound bool `json:"sourcesFound"`
	// MissingSources counts the source files the App's projects list
	// that do not exist (a file outside the checkout, a dangling link): a
	// rule that would say the App's code never does something stays
	// silent, since one of them may do it.
	MissingSources int `json:"missingSources,omitempty"`

	// Owner says why this manifest is an App (DESIGN.md, "An App is…"):
	// OwnerProject (a project's <AppxManifest Include> or its default
	// Package.appxmanifest), OwnerExplicit (named on the command line),
	// OwnerLinked (no project owns it; linked to the projects defining the
	// classes it names), OwnerFallback (its directory and siblings).
	Owner Ownership `json:"owner"`
	// Configurations lists the solution's Configuration|Platform pairs
	// under which the owner packages this manifest, when it does so only
	// under some of them (nil: under all, or no solution).
	Configurations []string `json:"configurations,omitempty"`

	// Universe is where entry-point classes are looked up beyond the
	// App's own references (DESIGN.md item 5): the solution's projects,
	// or without a solution every project under the repository root. It
	// is shared by every App of that solution or root; nil when unknown
	// (a manifest checked on its own, the directory fallback).
	Universe *Universe `json:"-"`
	// ReferencesKnown is true when every reference of the App's projects
	// is a project of the workspace or a framework or SDK package, so a
	// class found in none of them does not exist (BG103 may speak).
	ReferencesKnown bool `json:"referencesKnown"`
	// Packages are the NuGet package IDs the App's projects reference
	// (PackageReference, packages.config): a class in a namespace of one
	// of them may come from the package, not from the workspace.
	Packages []string `json:"packages,omitempty"`
}

// Ownership is why a manifest is an App.
type Ownership string

const (
	OwnerProject  Ownership = "project"
	OwnerExplicit Ownership = "explicit"
	OwnerLinked   Ownership = "linked"
	OwnerFallback Ownership = "fallback"
)

// Universe is the set of projects a solution (or a repository without
// one) builds, with the sources of each: where a declared class is looked
// up when the App's own references do not define it.
type Universe struct {
	Projects []*Project
	// Sources holds each project's source files by project path.
	Sources map[string][]registration.SourceFile
	// Solutions are the solution files that list Projects; nil when
	// Projects are every project of a tree (no solution lists the owner).
	Solutions []string
	// Repository, for a solution's Universe, is every project of the tree
	// the solution was found in (the directory given, or the repository's
	// root) that could be read, with its sources. A class the App lacks is
	// looked for in those no solution of the Universe lists too, after the
	// solution's own: a task component left out of the solution is
	// then named (BG108) instead of the class being called defined
	// nowhere. Shared by the Universes of one tree; nil without a
	// solution (Projects are the tree's already).
	Repository *Universe
}

// Outside returns the projects of the Repository that the Universe does
// not hold, in the Repository's order.
func (u *Universe) Outside() []*Project {
	if u == nil || u.Repository == nil {
		return nil
	}
	listed := make(map[string]bool, len(u.Projects))
	for _, p := range u.Projects {
		listed[p.Path] = true
	}
	var out []*Project
	for _, p := range u.Repository.Projects {
		if !listed[p.Path] {
			out = append(out, p)
		}
	}
	return out
}

// Holds reports whether the Universe's own projects (the solutions'
// projects, without the Repository's others) include the one at path.
func (u *Universe) Holds(path string) bool {
	if u == nil {
		return false
	}
	for _, p := range u.Projects {
		if p.Path == path {
			return true
		}
	}
	return false
}

// SourcesOf returns the sources of a project of the Universe or of its
// Repository.
func (u *Universe) SourcesOf(path string) []registration.SourceFile {
	if s, ok := u.Sources[path]; ok || u.Repository == nil {
		return s
	}
	return u.Repository.Sources[path]
}

// Unreferenced returns the projects of the App's Universe that the App
// does not reference (the owner and its reference closure excluded), in
// the Universe's order.
func (a *App) Unreferenced() []*Project {
	if a.Universe == nil {
		return nil
	}
	return a.notMine(a.Universe.Projects)
}

// UnreferencedOutside returns the projects of the Universe's Repository
// that no solution of the Universe lists (see Universe.Outside) and the
// App does not reference.
func (a *App) UnreferencedOutside() []*Project {
	if a.Universe == nil {
		return nil
	}
	return a.notMine(a.Universe.Outside())
}

func (a *App) notMine(list []*Project) []*Project {
	mine := make(map[string]bool, len(a.Projects))
	for _, p := range a.Projects {
		mine[p.Path] = true
	}
	var out []*Project
	for _, p := range list {
		if !mine[p.Path] {
			out = append(out, p)
		}
	}
	return out
}

// ProjectOf returns the project with the given path, or nil.
func (a *App) ProjectOf(path string) *Project {
	for _, p := range a.Projects {
		if p.Path == path {
			return p
		}
	}
	return nil
}

// repository is u.Repository, nil for a nil Universe.
func (u *Universe) repository() *Universe {
	if u == nil {
		return nil
	}
	return u.Repository
}
