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
	// References are the paths of referenced projects (ProjectReference).
	References []string `json:"references,omitempty"`
}

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
