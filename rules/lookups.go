package rules

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/registration"
)

// What the App's look-ups of the registered tasks (AllTasks and
// equivalents) can find, shared by BG208 and BG212.

// lookUpsKnown reports whether every look-up the scanner found comes with
// the names it compares with (else each counts as one that may find any
// task).
func lookUpsKnown(f *registration.Facts) bool {
	return len(f.LookUps) >= len(f.ExistingChecks)
}

// lookUpFinds reports whether some look-up of the App may find a task
// registered under name: one that compares with that name or tests for a
// prefix of it, or one that may match any task (no comparison, or a value
// the scanner could not resolve).
func lookUpFinds(f *registration.Facts, name string) bool {
	if !lookUpsKnown(f) {
		return len(f.ExistingChecks) > 0
	}
	for _, l := range f.LookUps {
		if l.Any {
			return true
		}
		for _, n := range l.Names {
			if n == name && !slices.Contains(l.HandlerOnly, n) {
				return true // a look-up that only attaches handlers decides nothing
			}
		}
		for _, p := range l.Prefixes {
			if strings.HasPrefix(name, p) {
				return true
			}
		}
	}
	return false
}

// strayLookUpName is a name a look-up compares with that no registration
// of the App uses.
type strayLookUpName struct {
	Name string
	Pos  registration.Pos
}

// strayLookUpNames lists, in position order, the names look-ups compare
// with that no registration uses; nil when some registration's name is
// not resolved (it could be any of them).
func strayLookUpNames(f *registration.Facts) []strayLookUpName {
	registered := map[string]bool{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if !r.Name.Resolved {
			return nil
		}
		registered[r.Name.Str] = true
	}
	var out []strayLookUpName
	seen := map[string]bool{}
	for _, l := range f.LookUps {
		for k, n := range l.Names {
			if registered[n] || seen[n] {
				continue
			}
			seen[n] = true
			p := l.Pos
			if k < len(l.NamePos) && l.NamePos[k].IsValid() {
				p = l.NamePos[k]
			}
			out = append(out, strayLookUpName{Name: n, Pos: p})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return posLess(out[i].Pos, out[j].Pos) })
	return out
}

// lookUpNameMismatch pairs a name a look-up compares with, which no
// registration uses, with the registration whose name no look-up finds
// and is close to it (a misspelling, a case difference).
type lookUpNameMismatch struct {
	Looked     strayLookUpName
	Registered *registration.Registration
}

// lookUpNameMismatches lists the look-up names that miss a registered
// name. It says nothing when some registration could not be followed (the
// compared name may be its) and pairs only near misses: a name far from
// every registered one may be a task registered by code the scanner
// cannot see.
func lookUpNameMismatches(f *registration.Facts) []lookUpNameMismatch {
	if len(f.LookUps) == 0 || registrationsUncertain(f) {
		return nil
	}
	stray := strayLookUpNames(f)
	if len(stray) == 0 {
		return nil
	}
	var unchecked []*registration.Registration
	seen := map[string]bool{}
	for i := range f.Registrations {
		r := &f.Registrations[i]
		if systemManaged(r) || r.MayNotRun() || r.Name.Str == "" || seen[r.Name.Str] || lookUpFinds(f, r.Name.Str) {
			// a registration in code that never runs (or may never be
			// built) is not "registered again on every run" (audit 29)
			continue
		}
		seen[r.Name.Str] = true
		unchecked = append(unchecked, r)
	}
	var out []lookUpNameMismatch
	for _, s := range stray {
		var best *registration.Registration
		bestDist := -1
		for _, r := range unchecked {
			d := editDistance(strings.ToLower(s.Name), strings.ToLower(r.Name.Str))
			near := d <= 3 || d*3 <= utf8.RuneCountInString(r.Name.Str)
			if near && (bestDist < 0 || d < bestDist) {
				best, bestDist = r, d
			}
		}
		if best != nil {
			out = append(out, lookUpNameMismatch{Looked: s, Registered: best})
		}
	}
	return out
}
