package rules

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// Shared helpers of the manifest-against-code rules BG101–BG107. Every
// name starts with "xc" so the other rule authors' helpers in this package
// never collide with these.

// factsComparable reports whether the manifest and the code facts can be compared:
// a manifest that could not be read fully would make every comparison lie.
func factsComparable(c *Context) bool {
	return c != nil && c.Manifest != nil && c.Facts != nil && len(c.Manifest.Problems) == 0
}

// manifestName is the manifest's file name, used in messages (the full
// path is the finding's or related location's file).
func manifestName(man *manifest.Manifest) string {
	if man == nil || man.Path == "" {
		return "the manifest"
	}
	return filepath.Base(man.Path)
}

// appExtensions are the windows.backgroundTasks extensions the platform
// honours: those inside an Application. Package-level ones are BG002.
func appExtensions(man *manifest.Manifest) []*manifest.BackgroundTaskExtension {
	var out []*manifest.BackgroundTaskExtension
	for _, bt := range man.BackgroundTasks {
		if bt != nil && bt.Level == manifest.LevelApplication {
			out = append(out, bt)
		}
	}
	return out
}

// isScriptEntryPoint reports whether a registration names a JavaScript file (the
// JS model, where the manifest's StartPage is the entry point). A JavaScript
// app may also register a class of a Windows Runtime Component by name, so
// the value decides, not the language.
func isScriptEntryPoint(r *registration.Registration) bool {
	s := strings.ToLower(strings.TrimSpace(r.EntryPoint.Str))
	return strings.HasSuffix(s, ".js") || strings.ContainsAny(s, `/\`)
}

// normPackagePath makes two spellings of one package-relative file comparable:
// separators unified, a leading ".\" or "\" dropped, case folded (package
// file names are case-insensitive on Windows).
func normPackagePath(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", `\`)
	s = strings.TrimPrefix(s, `.\`)
	s = strings.TrimPrefix(s, `\`)
	return strings.ToLower(s)
}

// declaresEntryPoint reports whether the extension is the declaration of the
// registration's entry point (a class name compared case-sensitively, or a
// JavaScript StartPage compared as a path).
func declaresEntryPoint(bt *manifest.BackgroundTaskExtension, r *registration.Registration) bool {
	if isScriptEntryPoint(r) {
		return bt.StartPage.Present && normPackagePath(bt.StartPage.Value) == normPackagePath(r.EntryPoint.Str)
	}
	ep := bt.EffectiveEntryPoint()
	return ep != "" && ep == r.EntryPoint.Str
}

// declaringExtensions returns the application-level extensions that declare the
// registration's entry point.
func declaringExtensions(man *manifest.Manifest, r *registration.Registration) []*manifest.BackgroundTaskExtension {
	var out []*manifest.BackgroundTaskExtension
	for _, bt := range appExtensions(man) {
		if declaresEntryPoint(bt, r) {
			out = append(out, bt)
		}
	}
	return out
}

// outOfProcess reports whether a registration names its entry point by a
// resolved TaskEntryPoint of the UWP builder: the model that needs a
// windows.backgroundTasks declaration with the same name.
func outOfProcess(r *registration.Registration) bool {
	return r.EntryPointSet && r.EntryPoint.Resolved && !r.WinAppSDK && !r.CLSIDSet &&
		strings.TrimSpace(r.EntryPoint.Str) != ""
}

// entryPointPos is where a registration's entry point is reported: the
// TaskEntryPoint expression, or the helper's call site when the builder is
// configured inside a helper (the expression there is the parameter).
func entryPointPos(r *registration.Registration) registration.Pos {
	if len(r.Via) > 0 || !r.EntryPoint.Pos.IsValid() {
		return r.Pos
	}
	return r.EntryPoint.Pos
}

// triggerPos is where a trigger is reported: the SetTrigger argument, or
// the helper's call site.
func triggerPos(r *registration.Registration, t *registration.Trigger) registration.Pos {
	if len(r.Via) > 0 || !t.Pos.IsValid() {
		return r.Pos
	}
	return t.Pos
}

// registrationsUncertain reports whether some registration of the App could not be
// followed, so "nobody registers X" is not a safe statement: an entry point
// or CLSID computed at run time, a helper whose arguments could not be
// bound, or a source file the scanner could not read to the end.
func registrationsUncertain(f *registration.Facts) bool {
	if len(f.Notes) > 0 {
		return true
	}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if r.Discarded {
			continue // dead code: whatever it names, it registers nothing
		}
		if r.EntryPointSet && !r.EntryPoint.Resolved {
			return true
		}
		if r.CLSIDSet && !r.CLSID.Resolved {
			return true
		}
		if len(r.Via) > 0 && !r.Resolved() {
			return true
		}
	}
	return false
}

// namesOwnEntryPoint reports whether an extension names its own task
// (EntryPoint attribute or JavaScript StartPage). An extension without
// either inherits the Application's class: the in-process model's optional
// declaration, which no registration names.
func namesOwnEntryPoint(bt *manifest.BackgroundTaskExtension) bool {
	return (bt.EntryPoint.Present && strings.TrimSpace(bt.EntryPoint.Value) != "") ||
		(bt.StartPage.Present && strings.TrimSpace(bt.StartPage.Value) != "")
}

// onlySystemStarted reports whether every task of the extension is one
// the system starts without a registration (iot:Task startup).
func onlySystemStarted(bt *manifest.BackgroundTaskExtension) bool {
	if len(bt.Tasks) == 0 {
		return false
	}
	for _, t := range bt.Tasks {
		if t.Namespace != platform.NSIot {
			return false
		}
	}
	return true
}

// registersExtension reports whether a registration names the extension's
// task.
func registersExtension(bt *manifest.BackgroundTaskExtension, r *registration.Registration) bool {
	return outOfProcess(r) && declaresEntryPoint(bt, r)
}

// attrPos is an attribute's value position, falling back to the
// attribute, then to the element.
func attrPos(a manifest.Attr, el manifest.Element) manifest.Pos {
	if a.ValuePos.IsValid() {
		return a.ValuePos
	}
	if a.Pos.IsValid() {
		return a.Pos
	}
	return el.Pos
}

// normGUID makes GUID spellings comparable: braces and blanks dropped,
// lower case.
func normGUID(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "{")
	s = strings.TrimSuffix(s, "}")
	return strings.ToLower(strings.TrimSpace(s))
}

// isGUID reports whether s (normalised by normGUID) has the 8-4-4-4-12
// hexadecimal shape of a GUID. A CLSID the scanner could not really resolve
// (a macro name, say) does not, and is then treated as unresolved.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// normClassName writes a class name the way the manifest does: C++ "::"
// separators as dots, no "global::" or "Global." qualifier.
func normClassName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "global::")
	s = strings.TrimPrefix(s, "::")
	s = strings.ReplaceAll(s, "::", ".")
	s = strings.TrimPrefix(s, "Global.")
	// A C++/WinRT implementation struct (winrt::Ns::implementation::X)
	// stands for the runtime class Ns.X.
	for _, impl := range []string{".factory_implementation.", ".implementation."} {
		if i := strings.LastIndex(s, impl); i >= 0 {
			s = s[:i] + "." + s[i+len(impl):]
		}
	}
	s = strings.TrimPrefix(s, "winrt.")
	return s
}

// simpleName is the last dotted component of a class name ("Ns.Sub.X" → "X").
func simpleName(class string) string {
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		return class[i+1:]
	}
	return class
}

// namespaceOf is everything before the last dot ("" when none).
func namespaceOf(class string) string {
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		return class[:i]
	}
	return ""
}

// Kinds of near miss, best first.
const (
	missCase = iota + 1
	missRootNamespace
	missNamespace
	missSpelling
)

// nearMiss is the declared name closest to a registered one.
type nearMiss struct {
	Name string
	Kind int
	// Root is the VB RootNamespace that explains a missRootNamespace.
	Root string
}

// hint is the message tail that explains the near miss.
func (n nearMiss) hint() string {
	switch n.Kind {
	case missCase:
		return fmt.Sprintf("; did you mean \"%s\"? Entry points are compared case-sensitively", n.Name)
	case missRootNamespace:
		return fmt.Sprintf("; did you mean \"%s\"? Visual Basic puts the project's RootNamespace \"%s\" in front of every namespace it compiles", n.Name, n.Root)
	case missNamespace:
		return fmt.Sprintf("; did you mean \"%s\"? The entry point must be the full Namespace.Class name", n.Name)
	case missSpelling:
		return fmt.Sprintf("; did you mean \"%s\"?", n.Name)
	}
	return ""
}

// nearestName finds the candidate closest to x: a case-only difference, a VB
// RootNamespace prefix (roots), a missing or extra namespace, or a
// misspelling within 3 edits (or a third of the class name). ok is false when
// nothing is close.
func nearestName(x string, candidates, roots []string) (nearMiss, bool) {
	best := nearMiss{}
	bestDist := 0
	for _, c := range candidates {
		if c == "" || c == x {
			continue
		}
		m, dist, ok := classifyNearMiss(x, c, roots)
		if !ok {
			continue
		}
		if best.Kind == 0 || m.Kind < best.Kind || (m.Kind == best.Kind && dist < bestDist) {
			best, bestDist = m, dist
		}
	}
	return best, best.Kind != 0
}

func classifyNearMiss(x, c string, roots []string) (nearMiss, int, bool) {
	if strings.EqualFold(x, c) {
		return nearMiss{Name: c, Kind: missCase}, 0, true
	}
	for _, root := range roots {
		if root == "" {
			continue
		}
		if c == root+"."+x || x == root+"."+c {
			return nearMiss{Name: c, Kind: missRootNamespace, Root: root}, 0, true
		}
	}
	if strings.HasSuffix(c, "."+x) || strings.HasSuffix(x, "."+c) ||
		(simpleName(c) == simpleName(x) && strings.Contains(x, ".") && strings.Contains(c, ".")) {
		return nearMiss{Name: c, Kind: missNamespace}, editDistance(x, c), true
	}
	// A misspelling: within 3 edits, or a third of the class's own name (the
	// shared namespace would make any two classes of one namespace "close").
	d := editDistance(x, c)
	if d <= 3 || d*3 <= utf8.RuneCountInString(simpleName(x)) {
		return nearMiss{Name: c, Kind: missSpelling}, d, true
	}
	return nearMiss{}, 0, false
}

// insertAt is an edit that inserts text at a byte offset of the manifest.
func insertAt(man *manifest.Manifest, off int, text string) (Edit, bool) {
	if off <= 0 || off > len(man.Text) {
		return Edit{}, false
	}
	p := man.PosAt(off)
	return Edit{File: man.Path, Line: p.Line, Column: p.Col, EndLine: p.Line, EndColumn: p.Col, NewText: text}, true
}

// manifestNewline is the manifest's line ending.
func manifestNewline(man *manifest.Manifest) string {
	if man.Newline != "" {
		return man.Newline
	}
	if bytes.Contains(man.Text, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// indentUnit guesses one level of indentation from a parent and a child
// indent ("  " when the file does not tell).
func indentUnit(parent, child string) string {
	if strings.HasPrefix(child, parent) && len(child) > len(parent) {
		return child[len(parent):]
	}
	if strings.Contains(parent, "\t") {
		return "\t"
	}
	return "  "
}

// boundPrefix returns the prefix the manifest binds to a namespace URI on
// its root element (where the uap, iot, ... prefixes are declared), or
// from an element of the model that uses it. ok is false when the
// namespace is not bound, or only as the default namespace.
func boundPrefix(man *manifest.Manifest, uri string) (string, bool) {
	if man.Root != nil && man.Root.StartTagEnd > man.Root.Pos.Offset && man.Root.StartTagEnd <= len(man.Text) {
		if p, ok := prefixInTag(man.Text[man.Root.Pos.Offset:man.Root.StartTagEnd], uri); ok {
			return p, true
		}
	}
	for _, bt := range man.BackgroundTasks {
		for _, t := range bt.Tasks {
			if t.Namespace == uri && t.Element.Prefix != "" {
				return t.Element.Prefix, true
			}
		}
	}
	for _, c := range man.Capabilities {
		if c.Namespace == uri && c.Element.Prefix != "" {
			return c.Element.Prefix, true
		}
	}
	return "", false
}

// prefixInTag finds xmlns:P="uri" (or single quotes) in a start tag.
func prefixInTag(tag []byte, uri string) (string, bool) {
	s := string(tag)
	for {
		i := strings.Index(s, "xmlns:")
		if i < 0 {
			return "", false
		}
		s = s[i+len("xmlns:"):]
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return "", false
		}
		prefix := strings.TrimSpace(s[:eq])
		rest := strings.TrimLeft(s[eq+1:], " \t\r\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			continue
		}
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if rest[1:1+end] == uri && prefix != "" {
			return prefix, true
		}
		s = rest[1+end:]
	}
}

// taskTag writes a Task element for a task type: plain for the
// foundation namespace, with the manifest's own prefix for the others
// (ok false when that namespace is not bound, so no fix is offered).
// selfClose is the "/>" or " />" spelling the file already uses.
func taskTag(man *manifest.Manifest, taskType, ns, selfClose string) (string, bool) {
	if ns == "" || ns == platform.NSFoundation {
		return `<Task Type="` + taskType + `"` + selfClose, true
	}
	prefix, ok := boundPrefix(man, ns)
	if !ok {
		return "", false
	}
	return "<" + prefix + `:Task Type="` + taskType + `"` + selfClose, true
}

// selfCloseStyle returns " />" when the manifest writes empty elements
// with a space before the slash (as Visual Studio's designer does), else "/>".
func selfCloseStyle(man *manifest.Manifest, el manifest.Element) string {
	if el.End > el.Pos.Offset && el.End <= len(man.Text) {
		tag := man.Text[el.Pos.Offset:el.End]
		if bytes.HasSuffix(tag, []byte(" />")) {
			return " />"
		}
		if bytes.HasSuffix(tag, []byte("/>")) {
			return "/>"
		}
	}
	if bytes.Contains(man.Text, []byte(" />")) {
		return " />"
	}
	return "/>"
}

// taskTypeFor names the task type(s) a trigger needs, for messages:
// `<Task Type="timer"/>` or `<uap:Task Type="mediaProcessing"/>`; the
// documented one for a certain trigger, every accepted one joined with "or"
// for an ambiguous trigger.
func taskTypeFor(info platform.TriggerInfo) string {
	if info.Certain && len(info.Accepted) > 1 {
		info.Accepted = info.Accepted[:1]
	}
	prefix := ""
	if info.Namespace == platform.NSUap {
		prefix = "uap:"
	}
	parts := make([]string, len(info.Accepted))
	for i, t := range info.Accepted {
		parts[i] = "<" + prefix + `Task Type="` + t + `"/>`
	}
	return strings.Join(parts, " or ")
}

// taskLabel names a registration's task for the start of a message.
func taskLabel(r *registration.Registration) string {
	if r.Name.Resolved && r.Name.Str != "" {
		return fmt.Sprintf("background task \"%s\"", r.Name.Str)
	}
	return "a background task"
}

// taskNameSuffix is the registration's task name for messages ("" when unknown).
func taskNameSuffix(r *registration.Registration) string {
	if r.Name.Resolved && r.Name.Str != "" {
		return fmt.Sprintf(" (task \"%s\")", r.Name.Str)
	}
	return ""
}

// ownRegistrations returns the registrations that belong to the App's own
// manifest. When the manifest's project is itself an app (not a packaging
// project), a registration in another app project it references — a UWP
// unit-test app referencing the app under test — registers tasks of that
// other app's manifest, not of this one.
func ownRegistrations(c *Context) []*registration.Registration {
	out := make([]*registration.Registration, 0, len(c.Facts.Registrations))
	foreign := foreignAppFiles(c)
	for i := range c.Facts.Registrations {
		r := &c.Facts.Registrations[i]
		if !foreign[r.Pos.File] {
			out = append(out, r)
		}
	}
	return out
}

// foreignAppFiles are the source files of app projects other than the one
// that owns the manifest (empty unless that owner is an app project).
func foreignAppFiles(c *Context) map[string]bool {
	out := map[string]bool{}
	if c.App == nil || c.App.Project == "" {
		return out
	}
	if own := c.App.ProjectOf(c.App.Project); own == nil || own.Kind != workspace.KindApp {
		return out
	}
	for _, src := range c.App.Sources {
		if src.Project == "" || src.Project == c.App.Project {
			continue
		}
		if p := c.App.ProjectOf(src.Project); p != nil && p.Kind == workspace.KindApp {
			out[src.Path] = true
		}
	}
	return out
}
