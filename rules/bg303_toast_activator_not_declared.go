package rules

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

//go:embed docs/BG303.md
var docBG303 string

var metaBG303 = Meta{
	ID:        "BG303",
	Name:      "toast-activator-not-declared",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "ToastActivatorCLSID names no com:Class of an ExeServer, or the activator class in code has another GUID",
	Doc:       docBG303,
}

type toastActivatorNotDeclared struct{}

func init() { Register(toastActivatorNotDeclared{}) }

func (toastActivatorNotDeclared) Meta() Meta { return metaBG303 }

func (toastActivatorNotDeclared) Check(c *Context) []Finding {
	if c == nil || c.Manifest == nil || len(c.Manifest.Problems) > 0 {
		return nil
	}
	declared := map[string]bool{}
	for _, cc := range c.Manifest.ComServerClasses {
		declared[normGUID(cc.ID.Value)] = true
	}
	var out []Finding
	for _, ta := range c.Manifest.ToastActivators {
		g := normGUID(ta.CLSID.Value)
		if !ta.CLSID.Present || !isGUID(g) {
			continue // a build-time placeholder, or BG002's matter
		}
		pos := attrPos(ta.CLSID, ta.Element)
		if !declared[g] {
			out = append(out, AtManifest(metaBG303, c.Manifest, pos, "ToastActivatorCLSID \"%s\" in %s names no <com:Class Id=\"%s\"> of a "+
				"com:ExeServer, so Windows cannot start the app when the user clicks a toast (the click does nothing)", g, manifestName(c.Manifest), g))
			continue
		}
		if others := bg303OtherActivators(c.Facts, g); len(others) > 0 {
			f := AtManifest(metaBG303, c.Manifest, pos, "ToastActivatorCLSID \"%s\" in %s is not the GUID of the app's toast activator class "+
				"(%s), so the server never provides class %s and clicking a toast does nothing", g, manifestName(c.Manifest), bg303Names(others), g)
			for _, a := range others {
				f.Related = append(f.Related, RelatedCode(a.Pos, fmt.Sprintf("%s has GUID %s", a.Name, a.GUID)))
			}
			out = append(out, f)
		}
	}
	return out
}

// bg303OtherActivators returns the toast activator classes of the code
// when every one has a GUID and none is g; nil otherwise.
func bg303OtherActivators(f *registration.Facts, g string) []registration.ComClassGUID {
	if f == nil || len(f.Notes) > 0 || len(f.ToastActivators) == 0 {
		return nil
	}
	for _, a := range f.ToastActivators {
		if a.GUID == "" || normGUID(a.GUID) == g {
			return nil
		}
	}
	return f.ToastActivators
}

func bg303Names(as []registration.ComClassGUID) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, fmt.Sprintf("%s: %s", a.Name, a.GUID))
	}
	return strings.Join(parts, "; ")
}
