package suppress

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// Resolver maps a rule ID (any case) or name to the rule's ID.
type Resolver func(idOrName string) (id string, ok bool)

// RegistryResolver resolves against the rules registry.
func RegistryResolver(idOrName string) (string, bool) {
	r, ok := rules.Lookup(idOrName)
	if !ok {
		return "", false
	}
	return r.Meta().ID, true
}

// Set holds the suppressions of the files read so far and which of them
// have been used.
type Set struct {
	// Resolve maps rule names to IDs; RegistryResolver when nil.
	Resolve Resolver
	// Load reads a file; os.ReadFile when nil. A file that cannot be read
	// has no suppressions.
	Load func(path string) ([]byte, error)
	// Enabled reports whether a rule (by ID) ran in this lint; suppressions
	// of rules that did not run are never reported unused. All rules when nil.
	Enabled func(id string) bool

	files map[string]*fileSups
	order []string
}

// noSups is the record of every file without suppressions.
var noSups = &fileSups{}

type fileSups struct {
	sups []Suppression
	ids  [][]string // resolved ID per rule of each suppression ("" if unknown)
	used [][]bool
}

// NewSet returns a Set reading files with load (os.ReadFile when nil).
func NewSet(load func(path string) ([]byte, error)) *Set {
	return &Set{Load: load}
}

// Apply drops the suppressed findings and adds a BG900 finding for every
// suppression that suppressed nothing or names an unknown rule. Only the
// files that have findings are read.
func Apply(findings []rules.Finding, load func(path string) ([]byte, error)) []rules.Finding {
	return NewSet(load).Apply(findings)
}

// AddFile registers a file of a linted App, so that its unused
// suppressions are reported even when it has no finding. src may be nil:
// the file is then read with Load when Apply runs.
func (s *Set) AddFile(path string, src []byte) {
	if s.files == nil {
		s.files = map[string]*fileSups{}
	}
	if _, ok := s.files[path]; ok {
		return
	}
	if src == nil {
		s.file(path)
		return
	}
	s.store(path, Scan(path, src))
}

func (s *Set) store(path string, sups []Suppression) *fileSups {
	if len(sups) == 0 {
		// Most files: one shared record, which nothing marks (a check adds
		// every source file of its App), and nothing for unused to list.
		s.files[path] = noSups
		return noSups
	}
	f := &fileSups{sups: sups, ids: make([][]string, len(sups)), used: make([][]bool, len(sups))}
	for i, sup := range sups {
		f.ids[i] = make([]string, len(sup.Rules))
		f.used[i] = make([]bool, len(sup.Rules))
		for j, r := range sup.Rules {
			if id, ok := s.resolve(r); ok {
				f.ids[i][j] = id
			}
		}
	}
	s.files[path] = f
	s.order = append(s.order, path)
	return f
}

func (s *Set) resolve(name string) (string, bool) {
	if s.Resolve != nil {
		return s.Resolve(name)
	}
	return RegistryResolver(name)
}

// file returns the suppressions of path, reading it on first use.
func (s *Set) file(path string) *fileSups {
	if s.files == nil {
		s.files = map[string]*fileSups{}
	}
	if f, ok := s.files[path]; ok {
		return f
	}
	load := s.Load
	if load == nil {
		load = os.ReadFile
	}
	src, err := load(path)
	if err != nil {
		return s.store(path, nil)
	}
	return s.store(path, Scan(path, src))
}

// Apply drops suppressed findings and appends the BG900 findings for the
// files read so far; the result is sorted.
func (s *Set) Apply(findings []rules.Finding) []rules.Finding {
	var kept []rules.Finding
	for _, f := range findings {
		if !s.suppress(f) {
			kept = append(kept, f)
		}
	}
	for _, u := range s.unused() {
		// BG900 findings obey suppressions too (ignore-file BG900).
		if !s.suppress(u) {
			kept = append(kept, u)
		}
	}
	rules.SortFindings(kept)
	return kept
}

// suppress reports whether a suppression in the finding's file covers it,
// marking every suppression that does as used.
func (s *Set) suppress(f rules.Finding) bool {
	if f.File == "" {
		return false
	}
	fs := s.file(f.File)
	hit := false
	for i, sup := range fs.sups {
		if !sup.FileWide && (f.Line < sup.Target || f.Line > sup.TargetEnd) {
			continue
		}
		for j, id := range fs.ids[i] {
			if id != "" && strings.EqualFold(id, f.Rule) {
				fs.used[i][j] = true
				hit = true
			}
		}
	}
	return hit
}

// unused builds the BG900 findings of every file read.
func (s *Set) unused() []rules.Finding {
	m := rules.MetaUnusedSuppression
	if r, ok := rules.Lookup(m.ID); ok {
		m = r.Meta()
	}
	var out []rules.Finding
	paths := append([]string(nil), s.order...)
	sort.Strings(paths)
	for _, path := range paths {
		fs := s.files[path]
		for i, sup := range fs.sups {
			kind := "bgmanifest:ignore"
			if sup.FileWide {
				kind = "bgmanifest:ignore-file"
			}
			if sup.Malformed {
				out = append(out, rules.New(m, path, sup.Line, sup.Col, "%s names no rule; write the rule ID or name after it", kind))
				continue
			}
			for j, name := range sup.Rules {
				id := fs.ids[i][j]
				switch {
				case id == "":
					out = append(out, rules.New(m, path, sup.Line, sup.Col, "%s names unknown rule %q", kind, name))
				case strings.EqualFold(id, m.ID):
					// A suppression of BG900 itself is not judged: it would
					// only ever be used by findings this pass creates.
				case fs.used[i][j] || (s.Enabled != nil && !s.Enabled(id)):
				default:
					out = append(out, rules.New(m, path, sup.Line, sup.Col, "%s %s suppresses nothing%s; remove it", kind, name, where(sup)))
				}
			}
		}
	}
	return out
}

func where(sup Suppression) string {
	if sup.FileWide {
		return " in this file"
	}
	if sup.TargetEnd > sup.Target {
		return fmt.Sprintf(" on lines %d-%d", sup.Target, sup.TargetEnd)
	}
	return fmt.Sprintf(" on line %d", sup.Target)
}
