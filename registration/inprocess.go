package registration

import (
	"slices"
	"strings"
)

// In-process tasks run in Application.OnBackgroundActivated, which the
// documentation says "can be treated just like IBackgroundTask.Run": the
// task ends when the override returns, so an async override that awaits
// before it takes args.TaskInstance.GetDeferral() lets the host end the
// task while its work still runs (audit 26: SudaWifiLogin's VB
// Async Sub OnBackgroundActivated; audit 22: NRadio's shape).

// InProcessHandler is an async OnBackgroundActivated override of a C# or
// VB App that awaits before it takes the deferral, as written, with what
// BG205 needs to judge it as it judges Run.
type InProcessHandler struct {
	// Name is the class's full name and the method's ("App.OnBackgroundActivated").
	Name string `json:"name"`
	Pos  Pos    `json:"pos"`
	// End is the method's closing brace or End Sub.
	End Pos `json:"end"`
	// AsyncPos is the first await that may suspend (invalid when none).
	AsyncPos Pos `json:"asyncPos"`
	// DeferralGet are the GetDeferral() calls in it, and its calls of
	// methods of its class that take the deferral.
	DeferralGet []Pos `json:"deferralGet"`
	// DeferralMaybe are the places that hand the activation's arguments or
	// its task instance to other code, which may take the deferral: a call
	// argument, an assignment, a capture. At an awaited statement the
	// position is the await's.
	DeferralMaybe []Pos `json:"deferralMaybe,omitempty"`
}

// inProcessHandlers analyses every async OnBackgroundActivated override of
// the App's C# and VB code. A handler that is not async returns when its
// work is done (or hands it on, which is its callee's business). Only the
// handlers that may await before they take the deferral are listed: one
// that takes it, or hands its arguments on, before its first await as
// written is in time whatever that await does, and is not analysed
// further (telling whether an await suspends asks for the files that
// define the awaited method).
func inProcessHandlers(ix *appIndex) []InProcessHandler {
	var out []InProcessHandler
	subscribed := -1 // unknown yet
	isSubscribed := func() bool {
		if subscribed < 0 {
			subscribed = 0
			if eventSubscribed(ix) {
				subscribed = 1
			}
		}
		return subscribed == 1
	}
	for _, f := range ix.files {
		if f.lang != CSharp && f.lang != VB {
			continue
		}
		for _, m := range f.methods {
			if m.class == nil || !strings.EqualFold(m.name, "OnBackgroundActivated") || len(m.params) != 1 ||
				!hasModFold(m.mods, "async") || !hasModFold(m.mods, "override") && !hasModFold(m.mods, "overrides") {
				continue
			}
			if h, ok := analyseHandler(ix, m, isSubscribed); ok {
				out = append(out, h)
			}
		}
	}
	return out
}

// eventSubscribed reports C# or VB code that names the Application's
// BackgroundActivated event (+=, AddHandler, Handles): the base
// OnBackgroundActivated raises it, so its handlers run in the base call.
func eventSubscribed(ix *appIndex) bool {
	for _, f := range ix.files {
		if f.lang != CSharp && f.lang != VB {
			continue
		}
		for _, t := range f.toks {
			if identIs(t, "BackgroundActivated", f.lang == VB) {
				return true
			}
		}
	}
	return false
}

// analyseHandler fills the facts of one override, or reports false when
// it surely takes the deferral in time (see inProcessHandlers).
// subscribed says whether the App handles the BackgroundActivated event,
// which the base call raises.
func analyseHandler(ix *appIndex, m *methodDecl, subscribed func() bool) (InProcessHandler, bool) {
	f := m.file
	body := m.body()
	nested := nestedMask(f.lang, body)
	written := Pos{} // the first own await as written
	for i, t := range body {
		if (nested == nil || !nested[i]) && t.Kind == TokIdent && !t.Alt && !t.Guard && isAwaitWord(f.lang, t) {
			written = f.pos(t)
			break
		}
	}
	if !written.IsValid() {
		return InProcessHandler{}, false // never suspends: runs to its end
	}
	// the methods of every part of the App class: a call of one that
	// takes the deferral takes it where the handler makes the call
	byName := map[string][]*methodDecl{}
	plainBase := false
	for _, c := range ix.classes[m.class.name] {
		if c.full != m.class.full {
			continue
		}
		for _, b := range c.bases {
			plainBase = plainBase || lastPart(b) == "Application"
		}
		for _, cm := range c.methods {
			k := strings.ToLower(cm.name)
			byName[k] = append(byName[k], cm)
		}
	}
	h := InProcessHandler{Name: m.class.full + "." + m.name, Pos: m.pos}
	inTime := func(ps []Pos) bool {
		return slices.ContainsFunc(ps, func(p Pos) bool { return !posLess(written, p) })
	}
	if h.DeferralGet = sortPos(deferralTakes(m, body, byName)); inTime(h.DeferralGet) {
		return InProcessHandler{}, false
	}
	// the base call raises the BackgroundActivated event when the base is
	// Windows.UI.Xaml.Application; a framework's application class (Prism,
	// Template 10) may do anything with the arguments there
	if h.DeferralMaybe = argumentsHandedOn(m, body, !plainBase || baseCallBefore(m, body, written) && subscribed()); inTime(h.DeferralMaybe) {
		return InProcessHandler{}, false
	}
	if m.e >= 0 && m.e < len(f.toks) {
		h.End = f.pos(f.toks[m.e])
	}
	h.AsyncPos = firstSuspension(ix, f, body, nested)
	return h, true
}

// baseCallBefore reports a base.OnBackgroundActivated(param) call before
// the position at.
func baseCallBefore(m *methodDecl, b []Token, at Pos) bool {
	if len(m.params) == 0 {
		return false
	}
	for i, t := range b {
		if !posLess(m.file.pos(t), at) {
			return false
		}
		if identIs(t, m.params[0].name, m.file.lang == VB) && baseCallArgument(m.file.lang, b, i) {
			return true
		}
	}
	return false
}

// argumentsHandedOn lists the places where the handler lets its
// BackgroundActivatedEventArgs, or the task instance in it, reach other
// code: the parameter or param.TaskInstance used as a value (a call
// argument, an assignment, a return, a lambda's capture), not as the
// receiver of a member (args.TaskInstance.TriggerDetails,
// args.TaskInstance.Task.Name). Any of them may take the deferral, so each
// counts as a deferral taken there, in the handler's favour. The base
// call (base.OnBackgroundActivated(args), which the documentation's
// example makes) counts only when baseCounts: Application's own only
// raises the BackgroundActivated event.
func argumentsHandedOn(m *methodDecl, b []Token, baseCounts bool) []Pos {
	param := m.params[0].name
	if param == "" {
		return nil
	}
	lang := m.file.lang
	var out []Pos
	for i, t := range b {
		if !identIs(t, param, lang == VB) || i > 0 && isAccess(b[i-1]) {
			continue
		}
		j := i + 1
		if j+1 < len(b) && isAccess(b[j]) && identIs(b[j+1], "TaskInstance", lang == VB) {
			j += 2
		}
		if j < len(b) && (isAccess(b[j]) || isPunct(b[j], "(") || isPunct(b[j], "?")) {
			continue // a member of it: a property read or a method call
		}
		if !baseCounts && baseCallArgument(lang, b, i) {
			continue
		}
		at := t
		// the whole statement, out of the argument lists around the use
		start := statementStart(lang, b, i)
		for start > 0 && (isPunct(b[start-1], "(") || isPunct(b[start-1], "[")) {
			start = statementStart(lang, b, start-1)
		}
		for k := start; k < i; k++ {
			if b[k].Kind == TokIdent && isAwaitWord(lang, b[k]) {
				at = b[k] // awaited: the callee runs up to its first await first
				break
			}
		}
		out = append(out, m.file.pos(at))
	}
	return sortPos(out)
}

// baseCallArgument reports b[i] as the whole argument of
// base.OnBackgroundActivated( … ) (MyBase. in VB).
func baseCallArgument(lang Language, b []Token, i int) bool {
	return i >= 4 && i+1 < len(b) && isPunct(b[i-1], "(") && isPunct(b[i+1], ")") &&
		identIs(b[i-2], "OnBackgroundActivated", lang == VB) && isAccess(b[i-3]) &&
		(identIs(b[i-4], "base", false) || identIs(b[i-4], "MyBase", lang == VB))
}
