package rules

import (
	"sort"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

// Where findings point, and the order of source positions.

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
	if !t.Pos.IsValid() {
		return r.Pos
	}
	if len(r.Via) > 0 {
		// a trigger the caller set on the builder a helper returned lies
		// between the helper's call and the caller's Register()
		if r.RegisteredByCaller && len(r.RegisterCalls) > 0 && t.Pos.File == r.Pos.File &&
			posLess(r.Pos, t.Pos) && posLess(t.Pos, r.RegisterCalls[0]) {
			return t.Pos
		}
		return r.Pos
	}
	return t.Pos
}

// registrationPos is where a finding about a registration as a whole
// points: the builder's creation, or the call of the helper it goes
// through (r.Pos). A builder registered several times (one builder reused
// for several tasks) has one creation for all its registrations; there
// each points at its own Register() call, which is where that
// registration happens and tells the findings apart.
func registrationPos(f *registration.Facts, r *registration.Registration) registration.Pos {
	if f == nil || len(r.Via) > 0 || len(r.RegisterCalls) != 1 || !r.RegisterCalls[0].IsValid() {
		return r.Pos
	}
	for i := range f.Registrations {
		o := &f.Registrations[i]
		if o.Pos == r.Pos && len(o.Via) == 0 && len(o.RegisterCalls) == 1 && o.RegisterCalls[0] != r.RegisterCalls[0] {
			return r.RegisterCalls[0]
		}
	}
	return r.Pos
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

// validPositions drops positions the scanner did not record.
func validPositions(ps []registration.Pos) []registration.Pos {
	out := ps[:0:0]
	for _, p := range ps {
		if p.IsValid() {
			out = append(out, p)
		}
	}
	return out
}

// posLess orders positions by file, line, column.
func posLess(a, b registration.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// posBefore reports whether a comes strictly before b in the same file.
func posBefore(a, b registration.Pos) bool {
	return a.File == b.File && (a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col))
}

func sortPos(ps []registration.Pos) {
	sort.SliceStable(ps, func(i, j int) bool { return posLess(ps[i], ps[j]) })
}
