package rules

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

//go:embed docs/BG302.md
var docBG302 string

var metaBG302 = Meta{
	ID:        "BG302",
	Name:      "com-class-not-served",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "SetTaskEntryPointClsid(G) and com:Class G, but the program registers class objects only for other CLSIDs",
	Doc:       docBG302,
}

type comClassNotServed struct{}

func init() { Register(comClassNotServed{}) }

func (comClassNotServed) Meta() Meta { return metaBG302 }

func (comClassNotServed) Check(c *Context) []Finding {
	if !factsComparable(c) || !sourcesComplete(c) {
		return nil
	}
	served, ok := bg302Served(c.Facts)
	if !ok {
		return nil
	}
	declared := map[string]bool{}
	for _, cc := range c.Manifest.ComServerClasses {
		declared[normGUID(cc.ID.Value)] = true
	}
	var out []Finding
	for _, r := range ownRegistrations(c) {
		if !r.CLSIDSet || !r.CLSID.Resolved {
			continue
		}
		g := normGUID(r.CLSID.Str)
		if !isGUID(g) || !declared[g] || served[g] != nil {
			continue // BG107 speaks for an undeclared CLSID
		}
		pos := r.CLSID.Pos
		if len(r.Via) > 0 || !pos.IsValid() {
			pos = r.Pos
		}
		var others []string
		for _, f := range c.Facts.ClassFactories {
			others = append(others, normGUID(f.CLSID.Str))
		}
		f := AtCode(metaBG302, pos, "%s is registered with SetTaskEntryPointClsid(%s) and %s declares <com:Class Id=\"%s\">, "+
			"but the program registers class objects only for %s: COM starts the server and waits in vain for class %s "+
			"(\"Server execution failed\", 0x80080005), so the task never runs",
			taskLabel(r), g, manifestName(c.Manifest), g, strings.Join(dedupe(others), ", "), g)
		for _, cf := range c.Facts.ClassFactories {
			f.Related = append(f.Related, RelatedCode(cf.Pos, fmt.Sprintf("%s registers %s here", cf.Call, normGUID(cf.CLSID.Str))))
		}
		out = append(out, f)
	}
	return out
}

// bg302Served maps the CLSIDs of the class objects the program registers
// to their registrations. ok is false when it registers none, or one whose
// CLSID is not resolved: then nobody can say which classes it serves.
func bg302Served(f *registration.Facts) (map[string]*registration.ClassFactory, bool) {
	if len(f.ClassFactories) == 0 || len(f.Notes) > 0 {
		return nil, false
	}
	out := map[string]*registration.ClassFactory{}
	for i := range f.ClassFactories {
		cf := &f.ClassFactories[i]
		g := normGUID(cf.CLSID.Str)
		if !cf.CLSID.Resolved || !isGUID(g) {
			return nil, false
		}
		out[g] = cf
	}
	return out, true
}

// dedupe keeps the first of each string, in order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
