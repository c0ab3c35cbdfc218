package rules

import (
	"fmt"
	"runtime/debug"
)

// Run applies every rule to one App and returns the findings with the
// default severities (config and suppressions are applied afterwards). A rule
// that panics does not take the others down: its panic comes back as an
// error naming the rule and the manifest.
func Run(c *Context) (findings []Finding, errs []error) {
	for _, r := range All() {
		m := r.Meta()
		if m.NeedsCode && c.Facts == nil {
			continue
		}
		fs, err := runOne(r, c)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		findings = append(findings, fs...)
	}
	return findings, errs
}

func runOne(r Rule, c *Context) (fs []Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			path := ""
			if c.Manifest != nil {
				path = c.Manifest.Path
			}
			err = fmt.Errorf("internal error: rule %s panicked on %s: %v\n%s", r.Meta().ID, path, p, debug.Stack())
		}
	}()
	return r.Check(c), nil
}
