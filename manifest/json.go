package manifest

import (
	"strconv"
	"strings"
	"sync"
)

// pointerTable maps JSON pointers into JSONModel to positions. Parse
// allocates it empty and the first PosOf fills it, once, so that a parsed
// Manifest can be read from several goroutines.
type pointerTable struct {
	once sync.Once
	pos  map[string]Pos
}

// JSONModel is the manifest in the JSON form that `bgmanifest dump` prints
// and schema/manifest.schema.json describes. Attributes appear only when
// present, with their values as written; every object carries the line and
// column of its element. PosOf maps a JSON pointer into this value back to
// the XML position.
func (m *Manifest) JSONModel() map[string]any {
	j := &jsonBuilder{m: m}
	return j.model()
}

// JSONModelWithoutPositions is JSONModel without the line and column of
// elements and unknown attributes (problems keep theirs), for schema
// validation: half the values the validator visits are positions, and the
// manifest schema holds each to an integer ≥ 1 and requires them only on
// problems. ok is false when some dropped position is below 1: such a model
// must be validated whole, so that the schema reports it.
func (m *Manifest) JSONModelWithoutPositions() (model map[string]any, ok bool) {
	j := &jsonBuilder{m: m, lean: true}
	out := j.model()
	return out, !j.badPos
}

type builtJSON struct {
	out map[string]any
	pos map[string]Pos
}

func (m *Manifest) buildJSON() builtJSON {
	j := &jsonBuilder{m: m, pos: map[string]Pos{}}
	out := j.model()
	return builtJSON{out, j.pos}
}

// PosOf returns the position of the node at a JSON pointer into JSONModel
// ("/backgroundTasks/0/backgroundTasks/tasks/1/type"): an attribute's value,
// else the element. A pointer below a recorded node falls back to the
// nearest recorded ancestor. False when nothing on the path is recorded.
func (m *Manifest) PosOf(pointer string) (Pos, bool) {
	var pointers map[string]Pos
	if t := m.pointers; t != nil {
		t.once.Do(func() { t.pos = m.buildJSON().pos })
		pointers = t.pos
	} else { // a Manifest not made by Parse
		pointers = m.buildJSON().pos
	}
	for p := pointer; ; {
		if pos, ok := pointers[p]; ok {
			return pos, true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return Pos{}, false
		}
		p = p[:i]
	}
}

type jsonBuilder struct {
	m *Manifest
	// pos, when not nil, receives the position of every pointer.
	pos map[string]Pos
	// lean leaves line and column out of elements and unknown attributes;
	// badPos records that one of them was below 1.
	lean, badPos bool
}

// record notes the position of the node at ptr, when positions are wanted.
func (j *jsonBuilder) record(ptr string, p Pos) {
	if j.pos != nil {
		j.pos[ptr] = p
	}
}

// node starts an object for an element and records its position.
func (j *jsonBuilder) node(ptr string, e Element) map[string]any {
	j.record(ptr, e.Pos)
	o := map[string]any{}
	j.position(o, e.Pos)
	return o
}

// position adds line and column to an element's or attribute's object,
// unless the model is lean.
func (j *jsonBuilder) position(o map[string]any, p Pos) {
	if !j.lean {
		o["line"], o["column"] = p.Line, p.Col
		return
	}
	if p.Line < 1 || p.Col < 1 {
		j.badPos = true
	}
}

// attr adds a present attribute under key and records its value position.
func (j *jsonBuilder) attr(obj map[string]any, ptr, key string, a Attr) {
	if !a.Present {
		return
	}
	obj[key] = a.Value
	if j.pos != nil {
		j.pos[ptr+"/"+key] = a.ValuePos
	}
}

func idx(ptr string, i int) string { return ptr + "/" + strconv.Itoa(i) }

func (j *jsonBuilder) model() map[string]any {
	m := j.m
	out := map[string]any{"path": m.Path, "encoding": m.Encoding}
	if m.Root != nil {
		j.record("", m.Root.Pos)
	} else {
		j.record("", Pos{Line: 1, Col: 1})
	}
	if m.Identity != nil {
		id := j.node("/identity", m.Identity.Element)
		j.attr(id, "/identity", "name", m.Identity.Name)
		j.attr(id, "/identity", "publisher", m.Identity.Publisher)
		j.attr(id, "/identity", "version", m.Identity.Version)
		out["identity"] = id
	}
	apps := []any{}
	for i, a := range m.Applications {
		ptr := idx("/applications", i)
		o := j.node(ptr, a.Element)
		j.attr(o, ptr, "id", a.ID)
		j.attr(o, ptr, "executable", a.Executable)
		j.attr(o, ptr, "entryPoint", a.EntryPoint)
		j.attr(o, ptr, "startPage", a.StartPage)
		o["extensions"] = j.extensions(ptr+"/extensions", a.Extensions)
		apps = append(apps, o)
	}
	out["applications"] = apps
	out["packageExtensions"] = j.extensions("/packageExtensions", m.PackageExtensions)
	caps := []any{}
	for i, c := range m.Capabilities {
		ptr := idx("/capabilities", i)
		o := j.node(ptr, c.Element)
		o["kind"], o["namespace"] = c.Kind, c.Namespace
		j.attr(o, ptr, "name", c.Name)
		caps = append(caps, o)
	}
	out["capabilities"] = caps
	bts := []any{}
	for i, b := range m.BackgroundTasks {
		bts = append(bts, j.backgroundTasks(idx("/backgroundTasks", i), b))
	}
	out["backgroundTasks"] = bts
	com := []any{}
	for i, c := range m.ComServerClasses {
		com = append(com, j.classWithID(idx("/comServerClasses", i), c.Element, c.ID, "executable", c.Executable))
	}
	out["comServerClasses"] = com
	acts := []any{}
	for i, c := range m.ActivatableClasses {
		acts = append(acts, j.classWithID(idx("/activatableClasses", i), c.Element, c.ID, "path", c.Path))
	}
	out["activatableClasses"] = acts
	probs := []any{}
	for i, p := range m.Problems {
		j.record(idx("/problems", i), p.Pos)
		probs = append(probs, map[string]any{"line": p.Pos.Line, "column": p.Pos.Col, "message": p.Message})
	}
	out["problems"] = probs
	return out
}

// classWithID is a COM server class or an activatable class: its Id
// attribute (with position) and the one plain value that says where the
// class lives (key "executable" or "path").
func (j *jsonBuilder) classWithID(ptr string, e Element, id Attr, key, value string) map[string]any {
	o := j.node(ptr, e)
	j.attr(o, ptr, "id", id)
	o[key] = value
	return o
}

func (j *jsonBuilder) extensions(ptr string, xs []Extension) []any {
	out := []any{}
	for i, x := range xs {
		p := idx(ptr, i)
		o := j.node(p, x.Element)
		o["namespace"], o["level"] = x.Element.Namespace, string(x.Level)
		j.attr(o, p, "category", x.Category)
		j.attr(o, p, "entryPoint", x.EntryPoint)
		j.attr(o, p, "executable", x.Executable)
		out = append(out, o)
	}
	return out
}

func (j *jsonBuilder) backgroundTasks(ptr string, b *BackgroundTaskExtension) map[string]any {
	o := j.node(ptr, b.Element)
	o["level"], o["namespace"], o["element"] = string(b.Level), b.Element.Namespace, qname(b.Element.Prefix, b.Element.Name)
	if b.Level == LevelApplication {
		o["application"] = b.Application
	}
	j.record(ptr+"/level", b.Element.Pos)
	j.record(ptr+"/namespace", b.Element.Pos)
	j.attr(o, ptr, "entryPoint", b.EntryPoint)
	j.attr(o, ptr, "executable", b.Executable)
	j.attr(o, ptr, "startPage", b.StartPage)
	j.attr(o, ptr, "runtimeType", b.RuntimeType)
	j.attr(o, ptr, "resourceGroup", b.ResourceGroup)
	if b.InheritedEntryPoint != "" {
		o["inheritedEntryPoint"] = b.InheritedEntryPoint
	}
	unknownAttrs := []any{}
	for i, a := range b.UnknownAttrs {
		j.record(idx(ptr+"/unknownAttributes", i), a.Pos)
		u := map[string]any{"name": a.Name, "element": a.Element}
		j.position(u, a.Pos)
		unknownAttrs = append(unknownAttrs, u)
	}
	o["unknownAttributes"] = unknownAttrs
	unknownChildren := []any{}
	for i, c := range b.UnknownChildren {
		p := idx(ptr+"/unknownChildren", i)
		u := j.node(p, c)
		u["name"], u["namespace"] = qname(c.Prefix, c.Name), c.Namespace
		unknownChildren = append(unknownChildren, u)
	}
	o["unknownChildren"] = unknownChildren
	if b.BackgroundTasks == nil {
		return o
	}
	bp := ptr + "/backgroundTasks"
	bt := j.node(bp, *b.BackgroundTasks)
	j.attr(bt, bp, "serverName", b.ServerName)
	j.attr(bt, bp, "supportsMultipleInstances", b.SupportsMultipleInstances)
	tasks := []any{}
	for i, t := range b.Tasks {
		tp := idx(bp+"/tasks", i)
		to := j.node(tp, t.Element)
		to["namespace"], to["element"] = t.Namespace, qname(t.Element.Prefix, t.Element.Name)
		j.attr(to, tp, "type", t.Type)
		tasks = append(tasks, to)
	}
	bt["tasks"] = tasks
	o["backgroundTasks"] = bt
	return o
}
