// Package rules holds the Rule interface, the registry and one file per
// rule. A rule reads an App's manifest model and code facts and returns
// findings; it knows nothing about output formats.
package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/schema"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Severity of a finding. Off disables a rule.
type Severity int

const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "off", "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none":
		return Off, nil
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// MarshalText writes the severity's name (JSON and YAML use it).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Meta describes a rule.
type Meta struct {
	ID       string
	Name     string
	Severity Severity // default severity
	Summary  string   // one line
	// Doc is the full text shown by `bgmanifest explain`: what, why, a bad
	// and a good example, how to fix. Markdown.
	Doc string
	// NeedsCode is true for rules that compare the manifest with the code
	// facts (they are skipped when no sources were read).
	NeedsCode bool
}

// Rule is one check.
type Rule interface {
	Meta() Meta
	Check(c *Context) []Finding
}

// Context is what a rule sees of one App.
type Context struct {
	App      *workspace.App // nil when a manifest is checked on its own
	Manifest *manifest.Manifest
	// Facts are the code facts; nil when no sources were scanned.
	Facts *registration.Facts
	// SomeLanguagesOff is true when the config's languages left some of
	// the App's sources unscanned: a class may be defined in one of them,
	// so no rule may say a class exists nowhere.
	SomeLanguagesOff bool

	// schemaErrs memoises the manifest's schema validation, which three
	// rules read (BG002, BG003, BG006) and which was a fifth of a
	// workspace check's CPU profile when each rule validated again. Rules
	// on one Context run one after another (Run), so no lock is needed.
	schemaErrs     []schema.Error
	schemaErrsDone bool
}

// Related is a secondary location.
type Related struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// Edit replaces the text between two positions (1-based line, character
// column; End exclusive) of File with NewText. Start == End inserts.
type Edit struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

// Fix is the change --fix would make.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Finding is one problem found.
type Finding struct {
	Rule      string    `json:"rule"`
	Name      string    `json:"name"`
	Severity  Severity  `json:"severity"`
	Message   string    `json:"message"`
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"endLine,omitempty"`
	EndColumn int       `json:"endColumn,omitempty"`
	Related   []Related `json:"related,omitempty"`
	Fix       *Fix      `json:"fix,omitempty"`
}

// New starts a finding of rule m at a file position.
func New(m Meta, file string, line, col int, format string, args ...any) Finding {
	return Finding{
		Rule: m.ID, Name: m.Name, Severity: m.Severity,
		Message: fmt.Sprintf(format, args...),
		File:    file, Line: line, Column: col,
	}
}

// AtManifest starts a finding at a manifest position.
func AtManifest(m Meta, man *manifest.Manifest, p manifest.Pos, format string, args ...any) Finding {
	return New(m, man.Path, p.Line, p.Col, format, args...)
}

// AtCode starts a finding at a source position.
func AtCode(m Meta, p registration.Pos, format string, args ...any) Finding {
	return New(m, p.File, p.Line, p.Col, format, args...)
}

// RelatedManifest is a related location in the manifest.
func RelatedManifest(man *manifest.Manifest, p manifest.Pos, msg string) Related {
	return Related{File: man.Path, Line: p.Line, Column: p.Col, Message: msg}
}

// RelatedCode is a related location in code.
func RelatedCode(p registration.Pos, msg string) Related {
	return Related{File: p.File, Line: p.Line, Column: p.Col, Message: msg}
}

var registry = map[string]Rule{}

// sorted is registry ordered by ID, kept by Register and Unregister: All
// is called once per App checked, and sorting the rules each time (their
// Meta is a copy of every doc text) was 2 % of a large repository's CPU.
var sorted []Rule

func sortRegistry() {
	sorted = sorted[:0]
	for _, r := range registry {
		sorted = append(sorted, r)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Meta().ID < sorted[j].Meta().ID })
}

// Register adds a rule; rule files call it from init. Duplicate IDs or names panic
// at start-up (a programming error caught by every test run).
func Register(r Rule) {
	m := r.Meta()
	if _, dup := registry[m.ID]; dup {
		panic("rules: duplicate rule ID " + m.ID)
	}
	for _, o := range registry {
		if o.Meta().Name == m.Name {
			panic("rules: duplicate rule name " + m.Name)
		}
	}
	registry[m.ID] = r
	sortRegistry()
}

// Unregister removes the rule with this ID. Tests use it to take out a rule
// they registered (a deliberately panicking one, say); rule files never call it.
func Unregister(id string) {
	delete(registry, id)
	sortRegistry()
}

// All returns every rule sorted by ID.
func All() []Rule {
	return slices.Clone(sorted)
}

// Lookup finds a rule by ID (case-insensitive) or name.
func Lookup(idOrName string) (Rule, bool) {
	k := strings.TrimSpace(idOrName)
	if r, ok := registry[strings.ToUpper(k)]; ok {
		return r, true
	}
	for _, r := range registry {
		if strings.EqualFold(r.Meta().Name, k) {
			return r, true
		}
	}
	return nil, false
}

// SortFindings orders findings by file, line, column, rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
