package lsp

import (
	"crypto/sha256"
	"strconv"
	"strings"
)

// codeActions answers textDocument/codeAction with the quick fixes of the
// diagnostics the client sends back (matched by rule and range). A client
// that sends no diagnostics gets the fixes of every diagnostic that
// overlaps the requested range.
func (s *server) codeActions(p CodeActionParams) []CodeAction {
	out := []CodeAction{}
	if !wantsQuickFix(p.Context.Only) {
		return out
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return out
	}
	items := s.diags.items(s.ws.canonical(path))
	byKey := map[string]published{}
	for _, it := range items {
		if it.action != nil {
			byKey[diagKey(it.diag)] = it
		}
	}
	// An action's edits are positions in the texts the check saw. When a
	// buffer or a file changed since (and the next check has not published
	// yet), they would land in the wrong place: such an action is not
	// offered, the rule `check --fix` follows with its snapshots.
	now := &texts{snap: s.snapshot(), cache: map[string]*text{}}
	seen := map[string]bool{}
	add := func(it published, d Diagnostic) {
		a := *it.action
		k := a.Title + "\x00" + diagKey(d)
		if seen[k] {
			return
		}
		seen[k] = true
		if !basisCurrent(it.basis, now) {
			s.log.Printf("%s: fix for %s not offered: the text changed since it was checked", path, it.diag.Code)
			return
		}
		a.Diagnostics = []Diagnostic{d}
		out = append(out, a)
	}
	if len(p.Context.Diagnostics) > 0 {
		for _, d := range p.Context.Diagnostics {
			if d.Source != "" && d.Source != "bgmanifest" {
				continue
			}
			if it, ok := byKey[diagKey(d)]; ok {
				add(it, d)
			}
		}
		return out
	}
	for _, it := range items {
		if it.action != nil && overlaps(it.diag.Range, p.Range) {
			add(it, it.diag)
		}
	}
	return out
}

// basisCurrent reports whether every file an action edits still has the
// text its edits were computed on: the open buffer's, else the file's on
// disk.
func basisCurrent(basis []textBasis, now *texts) bool {
	for _, b := range basis {
		t := now.get(b.path)
		if t == nil || sha256.Sum256(t.b) != b.sum {
			return false
		}
	}
	return true
}

// wantsQuickFix: an "only" filter must admit the quickfix kind (or a
// parent of it such as "" — every kind).
func wantsQuickFix(only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == "" || k == CodeActionQuickFix || strings.HasPrefix(CodeActionQuickFix, k+".") {
			return true
		}
	}
	return false
}

func before(a, b Position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

// overlaps reports whether two ranges share a position; an empty range (the
// cursor) overlaps the range it touches.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func itoa(n int) string { return strconv.Itoa(n) }
