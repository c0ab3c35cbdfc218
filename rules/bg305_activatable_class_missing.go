package rules

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/registration"
)

//go:embed docs/BG305.md
var docBG305 string

var metaBG305 = Meta{
	ID:        "BG305",
	Name:      "activatable-class-missing",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "an inProcessServer ActivatableClassId names a class that no project of the App defines",
	Doc:       docBG305,
}

type activatableClassMissing struct{}

func init() { Register(activatableClassMissing{}) }

func (activatableClassMissing) Meta() Meta { return metaBG305 }

func (activatableClassMissing) Check(c *Context) []Finding {
	if !factsComparable(c) || c.App == nil || !c.App.SourcesFound || someSourceUnreadable(c.Facts) {
		return nil
	}
	known := map[string]bool{}
	bySimple := map[string][]string{}
	for _, tc := range c.Facts.TaskClasses {
		n := registration.NormClassName(tc.Name)
		if !known[n] {
			known[n] = true
			bySimple[simpleName(n)] = append(bySimple[simpleName(n)], n)
		}
	}
	for _, tc := range c.Facts.ElsewhereClasses {
		known[registration.NormClassName(tc.Name)] = true // BG108's matter
	}
	var out []Finding
	reported := map[string]bool{}
	for _, ac := range c.Manifest.ActivatableClasses {
		x := strings.TrimSpace(ac.ID.Value)
		if !ac.InProcess || x == "" || x == winAppSDKEntryPoint || !strings.Contains(x, ".") || strings.ContainsAny(x, `$ /\`) ||
			known[x] || reported[x] {
			continue
		}
		if bg103FromUnseenBinary(c, x) || !bg103SearchedEverywhere(c, x) || generatedByXamlCompiler(x) {
			continue
		}
		reported[x] = true
		msg := fmt.Sprintf("ActivatableClassId \"%s\" in %s names a class that no project of this App defines, and no reference of "+
			"the App can supply it, so the class cannot be activated (APPX0501 at packaging, or \"Class not registered\", 0x80040154)",
			x, manifestName(c.Manifest))
		if others := bySimple[simpleName(x)]; len(others) > 0 {
			msg += fmt.Sprintf("; did you mean \"%s\"?", others[0])
		}
		out = append(out, AtManifest(metaBG305, c.Manifest, attrPos(ac.ID, ac.Element), "%s", msg))
	}
	return out
}

// generatedByXamlCompiler reports the XAML type-information provider a
// component with XAML pages gets from the XAML compiler at build time
// (C#: Root.Root_XamlTypeInfo.XamlMetaDataProvider; C++/WinRT:
// Root.XamlMetaDataProvider). A C++ app hosting the component lists it
// among the activatable classes, and no source file of the repository
// defines it.
func generatedByXamlCompiler(class string) bool {
	return simpleName(class) == "XamlMetaDataProvider"
}
