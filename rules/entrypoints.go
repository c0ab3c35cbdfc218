package rules

import (
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
)

// classDecl is a manifest attribute that names a class the background-task
// host activates: a windows.backgroundTasks EntryPoint, or the EntryPoint
// of an app service, update task or pre-installed configuration task
// (manifest.HostedCategories). The class rules BG103, BG108 and
// BG201–BG204 judge them all alike.
type classDecl struct {
	Name string // the EntryPoint value, spaces trimmed
	// BT is the background-task extension; nil for the other categories,
	// whose extension is Hosted.
	BT     *manifest.BackgroundTaskExtension
	Hosted *manifest.HostedExtension
}

// Attr is the EntryPoint attribute.
func (d classDecl) Attr() manifest.Attr {
	if d.BT != nil {
		return d.BT.EntryPoint
	}
	return d.Hosted.EntryPoint
}

// Pos is where a finding about the declaration points: the EntryPoint value.
func (d classDecl) Pos() manifest.Pos {
	if d.BT != nil {
		return attrPos(d.BT.EntryPoint, d.BT.Element)
	}
	return attrPos(d.Hosted.EntryPoint, d.Hosted.Element)
}

// What names the kind of declaration in messages.
func (d classDecl) What() string {
	if d.BT != nil {
		return "background task"
	}
	switch d.Hosted.Category.Value {
	case "windows.appService":
		return "app service"
	case "windows.updateTask":
		return "update task"
	}
	return "pre-installed configuration task"
}

// hostedDecls are the app service, update task and pre-installed
// configuration task declarations whose EntryPoint names a class the
// background-task host activates. Left out: an extension hosted by its
// own Executable, and the desktop bridge's "Windows.FullTrustApplication"
// (the app's exe serves the app service), which name no class of a
// component; and an EntryPoint that is not a dotted class name (BG006's
// business for background tasks; nothing to look up here).
func hostedDecls(man *manifest.Manifest) []classDecl {
	if man == nil {
		return nil
	}
	var out []classDecl
	for _, h := range man.HostedExtensions() {
		name := strings.TrimSpace(h.EntryPoint.Value)
		if !h.EntryPoint.Present || h.Executable.Present || !strings.Contains(name, ".") || strings.ContainsAny(name, `$ /\`) {
			continue
		}
		if strings.HasPrefix(name, "Windows.") && strings.HasSuffix(name, "TrustApplication") {
			continue // Windows.FullTrustApplication, Windows.PartialTrustApplication
		}
		out = append(out, classDecl{Name: name, Hosted: &h})
	}
	return out
}

// appClassDecls are the declarations of the Applications whose class the
// App's code must define (BG103, BG108): every application-level
// windows.backgroundTasks extension with its own EntryPoint, then the
// hosted ones (hostedDecls).
func appClassDecls(man *manifest.Manifest) []classDecl {
	if man == nil {
		return nil
	}
	var out []classDecl
	for _, bt := range appExtensions(man) {
		if bt.EntryPoint.Present && !inAppAudio(man, bt) {
			out = append(out, classDecl{Name: strings.TrimSpace(bt.EntryPoint.Value), BT: bt})
		}
	}
	return append(out, hostedDecls(man)...)
}

// inAppAudio reports whether a declaration is Windows 8.x background audio:
// only <Task Type="audio"/>, with the Application's own class as its
// EntryPoint. The app plays in its own process; the class is not activated
// as a background task, so the class rules do not judge it.
func inAppAudio(man *manifest.Manifest, bt *manifest.BackgroundTaskExtension) bool {
	if len(bt.Tasks) == 0 || bt.AppIndex < 0 || bt.AppIndex >= len(man.Applications) {
		return false
	}
	for _, t := range bt.Tasks {
		if strings.TrimSpace(t.Type.Value) != "audio" {
			return false
		}
	}
	app := man.Applications[bt.AppIndex]
	return app.EntryPoint.Present && strings.TrimSpace(app.EntryPoint.Value) == strings.TrimSpace(bt.EntryPoint.Value)
}
