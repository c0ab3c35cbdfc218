package rules

import (
	_ "embed"

	"github.com/bgmanifest/bgmanifest/registration"
)

//go:embed docs/BG213.md
var docBG213 string

var metaBG213 = Meta{
	ID:        "BG213",
	Name:      "guid-of-is-not-clsid",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "winrt::guid_of<T>() used as a CLSID: it returns an interface id, not T's class id",
	Doc:       docBG213,
}

type guidOfIsNotCLSID struct{}

func init() { Register(guidOfIsNotCLSID{}) }

func (guidOfIsNotCLSID) Meta() Meta { return metaBG213 }

func (guidOfIsNotCLSID) Check(c *Context) []Finding {
	if !factsComparable(c) {
		return nil
	}
	declared := map[string]bool{}
	for _, cc := range c.Manifest.ComServerClasses {
		declared[normGUID(cc.ID.Value)] = true
	}
	var out []Finding
	report := func(v registration.Value, at registration.Pos, use string) {
		if v.GuidOf == "" || (v.GuidOfIID != "" && declared[normGUID(v.GuidOfIID)]) {
			return
		}
		out = append(out, AtCode(metaBG213, at, "winrt::guid_of<%s>() is passed to %s as a class id, but it returns the id of an "+
			"interface (the first interface %s implements, or its default interface), not the class's own GUID; COM looks for a class "+
			"nobody registers (\"Class not registered\", 0x80040154). Use __uuidof(%s)", v.GuidOf, use, v.GuidOf, v.GuidOf))
	}
	for _, r := range ownRegistrations(c) {
		if !r.CLSIDSet {
			continue
		}
		pos := r.CLSID.Pos
		if len(r.Via) > 0 || !pos.IsValid() {
			pos = r.Pos
		}
		report(r.CLSID, pos, "SetTaskEntryPointClsid")
	}
	for _, cf := range c.Facts.ClassFactories {
		pos := cf.CLSID.Pos
		if !pos.IsValid() {
			pos = cf.Pos
		}
		report(cf.CLSID, pos, cf.Call)
	}
	return out
}
