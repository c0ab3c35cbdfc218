package lsp

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// File kinds by name, for deciding what a change means.
func isProjectFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csproj", ".vbproj", ".vcxproj", ".jsproj", ".wapproj", ".sln":
		return true
	}
	return false
}

func isManifestFile(path string) bool { return manifest.IsManifestName(filepath.Base(path)) }

func isConfigFile(path string) bool {
	return slices.Contains(workspace.ConfigNames, filepath.Base(path))
}

// maxDocumentSize is the largest buffer the server keeps and checks: the
// command line's limit for manifests and sources. A bigger buffer is
// dropped with a message, so that one huge generated file opened by
// mistake cannot hold the server's memory or time.
const maxDocumentSize = manifest.MaxFileSize

func (s *server) didOpen(p DidOpenTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if s.tooLarge(path, len(p.TextDocument.Text)) {
		return nil
	}
	s.docs.open(path, p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
	s.touch(path, 0)
	return nil
}

// tooLarge drops the buffer of path when it is over maxDocumentSize and
// tells the user why it is not checked.
func (s *server) tooLarge(path string, size int) bool {
	if size <= maxDocumentSize {
		return false
	}
	s.docs.drop(path)
	s.showMessage(messageWarning, oneLine(fmt.Sprintf("bgmanifest: %s is %d bytes, over the %d bytes it checks; its unsaved changes are not checked", path, size, maxDocumentSize)))
	return true
}

func (s *server) didChange(p DidChangeTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if err := s.docs.change(path, p.TextDocument.Version, p.ContentChanges); err != nil {
		return err
	}
	doc, ok := s.docs.get(path)
	if !ok || s.tooLarge(path, len(doc.text)) {
		return nil // dropped for its size
	}
	s.touch(path, s.opts.Debounce)
	return nil
}

// didSave: the disk now matches the buffer. A saved project file or config
// changes the shape of the workspace; anything else is checked at once.
func (s *server) didSave(p DidSaveTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	switch {
	case isConfigFile(path):
		s.configChanged(path)
	case isProjectFile(path):
		s.projectChanged(path)
	default:
		s.touch(path, 0)
	}
	return nil
}

// didClose: the file on disk is the truth again, which may differ from the
// buffer that was last checked (closed without saving).
func (s *server) didClose(p DidCloseTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.docs.close(path)
	s.touch(path, 0)
	return nil
}

// didChangeWatchedFiles reacts to files changed outside the editor.
func (s *server) didChangeWatchedFiles(p DidChangeWatchedFilesParams) {
	for _, ev := range p.Changes {
		path, err := uriToPath(ev.URI)
		if err != nil {
			s.log.Printf("watched file: %v", err)
			continue
		}
		switch {
		case isConfigFile(path):
			s.configChanged(path)
		case isProjectFile(path):
			s.projectChanged(path)
		case isManifestFile(path) && ev.Type == FileDeleted:
			s.manifestDeleted(path)
		default:
			if _, open := s.docs.get(path); open && ev.Type == FileChanged {
				continue // the buffer, not the disk, is what the user sees
			}
			s.touch(path, s.opts.Debounce)
		}
	}
}

// touch re-checks the Apps that own path. A file no known App owns is
// looked up once (it may be a new manifest, or a file of a project the
// first discovery did not reach).
func (s *server) touch(path string, delay time.Duration) {
	s.ws.whenReady(func() {
		keys := s.ws.ownersOf(path)
		if len(keys) > 0 {
			for _, k := range keys {
				s.sched.schedule(k, delay)
			}
			return
		}
		if !s.ws.needsProbe(path) {
			return
		}
		s.ws.ensureConfig(filepath.Dir(path))
		s.ws.discoverAsync([]string{path}, nil, func(found []string) {
			s.notifyConfigProblem()
			for _, k := range found {
				s.sched.schedule(k, 0)
			}
		})
	})
}

// projectChanged re-discovers the Apps a project file belongs to (and any
// App that now owns it) and re-checks them.
func (s *server) projectChanged(path string) {
	s.ws.whenReady(func() {
		old := s.ws.ownersOf(path)
		paths := append([]string(nil), old...)
		if fileExists(path) {
			paths = append(paths, path)
		}
		paths = existing(paths)
		if len(paths) == 0 {
			// Every App it belonged to is gone with it.
			for _, k := range old {
				s.ws.remove(k)
				s.clearApp(k)
			}
			return
		}
		s.ws.discoverAsync(paths, old, func(found []string) {
			for _, k := range old {
				if !slices.Contains(found, k) {
					s.clearApp(k)
				}
			}
			for _, k := range found {
				s.sched.schedule(k, 0)
			}
		})
	})
}

// manifestDeleted forgets the App and clears its diagnostics.
func (s *server) manifestDeleted(path string) {
	s.ws.whenReady(func() {
		for _, k := range s.ws.ownersOf(path) {
			if k == s.ws.canonical(path) {
				s.ws.remove(k)
				s.clearApp(k)
			}
		}
	})
}

// configChanged reloads the config and re-checks every App that shows
// diagnostics or has an open file.
func (s *server) configChanged(path string) {
	s.ws.whenReady(func() {
		s.ws.loadConfig(filepath.Dir(path))
		s.notifyConfigProblem()
		keys := s.diags.appKeys()
		for _, p := range s.docs.paths() {
			keys = append(keys, s.ws.ownersOf(p)...)
		}
		done := map[string]bool{}
		for _, k := range keys {
			if !done[k] {
				done[k] = true
				s.sched.schedule(k, 0)
			}
		}
	})
}

// foldersChanged follows a multi-root workspace: the Apps of a removed
// folder are forgotten and their diagnostics cleared; an added folder is
// discovered and the Apps of its open files are checked.
func (s *server) foldersChanged(p DidChangeWorkspaceFoldersParams) {
	var removed, added []string
	for _, f := range p.Event.Removed {
		if path, err := uriToPath(f.URI); err == nil {
			removed = append(removed, path)
		}
	}
	for _, f := range p.Event.Added {
		if path, err := uriToPath(f.URI); err == nil {
			added = append(added, path)
		}
	}
	s.ws.whenReady(func() {
		for _, k := range s.ws.setRoots(added, removed) {
			s.clearApp(k)
		}
		if len(added) == 0 {
			return
		}
		s.ws.discoverAsync(added, nil, func(found []string) {
			open := map[string]bool{}
			for _, p := range s.docs.paths() {
				for _, k := range s.ws.ownersOf(p) {
					open[k] = true
				}
			}
			for _, k := range found {
				if open[k] {
					s.sched.schedule(k, 0)
				}
			}
		})
	})
}

// afterDiscovery runs once the first discovery is done.
func (s *server) afterDiscovery() { s.notifyConfigProblem() }

func (s *server) notifyConfigProblem() {
	if note := s.ws.takeConfigNote(); note != "" {
		s.showMessage(messageWarning, oneLine(note))
	}
}

func existing(paths []string) []string {
	var out []string
	for _, p := range paths {
		if fileExists(p) {
			out = append(out, p)
		}
	}
	return out
}
