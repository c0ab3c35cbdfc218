package manifest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/platform"
)

// MaxFileSize is the largest manifest bgmanifest reads. Real manifests are a
// few kilobytes; a bigger file is not a manifest worth holding in memory.
const MaxFileSize = 16 << 20

// ParseFile reads and parses one manifest. The error is only for a file that
// cannot be read; everything wrong with its content is in Problems.
func ParseFile(path string) (*Manifest, error) {
	// fileread refuses FIFOs and devices before reading (a manifest that
	// is a symlink to /dev/stdin would block) and never reads past the
	// limit, even when the file grows meanwhile.
	data, size, err := fileread.Limited(path, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, err)
	}
	if data == nil && size > MaxFileSize {
		m := emptyManifest(path)
		m.Problems = []Problem{{
			Pos:     Pos{Line: 1, Col: 1},
			Message: fmt.Sprintf("manifest is %d MB, larger than the 16 MiB bgmanifest reads", (size+(1<<20)-1)>>20),
		}}
		return m, nil
	}
	return Parse(path, data), nil
}

func emptyManifest(path string) *Manifest {
	return &Manifest{
		Path: path, Encoding: EncUTF8, Newline: "\n",
		Applications: []Application{}, PackageExtensions: []Extension{}, Capabilities: []Capability{},
		BackgroundTasks: []*BackgroundTaskExtension{}, ComServerClasses: []ComClass{}, ActivatableClasses: []ActivatableClass{},
		Text: []byte{}, lines: textpos.New(nil), pointers: &pointerTable{},
	}
}

// Parse reads a manifest from its bytes. It never fails: problems with the
// bytes or the XML are recorded in Problems (with the position of the first
// error) and the model holds whatever could be read.
func Parse(path string, data []byte) *Manifest {
	m := emptyManifest(path)
	dec := decodeBytes(data)
	m.Text, m.Encoding, m.HasBOM = dec.text, dec.encoding, dec.bom
	m.Newline = textpos.DominantNewline(m.Text)
	m.lines = textpos.New(m.Text)
	if dec.problem != "" {
		m.addProblem(dec.problemOff, dec.problem)
		return m
	}
	if len(strings.TrimSpace(string(m.Text))) == 0 {
		m.addProblem(0, "the file is empty")
		return m
	}
	res := scan(m.Text)
	for _, p := range res.problems {
		m.addProblem(p.off, p.msg)
	}
	if res.fatal {
		return m
	}
	// The scan's elements are the tree: each knows its parent, so the
	// children lists are all the builder still needs. (A second parse
	// with etree used to build the tree; it was half of a manifest's
	// parse time and could only agree with the scan, which has already
	// checked the well-formedness encoding/xml leaves to its caller.)
	b := &builder{m: m, raw: res.elems, kids: make([][]int, len(res.elems))}
	for i, e := range res.elems {
		if e.parent >= 0 {
			b.kids[e.parent] = append(b.kids[e.parent], i)
		} else {
			b.roots = append(b.roots, i)
		}
	}
	b.build()
	// The builder's problem (a root other than <Package>) comes after the
	// scan's, though it is earlier in the text: Problems[0] is the first
	// error, the one BG001 reports.
	slices.SortStableFunc(m.Problems, func(a, b Problem) int { return a.Pos.Offset - b.Pos.Offset })
	return m
}

func (m *Manifest) addProblem(off int, msg string) {
	m.Problems = append(m.Problems, Problem{Pos: m.PosAt(off), Message: msg})
}

// builder fills the model from the scanned elements, which are referred
// to by their index in raw (document order).
type builder struct {
	m     *Manifest
	raw   []rawElem
	kids  [][]int // the child elements of each element, in order
	roots []int   // the top-level elements (more than one is a problem the scan reported)
	// ignorable holds the URIs listed in the root's IgnorableNamespaces:
	// unknown elements there are skipped by the platform, so by us too.
	ignorable map[string]bool
}

func (b *builder) rawOf(e int) *rawElem { return &b.raw[e] }

// tag is the local name of an element.
func (b *builder) tag(e int) string { return b.raw[e].local }

// children are the child elements of e.
func (b *builder) children(e int) []int { return b.kids[e] }

// ns is the resolved namespace URI of an element.
func (b *builder) ns(e int) string { return b.rawOf(e).space }

// is reports whether e is the element local in the foundation namespace
// (or the Windows 8 one, which uses the same names).
func (b *builder) isFoundation(e int, local string) bool {
	if b.tag(e) != local {
		return false
	}
	ns := b.ns(e)
	return ns == platform.NSFoundation || ns == platform.NS2010
}

func (b *builder) element(e int) Element {
	r := b.rawOf(e)
	return Element{
		Name: r.local, Namespace: r.space, Prefix: r.prefix,
		Pos: b.m.PosAt(r.start), StartTagEnd: r.startTagEnd, End: r.end,
		SelfClosing: r.selfClosing, Indent: indentBefore(b.m.Text, r.start),
	}
}

// indentBefore is the run of spaces and tabs between the start of the line
// and off, or "" when something else precedes off on its line.
func indentBefore(text []byte, off int) string {
	i := off
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i > 0 && text[i-1] != '\n' && text[i-1] != '\r' {
		return ""
	}
	return string(text[i:off])
}

// attr returns the unprefixed attribute local of e.
func (b *builder) attr(e int, local string) Attr {
	return b.attrNS(e, "", local)
}

// attrNS returns the attribute {space}local of e; space "" is an unprefixed attribute.
func (b *builder) attrNS(e int, space, local string) Attr {
	r := b.rawOf(e)
	for _, a := range r.attrs {
		if a.local == local && a.space == space && a.prefix != "xmlns" && !(a.prefix == "" && a.local == "xmlns") {
			return b.attrOf(a)
		}
	}
	return Attr{Pos: b.m.PosAt(r.start), ValuePos: b.m.PosAt(r.start), End: r.start}
}

func (b *builder) attrOf(a rawAttr) Attr {
	return Attr{Value: a.value, Present: true, Pos: b.m.PosAt(a.nameOff), ValuePos: b.m.PosAt(a.valueOff), End: a.end}
}

func (b *builder) build() {
	if len(b.roots) == 0 {
		return
	}
	root := b.roots[0]
	el := b.element(root)
	b.m.Root = &el
	if !b.isFoundation(root, "Package") {
		b.m.addProblem(b.rawOf(root).start, fmt.Sprintf("the root element is <%s> in namespace %q; an app manifest's root is <Package> in %s", qname(el.Prefix, el.Name), el.Namespace, platform.NSFoundation))
		return
	}
	b.ignorable = b.ignorableNamespaces(root)
	for _, c := range b.children(root) {
		switch {
		case b.isFoundation(c, "Identity"):
			b.m.Identity = &Identity{
				Name: b.attr(c, "Name"), Publisher: b.attr(c, "Publisher"), Version: b.attr(c, "Version"),
				Element: b.element(c),
			}
		case b.isFoundation(c, "Applications"):
			for _, a := range b.children(c) {
				if b.isFoundation(a, "Application") {
					b.m.Applications = append(b.m.Applications, b.application(a))
				}
			}
		case b.isFoundation(c, "Extensions"):
			b.m.PackageExtensions = append(b.m.PackageExtensions, b.extensions(c, LevelPackage)...)
		case b.isFoundation(c, "Capabilities"):
			for _, cap := range b.children(c) {
				if strings.HasSuffix(b.tag(cap), "Capability") {
					b.m.Capabilities = append(b.m.Capabilities, Capability{
						Name: b.attr(cap, "Name"), Kind: b.tag(cap), Namespace: b.ns(cap), Element: b.element(cap),
					})
				}
			}
		}
	}
	b.collect(root, -1)
}

// ignorableNamespaces resolves the prefixes of IgnorableNamespaces (or
// mc:Ignorable) on the root to URIs.
func (b *builder) ignorableNamespaces(root int) map[string]bool {
	out := map[string]bool{}
	r := b.rawOf(root)
	var list string
	for _, a := range r.attrs {
		if a.prefix == "" && a.local == "IgnorableNamespaces" || a.local == "Ignorable" && a.prefix != "" {
			list += " " + a.value
		}
	}
	for _, p := range strings.Fields(list) {
		for _, a := range r.attrs {
			if a.prefix == "xmlns" && a.local == p {
				out[a.value] = true
			}
		}
	}
	return out
}

func (b *builder) application(a int) Application {
	app := Application{
		ID: b.attr(a, "Id"), Executable: b.attr(a, "Executable"), EntryPoint: b.attr(a, "EntryPoint"),
		StartPage: b.attr(a, "StartPage"), Element: b.element(a), Extensions: []Extension{},
	}
	for _, c := range b.children(a) {
		if b.isFoundation(c, "Extensions") && app.ExtensionsElement == nil {
			el := b.element(c)
			app.ExtensionsElement = &el
			app.Extensions = b.extensions(c, LevelApplication)
		}
	}
	return app
}

func (b *builder) extensions(container int, level Level) []Extension {
	out := []Extension{}
	for _, x := range b.children(container) {
		if b.tag(x) == "Extension" {
			out = append(out, Extension{
				Category: b.attr(x, "Category"), EntryPoint: b.attr(x, "EntryPoint"),
				Executable: b.attr(x, "Executable"), Element: b.element(x), Level: level,
			})
		}
	}
	return out
}

// collect walks the whole tree for the extensions the rules need, wherever
// they sit: a misplaced windows.backgroundTasks is still reported (BG002).
// appIndex is the index of the enclosing Application, -1 outside one.
func (b *builder) collect(e int, appIndex int) {
	if b.isFoundation(e, "Application") {
		appIndex = b.applicationIndex(e)
	}
	if b.tag(e) == "Extension" {
		switch b.attr(e, "Category").Value {
		case "windows.backgroundTasks":
			b.m.BackgroundTasks = append(b.m.BackgroundTasks, b.backgroundTasks(e, appIndex))
		case "windows.comServer":
			b.comServer(e)
		case "windows.activatableClass.inProcessServer", "windows.activatableClass.outOfProcessServer":
			b.activatableClasses(e)
		case "windows.toastNotificationActivation":
			for _, c := range b.children(e) {
				if b.tag(c) == "ToastNotificationActivation" {
					b.m.ToastActivators = append(b.m.ToastActivators, ToastActivator{CLSID: b.attr(c, "ToastActivatorCLSID"), AppIndex: appIndex, Element: b.element(c)})
				}
			}
		case "windows.startupTask":
			for _, c := range b.children(e) {
				if b.tag(c) == "StartupTask" {
					b.m.StartupTasks = append(b.m.StartupTasks, StartupTask{TaskID: b.attr(c, "TaskId"), AppIndex: appIndex, Element: b.element(c)})
				}
			}
		}
	}
	for _, c := range b.children(e) {
		b.collect(c, appIndex)
	}
}

func (b *builder) applicationIndex(e int) int {
	start := b.rawOf(e).start
	for i, a := range b.m.Applications {
		if a.Element.Pos.Offset == start {
			return i
		}
	}
	return -1
}

// Attributes the foundation Extension and BackgroundTasks may carry without
// a namespace prefix (CT_ApplicationExtension, CT_BackgroundTasks).
var (
	extensionAttrs       = []string{"Category", "EntryPoint", "Executable", "StartPage", "RuntimeType", "ResourceGroup"}
	backgroundTasksAttrs = []string{"ServerName"}
	taskAttrs            = []string{"Type"}
)

func (b *builder) backgroundTasks(x int, appIndex int) *BackgroundTaskExtension {
	bt := &BackgroundTaskExtension{
		Element: b.element(x), Level: LevelPackage, AppIndex: appIndex,
		EntryPoint: b.attr(x, "EntryPoint"), Executable: b.attr(x, "Executable"), StartPage: b.attr(x, "StartPage"),
		RuntimeType: b.attr(x, "RuntimeType"), ResourceGroup: b.attr(x, "ResourceGroup"),
		Tasks: []Task{},
	}
	if appIndex >= 0 {
		app := b.m.Applications[appIndex]
		bt.Level, bt.Application = LevelApplication, app.ID.Value
		if !bt.EntryPoint.Present && app.EntryPoint.Present {
			bt.InheritedEntryPoint = app.EntryPoint.Value
		}
	}
	bt.UnknownAttrs = b.unknownAttrs(x, extensionAttrs, nil)
	for _, c := range b.children(x) {
		if b.tag(c) == "BackgroundTasks" && bt.BackgroundTasks == nil && (b.ns(c) == b.ns(x) || b.isFoundation(c, "BackgroundTasks")) {
			el := b.element(c)
			bt.BackgroundTasks = &el
			b.fillTasks(bt, c)
			continue
		}
		if !b.ignorable[b.ns(c)] {
			bt.UnknownChildren = append(bt.UnknownChildren, b.element(c))
		}
	}
	return bt
}

func (b *builder) fillTasks(bt *BackgroundTaskExtension, tasks int) {
	bt.ServerName = b.attr(tasks, "ServerName")
	smi := platform.NSUap4
	bt.SupportsMultipleInstances = b.attrNS(tasks, smi, "SupportsMultipleInstances")
	bt.UnknownAttrs = append(bt.UnknownAttrs, b.unknownAttrs(tasks, backgroundTasksAttrs, map[string]string{smi: "SupportsMultipleInstances"})...)
	for _, t := range b.children(tasks) {
		if b.tag(t) == "Task" && platform.IsTaskNamespace(b.ns(t)) {
			bt.Tasks = append(bt.Tasks, Task{Type: b.attr(t, "Type"), Namespace: b.ns(t), Element: b.element(t)})
			bt.UnknownAttrs = append(bt.UnknownAttrs, b.unknownAttrs(t, taskAttrs, nil)...)
			for _, c := range b.children(t) {
				bt.UnknownChildren = append(bt.UnknownChildren, b.element(c))
			}
			continue
		}
		if !b.ignorable[b.ns(t)] {
			bt.UnknownChildren = append(bt.UnknownChildren, b.element(t))
		}
	}
}

// unknownAttrs lists the unprefixed attributes of e that are not in known,
// and namespaced ones in a namespace of knownNS with another local name.
// Other namespaced attributes are left alone: later schemas add them
// (uap10:TrustLevel, uap11:..., desktop7:...) and they are not ours to judge.
func (b *builder) unknownAttrs(e int, known []string, knownNS map[string]string) []UnknownAttr {
	var out []UnknownAttr
	r := b.rawOf(e)
	for _, a := range r.attrs {
		if a.prefix == "xmlns" || a.prefix == "" && a.local == "xmlns" {
			continue
		}
		name := a.local
		if a.prefix != "" {
			want, ok := knownNS[a.space]
			if !ok || want == a.local {
				continue
			}
			name = "{" + a.space + "}" + a.local
		} else if slices.Contains(known, a.local) {
			continue
		}
		out = append(out, UnknownAttr{Name: name, Element: r.local, Pos: b.m.PosAt(a.nameOff)})
	}
	return out
}

// comServer reads com:ComServer/com:ExeServer/com:Class (any com namespace version).
func (b *builder) comServer(x int) {
	for _, server := range b.children(x) {
		if b.tag(server) != "ComServer" || !platform.IsComNamespace(b.ns(server)) {
			continue
		}
		for _, exe := range b.children(server) {
			if b.tag(exe) != "ExeServer" || !platform.IsComNamespace(b.ns(exe)) {
				continue
			}
			executable := b.attr(exe, "Executable").Value
			for _, cls := range b.children(exe) {
				if b.tag(cls) == "Class" && platform.IsComNamespace(b.ns(cls)) {
					b.m.ComServerClasses = append(b.m.ComServerClasses, ComClass{ID: b.attr(cls, "Id"), Executable: executable, Element: b.element(cls)})
				}
			}
		}
	}
}

// activatableClasses reads InProcessServer/OutOfProcessServer: Path and ActivatableClass.
func (b *builder) activatableClasses(x int) {
	for _, server := range b.children(x) {
		if b.tag(server) != "InProcessServer" && b.tag(server) != "OutOfProcessServer" {
			continue
		}
		path := ""
		for _, c := range b.children(server) {
			if b.tag(c) == "Path" {
				path = strings.TrimSpace(b.raw[c].text)
			}
		}
		for _, c := range b.children(server) {
			if b.tag(c) == "ActivatableClass" {
				b.m.ActivatableClasses = append(b.m.ActivatableClasses, ActivatableClass{ID: b.attr(c, "ActivatableClassId"), Path: path, Element: b.element(c), InProcess: b.tag(server) == "InProcessServer"})
			}
		}
	}
}
