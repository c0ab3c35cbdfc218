package manifest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"
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
	doc := etree.NewDocument()
	doc.ReadSettings.CharsetReader = passThroughCharset
	if err := doc.ReadFromBytes(m.Text); err != nil {
		m.addProblem(0, "not well-formed XML: "+err.Error())
		return m
	}
	b := &builder{m: m, raw: res.elems, index: map[*etree.Element]int{}}
	if !b.indexTree(doc) {
		m.addProblem(0, "internal error: the XML tree and the position scan disagree; positions are not reliable")
		return m
	}
	b.build(doc)
	return m
}

func (m *Manifest) addProblem(off int, msg string) {
	m.Problems = append(m.Problems, Problem{Pos: m.PosAt(off), Message: msg})
}

// builder fills the model from the etree document, taking positions from
// the scan.
type builder struct {
	m     *Manifest
	raw   []rawElem
	index map[*etree.Element]int
	// ignorable holds the URIs listed in the root's IgnorableNamespaces:
	// unknown elements there are skipped by the platform, so by us too.
	ignorable map[string]bool
}

// indexTree pairs etree's elements with the scanned ones: both are in
// document order, so the i-th element of a pre-order walk is the i-th start
// tag. The local names must agree all the way.
func (b *builder) indexTree(doc *etree.Document) bool {
	i := 0
	ok := true
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		if !ok {
			return
		}
		if i >= len(b.raw) || b.raw[i].local != e.Tag {
			ok = false
			return
		}
		b.index[e] = i
		i++
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	for _, c := range doc.ChildElements() {
		walk(c)
	}
	return ok && i == len(b.raw)
}

func (b *builder) rawOf(e *etree.Element) *rawElem { return &b.raw[b.index[e]] }

// ns is the resolved namespace URI of an element.
func (b *builder) ns(e *etree.Element) string { return b.rawOf(e).space }

// is reports whether e is the element local in the foundation namespace
// (or the Windows 8 one, which uses the same names).
func (b *builder) isFoundation(e *etree.Element, local string) bool {
	if e.Tag != local {
		return false
	}
	ns := b.ns(e)
	return ns == platform.NSFoundation || ns == platform.NS2010
}

func (b *builder) element(e *etree.Element) Element {
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
func (b *builder) attr(e *etree.Element, local string) Attr {
	return b.attrNS(e, "", local)
}

// attrNS returns the attribute {space}local of e; space "" is an unprefixed attribute.
func (b *builder) attrNS(e *etree.Element, space, local string) Attr {
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

// children are the child elements of e.
func children(e *etree.Element) []*etree.Element { return e.ChildElements() }

func (b *builder) build(doc *etree.Document) {
	roots := doc.ChildElements()
	if len(roots) == 0 {
		return
	}
	root := roots[0]
	el := b.element(root)
	b.m.Root = &el
	if !b.isFoundation(root, "Package") {
		b.m.addProblem(b.rawOf(root).start, fmt.Sprintf("the root element is <%s> in namespace %q; an app manifest's root is <Package> in %s", qname(el.Prefix, el.Name), el.Namespace, platform.NSFoundation))
		return
	}
	b.ignorable = b.ignorableNamespaces(root)
	for _, c := range children(root) {
		switch {
		case b.isFoundation(c, "Identity"):
			b.m.Identity = &Identity{
				Name: b.attr(c, "Name"), Publisher: b.attr(c, "Publisher"), Version: b.attr(c, "Version"),
				Element: b.element(c),
			}
		case b.isFoundation(c, "Applications"):
			for _, a := range children(c) {
				if b.isFoundation(a, "Application") {
					b.m.Applications = append(b.m.Applications, b.application(a))
				}
			}
		case b.isFoundation(c, "Extensions"):
			b.m.PackageExtensions = append(b.m.PackageExtensions, b.extensions(c, LevelPackage)...)
		case b.isFoundation(c, "Capabilities"):
			for _, cap := range children(c) {
				if strings.HasSuffix(cap.Tag, "Capability") {
					b.m.Capabilities = append(b.m.Capabilities, Capability{
						Name: b.attr(cap, "Name"), Kind: cap.Tag, Namespace: b.ns(cap), Element: b.element(cap),
					})
				}
			}
		}
	}
	b.collect(root, -1)
}

// ignorableNamespaces resolves the prefixes of IgnorableNamespaces (or
// mc:Ignorable) on the root to URIs.
func (b *builder) ignorableNamespaces(root *etree.Element) map[string]bool {
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

func (b *builder) application(a *etree.Element) Application {
	app := Application{
		ID: b.attr(a, "Id"), Executable: b.attr(a, "Executable"), EntryPoint: b.attr(a, "EntryPoint"),
		StartPage: b.attr(a, "StartPage"), Element: b.element(a), Extensions: []Extension{},
	}
	for _, c := range children(a) {
		if b.isFoundation(c, "Extensions") && app.ExtensionsElement == nil {
			el := b.element(c)
			app.ExtensionsElement = &el
			app.Extensions = b.extensions(c, LevelApplication)
		}
	}
	return app
}

func (b *builder) extensions(container *etree.Element, level Level) []Extension {
	out := []Extension{}
	for _, x := range children(container) {
		if x.Tag == "Extension" {
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
func (b *builder) collect(e *etree.Element, appIndex int) {
	if b.isFoundation(e, "Application") {
		appIndex = b.applicationIndex(e)
	}
	if e.Tag == "Extension" {
		switch b.attr(e, "Category").Value {
		case "windows.backgroundTasks":
			b.m.BackgroundTasks = append(b.m.BackgroundTasks, b.backgroundTasks(e, appIndex))
		case "windows.comServer":
			b.comServer(e)
		case "windows.activatableClass.inProcessServer", "windows.activatableClass.outOfProcessServer":
			b.activatableClasses(e)
		case "windows.toastNotificationActivation":
			for _, c := range children(e) {
				if c.Tag == "ToastNotificationActivation" {
					b.m.ToastActivators = append(b.m.ToastActivators, ToastActivator{CLSID: b.attr(c, "ToastActivatorCLSID"), AppIndex: appIndex, Element: b.element(c)})
				}
			}
		case "windows.startupTask":
			for _, c := range children(e) {
				if c.Tag == "StartupTask" {
					b.m.StartupTasks = append(b.m.StartupTasks, StartupTask{TaskID: b.attr(c, "TaskId"), AppIndex: appIndex, Element: b.element(c)})
				}
			}
		}
	}
	for _, c := range children(e) {
		b.collect(c, appIndex)
	}
}

func (b *builder) applicationIndex(e *etree.Element) int {
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

func (b *builder) backgroundTasks(x *etree.Element, appIndex int) *BackgroundTaskExtension {
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
	for _, c := range children(x) {
		if c.Tag == "BackgroundTasks" && bt.BackgroundTasks == nil && (b.ns(c) == b.ns(x) || b.isFoundation(c, "BackgroundTasks")) {
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

func (b *builder) fillTasks(bt *BackgroundTaskExtension, tasks *etree.Element) {
	bt.ServerName = b.attr(tasks, "ServerName")
	smi := platform.NSUap4
	bt.SupportsMultipleInstances = b.attrNS(tasks, smi, "SupportsMultipleInstances")
	bt.UnknownAttrs = append(bt.UnknownAttrs, b.unknownAttrs(tasks, backgroundTasksAttrs, map[string]string{smi: "SupportsMultipleInstances"})...)
	for _, t := range children(tasks) {
		if t.Tag == "Task" && platform.IsTaskNamespace(b.ns(t)) {
			bt.Tasks = append(bt.Tasks, Task{Type: b.attr(t, "Type"), Namespace: b.ns(t), Element: b.element(t)})
			bt.UnknownAttrs = append(bt.UnknownAttrs, b.unknownAttrs(t, taskAttrs, nil)...)
			for _, c := range children(t) {
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
func (b *builder) unknownAttrs(e *etree.Element, known []string, knownNS map[string]string) []UnknownAttr {
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
func (b *builder) comServer(x *etree.Element) {
	for _, server := range children(x) {
		if server.Tag != "ComServer" || !platform.IsComNamespace(b.ns(server)) {
			continue
		}
		for _, exe := range children(server) {
			if exe.Tag != "ExeServer" || !platform.IsComNamespace(b.ns(exe)) {
				continue
			}
			executable := b.attr(exe, "Executable").Value
			for _, cls := range children(exe) {
				if cls.Tag == "Class" && platform.IsComNamespace(b.ns(cls)) {
					b.m.ComServerClasses = append(b.m.ComServerClasses, ComClass{ID: b.attr(cls, "Id"), Executable: executable, Element: b.element(cls)})
				}
			}
		}
	}
}

// activatableClasses reads InProcessServer/OutOfProcessServer: Path and ActivatableClass.
func (b *builder) activatableClasses(x *etree.Element) {
	for _, server := range children(x) {
		if server.Tag != "InProcessServer" && server.Tag != "OutOfProcessServer" {
			continue
		}
		path := ""
		for _, c := range children(server) {
			if c.Tag == "Path" {
				path = strings.TrimSpace(c.Text())
			}
		}
		for _, c := range children(server) {
			if c.Tag == "ActivatableClass" {
				b.m.ActivatableClasses = append(b.m.ActivatableClasses, ActivatableClass{ID: b.attr(c, "ActivatableClassId"), Path: path, Element: b.element(c), InProcess: server.Tag == "InProcessServer"})
			}
		}
	}
}
