package rules

import "strings"

// isApplicationClass reports whether g is the app's XAML Application class:
// the class an Application element of the manifest names as its
// EntryPoint, or a class that derives from Application
// (Windows.UI.Xaml.Application, Microsoft.UI.Xaml.Application). Named as a
// background task's entry point, it is not a task class at all: BG203 says
// so, and the visibility and project rules leave it alone.
func (g *classGroup) isApplicationClass(c *Context) bool {
	if c.Manifest != nil {
		for _, app := range c.Manifest.Applications {
			if app.EntryPoint.Present && strings.TrimSpace(app.EntryPoint.Value) == g.Name {
				return true
			}
		}
	}
	for _, p := range g.Parts {
		for _, b := range p.Bases {
			if simpleName(normalizeTypeName(b)) == "Application" {
				return true
			}
		}
	}
	return false
}
