package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/manifest"
)

//go:embed docs/BG301.md
var docBG301 string

var metaBG301 = Meta{
	ID:        "BG301",
	Name:      "winappsdk-task-not-declared",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "the Windows App SDK BackgroundTaskBuilder registers a task and no windows.backgroundTasks extension declares UniversalBGTask.Task",
	Doc:       docBG301,
}

type winAppSDKTaskNotDeclared struct{}

func init() { Register(winAppSDKTaskNotDeclared{}) }

func (winAppSDKTaskNotDeclared) Meta() Meta { return metaBG301 }

func (winAppSDKTaskNotDeclared) Check(c *Context) []Finding {
	if !factsComparable(c) || len(bg301UniversalExtensions(c.Manifest)) > 0 {
		return nil
	}
	// A manifest with neither a background task nor a COM class may not be
	// the package the code runs in (a project packaged by a packaging
	// project whose manifest declares both): no finding.
	if len(appExtensions(c.Manifest)) == 0 && len(c.Manifest.ComServerClasses) == 0 {
		return nil
	}
	near := bg301NearMiss(c.Manifest)
	var out []Finding
	for _, r := range ownRegistrations(c) {
		if !r.WinAppSDK {
			continue
		}
		msg := fmt.Sprintf("%s is registered with the Windows App SDK's BackgroundTaskBuilder, but %s has no windows.backgroundTasks "+
			"extension with EntryPoint=\"%s\", so Register() fails and the task never runs", taskLabel(r), manifestName(c.Manifest), winAppSDKEntryPoint)
		if near != nil {
			msg += fmt.Sprintf("; did you mean \"%s\" for the EntryPoint \"%s\"?", winAppSDKEntryPoint, strings.TrimSpace(near.EntryPoint.Value))
		}
		f := AtCode(metaBG301, registrationPos(c.Facts, r), "%s", msg)
		if near != nil {
			f.Related = append(f.Related, RelatedManifest(c.Manifest, attrPos(near.EntryPoint, near.Element), "this EntryPoint is almost the Windows App SDK's"))
		}
		out = append(out, f)
	}
	return out
}

// bg301UniversalExtensions are the Applications' extensions that declare
// the Windows App SDK's UniversalBGTask.Task.
func bg301UniversalExtensions(man *manifest.Manifest) []*manifest.BackgroundTaskExtension {
	var out []*manifest.BackgroundTaskExtension
	for _, bt := range appExtensions(man) {
		if strings.TrimSpace(bt.EffectiveEntryPoint()) == winAppSDKEntryPoint {
			out = append(out, bt)
		}
	}
	return out
}

// bg301NearMiss is an Application's extension whose own EntryPoint is
// almost UniversalBGTask.Task: another case, the class without ".Task", a
// few typos.
func bg301NearMiss(man *manifest.Manifest) *manifest.BackgroundTaskExtension {
	for _, bt := range appExtensions(man) {
		if bg301IsNearMiss(bt) {
			return bt
		}
	}
	return nil
}

func bg301IsNearMiss(bt *manifest.BackgroundTaskExtension) bool {
	if !bt.EntryPoint.Present {
		return false
	}
	ep := strings.TrimSpace(bt.EntryPoint.Value)
	if ep == "" || ep == winAppSDKEntryPoint {
		return false
	}
	if strings.Contains(strings.ToLower(ep), "universalbgtask") {
		return true
	}
	// the distance is at least the difference in length (in runes; the
	// builder's name is ASCII): most entry points are far shorter, and
	// the table is not worth building
	if d := utf8.RuneCountInString(ep) - len(winAppSDKEntryPoint); d > 5 || d < -5 {
		return false
	}
	return editDistance(ep, winAppSDKEntryPoint) <= 5
}
